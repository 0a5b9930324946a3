/**
 * What the host answers about feeds, as schemas (they are part of the host contract, so both
 * transports validate them) with the TypeScript types derived from them.
 *
 * Division of labour: the host fetches, decodes, parses (rss-parser for XML, shared/feeds/json-feed.ts
 * for JSON Feed) and sanitises HTML (DOMPurify), resolving relative URLs inside that HTML against each
 * entry's base. It returns a ParsedFeed: fields as the feed gave them (dates as raw strings), links
 * not yet made absolute. The pure normaliser (shared/feeds/normalize.ts) turns that into stored items:
 * absolute links, dates, clean titles, dedupe keys. It runs wherever it is needed; it has no I/O.
 */
import { z } from 'zod';

export const feedFormats = ['rss', 'rdf', 'atom', 'json'] as const;
export type FeedFormat = (typeof feedFormats)[number];

export const enclosureSchema = z.object({
  url: z.string(),
  type: z.string().optional(),
  length: z.number().optional(),
});
export type Enclosure = z.infer<typeof enclosureSchema>;

export const parsedItemSchema = z.object({
  guid: z.string().optional(),
  title: z.string().optional(),
  /** As written in the feed; may be relative to `baseUrl`. */
  link: z.string().optional(),
  /** xml:base in effect for this entry, or Content-Location / the feed URL; absolute. */
  baseUrl: z.string().optional(),
  author: z.string().optional(),
  /** Raw date strings as the feed wrote them; the normaliser parses them. */
  published: z.string().optional(),
  updated: z.string().optional(),
  /** Sanitised HTML (DOMPurify), with relative URLs inside it already made absolute. */
  contentHtml: z.string().optional(),
  summaryHtml: z.string().optional(),
  imageUrl: z.string().optional(),
  enclosures: z.array(enclosureSchema).default([]),
  categories: z.array(z.string()).default([]),
  /** iTunes and similar extras worth keeping (duration, episode, explicit…). */
  extras: z.record(z.string(), z.string()).default({}),
});
export type ParsedItem = z.infer<typeof parsedItemSchema>;

export const parsedFeedSchema = z.object({
  format: z.enum(feedFormats),
  title: z.string().optional(),
  description: z.string().optional(),
  siteUrl: z.string().optional(),
  /** The feed's own address as it states it (rel=self, feed_url); may differ from where it was fetched. */
  selfUrl: z.string().optional(),
  imageUrl: z.string().optional(),
  language: z.string().optional(),
  /** RSS <ttl> or similar, in minutes: a hint for the scheduler. */
  ttlMinutes: z.number().optional(),
  items: z.array(parsedItemSchema),
});
export type ParsedFeed = z.infer<typeof parsedFeedSchema>;

export const fetchFeedRequestSchema = z
  .object({
    url: z.string().min(1).max(4096),
    etag: z.string().max(1024).optional(),
    lastModified: z.string().max(256).optional(),
  })
  .strict();

/** HTTP facts the scheduler needs, on every answer. */
const fetchMetaSchema = z.object({
  /** Where the feed was finally read from, after redirects. */
  finalUrl: z.string(),
  /** Set when a permanent redirect (301/308) moved the feed: the stored URL should become this. */
  movedTo: z.string().optional(),
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  /** From Retry-After or Cache-Control: the earliest time (epoch ms) to ask again. */
  retryAfter: z.number().optional(),
});

export const fetchFeedResponseSchema = z.discriminatedUnion('status', [
  fetchMetaSchema.extend({ status: z.literal('not-modified') }),
  fetchMetaSchema.extend({
    status: z.literal('ok'),
    feed: parsedFeedSchema,
    /** How the bytes were decoded (utf-8, windows-1252…), and any recoveries the lenient parser made. */
    encoding: z.string(),
    repairs: z.array(z.string()).default([]),
  }),
]);
export type FetchFeedResponse = z.infer<typeof fetchFeedResponseSchema>;

export const discoverFeedsRequestSchema = z.object({ url: z.string().min(1).max(4096) }).strict();

export const discoveredFeedSchema = z.object({
  url: z.string(),
  title: z.string().optional(),
  format: z.enum(feedFormats).optional(),
});
export type DiscoveredFeed = z.infer<typeof discoveredFeedSchema>;

export const discoverFeedsResponseSchema = z.object({
  /** The address the user typed, resolved (scheme added, redirects followed). */
  pageUrl: z.string(),
  /** True when the address itself is a feed (then `feeds` holds just it). */
  isFeed: z.boolean(),
  feeds: z.array(discoveredFeedSchema),
});
export type DiscoverFeedsResponse = z.infer<typeof discoverFeedsResponseSchema>;
