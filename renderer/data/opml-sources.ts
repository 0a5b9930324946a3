/**
 * Between OPML outlines and stored sources. Parsing and writing the XML is shared/opml's job; this
 * module adds the parsed subscriptions to the library (refusing duplicates one by one, so one bad
 * outline never loses the other ninety-nine) and turns sources back into outlines for export.
 */
import type { Source } from '../../shared/model';
import type { OpmlSubscription } from '../../shared/opml/opml-types';
import type { CommonplaceDb } from './db';
import { addSource } from './sources';
import { isStoreError } from './store-error';

export type { OpmlSubscription };

export interface ImportSkip {
  reason: string;
  detail: string;
}

export interface ImportResult {
  added: Source[];
  skipped: ImportSkip[];
}

/**
 * Nested OPML folders become one folder name, `Outer / Inner`: the sidebar shows one level, and
 * export splits it back, so a round trip keeps the nesting.
 */
export const folderSeparator = ' / ';

export function folderName(path: readonly string[]): string | undefined {
  const parts = path.map((part) => part.trim()).filter((part) => part !== '');
  return parts.length > 0 ? parts.join(folderSeparator) : undefined;
}

export function folderPath(folder: string | undefined): string[] {
  return folder ? folder.split(folderSeparator).filter((part) => part !== '') : [];
}

export async function importSubscriptions(db: CommonplaceDb, subscriptions: readonly OpmlSubscription[]): Promise<ImportResult> {
  const added: Source[] = [];
  const skipped: ImportSkip[] = [];
  for (const subscription of subscriptions) {
    const name = subscription.title.trim() || subscription.xmlUrl;
    try {
      const folder = folderName(subscription.folderPath);
      const source = await addSource(db, {
        kind: 'feed',
        url: subscription.xmlUrl,
        title: subscription.title,
        ...(subscription.htmlUrl ? { siteUrl: subscription.htmlUrl } : {}),
        ...(folder ? { folder } : {}),
        ...(subscription.tags && subscription.tags.length > 0 ? { tags: [...subscription.tags] } : {}),
      });
      added.push(source);
    } catch (error) {
      if (isStoreError(error, 'duplicate-url')) skipped.push({ reason: 'duplicate', detail: `${name}: ${error.message}` });
      else if (isStoreError(error, 'invalid-url')) skipped.push({ reason: 'invalid URL', detail: `${name}: ${error.message}` });
      else throw error;
    }
  }
  return { added, skipped };
}

/** Every followed feed as an OPML subscription, folders split back into a path. */
export function sourcesToSubscriptions(sources: readonly Source[]): OpmlSubscription[] {
  return sources
    .filter((source) => source.kind === 'feed')
    .map((source) => {
      const subscription: OpmlSubscription = { title: source.title, xmlUrl: source.url, folderPath: folderPath(source.folder) };
      if (source.siteUrl) subscription.htmlUrl = source.siteUrl;
      if (source.tags.length > 0) subscription.tags = [...source.tags];
      return subscription;
    });
}
