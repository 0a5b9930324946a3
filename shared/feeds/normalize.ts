/**
 * ParsedFeed (what the host read, as the feed wrote it) → NormalizedFeed (what the renderer stores):
 * absolute links, dates as epoch ms, plain-text titles, one image, stable dedupe keys. Pure: the same
 * feed and context always give the same result, which is what makes refreshes idempotent.
 */
import type { Enclosure, ParsedFeed, ParsedItem } from './feed-schemas';
import { effectiveDate, parseFeedDate } from './dates';
import { type DedupeInput, dedupeContext, dedupeKey } from './dedupe';
import { cleanTitle, htmlToText, snippet } from './text';
import { resolveUrl } from './urls';

export interface NormalizeContext {
  /** The subscribed address (Source.url): base of last resort for relative links, and the GUID namespace. */
  feedUrl: string;
  /** Carried for the caller's bookkeeping; keys deliberately do not depend on it (see dedupe.ts). */
  sourceId: string;
  /** When the feed was fetched (epoch ms): first-seen time of new items and "now" for dates. */
  fetchedAt: number;
}

/** Everything an `Item` needs except its id, source ids and state flags. */
export interface NormalizedItem {
  dedupeKey: string;
  guid?: string;
  /** Never empty when the entry has any text or link: feeds without titles exist. */
  title: string;
  link?: string;
  author?: string;
  /** effectiveDate: published, else updated, else first seen; never in the future. */
  publishedAt: number;
  updatedAt?: number;
  /** `fetchedAt`; for an item already stored, the caller keeps the stored value. */
  firstSeenAt: number;
  summaryHtml?: string;
  contentHtml?: string;
  imageUrl?: string;
  enclosures: Enclosure[];
  categories: string[];
  extras: Record<string, string>;
}

export interface NormalizedFeed {
  title: string;
  siteUrl?: string;
  description?: string;
  imageUrl?: string;
  language?: string;
  ttlMinutes?: number;
  items: NormalizedItem[];
}

/** Records keep optional fields out rather than `undefined` (shared/model.ts conventions). */
function compact<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

const nonEmpty = (text: string | undefined): string | undefined => (text?.trim() ? text.trim() : undefined);

/** "jane@example.com (Jane Doe)", the RSS 2.0 author form, reads as "Jane Doe". */
function cleanAuthor(raw: string | undefined): string | undefined {
  const author = cleanTitle(raw);
  const named = /^\S+@\S+\s*\((.+)\)$/.exec(author);
  return nonEmpty(named?.[1] ?? author);
}

const IMAGE_PATH = /\.(?:avif|gif|jpe?g|png|webp)$/i;

function isImage(enclosure: Enclosure): boolean {
  if (enclosure.type) return enclosure.type.toLowerCase().startsWith('image/');
  return IMAGE_PATH.test(enclosure.url.split(/[?#]/)[0] ?? '');
}

function resolveEnclosures(enclosures: readonly Enclosure[], base: string | undefined): Enclosure[] {
  const seen = new Set<string>();
  const out: Enclosure[] = [];
  for (const enclosure of enclosures) {
    const url = resolveUrl(enclosure.url, base);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    const length = enclosure.length !== undefined && Number.isFinite(enclosure.length) && enclosure.length >= 0 ? enclosure.length : undefined;
    out.push(compact({ url, type: nonEmpty(enclosure.type), length }));
  }
  return out;
}

function cleanCategories(categories: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of categories) {
    const category = cleanTitle(raw);
    if (!category || seen.has(category.toLowerCase())) continue;
    seen.add(category.toLowerCase());
    out.push(category);
  }
  return out;
}

/** The fields of an entry before it has a key; `text` feeds the content hash. */
interface Draft extends DedupeInput {
  item: Omit<NormalizedItem, 'dedupeKey'>;
}

function draftItem(entry: ParsedItem, feedBase: string | undefined, context: NormalizeContext): Draft {
  // Relative links resolve against the entry's own base (xml:base, Fluent Reader 692), else the feed.
  const base = resolveUrl(entry.baseUrl, feedBase) ?? feedBase;
  const guid = nonEmpty(entry.guid);
  // An RSS <guid> is a permalink unless it says otherwise; when there is no <link> it is the best link.
  const link = resolveUrl(entry.link, base) ?? (guid && /^https?:\/\//i.test(guid) ? resolveUrl(guid) : undefined);
  const summaryHtml = nonEmpty(entry.summaryHtml);
  const contentHtml = nonEmpty(entry.contentHtml);
  const text = htmlToText(contentHtml ?? summaryHtml);
  const title = cleanTitle(entry.title);
  const enclosures = resolveEnclosures(entry.enclosures ?? [], base);
  const published = parseFeedDate(entry.published, context.fetchedAt);
  const updated = parseFeedDate(entry.updated, context.fetchedAt);
  const imageEnclosure = enclosures.find(isImage);
  return {
    guid,
    link,
    title,
    text,
    enclosureUrls: enclosures.map((enclosure) => enclosure.url),
    item: compact({
      guid,
      title: title || snippet(text || htmlToText(summaryHtml)) || link || '',
      link,
      author: cleanAuthor(entry.author),
      publishedAt: effectiveDate(published, updated, context.fetchedAt, context.fetchedAt),
      updatedAt: updated === undefined ? undefined : Math.min(updated, context.fetchedAt),
      firstSeenAt: context.fetchedAt,
      summaryHtml,
      contentHtml,
      // The host puts media:thumbnail / itunes:image / JSON Feed image here; enclosures come second.
      imageUrl: resolveUrl(entry.imageUrl, base) ?? imageEnclosure?.url,
      enclosures,
      categories: cleanCategories(entry.categories ?? []),
      extras: { ...(entry.extras ?? {}) },
    }),
  };
}

function hostOf(url: string | undefined): string | undefined {
  return url ? /^https?:\/\/([^/?#]+)/i.exec(url)?.[1] : undefined;
}

/**
 * Normalises a parsed feed. Entries that come out with the same key (a feed listing one story twice)
 * are merged, first one wins, so the caller can write the items in one batch under a unique index.
 */
export function normalizeFeed(feed: ParsedFeed, context: NormalizeContext): NormalizedFeed {
  const feedBase = resolveUrl(context.feedUrl);
  const siteUrl = resolveUrl(feed.siteUrl, feedBase);
  const drafts = feed.items.map((entry) => draftItem(entry, feedBase, context));
  const keys = dedupeContext(drafts, { feedUrl: context.feedUrl, siteUrl });
  const seen = new Set<string>();
  const items: NormalizedItem[] = [];
  for (const draft of drafts) {
    const key = dedupeKey(draft, keys);
    if (seen.has(key)) continue;
    seen.add(key);
    items.push({ dedupeKey: key, ...draft.item });
  }
  const ttl = feed.ttlMinutes;
  return compact({
    title: cleanTitle(feed.title) || hostOf(siteUrl) || hostOf(feedBase) || context.feedUrl,
    siteUrl,
    description: nonEmpty(htmlToText(feed.description)),
    imageUrl: resolveUrl(feed.imageUrl, feedBase),
    language: nonEmpty(feed.language),
    ttlMinutes: ttl !== undefined && Number.isFinite(ttl) && ttl > 0 ? Math.round(ttl) : undefined,
    items,
  });
}
