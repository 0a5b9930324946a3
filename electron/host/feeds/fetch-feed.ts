/**
 * `feed:fetch`: one polite GET, then bytes → text → repaired XML or JSON → ParsedFeed with sanitised HTML.
 * `readFeed` is the network-free half (bytes in, feed out), shared by discovery and the corpus tests.
 */
import { gunzipSync } from 'node:zlib';
import type { FetchFeedResponse, ParsedFeed } from '../../../shared/feeds/feed-schemas';
import { HostFailure } from '../../../shared/host-error';
import { decodeBytes } from '../net/charset';
import { defaults, httpGet, type HttpFetchOptions, type HttpRequest } from './http-fetch';
import { parseFeedText } from './parse-feed';
import { sanitizeHtml } from './sanitize';

export type FetchFeedOptions = HttpFetchOptions;

export interface ReadFeedOptions {
  contentType?: string;
  /** Where the bytes came from: the base for relative URLs when the feed gives none. */
  url?: string;
  maxBytes?: number;
  /** Discovery only needs the title and format: skip sanitising the HTML (the slow part, jsdom). */
  sanitize?: boolean;
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
  const parsed = await parseFeedText(text, { contentType: options.contentType, url: options.url });
  const feed = options.sanitize === false ? parsed.feed : sanitizeFeed(parsed.feed, parsed.htmlBases);
  return { feed, encoding, repairs: [...repairs, ...parsed.repairs] };
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

/** Every HTML field is sanitised against its entry's base before it leaves the host. */
function sanitizeFeed(feed: ParsedFeed, htmlBases: (string | undefined)[]): ParsedFeed {
  const items = feed.items.map((item, index) => {
    const base = htmlBases[index] ?? item.baseUrl;
    const contentHtml = item.contentHtml ? sanitizeHtml(item.contentHtml, base) : '';
    const summaryHtml = item.summaryHtml ? sanitizeHtml(item.summaryHtml, base) : '';
    const { contentHtml: _content, summaryHtml: _summary, ...rest } = item;
    return { ...rest, ...(contentHtml ? { contentHtml } : {}), ...(summaryHtml ? { summaryHtml } : {}) };
  });
  return { ...feed, items };
}
