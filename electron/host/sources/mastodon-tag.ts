/**
 * A Mastodon hashtag as a source: `GET /api/v1/timelines/tag/:tag` on the chosen instance, its posts
 * mapped to feed items (post-items.ts) and sanitised like any feed, so the refresh pipeline stores them as
 * it stores a feed's.
 *
 * Paging: the cursor is the newest status id seen. A refresh asks for `min_id=cursor`, which gives the page
 * just after it (since_id would give the newest page and leave a gap behind it), then the next page up,
 * at most `maxPages` pages; what is left is fetched by the next refresh from the new cursor, so nothing is
 * skipped. Mastodon's Link rel="prev" gives the next min_id, but its URL keeps only limit/local/only_media
 * of the query (TagController#pagination_params), so following it as is would drop any[]/all[]/none[]:
 * the min_id is taken from it and the request rebuilt. The first refresh takes the newest page only.
 *
 * Refusals: 401/403/422 (public previews off) and 404 fall back to the instance's `/tags/:tag.rss`;
 * when that fails too, the user is told in words. An instance whose admins disabled hashtag feeds answers
 * 200 with [] every time: that is an empty timeline and is reported as nothing else. Rate limits: a
 * spent X-RateLimit-Remaining stops paging (what was read is returned, with `retryAfter` from
 * X-RateLimit-Reset); a 429 on the first request is a RetryLaterFailure; nothing here ever retries.
 */
import { z } from 'zod';
import type { ParsedFeed, ParsedItem } from '../../../shared/feeds/feed-schemas';
import { htmlToText } from '../../../shared/feeds/text';
import { HostFailure, type HostErrorCode } from '../../../shared/host-error';
import { readFeed } from '../feeds/fetch-feed';
import { feedAccept, formatRetry, retryHint, RetryLaterFailure, userAgent } from '../feeds/http-fetch';
import { sanitizeHtml } from '../feeds/sanitize';
import { credentialsFailure, describeNetworkError, type HttpWords } from '../net/http-errors';
import { httpGet, type HttpGetResult, type HttpLimits } from '../net/http-get';
import { linkHeaderTargets } from '../publish/http-send';
import { authorLabel, cardHtml, escapeHtml, httpUrl, mediaHtml, mediaMimeType, postTitle, type PostMedia } from './post-items';
import { describeSourceSpec, maxExtraTags, normalizeTag, type SourceSpec } from '../../../shared/sources/source-spec';

export type MastodonTagSpec = Extract<SourceSpec, { kind: 'mastodon-tag' }>;

export interface SourceFetchOptions extends Partial<HttpLimits> {
  /** Injected in tests; the global fetch otherwise. */
  fetchImpl?: typeof fetch;
  now?: () => number;
  /** Pages read on one refresh after the first (default 5). */
  maxPages?: number;
}

export interface SourceFetchResult {
  feed: ParsedFeed;
  /** Where the next refresh starts; absent until there is one. */
  cursor?: string;
  /** Epoch ms before which the instance asked not to be asked again. */
  retryAfter?: number;
}

/** Mastodon's largest page. */
export const pageLimit = 40;
export const defaultMaxPages = 5;
/** Mastodon's rate-limit window, for a refusal that does not say when it ends. */
const rateWindowMs = 5 * 60_000;

export async function fetchMastodonTag(spec: MastodonTagSpec, cursor: string | undefined, options: SourceFetchOptions = {}): Promise<SourceFetchResult> {
  const target = checkSpec(spec);
  const now = options.now ?? Date.now;
  const since = cursor !== undefined && isStatusId(cursor) ? cursor : undefined;
  let timeline: Timeline;
  try {
    timeline = await readTimeline(target, since, options, now);
  } catch (error) {
    if (!(error instanceof InstanceStatusFailure) || !refusals.has(error.httpStatus)) throw error;
    return readTagRss(target, since, error.httpStatus, options, now);
  }
  const items = timeline.statuses.map((status) => statusItem(status, target.origin)).filter((item) => item !== undefined);
  return {
    feed: tagFeed(target, dedupeByGuid(items)),
    ...(timeline.newest ? { cursor: timeline.newest } : {}),
    ...(timeline.retryAfter !== undefined ? { retryAfter: timeline.retryAfter } : {}),
  };
}

/** The spec with its tags checked again: it reaches the host from stored data, not only from parseSourceSpec. */
interface Target extends MastodonTagSpec {
  origin: URL;
}

function checkSpec(spec: MastodonTagSpec): Target {
  const tags = [spec.tag, ...spec.any, ...spec.all, ...spec.none].map(normalizeTag);
  const tooMany = [spec.any, spec.all, spec.none].some((list) => list.length > maxExtraTags);
  let origin: URL | undefined;
  try {
    origin = new URL(spec.instance);
  } catch {
    origin = undefined;
  }
  if (tags.includes(undefined) || tooMany || !origin || (origin.protocol !== 'http:' && origin.protocol !== 'https:')) {
    throw new HostFailure('invalid-request', 'This hashtag source is not written the way Commonplace reads it (#tag@instance); add it again.');
  }
  const [tag, ...extras] = tags as string[];
  const any = extras.slice(0, spec.any.length);
  const all = extras.slice(spec.any.length, spec.any.length + spec.all.length);
  const none = extras.slice(spec.any.length + spec.all.length);
  return { ...spec, tag: tag!, any, all, none, origin: new URL(origin.origin) };
}

// ---- The API timeline ------------------------------------------------------------------------------

interface Timeline {
  statuses: Status[];
  newest?: string;
  retryAfter?: number;
}

const refusals = new Set([401, 403, 404, 422]);

async function readTimeline(target: Target, since: string | undefined, options: SourceFetchOptions, now: () => number): Promise<Timeline> {
  const statuses: Status[] = [];
  let newest = since;
  let minId = since;
  let retryAfter: number | undefined;
  const maxPages = since === undefined ? 1 : Math.max(1, options.maxPages ?? defaultMaxPages);
  for (let page = 0; page < maxPages; page += 1) {
    let response: HttpGetResult;
    try {
      response = await get(timelineUrl(target, minId), 'application/json', target, options, now);
    } catch (error) {
      // Pages already read follow on from the cursor without a gap: keep them, and wait as asked.
      if (page > 0 && error instanceof RetryLaterFailure && error.httpStatus === 429) {
        retryAfter = error.retryAfter ?? now() + rateWindowMs;
        break;
      }
      throw error;
    }
    const entries = pageEntries(response, target.origin.host);
    let pageNewest: string | undefined;
    for (const entry of entries) {
      const id = (entry as { id?: unknown } | null)?.id;
      if (typeof id === 'string' && isStatusId(id) && (pageNewest === undefined || compareIds(id, pageNewest) > 0)) pageNewest = id;
      const parsed = statusSchema.safeParse(entry);
      if (parsed.success) statuses.push(parsed.data);
    }
    if (pageNewest !== undefined && (newest === undefined || compareIds(pageNewest, newest) > 0)) newest = pageNewest;
    if (rateSpent(response.headers)) {
      retryAfter = resetTime(response.headers, now) ?? now() + rateWindowMs;
      break;
    }
    // A short page is the newest there is; asking again would cost a request for an empty one.
    if (entries.length < pageLimit) break;
    const next = prevMinId(response) ?? pageNewest;
    if (next === undefined || (minId !== undefined && compareIds(next, minId) <= 0)) break;
    minId = next;
  }
  statuses.sort((a, b) => compareIds(b.id, a.id));
  return { statuses, ...(newest !== undefined ? { newest } : {}), ...(retryAfter !== undefined ? { retryAfter } : {}) };
}

function timelineUrl(target: Target, minId: string | undefined): string {
  const query = [
    `limit=${pageLimit}`,
    ...target.any.map((tag) => `any[]=${encodeURIComponent(tag)}`),
    ...target.all.map((tag) => `all[]=${encodeURIComponent(tag)}`),
    ...target.none.map((tag) => `none[]=${encodeURIComponent(tag)}`),
    ...(target.localOnly ? ['local=true'] : []),
    ...(minId !== undefined ? [`min_id=${encodeURIComponent(minId)}`] : []),
  ];
  return `${target.origin.origin}/api/v1/timelines/tag/${encodeURIComponent(target.tag)}?${query.join('&')}`;
}

function pageEntries(response: HttpGetResult, host: string): unknown[] {
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(response.body));
  } catch {
    body = undefined;
  }
  if (!Array.isArray(body)) {
    throw new HostFailure('not-a-feed', `${host} did not answer like a Mastodon server: its hashtag timeline is not a list of posts.`);
  }
  return body;
}

/** The min_id of the Link header's rel="prev" (the newest id of the page), when it is one. */
function prevMinId(response: HttpGetResult): string | undefined {
  const prev = linkHeaderTargets(response.headers.get('link'), response.finalUrl).get('prev');
  const minId = prev ? new URL(prev).searchParams.get('min_id') : null;
  return minId !== null && isStatusId(minId) ? minId : undefined;
}

/** Mastodon ids are numbers in strings, Pleroma's and GoToSocial's sortable strings of one length: by length, then by character. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

function isStatusId(value: string): boolean {
  return /^[A-Za-z0-9_-]{1,64}$/.test(value);
}

function rateSpent(headers: Headers): boolean {
  const remaining = headers.get('x-ratelimit-remaining')?.trim();
  return remaining !== undefined && /^\d+$/.test(remaining) && Number(remaining) === 0;
}

/** X-RateLimit-Reset: an ISO 8601 time on Mastodon, epoch seconds on some others. */
function resetTime(headers: Headers, now: () => number): number | undefined {
  const header = headers.get('x-ratelimit-reset')?.trim();
  if (!header) return undefined;
  const at = /^\d+$/.test(header) ? Number(header) * 1000 : Date.parse(header);
  return Number.isFinite(at) ? Math.max(at, now()) : undefined;
}

// ---- Statuses to items -------------------------------------------------------------------------------

const text = z.string().nullish().catch(null);
const accountSchema = z.object({ acct: z.string(), display_name: text, avatar: text });
const mediaSchema = z.object({ type: text, url: text, remote_url: text, preview_url: text, description: text });
const postSchema = z.object({
  id: z.string(),
  uri: z.string(),
  url: text,
  created_at: z.string(),
  edited_at: text,
  account: accountSchema,
  content: z.string().catch(''),
  spoiler_text: z.string().catch(''),
  media_attachments: z.array(z.unknown()).catch([]),
  card: z.object({ url: z.string(), title: text, description: text, image: text }).nullish().catch(null),
  tags: z.array(z.unknown()).catch([]),
});
const statusSchema = postSchema.extend({ reblog: postSchema.nullish().catch(null) });
type Post = z.infer<typeof postSchema>;
type Status = z.infer<typeof statusSchema>;

/** A boost is the boosted post, credited to its author; who boosted it is kept in extras. */
function statusItem(status: Status, origin: URL): ParsedItem | undefined {
  const post = status.reblog ?? status;
  const postUrl = httpUrl(post.url) ?? httpUrl(post.uri);
  if (!postUrl) return undefined;
  const author = accountLabel(post.account, origin);
  const media = post.media_attachments.flatMap((raw) => {
    const parsed = mediaSchema.safeParse(raw);
    const url = parsed.success ? (httpUrl(parsed.data.url) ?? httpUrl(parsed.data.remote_url)) : undefined;
    if (!parsed.success || !url) return [];
    const { type, description, preview_url: previewUrl } = parsed.data;
    return [{ url, ...(type ? { type } : {}), ...(description ? { description } : {}), ...(previewUrl ? { previewUrl } : {}) } satisfies PostMedia];
  });
  const card = post.card && httpUrl(post.card.url) ? post.card : undefined;
  const spoiler = post.spoiler_text.trim();
  const html =
    (spoiler ? `<p><strong>CW: ${escapeHtml(spoiler)}</strong></p>` : '') +
    post.content +
    mediaHtml(media) +
    (card ? cardHtml({ url: card.url, title: card.title ?? undefined, description: card.description ?? undefined }) : '');
  const contentHtml = sanitizeHtml(html, postUrl);
  const image = media.find((item) => item.type === 'image');
  const avatar = httpUrl(post.account.avatar);
  const tags = post.tags.flatMap((tag) => (tag && typeof tag === 'object' && typeof (tag as { name?: unknown }).name === 'string' ? [(tag as { name: string }).name] : []));
  return compact({
    guid: post.uri,
    // The shared link, so the item dedupes against the same article from a feed; else the post itself.
    link: (card ? httpUrl(card.url) : undefined) ?? postUrl,
    // A content warning is a title of its own: the text it hides should not show in the list.
    title: spoiler ? postTitle(`CW: ${spoiler}`) : postTitle(htmlToText(post.content)) || postTitle(card?.title ?? '') || postTitle(image?.description ?? '') || `Post by ${author}`,
    author,
    published: isoDate(post.created_at),
    updated: isoDate(post.edited_at),
    contentHtml: contentHtml || undefined,
    imageUrl: httpUrl(image?.previewUrl) ?? image?.url ?? httpUrl(card?.image),
    enclosures: media.map((item) => compact({ url: item.url, type: mediaMimeType(item.url, item.type) })),
    categories: tags,
    extras: compact({
      postUrl,
      authorAvatar: avatar,
      boostedBy: status.reblog ? accountLabel(status.account, origin) : undefined,
    }) as Record<string, string>,
  });
}

/** `Ada Lovelace (@ada@social.example)`: a local account's acct has no domain, so the instance's is added. */
function accountLabel(account: Post['account'], origin: URL): string {
  const handle = account.acct.includes('@') ? `@${account.acct}` : `@${account.acct}@${origin.host}`;
  return authorLabel(account.display_name ?? undefined, handle);
}

function isoDate(value: string | null | undefined): string | undefined {
  const time = value ? Date.parse(value) : NaN;
  return Number.isFinite(time) ? new Date(time).toISOString() : undefined;
}

function tagFeed(target: Target, items: ParsedItem[]): ParsedFeed {
  return { format: 'json', title: describeSourceSpec(target), siteUrl: `${target.origin.origin}/tags/${encodeURIComponent(target.tag)}`, items };
}

function dedupeByGuid(items: ParsedItem[]): ParsedItem[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = item.guid ?? item.link ?? '';
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

// ---- The RSS fallback -----------------------------------------------------------------------------------

/**
 * `/tags/:tag.rss`: no paging and no ids, so the cursor stays where it was (the app dedupes by guid); only
 * posts that reached this instance. Newer Mastodons ignore any[]/all[]/none[] here, so all and none are
 * applied to each item's categories (one per hashtag), and local-only to the post's host.
 */
async function readTagRss(target: Target, cursor: string | undefined, apiStatus: number, options: SourceFetchOptions, now: () => number): Promise<SourceFetchResult> {
  const query = [
    `limit=${pageLimit}`,
    ...target.any.map((tag) => `any[]=${encodeURIComponent(tag)}`),
    ...target.all.map((tag) => `all[]=${encodeURIComponent(tag)}`),
    ...target.none.map((tag) => `none[]=${encodeURIComponent(tag)}`),
    ...(target.localOnly ? ['local=true'] : []),
  ];
  let feed: ParsedFeed;
  try {
    const response = await get(`${target.origin.origin}/tags/${encodeURIComponent(target.tag)}.rss?${query.join('&')}`, feedAccept, target, options, now);
    const contentType = response.headers.get('content-type') ?? undefined;
    feed = (await readFeed(response.body, { contentType, url: response.finalUrl, maxBytes: options.maxBytes })).feed;
  } catch (error) {
    if (!(error instanceof InstanceStatusFailure) && !(error instanceof HostFailure && error.code === 'not-a-feed')) throw error;
    throw notShared(target, apiStatus);
  }
  const items = feed.items.filter((item) => rssMatches(item, target)).map(rssItem).filter((item) => item !== undefined);
  return { feed: tagFeed(target, dedupeByGuid(items)), ...(cursor !== undefined ? { cursor } : {}) };
}

function notShared(target: Target, apiStatus: number): HostFailure {
  const host = target.origin.host;
  const elsewhere = `follow #${target.tag} from another instance`;
  if (apiStatus === 404) {
    return new HostFailure(
      'not-found',
      `${host} does not share its #${target.tag} timeline publicly: neither its Mastodon API nor its hashtag feed answered (404). ` +
        `Check the instance's address, or ${elsewhere}.`,
    );
  }
  return new HostFailure(
    'forbidden',
    `${host} does not share its #${target.tag} timeline publicly: it shows hashtags only to people signed in there (${apiStatus}). ` +
      `Sign in on ${host}, or ${elsewhere}.`,
  );
}

function rssMatches(item: ParsedItem, target: Target): boolean {
  const categories = item.categories.map((category) => category.toLowerCase());
  if (categories.length > 0) {
    if (!target.all.every((tag) => categories.includes(tag))) return false;
    if (target.none.some((tag) => categories.includes(tag))) return false;
  }
  if (target.localOnly) {
    const url = httpUrl(item.link) ?? httpUrl(item.guid);
    if (!url || new URL(url).host !== target.origin.host) return false;
  }
  return true;
}

function rssItem(item: ParsedItem): ParsedItem | undefined {
  const postUrl = httpUrl(item.link) ?? httpUrl(item.guid);
  if (!postUrl) return undefined;
  const body = item.contentHtml ?? item.summaryHtml ?? '';
  const media: PostMedia[] = [
    ...(item.imageUrl ? [{ url: item.imageUrl, type: 'image' }] : []),
    ...item.enclosures.map((enclosure) => compact({ url: enclosure.url, type: enclosure.type })),
  ];
  const author = item.author ?? handleFromPostUrl(postUrl);
  const contentHtml = sanitizeHtml(body + mediaHtml(media), postUrl);
  return compact({
    guid: item.guid ?? postUrl,
    link: postUrl,
    // Mastodon's RSS items have no title, or a timestamp for one.
    title: postTitle(htmlToText(body)) || (author ? `Post by ${author}` : undefined),
    author,
    published: isoDate(item.published) ?? item.published,
    contentHtml: contentHtml || undefined,
    imageUrl: item.imageUrl,
    enclosures: item.enclosures,
    categories: item.categories,
    extras: { postUrl },
  });
}

/** `https://social.example/@ada/123` → `@ada@social.example`; other shapes of address say nothing of their author. */
function handleFromPostUrl(postUrl: string): string | undefined {
  const url = new URL(postUrl);
  const user = /^\/@([A-Za-z0-9_.-]+)\/[^/]+$/.exec(url.pathname)?.[1];
  return user ? `@${user}@${url.host}` : undefined;
}

// ---- HTTP, in the instance's voice -------------------------------------------------------------------

/** A refusal with its status, so the timeline's 401/403/404/422 can be told from other failures. */
class InstanceStatusFailure extends HostFailure {
  constructor(
    code: HostErrorCode,
    message: string,
    readonly httpStatus: number,
  ) {
    super(code, message);
    this.name = 'InstanceStatusFailure';
  }
}

function get(url: string, accept: string, target: Target, options: SourceFetchOptions, now: () => number): Promise<HttpGetResult> {
  const { fetchImpl, headersTimeoutMs, totalTimeoutMs, maxBytes, maxRedirects } = options;
  return httpGet(url, {
    userAgent,
    headers: { accept },
    words: instanceWords(target.origin.host, now),
    fetchImpl,
    headersTimeoutMs,
    totalTimeoutMs,
    maxBytes,
    maxRedirects,
  });
}

function instanceWords(host: string, now: () => number): HttpWords {
  return {
    invalidAddress: () => new HostFailure('invalid-request', `${host} is not a valid address for a Mastodon instance.`),
    unsupportedScheme: (protocol) => new HostFailure('invalid-request', `Only http and https instances can be followed, not "${protocol}" ones.`),
    credentials: credentialsFailure,
    badRedirect: () => new HostFailure('network', `${host} redirected to an address that is not valid.`),
    redirectScheme: (protocol) => new HostFailure('network', `${host} redirected to a "${protocol}" address, which Commonplace does not follow.`),
    redirectWithoutLocation: (status) => new HostFailure('network', `${host} sent a redirect (${status}) without saying where to.`),
    redirectLoop: () => new HostFailure('network', `${host} redirects in a loop, so Commonplace stopped following it.`),
    tooManyRedirects: (max) => new HostFailure('network', `${host} redirected more than ${max} times, so Commonplace stopped following it.`),
    headersTimeout: (ms) => new HostFailure('timeout', `${host} did not answer within ${seconds(ms)}.`),
    totalTimeout: (ms) => new HostFailure('timeout', `${host} took more than ${seconds(ms)} to send its posts.`),
    tooLarge: (maxBytes) => new HostFailure('too-large', `${host} sent more than ${Math.ceil(maxBytes / 1024 / 1024)} MiB of posts, more than Commonplace reads.`),
    status: (status, headers) => statusFailure(host, status, headers, now),
    network: describeNetworkError,
  };
}

function statusFailure(host: string, status: number, headers: Headers, now: () => number): HostFailure {
  const retryAfter = retryHint(headers, now, true).retryAfter ?? resetTime(headers, now);
  if (status === 429 || (status === 503 && retryAfter !== undefined)) {
    const why = status === 429 ? `${host} asks Commonplace to slow down (429)` : `${host} is unavailable for now (503)`;
    return new RetryLaterFailure('unavailable', `${why}; ${formatRetry(retryAfter, now)}.`, retryAfter, status);
  }
  const [code, sentence]: [HostErrorCode, string] =
    status === 401 || status === 403 || status === 422
      ? ['forbidden', `${host} shows this hashtag only to people signed in there (${status}).`]
      : status === 404 || status === 410
        ? ['not-found', `${host} has nothing at this address (${status}).`]
        : status >= 500
          ? ['unavailable', `${host} had a problem (${status}); try again later.`]
          : ['unavailable', `${host} refused the request (${status}).`];
  return new InstanceStatusFailure(code, sentence, status);
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(2))} seconds`;
