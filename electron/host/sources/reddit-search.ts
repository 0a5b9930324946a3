/**
 * A Reddit search as a source: Reddit's own Atom feed of the search (`/search.rss?q=…&sort=new`, or within
 * one subreddit), read by the feed parser like any Atom feed (LESSONS "Hashtag and search sources").
 * Reddit answers 403 to requests without a descriptive User-Agent and, since mid-2026, mostly 429 to
 * anonymous `.rss`; a user's private feed token (from Reddit's feed preferences) is what gets through, so
 * both refusals say so in words, and neither is retried here.
 *
 * An entry's <link> is the comments page; what a link post shares is the "[link]" anchor of its content,
 * which becomes the item's link so it dedupes against the same article from a feed.
 */
import type { ParsedFeed, ParsedItem } from '../../../shared/feeds/feed-schemas';
import { decodeEntities } from '../../../shared/html-entities';
import { HostFailure } from '../../../shared/host-error';
import { readFeed } from '../feeds/fetch-feed';
import { retryHint, userAgent } from '../feeds/http-fetch';
import type { HttpWords } from '../net/http-errors';
import { httpGet, type HttpLimits } from '../net/http-get';
import { httpUrl } from './post-items';
import { invalidAddressFailure, otherStatusFailure, retryLater, serviceWords, slowDown } from './source-words';
import { describeSourceSpec, type SourceSpec } from '../../../shared/sources/source-spec';

export type RedditSearchSpec = Pick<Extract<SourceSpec, { kind: 'reddit-search' }>, 'query' | 'subreddit'>;

export interface RedditSearchOptions extends Partial<HttpLimits> {
  /** Default https://www.reddit.com; a test's fixture server otherwise. */
  base?: string;
  /** The private feed token and the user it belongs to, from Reddit's feed preferences. */
  feedToken?: string;
  user?: string;
  fetchImpl?: typeof fetch;
  now?: () => number;
}

export interface RedditSearchResult {
  feed: ParsedFeed;
  /** The newest entry's updated time (ISO 8601); entries not newer are left out next time. */
  cursor?: string;
  /** Epoch ms: when Reddit's rate-limit window resets, if the answer said none was left. */
  retryAfter?: number;
}

export const redditDefaultBase = 'https://www.reddit.com';
const atomAccept = 'application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1';

export async function fetchRedditSearch(spec: RedditSearchSpec, cursor: string | undefined, options: RedditSearchOptions = {}): Promise<RedditSearchResult> {
  const now = options.now ?? Date.now;
  const hasToken = Boolean(options.feedToken);
  const { fetchImpl, headersTimeoutMs, totalTimeoutMs, maxBytes, maxRedirects } = options;
  const response = await httpGet(searchUrl(spec, options), {
    userAgent,
    headers: { accept: atomAccept },
    words: redditWords(now, hasToken),
    fetchImpl,
    headersTimeoutMs,
    totalTimeoutMs,
    maxBytes,
    maxRedirects,
  });
  const contentType = response.headers.get('content-type') ?? undefined;
  // Reddit's block page for clients it distrusts is HTML with a 200; read as a feed it would be "no results".
  if (contentType && /^text\/html/i.test(contentType)) {
    throw new HostFailure('forbidden', `Reddit answered with a web page instead of the search feed. ${tokenAdvice(hasToken)}`);
  }
  const { feed } = await readFeed(response.body, { contentType, url: response.finalUrl, maxBytes });

  const parsedCursor = cursor === undefined ? NaN : Date.parse(cursor);
  const since = Number.isFinite(parsedCursor) ? parsedCursor : undefined;
  let newest = since;
  const items: ParsedItem[] = [];
  for (const entry of feed.items) {
    const at = Date.parse(entry.updated ?? entry.published ?? '');
    if (since !== undefined && !(at > since)) continue;
    items.push(redditItem(entry));
    if (Number.isFinite(at)) newest = Math.max(newest ?? at, at);
  }
  return {
    feed: {
      format: 'json',
      title: describeSourceSpec({ kind: 'reddit-search', ...spec }),
      siteUrl: searchPage(spec),
      items,
    },
    ...(newest !== undefined ? { cursor: new Date(newest).toISOString() } : {}),
    ...rateLimitHint(response.headers, now),
  };
}

function searchUrl(spec: RedditSearchSpec, options: RedditSearchOptions): string {
  const base = options.base ?? redditDefaultBase;
  let url: URL;
  try {
    url = new URL(spec.subreddit ? `/r/${encodeURIComponent(spec.subreddit)}/search.rss` : '/search.rss', base);
  } catch {
    throw invalidAddressFailure('Reddit', base);
  }
  url.searchParams.set('q', spec.query);
  if (spec.subreddit) url.searchParams.set('restrict_sr', '1');
  url.searchParams.set('sort', 'new');
  // 25 by default; a busy search posts more than that between two refreshes.
  url.searchParams.set('limit', '100');
  if (options.feedToken) {
    url.searchParams.set('feed', options.feedToken);
    if (options.user) url.searchParams.set('user', options.user);
  }
  return url.href;
}

/** The same search on reddit.com, for people: the source's site link (never with the private token). */
function searchPage(spec: RedditSearchSpec): string {
  const url = new URL(spec.subreddit ? `/r/${encodeURIComponent(spec.subreddit)}/search/` : '/search/', redditDefaultBase);
  url.searchParams.set('q', spec.query);
  if (spec.subreddit) url.searchParams.set('restrict_sr', '1');
  url.searchParams.set('sort', 'new');
  return url.href;
}

function redditItem(entry: ParsedItem): ParsedItem {
  const postUrl = httpUrl(entry.link);
  const shared = sharedLink(entry.contentHtml);
  const isElsewhere = shared !== undefined && (postUrl === undefined || !samePage(shared, postUrl));
  // Reddit writes authors as "/u/name"; "u/name" is how people write them.
  const author = entry.author?.trim().replace(/^\/u\//, 'u/');
  return {
    ...entry,
    ...(isElsewhere ? { link: shared } : {}),
    ...(author ? { author } : {}),
    ...(entry.published ? {} : entry.updated ? { published: entry.updated } : {}),
    extras: { ...entry.extras, ...(postUrl ? { postUrl } : {}) },
  };
}

/** The href of the content's "[link]" anchor (sanitised HTML: double-quoted, entities in attributes). */
function sharedLink(html: string | undefined): string | undefined {
  const match = /<a\s[^>]*?href="([^"]*)"[^>]*>\s*\[link\]\s*<\/a>/i.exec(html ?? '');
  return match ? httpUrl(decodeEntities(match[1]!)) : undefined;
}

/** A self post's "[link]" is its own comments page, written with or without www. and the trailing slash. */
function samePage(a: string, b: string): boolean {
  const key = (raw: string) => {
    const url = new URL(raw);
    return `${url.hostname.replace(/^(?:www|old|new)\./, '')}${url.pathname.replace(/\/+$/, '')}`;
  };
  return key(a) === key(b);
}

/** X-Ratelimit-Remaining: none left means wait for the reset. */
function rateLimitHint(headers: Headers, now: () => number): { retryAfter?: number } {
  const remaining = Number(headers.get('x-ratelimit-remaining') ?? NaN);
  const reset = resetTime(headers, now);
  return remaining < 1 && reset !== undefined ? { retryAfter: reset } : {};
}

function tokenAdvice(hasToken: boolean): string {
  return hasToken
    ? 'Check the private feed token and user name in this source (Reddit → Preferences → RSS feeds); a new token replaces the old one.'
    : 'Reddit turns away most requests made without an account: add your private feed token and user name (Reddit → Preferences → RSS feeds) to this source.';
}

/** Reddit's voice for every failure of the shared GET; 403 and 429 say what to do about them. */
function redditWords(now: () => number, hasToken: boolean): HttpWords {
  return serviceWords('Reddit', {
    schemes: 'addresses can be searched',
    tooLarge: () => new HostFailure('too-large', 'Reddit sent a search feed larger than Commonplace reads.'),
    status: (status, headers) => {
      if (status === 429) {
        const retryAfter = retryHint(headers, now, true).retryAfter ?? resetTime(headers, now);
        return retryLater(slowDown('Reddit'), retryAfter, 429, now, hasToken ? undefined : tokenAdvice(false));
      }
      if (status === 401 || status === 403) {
        return new HostFailure('forbidden', `Reddit refused the search (${status}). ${tokenAdvice(hasToken)} A private subreddit cannot be searched this way.`);
      }
      if (status === 404) return new HostFailure('not-found', 'Reddit has no such subreddit, or it was banned (404).');
      return otherStatusFailure('Reddit', status);
    },
  });
}

/** X-Ratelimit-Reset: seconds from now. */
function resetTime(headers: Headers, now: () => number): number | undefined {
  const reset = Number(headers.get('x-ratelimit-reset') ?? NaN);
  return Number.isFinite(reset) ? now() + reset * 1000 : undefined;
}
