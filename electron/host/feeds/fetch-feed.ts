/**
 * `feed:fetch`: one polite GET, then bytes → text → repaired XML or JSON → ParsedFeed with sanitised HTML.
 * `readFeed` is the network-free half (bytes in, feed out), shared by discovery and the corpus tests.
 */
import { gunzipSync } from 'node:zlib';
import type { FetchFeedResponse, ParsedFeed } from '../../../shared/feeds/feed-schemas';
import { HostFailure } from '../../../shared/host-error';
import { looksBinary } from '../net/binary-data';
import { decodeBytes } from '../net/charset';
import { countStartTags } from '../net/markup-size';
import { defaults, httpGet, type HttpFetchOptions, type HttpRequest } from './http-fetch';
import { capItems } from './item-cap';
import { parseFeedText } from './parse-feed';
import { htmlAsText, sanitizeHtml } from './sanitize';

export type FetchFeedOptions = HttpFetchOptions;

export interface ReadFeedOptions {
  contentType?: string;
  /** Where the bytes came from: the base for relative URLs when the feed gives none. */
  url?: string;
  maxBytes?: number;
  /** Discovery only needs the title and format: skip sanitising the HTML (the slow part, jsdom). */
  sanitize?: boolean;
  /** At most this many items are kept (see item-cap.ts). */
  maxItems?: number;
  /** At most this many elements of HTML are sanitised as markup (see maxFeedElements). */
  maxElements?: number;
}

export interface ReadFeedResult {
  feed: ParsedFeed;
  encoding: string;
  repairs: string[];
}

export async function fetchFeed(request: HttpRequest, options: FetchFeedOptions = {}): Promise<FetchFeedResponse> {
  const result = await httpGet(request, options);
  const meta = {
    finalUrl: result.finalUrl,
    ...(result.movedTo ? { movedTo: result.movedTo } : {}),
    ...(result.etag ? { etag: result.etag } : {}),
    ...(result.lastModified ? { lastModified: result.lastModified } : {}),
    ...(result.retryAfter !== undefined ? { retryAfter: result.retryAfter } : {}),
  };
  if (result.status === 'not-modified') return { status: 'not-modified', ...meta };
  const { feed, encoding, repairs } = await readFeed(result.body, {
    contentType: result.contentType,
    url: result.finalUrl,
    maxBytes: options.maxBytes,
  });
  return { status: 'ok', ...meta, feed, encoding, repairs };
}

export async function readFeed(input: Uint8Array, options: ReadFeedOptions = {}): Promise<ReadFeedResult> {
  const repairs: string[] = [];
  const bytes = gunzipIfCompressed(input, options.maxBytes ?? defaults.maxBytes, repairs);
  const { text, encoding } = decodeBytes(bytes, options.contentType);
  // Before the repairs, which would cut "junk" up to the first '<' of random bytes and call the rest XML.
  if (looksBinary(text)) throw new HostFailure('not-a-feed', 'This address returned binary data, not a feed.');
  const parsed = await parseFeedText(text, { contentType: options.contentType, url: options.url });
  const cap = capItems(parsed.feed.items, options.maxItems);
  const capped = { ...parsed.feed, items: parsed.feed.items.slice(cap.start, cap.start + cap.count) };
  const bases = parsed.htmlBases.slice(cap.start, cap.start + cap.count);
  repairs.push(...parsed.repairs, ...(cap.repair ? [cap.repair] : []));
  const feed = options.sanitize === false ? capped : await sanitizeFeed(capped, bases, repairs, options.maxElements);
  return { feed, encoding, repairs };
}

/**
 * Some servers send a .gz file as the body without Content-Encoding (or compress twice). The gzip
 * magic number cannot start a feed, so decompress it — with the same cap on the output.
 */
function gunzipIfCompressed(bytes: Uint8Array, maxBytes: number, repairs: string[]): Uint8Array {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    const inflated = gunzipSync(bytes, { maxOutputLength: maxBytes });
    repairs.push('Decompressed a gzip body the server sent without saying so.');
    return inflated;
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new HostFailure('too-large', 'The feed is too large once decompressed; it was not read.');
    }
    throw new HostFailure('not-a-feed', 'This address returned a compressed file that could not be read as a feed.');
  }
}

/** How long sanitising may hold the host's only thread before letting other calls and requests in. */
const sliceMs = 20;

/**
 * Elements of HTML sanitised as markup in one feed document: a full-content feed of a hundred long posts
 * has some 50,000. Past it (a server filling the 15 MiB cap with markup: two million elements, minutes
 * of jsdom work), the rest of the feed's HTML keeps its words as text.
 */
export const maxFeedElements = 200_000;

/**
 * Every HTML field is sanitised against its entry's base before it leaves the host. A thousand items
 * take seconds of jsdom work; done in one go, that froze every other host call (the web host's requests,
 * Electron's main process) until the feed was done, so the work yields to the event loop now and then.
 */
async function sanitizeFeed(feed: ParsedFeed, htmlBases: (string | undefined)[], repairs: string[], budget = maxFeedElements): Promise<ParsedFeed> {
  const items: ParsedFeed['items'] = [];
  let left = budget;
  let overBudget = false;
  const clean = (html: string | undefined, base: string | undefined): string => {
    if (!html) return '';
    const cost = countStartTags(html, left);
    if (cost > left) {
      overBudget = true;
      return htmlAsText(html);
    }
    left -= cost;
    return sanitizeHtml(html, base);
  };
  let sliceStart = performance.now();
  for (const [index, item] of feed.items.entries()) {
    const base = htmlBases[index] ?? item.baseUrl;
    const contentHtml = clean(item.contentHtml, base);
    const summaryHtml = clean(item.summaryHtml, base);
    const { contentHtml: _content, summaryHtml: _summary, ...rest } = item;
    items.push({ ...rest, ...(contentHtml ? { contentHtml } : {}), ...(summaryHtml ? { summaryHtml } : {}) });
    if (performance.now() - sliceStart > sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
  if (overBudget) repairs.push(`Kept some items' HTML as plain text: the feed holds more markup than Commonplace reads in one go (${budget.toLocaleString('en')} elements).`);
  return { ...feed, items };
}
