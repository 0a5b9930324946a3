/** Sources: the feeds and saved searches Commonplace follows. */
import type { Source } from '../../shared/model';
import type { CommonplaceDb } from './db';
import { StoreError } from './store-error';

export type NewSource = Pick<Source, 'kind' | 'url' | 'title'> &
  Partial<Pick<Source, 'query' | 'siteUrl' | 'folder' | 'tags' | 'public'>>;

/**
 * The form of a source address that is stored and compared. `URL` lowercases the scheme and host,
 * drops default ports and adds the root slash, so trivially different spellings of one feed
 * are caught as duplicates. Only http(s) is accepted: nothing else can be fetched, and a
 * `javascript:` or `file:` address must never be stored.
 */
export function canonicalSourceUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new StoreError('invalid-url', `“${raw}” is not a web address.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new StoreError('invalid-url', `“${raw}” is not a web address (it must start with http:// or https://).`);
  }
  url.hash = '';
  return url.href;
}

/**
 * Adds a source, or throws StoreError `duplicate-url` (with the existing source's id) when one
 * with the same address is already followed. The check and the add share one transaction, so
 * two windows adding the same feed at once cannot both succeed.
 */
export async function addSource(db: CommonplaceDb, input: NewSource): Promise<Source> {
  const url = canonicalSourceUrl(input.url);
  const now = Date.now();
  const source: Source = {
    id: crypto.randomUUID(),
    kind: input.kind,
    url,
    title: input.title.trim() || url,
    tags: input.tags ?? [],
    nextFetchAt: now,
    createdAt: now,
    public: input.public ?? false,
  };
  if (input.query !== undefined) source.query = input.query;
  if (input.siteUrl !== undefined) source.siteUrl = input.siteUrl;
  if (input.folder !== undefined) source.folder = input.folder;

  return db.transaction('rw', db.sources, async () => {
    const existing = await db.sources.where('url').equals(url).first();
    if (existing) {
      throw new StoreError('duplicate-url', `You already follow this as “${existing.title}”.`, existing.id);
    }
    await db.sources.add(source);
    return source;
  });
}

const byTitle = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Every source, by title as a person would sort it. A few hundred rows: sorting in memory is cheap. */
export async function listSources(db: CommonplaceDb): Promise<Source[]> {
  const sources = await db.sources.toArray();
  return sources.sort((a, b) => byTitle.compare(a.title, b.title));
}
