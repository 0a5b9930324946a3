/**
 * `feed:discover`: what the user typed (a page or a feed, with or without a scheme) → the feeds on offer.
 * Order of evidence: the address is itself a feed; the page's <link rel="alternate"> feeds; then a few
 * usual paths probed on the same origin. Probing is deliberately frugal — one request at a time, stop
 * after the first hits, stop at once on 429/503 — because servers rate-limit readers that add feeds
 * (NNW 4531 got 429s after two GETs). HTML is read by jsdom, which runs no scripts and loads nothing.
 */
import { JSDOM } from 'jsdom';
import type { DiscoverFeedsResponse, DiscoveredFeed, FeedFormat } from '../../../shared/feeds/feed-schemas';
import { HostFailure } from '../../../shared/host-error';
import { decodeBytes } from '../net/charset';
import { countStartTags, maxOpenDepth, openDepth } from '../net/markup-size';
import { readFeed } from './fetch-feed';
import { checkHttpUrl, feedAccept, httpGet, RetryLaterFailure, type HttpFetchOptions, type HttpResult } from './http-fetch';

export interface DiscoverOptions extends HttpFetchOptions {
  /** Paths tried on the page's origin when it declares no feed, in order. */
  probePaths?: string[];
  /** Probing stops after this many feeds are found. */
  maxProbeHits?: number;
}

export const usualFeedPaths = ['/feed', '/rss.xml', '/atom.xml', '/index.xml', '/feed.json', '/feed.xml', '/rss'];

const pageAccept = `text/html, application/xhtml+xml;q=0.9, ${feedAccept.replace('text/html;q=0.3, ', '')}`;

/** <link type> values that announce a feed, and the format each implies. */
const feedTypes: Record<string, FeedFormat> = {
  'application/rss+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/rdf+xml': 'rdf',
  'application/feed+json': 'json',
  'application/json': 'json',
};

export async function discoverFeeds(request: { url: string }, options: DiscoverOptions = {}): Promise<DiscoverFeedsResponse> {
  const { page, requested } = await fetchPage(request.url, options);
  if (page.status !== 'ok') {
    // A 304 cannot happen without validators; treat it as "nothing to read".
    return { pageUrl: page.finalUrl, isFeed: false, feeds: [] };
  }
  const pageUrl = page.finalUrl;

  const asFeed = await tryReadFeed(page, pageUrl, options);
  if (asFeed) {
    // Subscribe to what was asked for, unless it moved permanently: a temporary redirect may change again.
    return { pageUrl, isFeed: true, feeds: [{ ...asFeed, url: page.movedTo ?? requested }] };
  }

  const declared = linkedFeeds(decodeBytes(page.body, page.contentType).text, pageUrl);
  if (declared.length > 0) return { pageUrl, isFeed: false, feeds: declared };
  return { pageUrl, isFeed: false, feeds: await probe(pageUrl, options) };
}

/** Adds https:// to a bare address (then http:// if https cannot connect); `feed:` URLs are unwrapped. */
async function fetchPage(input: string, options: DiscoverOptions): Promise<{ page: HttpResult; requested: string }> {
  // feed:https://x and feed://x are browsers' ways of saying "this is a feed"; the latter names no scheme.
  const typed = input.trim().replace(/^feed:(?:\/\/)?(?=https?:)/i, '').replace(/^feed:\/\//i, '');
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(typed) || /^(?:javascript|data|file|mailto|about):/i.test(typed);
  const candidates = hasScheme ? [typed] : [`https://${typed}`, `http://${typed}`];
  let lastError: unknown;
  for (const candidate of candidates) {
    const url = checkHttpUrl(candidate).href;
    try {
      return { page: await httpGet({ url }, { ...options, accept: pageAccept }), requested: url };
    } catch (error) {
      lastError = error;
      // Only a failure to connect justifies trying plain http; an HTTP answer (404…) is the answer.
      if (!(error instanceof HostFailure) || error.code !== 'network') throw error;
    }
  }
  throw lastError;
}

async function tryReadFeed(result: HttpResult, url: string, options: DiscoverOptions): Promise<Omit<DiscoveredFeed, 'url'> | undefined> {
  if (result.status !== 'ok') return undefined;
  try {
    const { feed } = await readFeed(result.body, { contentType: result.contentType, url, maxBytes: options.maxBytes, sanitize: false });
    return { ...(feed.title ? { title: feed.title } : {}), format: feed.format };
  } catch (error) {
    if (error instanceof HostFailure && error.code === 'not-a-feed') return undefined;
    throw error;
  }
}

/** More start tags than any real page has (see articles/extract-article.ts): past it, only the head is read. */
const maxPageElements = 60_000;
/** How much of a page's start is read as its head when the page is too big to read whole. */
const maxHeadChars = 1024 * 1024;

/**
 * The part of the page worth parsing for feed links. jsdom builds every element in memory, and a 14 MB
 * page of tiny elements exhausted the host's heap (deep nesting, too, makes parsing slow: ../net/markup-size.ts);
 * feed links belong in <head>, so such a page is read up to its <body> only (and not at all if even that is absurd).
 */
function linkSection(html: string): string {
  const reasonable = (part: string) => countStartTags(part, maxPageElements) <= maxPageElements && openDepth(part, maxOpenDepth) <= maxOpenDepth;
  if (reasonable(html)) return html;
  const body = html.slice(0, maxHeadChars).search(/<body[\s>]/i);
  const head = html.slice(0, body >= 0 ? body : maxHeadChars);
  return reasonable(head) ? head : '';
}

/** `<link rel="alternate" type="application/rss+xml" href title>` in the page, resolved against it (and <base href>). */
export function linkedFeeds(html: string, pageUrl: string): DiscoveredFeed[] {
  const dom = new JSDOM(linkSection(html), { url: pageUrl, contentType: 'text/html' });
  try {
    const found: DiscoveredFeed[] = [];
    for (const link of dom.window.document.querySelectorAll('link[rel][href]')) {
      const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
      const type = (link.getAttribute('type') ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
      const format = feedTypes[type];
      if (!format || !(rel.includes('alternate') || rel.includes('feed'))) continue;
      const href = (link as HTMLLinkElement).href;
      // WordPress announces its REST API and oEmbed as alternate JSON; neither is a feed.
      if (type === 'application/json' && /\/wp-json\/|oembed/i.test(href)) continue;
      if (!/^https?:/i.test(href)) continue;
      const title = link.getAttribute('title')?.trim();
      found.push({ url: href, ...(title ? { title } : {}), format });
    }
    return dedupe(found);
  } finally {
    dom.window.close();
  }
}

/** One request at a time on the page's origin; stop at maxProbeHits or as soon as the server asks us to wait. */
async function probe(pageUrl: string, options: DiscoverOptions): Promise<DiscoveredFeed[]> {
  const origin = new URL(pageUrl).origin;
  const maxHits = options.maxProbeHits ?? 2;
  const found: DiscoveredFeed[] = [];
  const seenFinal = new Set<string>();
  for (const path of options.probePaths ?? usualFeedPaths) {
    if (found.length >= maxHits) break;
    const url = new URL(path, origin).href;
    let result: HttpResult;
    try {
      result = await httpGet({ url }, options);
    } catch (error) {
      if (error instanceof RetryLaterFailure) break; // the server asked for a pause: respect it
      if (error instanceof HostFailure && (error.code === 'timeout' || error.code === 'network')) break;
      continue; // 404 and friends: try the next path
    }
    // /feed and /rss often redirect to the same feed: count it once.
    if (seenFinal.has(result.finalUrl)) continue;
    seenFinal.add(result.finalUrl);
    const feed = await tryReadFeed(result, result.finalUrl, options).catch(() => undefined);
    if (feed) found.push({ ...feed, url: result.movedTo ?? url });
  }
  return dedupe(found);
}

function dedupe(feeds: DiscoveredFeed[]): DiscoveredFeed[] {
  const seen = new Set<string>();
  return feeds.filter((feed) => {
    const key = new URL(feed.url).href;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
