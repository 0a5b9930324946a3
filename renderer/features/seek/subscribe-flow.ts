/**
 * The steps of subscribing, without UI: discover → (choose) → preview → confirm. Each step's
 * failure is a thrown error whose message the form shows as it is.
 */
import type { DiscoveredFeed, FetchFeedResponse } from '../../../shared/feeds/feed-schemas';
import type { Source, SourceKind } from '../../../shared/model';
import { addSource, canonicalSourceUrl, StoreError, storeFetchResult, type CommonplaceDb } from '../../data';
import type { HostClient } from '../../host/host-client';
import { toIncomingItems, type Normalize } from './feed-items';

type Host = Pick<HostClient, 'call'>;
export type FeedPreviewResponse = Extract<FetchFeedResponse, { status: 'ok' }>;

/** Adds https:// to a bare host name, as a browser's address bar would. */
export function withScheme(input: string): string {
  const trimmed = input.trim();
  return /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
}

export async function discoverFeeds(host: Host, input: string): Promise<DiscoveredFeed[]> {
  const url = withScheme(input);
  canonicalSourceUrl(url); // throws a readable StoreError for "not a web address"
  const found = await host.call('feed:discover', { url });
  if (found.feeds.length === 0) {
    throw new StoreError('not-found', `No feed was found at ${found.pageUrl}. Try the address of the feed itself, often ending in /feed or /rss.xml.`);
  }
  return found.feeds;
}

/** Refuses before fetching when the feed is already followed: no need to bother its server. */
export async function ensureNotFollowed(db: CommonplaceDb, url: string): Promise<void> {
  const canonical = canonicalSourceUrl(url);
  const existing = await db.sources.where('url').equals(canonical).first();
  if (existing) throw new StoreError('duplicate-url', `You already follow this as “${existing.title}”.`, existing.id);
}

export interface FeedPreview {
  /** The address to store: where the feed moved to, if it moved permanently. */
  url: string;
  title: string;
  itemTitles: string[];
  itemCount: number;
  response: Pick<FeedPreviewResponse, 'feed'> & Partial<Pick<FeedPreviewResponse, 'etag' | 'lastModified' | 'retryAfter'>>;
  /** For a hashtag or search source: its kind, what was typed, and where its first fetch stopped. */
  search?: { kind: Exclude<SourceKind, 'feed'>; query: string; cursor?: string };
}

/**
 * Hashtags and searches typed into the same box as feed addresses (`#pkm@social.example`, `hn:local-first`,
 * `bsky:@alice.bsky.social`, `reddit:r/sub words`). The host reads them exactly (and says what is wrong).
 */
export function isSourceSpec(input: string): boolean {
  return /^\s*(#[^\s@]+@\S+|(hn|bsky|reddit):\S)/i.test(input);
}

/** Fetches a hashtag or search source once, as a preview like a feed's, without storing anything. */
export async function previewSource(host: Host, db: CommonplaceDb, normalize: Normalize, input: string, itemsShown = 5): Promise<FeedPreview> {
  const query = input.trim();
  const response = await host.call('source:fetch', { query });
  await ensureNotFollowed(db, response.endpoint);
  const normalized = normalize(response.feed, { feedUrl: canonicalSourceUrl(response.endpoint), sourceId: 'preview', fetchedAt: Date.now() });
  return {
    url: response.endpoint,
    title: response.title,
    itemTitles: normalized.items.slice(0, itemsShown).map((item) => item.title?.trim() || 'Untitled'),
    itemCount: normalized.items.length,
    response: { feed: response.feed, ...(response.retryAfter ? { retryAfter: response.retryAfter } : {}) },
    search: { kind: response.kind, query, ...(response.cursor !== undefined ? { cursor: response.cursor } : {}) },
  };
}

export async function previewFeed(host: Host, db: CommonplaceDb, normalize: Normalize, feed: DiscoveredFeed, itemsShown = 5): Promise<FeedPreview> {
  await ensureNotFollowed(db, feed.url);
  const response = await host.call('feed:fetch', { url: feed.url });
  if (response.status !== 'ok') throw new StoreError('not-found', 'The feed answered without content. Please try again.');
  const url = response.movedTo ?? feed.url;
  if (url !== feed.url) await ensureNotFollowed(db, url);
  const normalized = normalize(response.feed, { feedUrl: canonicalSourceUrl(url), sourceId: 'preview', fetchedAt: Date.now() });
  const title = normalized.title?.trim() || response.feed.title?.trim() || feed.title?.trim() || new URL(url).hostname;
  const itemTitles = normalized.items.slice(0, itemsShown).map((item) => item.title?.trim() || 'Untitled');
  return { url, title, itemTitles, itemCount: normalized.items.length, response };
}

export interface Subscribed {
  source: Source;
  newItems: number;
}

/**
 * Stores the source and the items the preview already fetched, so nothing is fetched twice. All in one
 * transaction: a failure midway leaves no subscription without its stories (which would also refuse the
 * user's second try as "already followed"), so subscribing again simply works.
 */
export async function confirmSubscription(db: CommonplaceDb, normalize: Normalize, preview: FeedPreview, now = Date.now()): Promise<Subscribed> {
  const { response } = preview;
  return db.transaction('rw', db.sources, db.items, async () => {
    const source = await addSource(db, { kind: preview.search?.kind ?? 'feed', url: preview.url, title: preview.title, ...(preview.search ? { query: preview.search.query } : {}) });
    // Keyed by the stored address, as every later refresh will be, so no story is stored twice.
    const normalized = normalize(response.feed, { feedUrl: source.url, sourceId: source.id, fetchedAt: now });
    // Never undefined: the source was added in this very transaction.
    const stored = (await storeFetchResult(db, source.id, {
      items: toIncomingItems(normalized.items, source.id, now),
      success: {
        at: now,
        ...(response.etag ? { etag: response.etag } : {}),
        ...(response.lastModified ? { lastModified: response.lastModified } : {}),
        ...(response.retryAfter ? { retryAfter: response.retryAfter } : {}),
        ...(normalized.ttlMinutes ? { ttlMinutes: normalized.ttlMinutes } : {}),
      },
      ...(preview.search?.cursor !== undefined ? { cursor: preview.search.cursor } : {}),
      ...(normalized.siteUrl ? { siteUrl: normalized.siteUrl } : {}),
    }))!;
    return { source: stored.source, newItems: stored.addedIds.length };
  });
}
