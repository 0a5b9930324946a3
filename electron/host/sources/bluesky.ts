/**
 * Bluesky as sources (LESSONS "Hashtag and search sources"): an author's posts through the public AppView
 * (`getAuthorFeed`, no account), and a post search (`searchPosts`), which needs a session since January
 * 2025: `blueskyLogin` makes one from an app password, and an expired access token is refreshed once per
 * fetch with the refresh token, the new pair handed to `onSession` for the caller to keep.
 *
 * Both answer with a ParsedFeed as a feed fetch does. The cursor is the newest `indexedAt` seen (when the
 * AppView saw the post, not the time its author's device claims); a refresh pages back with the API's own
 * cursor until it reaches it, at most `maxPages` pages, and keeps only posts seen after it.
 *
 * The requests and their failures in words are in bluesky-xrpc.ts, posts turned into items in bluesky-posts.ts.
 */
import type { ParsedFeed, ParsedItem } from '../../../shared/feeds/feed-schemas';
import { HostFailure } from '../../../shared/host-error';
import { postItem, type FeedEntry } from './bluesky-posts';
import { failureWords, isExpired, ok, xrpc, type BlueskyHttpOptions } from './bluesky-xrpc';
import { describeSourceSpec } from '../../../shared/sources/source-spec';

export { blueskyPostUrl } from './bluesky-posts';
export type { BlueskyHttpOptions } from './bluesky-xrpc';

export interface BlueskySession {
  accessJwt: string;
  refreshJwt: string;
  did: string;
  handle: string;
}

export interface BlueskyResult {
  feed: ParsedFeed;
  /** The newest `indexedAt` seen (ISO 8601). */
  cursor?: string;
  /** Epoch ms: when the rate limit's window resets, if the last answer said none was left. */
  retryAfter?: number;
}

export const blueskyAppView = 'https://public.api.bsky.app';
export const blueskyPds = 'https://bsky.social';
const pageSize = '50';
const defaultMaxPages = 5;

export async function fetchBlueskyAuthor(
  handle: string,
  cursor: string | undefined,
  options: BlueskyHttpOptions & { appView?: string } = {},
): Promise<BlueskyResult> {
  const words = failureWords(options.now);
  const collected = await collectPages(cursor, options, async (apiCursor) => {
    const params = { actor: handle, limit: pageSize, ...(apiCursor ? { cursor: apiCursor } : {}) };
    const answer = await xrpc(options.appView ?? blueskyAppView, 'app.bsky.feed.getAuthorFeed', { method: 'GET', params }, options);
    if (!ok(answer)) throw words.author(answer, handle);
    const body = answer.body as { feed?: unknown; cursor?: unknown };
    return { entries: Array.isArray(body.feed) ? (body.feed as FeedEntry[]) : undefined, cursor: body.cursor, headers: answer.headers };
  });
  const title = describeSourceSpec({ kind: 'bluesky-author', handle });
  return result(title, `https://bsky.app/profile/${encodeURIComponent(handle)}`, collected);
}

export async function blueskyLogin(identifier: string, appPassword: string, options: BlueskyHttpOptions & { pds?: string } = {}): Promise<BlueskySession> {
  const answer = await xrpc(
    options.pds ?? blueskyPds,
    'com.atproto.server.createSession',
    { method: 'POST', json: { identifier: identifier.trim().replace(/^@/, ''), password: appPassword } },
    options,
  );
  if (!ok(answer)) throw failureWords(options.now).login(answer, appPassword);
  return sessionFrom(answer.body);
}

export async function fetchBlueskySearch(
  query: string,
  session: BlueskySession,
  cursor: string | undefined,
  options: BlueskyHttpOptions & { pds?: string; onSession?: (next: BlueskySession) => void } = {},
): Promise<BlueskyResult> {
  const pds = options.pds ?? blueskyPds;
  const words = failureWords(options.now);
  let current = session;
  let refreshed = false;
  const search = (params: Record<string, string>) =>
    xrpc(pds, 'app.bsky.feed.searchPosts', { method: 'GET', params, bearer: current.accessJwt }, options);
  const collected = await collectPages(cursor, options, async (apiCursor) => {
    const params = { q: query, sort: 'latest', limit: pageSize, ...(apiCursor ? { cursor: apiCursor } : {}) };
    let answer = await search(params);
    // Access tokens live minutes; one refresh per fetch, so a server that keeps saying "expired" ends it.
    if (!refreshed && isExpired(answer)) {
      refreshed = true;
      current = await refreshSession(pds, current, options);
      options.onSession?.(current);
      answer = await search(params);
    }
    if (!ok(answer)) throw words.search(answer);
    const body = answer.body as { posts?: unknown; cursor?: unknown };
    const entries = Array.isArray(body.posts) ? body.posts.map((post) => ({ post }) as FeedEntry) : undefined;
    return { entries, cursor: body.cursor, headers: answer.headers };
  });
  const title = describeSourceSpec({ kind: 'bluesky-search', query });
  return result(title, `https://bsky.app/search?q=${encodeURIComponent(query)}`, collected);
}

async function refreshSession(pds: string, session: BlueskySession, options: BlueskyHttpOptions): Promise<BlueskySession> {
  const answer = await xrpc(pds, 'com.atproto.server.refreshSession', { method: 'POST', bearer: session.refreshJwt }, options);
  if (!ok(answer)) throw failureWords(options.now).refresh(answer);
  return sessionFrom(answer.body);
}

function sessionFrom(body: unknown): BlueskySession {
  const { accessJwt, refreshJwt, did, handle } = (body ?? {}) as Record<string, unknown>;
  if (typeof accessJwt === 'string' && typeof refreshJwt === 'string' && typeof did === 'string' && typeof handle === 'string') {
    return { accessJwt, refreshJwt, did, handle };
  }
  throw new HostFailure('unavailable', 'Bluesky answered the sign-in with something Commonplace does not understand.');
}

// ---- Paging ----

interface Page {
  /** Undefined when the answer was not a list at all. */
  entries: FeedEntry[] | undefined;
  cursor: unknown;
  headers: Headers;
}

interface Collected {
  items: ParsedItem[];
  newest: number | undefined;
  retryAfter?: number;
}

async function collectPages(cursor: string | undefined, options: BlueskyHttpOptions, fetchPage: (apiCursor?: string) => Promise<Page>): Promise<Collected> {
  const parsed = cursor === undefined ? NaN : Date.parse(cursor);
  const since = Number.isFinite(parsed) ? parsed : undefined;
  // A first fetch has no gap to fill: the newest page, as a feed's first fetch shows what it lists.
  const maxPages = since === undefined ? 1 : Math.max(1, options.maxPages ?? defaultMaxPages);
  const seen = new Set<string>();
  const items: ParsedItem[] = [];
  let newest = since;
  let apiCursor: string | undefined;
  let headers: Headers | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const answer = await fetchPage(apiCursor);
    headers = answer.headers;
    if (!answer.entries) throw new HostFailure('not-a-feed', 'Bluesky answered with something that is not a list of posts.');
    let reachedCursor = false;
    for (const entry of answer.entries) {
      const post = entry.post;
      if (!post || typeof post.uri !== 'string' || seen.has(post.uri)) continue;
      const pinned = entry.reason?.$type === 'app.bsky.feed.defs#reasonPin';
      // A repost is new when it was reposted, whenever the post itself was written.
      const at = Date.parse((entry.reason?.$type === 'app.bsky.feed.defs#reasonRepost' ? entry.reason.indexedAt : undefined) ?? post.indexedAt ?? '');
      if (since !== undefined && !(at > since)) {
        // A pinned post sits on top whatever its age: it says nothing about where the cursor is.
        if (!pinned) reachedCursor = true;
        continue;
      }
      const item = postItem(post, entry.reason);
      if (!item) continue;
      seen.add(post.uri);
      items.push(item);
      if (Number.isFinite(at)) newest = Math.max(newest ?? at, at);
    }
    const next = typeof answer.cursor === 'string' && answer.cursor ? answer.cursor : undefined;
    if (reachedCursor || !next || answer.entries.length === 0) break;
    apiCursor = next;
  }
  return { items, newest, ...rateLimitHint(headers) };
}

function result(title: string, siteUrl: string, collected: Collected): BlueskyResult {
  const feed: ParsedFeed = { format: 'json', title, siteUrl, items: collected.items };
  return {
    feed,
    ...(collected.newest !== undefined ? { cursor: new Date(collected.newest).toISOString() } : {}),
    ...(collected.retryAfter !== undefined ? { retryAfter: collected.retryAfter } : {}),
  };
}

/** Bluesky's RateLimit-Remaining / RateLimit-Reset (epoch seconds): nothing left means wait for the reset. */
function rateLimitHint(headers: Headers | undefined): { retryAfter?: number } {
  const reset = Number(headers?.get('ratelimit-reset'));
  return headers?.get('ratelimit-remaining')?.trim() === '0' && Number.isFinite(reset) && reset > 0 ? { retryAfter: reset * 1000 } : {};
}
