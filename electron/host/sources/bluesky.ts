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
 * XRPC calls go through the shared exchange of net/http-get.ts (its limits and deadlines) rather than
 * httpGet/httpSend: the error bodies (`{error: "ExpiredToken"}`) are what tells an expired session from a
 * refused one, httpGet drops them, and refreshSession must be sent without the body httpSend always adds.
 */
import type { ParsedFeed, ParsedItem } from '../../../shared/feeds/feed-schemas';
import { HostFailure } from '../../../shared/host-error';
import { formatRetry, retryHint, RetryLaterFailure, userAgent } from '../feeds/http-fetch';
import { sanitizeHtml } from '../feeds/sanitize';
import { credentialsFailure, describeNetworkError, type AddressWords } from '../net/http-errors';
import { checkHttpUrl, httpLimits, readCapped, redirectStatuses, timedExchange, type HttpLimits } from '../net/http-get';
import { serverText } from '../publish/http-send';
import { authorLabel, cardHtml, escapeHtml, httpUrl, mediaHtml, postTitle, textToHtml, type PostCard, type PostMedia } from './post-items';
import { describeSourceSpec } from '../../../shared/sources/source-spec';

export interface BlueskyHttpOptions extends Partial<HttpLimits> {
  fetchImpl?: typeof fetch;
  now?: () => number;
  /** Pages followed on a refresh (default 5, of 50 posts each). */
  maxPages?: number;
}

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

interface FeedEntry {
  post?: PostView;
  reason?: { $type?: string; by?: Author; indexedAt?: string };
}

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

// ---- Posts as items ----

interface Author {
  did?: string;
  handle?: string;
  displayName?: string;
  avatar?: string;
}

interface PostView {
  uri: string;
  author?: Author;
  record?: { text?: unknown; createdAt?: unknown; facets?: unknown };
  embed?: Embed;
  indexedAt?: string;
}

interface Embed {
  $type?: string;
  images?: { fullsize?: string; thumb?: string; alt?: string }[];
  external?: { uri?: string; title?: string; description?: string };
  /** A quote: a viewRecord, or (recordWithMedia) a record view wrapping one. */
  record?: { $type?: string; uri?: string; author?: Author; value?: { text?: unknown }; record?: Embed['record'] };
  media?: Embed;
  thumbnail?: string;
  alt?: string;
}

/** https://bsky.app/profile/{handle}/post/{rkey}; the DID when the handle is broken (handle.invalid). */
export function blueskyPostUrl(uri: string, author: Author | undefined): string | undefined {
  const match = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([^/?#]+)$/.exec(uri);
  if (!match) return undefined;
  const handle = author?.handle && author.handle !== 'handle.invalid' ? author.handle : (author?.did ?? match[1]!);
  return `https://bsky.app/profile/${encodeURIComponent(handle)}/post/${encodeURIComponent(match[2]!)}`;
}

function postItem(post: PostView, reason: FeedEntry['reason']): ParsedItem | undefined {
  const postUrl = blueskyPostUrl(post.uri, post.author);
  if (!postUrl) return undefined;
  const text = typeof post.record?.text === 'string' ? post.record.text : '';
  const { media, card, quote, video } = embedParts(post.embed);
  const links = linkFacets(post.record?.facets).filter((facet) => facet.kind === 'link');
  // The card's link is what the post shares; a lone link in the text is the next best thing.
  const shared = httpUrl(card?.url) ?? (links.length === 1 ? httpUrl(links[0]!.href) : undefined);
  const author = authorOf(post.author);
  const repostedBy = reason?.$type === 'app.bsky.feed.defs#reasonRepost' && reason.by ? authorOf(reason.by) : '';
  const html = [
    repostedBy ? `<p>Reposted by ${escapeHtml(repostedBy)}</p>` : '',
    richTextHtml(text, post.record?.facets),
    mediaHtml(media),
    video ? `<p><a href="${escapeHtml(postUrl)}">Watch the video on Bluesky</a></p>` : '',
    quote ? quoteHtml(quote) : '',
    card ? cardHtml(card) : '',
  ].join('');
  const avatar = httpUrl(post.author?.avatar);
  const published = publishedTime(post);
  return {
    guid: post.uri,
    title: postTitle(text) || `Post by ${author}`,
    link: shared ?? postUrl,
    author,
    ...(published ? { published } : {}),
    contentHtml: sanitizeHtml(html),
    enclosures: media.filter((item) => item.type?.startsWith('image/')).map((item) => ({ url: item.url, type: item.type! })),
    categories: [],
    extras: { postUrl, ...(avatar ? { authorAvatar: avatar } : {}), ...(repostedBy ? { repostedBy } : {}) },
  };
}

/** "Ada Lovelace (@ada.bsky.social)"; the DID stands in for a broken or missing handle. */
function authorOf(author: Author | undefined): string {
  const handle = author?.handle && author.handle !== 'handle.invalid' ? author.handle : author?.did;
  return authorLabel(author?.displayName, handle ? `@${handle}` : '') || 'someone on Bluesky';
}

/** The earlier of the claimed and the indexed time, as Bluesky sorts: a device's clock can say anything. */
function publishedTime(post: PostView): string | undefined {
  const times = [post.record?.createdAt, post.indexedAt]
    .map((value) => (typeof value === 'string' ? Date.parse(value) : NaN))
    .filter(Number.isFinite);
  return times.length ? new Date(Math.min(...times)).toISOString() : undefined;
}

interface Quote {
  url?: string;
  author: string;
  text: string;
}

function embedParts(embed: Embed | undefined): { media: PostMedia[]; card?: PostCard; quote?: Quote; video: boolean } {
  switch (embed?.$type) {
    case 'app.bsky.embed.images#view':
      return { media: (embed.images ?? []).map(imageMedia).filter((item): item is PostMedia => item !== undefined), video: false };
    case 'app.bsky.embed.video#view': {
      // The video is an HLS playlist a page cannot play; its still and a link to the post stand in.
      const still = httpUrl(embed.thumbnail);
      return { media: still ? [{ url: still, type: 'image', description: embed.alt ?? 'Video' }] : [], video: true };
    }
    case 'app.bsky.embed.external#view': {
      const external = embed.external;
      return external?.uri ? { media: [], card: { url: external.uri, title: external.title, description: external.description }, video: false } : { media: [], video: false };
    }
    case 'app.bsky.embed.record#view':
      return { media: [], quote: quoteOf(embed.record), video: false };
    case 'app.bsky.embed.recordWithMedia#view':
      return { ...embedParts(embed.media), quote: quoteOf(embed.record?.record) };
    default:
      return { media: [], video: false };
  }
}

function imageMedia(image: { fullsize?: string; thumb?: string; alt?: string }): PostMedia | undefined {
  const url = httpUrl(image.fullsize) ?? httpUrl(image.thumb);
  if (!url) return undefined;
  // The CDN names the format after an @ (…/cid@jpeg) rather than in an extension.
  const format = /@(jpeg|png|webp|gif)$/.exec(url)?.[1];
  return { url, type: format ? `image/${format}` : 'image', description: image.alt ?? '' };
}

function quoteOf(record: Embed['record']): Quote | undefined {
  if (record?.$type !== 'app.bsky.embed.record#viewRecord' || typeof record.uri !== 'string') return undefined;
  const text = typeof record.value?.text === 'string' ? record.value.text : '';
  return { url: blueskyPostUrl(record.uri, record.author), author: authorOf(record.author), text };
}

function quoteHtml(quote: Quote): string {
  const who = quote.url ? `<a href="${escapeHtml(quote.url)}">${escapeHtml(quote.author)}</a>` : escapeHtml(quote.author);
  return `<blockquote><p>Quoting ${who}</p>${textToHtml(quote.text)}</blockquote>`;
}

interface Facet {
  start: number;
  end: number;
  kind: 'link' | 'mention' | 'tag';
  href: string;
}

/** Links, mentions and tags of a post's text, as UTF-8 byte ranges (Bluesky's rich-text facets). */
function linkFacets(raw: unknown): Facet[] {
  if (!Array.isArray(raw)) return [];
  const facets: Facet[] = [];
  for (const facet of raw as { index?: { byteStart?: unknown; byteEnd?: unknown }; features?: Record<string, unknown>[] }[]) {
    const start = facet?.index?.byteStart;
    const end = facet?.index?.byteEnd;
    const feature = Array.isArray(facet?.features) ? facet.features[0] : undefined;
    if (typeof start !== 'number' || typeof end !== 'number' || !feature) continue;
    const type = feature.$type;
    const href =
      type === 'app.bsky.richtext.facet#link' && typeof feature.uri === 'string'
        ? httpUrl(feature.uri)
        : type === 'app.bsky.richtext.facet#mention' && typeof feature.did === 'string'
          ? `https://bsky.app/profile/${encodeURIComponent(feature.did)}`
          : type === 'app.bsky.richtext.facet#tag' && typeof feature.tag === 'string'
            ? `https://bsky.app/hashtag/${encodeURIComponent(feature.tag)}`
            : undefined;
    const kind = type === 'app.bsky.richtext.facet#link' ? 'link' : type === 'app.bsky.richtext.facet#mention' ? 'mention' : 'tag';
    if (href) facets.push({ start, end, kind, href });
  }
  return facets.sort((a, b) => a.start - b.start);
}

/**
 * The post's text as HTML with its facets as links. Clients shorten long links in the text itself
 * ("example.com/a-long-pa…"), so the facet's URI, not the text, is the address.
 */
function richTextHtml(text: string, rawFacets: unknown): string {
  const facets = linkFacets(rawFacets);
  if (!facets.length) return textToHtml(text);
  const bytes = new TextEncoder().encode(text);
  const slice = (from: number, to: number) => escapeHtml(new TextDecoder().decode(bytes.subarray(from, to)));
  let html = '';
  let at = 0;
  for (const facet of facets) {
    if (facet.start < at || facet.end <= facet.start || facet.end > bytes.length) continue;
    html += `${slice(at, facet.start)}<a href="${escapeHtml(facet.href)}">${slice(facet.start, facet.end)}</a>`;
    at = facet.end;
  }
  html += slice(at, bytes.length);
  const paragraphs = html.replace(/\r\n?/g, '\n').trim().split(/\n\s*\n/);
  return paragraphs.map((paragraph) => `<p>${paragraph.trim().replace(/\n/g, '<br>')}</p>`).join('');
}

// ---- XRPC ----

interface XrpcRequest {
  method: 'GET' | 'POST';
  params?: Record<string, string>;
  bearer?: string;
  json?: unknown;
}

interface XrpcAnswer {
  status: number;
  headers: Headers;
  /** The body as JSON; undefined when it is not JSON. */
  body: unknown;
}

const ok = (answer: XrpcAnswer) => answer.status >= 200 && answer.status < 300 && typeof answer.body === 'object' && answer.body !== null;

function isExpired(answer: XrpcAnswer): boolean {
  return (answer.status === 400 || answer.status === 401) && errorOf(answer).error === 'ExpiredToken';
}

function errorOf(answer: XrpcAnswer): { error?: string; message?: string } {
  const { error, message } = (answer.body ?? {}) as Record<string, unknown>;
  return { ...(typeof error === 'string' ? { error } : {}), ...(typeof message === 'string' ? { message } : {}) };
}

async function xrpc(base: string, nsid: string, request: XrpcRequest, options: BlueskyHttpOptions): Promise<XrpcAnswer> {
  const words = addressWords();
  let url: URL;
  try {
    url = checkHttpUrl(new URL(`/xrpc/${nsid}`, base).href, words);
  } catch (error) {
    if (error instanceof HostFailure) throw error;
    throw words.invalidAddress();
  }
  for (const [name, value] of Object.entries(request.params ?? {})) url.searchParams.set(name, value);
  const headers: Record<string, string> = {
    'user-agent': userAgent,
    accept: 'application/json',
    ...(request.bearer ? { authorization: `Bearer ${request.bearer}` } : {}),
    ...(request.json !== undefined ? { 'content-type': 'application/json' } : {}),
  };
  const limits = {
    headersTimeoutMs: options.headersTimeoutMs ?? httpLimits.headersTimeoutMs,
    totalTimeoutMs: options.totalTimeoutMs ?? httpLimits.totalTimeoutMs,
  };
  const exchangeWords = {
    headersTimeout: (ms: number) => new HostFailure('timeout', `Bluesky (${url.host}) did not answer within ${ms / 1000} seconds.`),
    totalTimeout: (ms: number) => new HostFailure('timeout', `Bluesky (${url.host}) took more than ${ms / 1000} seconds to answer.`),
    network: (error: unknown) => describeNetworkError(error, url),
  };
  return timedExchange(limits, options.fetchImpl ?? fetch, exchangeWords, async (exchange) => {
    const body = request.json !== undefined ? JSON.stringify(request.json) : undefined;
    const response = await exchange.fetch(url.href, { method: request.method, headers, redirect: 'manual', ...(body ? { body } : {}) });
    if (redirectStatuses.has(response.status)) {
      await response.body?.cancel().catch(() => undefined);
      // A redirect would carry the session's token to wherever it points.
      throw new HostFailure('network', `Bluesky (${url.host}) answered with a redirect (${response.status}), which Commonplace does not follow.`);
    }
    const tooLarge = () => new HostFailure('too-large', `Bluesky (${url.host}) sent more than Commonplace reads in one answer.`);
    const bytes = await readCapped(response, options.maxBytes ?? httpLimits.maxBytes, exchange.controller, { tooLarge });
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, body: json };
  });
}

function addressWords(): AddressWords {
  return {
    invalidAddress: () => new HostFailure('invalid-request', 'The Bluesky server address is not a valid web address.'),
    unsupportedScheme: (protocol) => new HostFailure('invalid-request', `Only http and https Bluesky servers can be used, not "${protocol}" ones.`),
    credentials: credentialsFailure,
  };
}

/** What went wrong, in words, for each call; 429 everywhere says when to try again and is never retried. */
function failureWords(now: () => number = Date.now) {
  const common = (answer: XrpcAnswer, doing: string, secret?: string): HostFailure => {
    const detail = serverText(errorOf(answer).message, secret ? [secret] : []) ?? serverText(errorOf(answer).error);
    const because = detail ? `: ${detail}` : '';
    const { status } = answer;
    if (status === 429) {
      const retryAfter = retryHint(answer.headers, now, true).retryAfter ?? rateLimitReset(answer.headers, now);
      return new RetryLaterFailure('unavailable', `Bluesky turned down ${doing} for now: too many requests (429); ${formatRetry(retryAfter, now)}.`, retryAfter, 429);
    }
    if (status >= 500) return new HostFailure('unavailable', `Bluesky had a problem (${status}) with ${doing}; try again later.`);
    if (status >= 200 && status < 300) return new HostFailure('not-a-feed', `Bluesky answered ${doing} with something Commonplace does not understand.`);
    const code = status === 401 || status === 403 ? 'forbidden' : status === 404 ? 'not-found' : 'invalid-request';
    return new HostFailure(code, `Bluesky refused ${doing} (${status})${because}.`);
  };
  const signInAgain = 'sign in to Bluesky again with your handle and an app password.';
  return {
    author(answer: XrpcAnswer, handle: string): HostFailure {
      const { error, message = '' } = errorOf(answer);
      if (answer.status === 400 && /not found/i.test(message)) return new HostFailure('not-found', `Bluesky has no account @${handle}.`);
      if (error === 'BlockedActor' || error === 'BlockedByActor') {
        return new HostFailure('forbidden', `Bluesky does not show @${handle}'s posts: one of the two accounts blocks the other.`);
      }
      return common(answer, `the request for @${handle}'s posts`);
    },
    login(answer: XrpcAnswer, password: string): HostFailure {
      if (answer.status === 401) {
        return new HostFailure(
          'forbidden',
          'Bluesky did not accept that handle and password. Check them, and use an app password (Settings → Privacy and security → App passwords), not your account password.',
        );
      }
      if (answer.status === 429) {
        const retryAfter = retryHint(answer.headers, now, true).retryAfter ?? rateLimitReset(answer.headers, now);
        return new RetryLaterFailure('unavailable', `Bluesky allows only a few sign-ins in a row (429); ${formatRetry(retryAfter, now)}.`, retryAfter, 429);
      }
      return common(answer, 'the sign-in', password);
    },
    refresh(answer: XrpcAnswer): HostFailure {
      if (answer.status === 400 || answer.status === 401) return new HostFailure('forbidden', `The Bluesky sign-in has expired; ${signInAgain}`);
      return common(answer, 'the renewal of the sign-in');
    },
    search(answer: XrpcAnswer): HostFailure {
      const { error } = errorOf(answer);
      if (error === 'ExpiredToken' || error === 'InvalidToken' || error === 'AuthMissing' || answer.status === 401) {
        return new HostFailure('forbidden', `Bluesky no longer accepts the saved sign-in for searching; ${signInAgain}`);
      }
      return common(answer, 'the search');
    },
  };
}

/** RateLimit-Reset is epoch seconds in Bluesky's answers. */
function rateLimitReset(headers: Headers, now: () => number): number | undefined {
  const reset = Number(headers.get('ratelimit-reset'));
  return Number.isFinite(reset) && reset > 0 ? Math.max(reset * 1000, now()) : undefined;
}
