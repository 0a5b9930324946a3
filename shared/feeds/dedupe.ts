/**
 * The identity of a story: the key that makes a refresh update an item instead of adding it again,
 * and that merges the same story seen in two feeds. GUID, then canonical link, then content hash
 * (the Miniflux order, and the one shared/model.ts documents), with three rules learnt from feeds:
 *
 * - A GUID that is an http(s) URL is keyed as that URL (`url:`), so it meets the same story's link
 *   in other feeds. Any other GUID only means something inside its feed: `guid:<feed>:<guid>`.
 *   The feed part is the canonical feed URL, not the source id: ids are random per device and per
 *   subscription, so keys built on them would change after an OPML re-import or on a second device.
 * - A GUID or link is ignored when it cannot tell stories apart: when it is the feed's own address or
 *   its home page, or when two different entries of one fetch share it (feeds that give every item
 *   the same GUID, or link every item to the front page). Those entries fall back to the next rule, so
 *   distinct items never collapse. Entries that share it and are otherwise identical are the same
 *   story listed twice and keep it.
 * - Nothing in a key depends on the fetch time or on dates, so a feed without dates cannot duplicate
 *   itself on refresh (Fluent Reader 286 keyed on title + date).
 *
 * http and https are folded together in `url:` keys: moving a site to https is the commonest way a
 * story's URL changes (FreshRSS 3142), and the two schemes never name different stories in practice.
 */
import { canonicalUrl } from './urls';

/** What the key is computed from; `link` is already absolute and `text` is plain text. */
export interface DedupeInput {
  guid?: string;
  link?: string;
  title: string;
  text: string;
  enclosureUrls?: readonly string[];
}

export interface DedupeContext {
  /** Namespace for non-URL GUIDs: the canonical feed URL (see above). */
  feedKey: string;
  /** GUIDs and canonical links that must not identify an item in this feed (see `dedupeContext`). */
  ignoredGuids: ReadonlySet<string>;
  ignoredLinks: ReadonlySet<string>;
}

/**
 * A 64-bit non-cryptographic hash (bryc's cyrb53 mixing, both 32-bit lanes kept) as 16 hex digits.
 * Pure and sync; collisions are negligible at the scale of a personal library (odds of any collision
 * among a million hash-keyed items: about 3 in 100 million), and nothing here needs resistance to an
 * adversary: a forged collision only merges two stories of the forger's own making.
 */
export function hash64(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

/** Canonical URL with http folded into https, or undefined for anything that is not a web URL. */
export function urlKeyPart(url: string | undefined): string | undefined {
  const canonical = url === undefined ? undefined : canonicalUrl(url);
  return canonical?.replace(/^http:/, 'https:');
}

function contentMaterial(item: DedupeInput, feedKey: string): string {
  const parts = [item.title, item.text, ...(item.enclosureUrls ?? [])].map((part) => part.replace(/\s+/g, ' ').trim());
  // Entries with no words at all are indistinguishable: one key per feed for them.
  return parts.some(Boolean) ? parts.join('\n') : `(empty)\n${feedKey}`;
}

/** The story key for one entry, given the feed-wide context built by `dedupeContext`. */
export function dedupeKey(item: DedupeInput, context: DedupeContext): string {
  const guid = item.guid?.trim();
  if (guid && !context.ignoredGuids.has(guid)) {
    const asUrl = /^https?:\/\//i.test(guid) ? urlKeyPart(guid) : undefined;
    return asUrl ? `url:${asUrl}` : `guid:${context.feedKey}:${guid}`;
  }
  const link = urlKeyPart(item.link);
  if (link && !context.ignoredLinks.has(link)) return `url:${link}`;
  return `hash:${hash64(contentMaterial(item, context.feedKey))}`;
}

/** Values that more than one *different* entry carries, or that name the feed or site itself. */
function unreliable<T>(items: readonly T[], valueOf: (item: T) => string | undefined, fingerprintOf: (item: T) => string, own: ReadonlySet<string>): Set<string> {
  const seen = new Map<string, string>();
  const bad = new Set<string>();
  for (const item of items) {
    const value = valueOf(item);
    if (value === undefined) continue;
    if (own.has(value)) bad.add(value);
    const fingerprint = fingerprintOf(item);
    const previous = seen.get(value);
    if (previous === undefined) seen.set(value, fingerprint);
    else if (previous !== fingerprint) bad.add(value);
  }
  return bad;
}

/**
 * Looks at a whole fetch to find the GUIDs and links that do not identify stories, and fixes the
 * namespace. `feedUrl` is the subscribed address; `siteUrl` the feed's home page, when it names one.
 */
export function dedupeContext(items: readonly DedupeInput[], feed: { feedUrl: string; siteUrl?: string }): DedupeContext {
  const feedKey = urlKeyPart(feed.feedUrl) ?? feed.feedUrl.trim();
  const own = new Set([urlKeyPart(feed.feedUrl), urlKeyPart(feed.siteUrl)].filter((key): key is string => key !== undefined));
  const fingerprint = (item: DedupeInput) => hash64(`${urlKeyPart(item.link) ?? ''}\n${contentMaterial(item, feedKey)}`);
  const ownGuids = new Set<string>();
  for (const item of items) {
    const guid = item.guid?.trim();
    if (guid && own.has(urlKeyPart(guid) ?? '')) ownGuids.add(guid);
  }
  return {
    feedKey,
    ignoredGuids: unreliable(items, (item) => item.guid?.trim() || undefined, fingerprint, ownGuids),
    ignoredLinks: unreliable(items, (item) => urlKeyPart(item.link), (item) => hash64(contentMaterial(item, feedKey)), own),
  };
}
