/**
 * From the normaliser's items to stored items. The shapes here are the part of shared/feeds'
 * NormalizedFeed that Seek stores; the wiring (feed-pipeline.ts) checks the real normaliser fits them.
 */
import type { ParsedFeed } from '../../../shared/feeds/feed-schemas';
import { canonicalUrl } from '../../../shared/feeds/urls';
import type { EpochMs, Id, MediaAttachment } from '../../../shared/model';
import type { IncomingItem } from '../../data';

export interface NormalizedItemLike {
  dedupeKey: string;
  title?: string;
  link?: string;
  author?: string;
  publishedAt?: EpochMs;
  updatedAt?: EpochMs;
  summaryHtml?: string;
  contentHtml?: string;
  imageUrl?: string;
  enclosures?: readonly MediaAttachment[];
  extras?: Readonly<Record<string, string>>;
}

export interface NormalizedFeedLike {
  title?: string;
  siteUrl?: string;
  ttlMinutes?: number;
  items: readonly NormalizedItemLike[];
}

export interface NormalizeContext {
  feedUrl: string;
  sourceId: Id;
  fetchedAt: EpochMs;
}

export type Normalize = (feed: ParsedFeed, context: NormalizeContext) => NormalizedFeedLike;

/**
 * The item table keeps one HTML body per story: the feed's full content when it has one, else its
 * summary, so the reader shows the most the feed gave, offline. It was sanitised by the host and is
 * sanitised again when shown.
 */
export function toIncomingItems(items: readonly NormalizedItemLike[], sourceId: Id, fetchedAt: EpochMs): IncomingItem[] {
  return items.map((item) => {
    const incoming: IncomingItem = {
      dedupeKey: item.dedupeKey,
      sourceIds: [sourceId],
      title: item.title ?? '',
      publishedAt: item.publishedAt ?? item.updatedAt ?? fetchedAt,
    };
    const body = item.contentHtml?.trim() ? item.contentHtml : item.summaryHtml;
    if (item.link) incoming.link = item.link;
    // The link as dedupe compares it: the same story from a feed with other GUIDs joins this item.
    const canonicalLink = item.link ? canonicalUrl(item.link) : undefined;
    if (canonicalLink) incoming.canonicalLink = canonicalLink;
    if (item.author) incoming.author = item.author;
    if (body) incoming.summaryHtml = body;
    if (item.imageUrl) incoming.imageUrl = item.imageUrl;
    if (item.enclosures && item.enclosures.length > 0) incoming.enclosures = item.enclosures.map((enclosure) => ({ ...enclosure }));
    if (item.extras && Object.keys(item.extras).length > 0) incoming.extras = { ...item.extras };
    return incoming;
  });
}
