/**
 * A Mastodon hashtag as a source: `GET /api/v1/timelines/tag/:tag` on the chosen instance, its posts
 * mapped to feed items (mastodon-status-items.ts) and sanitised like any feed, so the refresh pipeline
 * stores them as it stores a feed's.
 *
 * Paging: the cursor is the newest status id seen. A refresh asks for `min_id=cursor`, which gives the page
 * just after it (since_id would give the newest page and leave a gap behind it), then the next page up,
 * at most `maxPages` pages; what is left is fetched by the next refresh from the new cursor, so nothing is
 * skipped. Mastodon's Link rel="prev" gives the next min_id, but its URL keeps only limit/local/only_media
 * of the query (TagController#pagination_params), so following it as is would drop any[]/all[]/none[]:
 * the min_id is taken from it and the request rebuilt. The first refresh takes the newest page only.
 *
 * Refusals: 401/403/422 (public previews off) and 404 fall back to the instance's `/tags/:tag.rss`
 * (mastodon-tag-rss.ts); when that fails too, the user is told in words. An instance whose admins disabled
 * hashtag feeds answers 200 with [] every time: that is an empty timeline and is reported as nothing else.
 * Rate limits: a spent X-RateLimit-Remaining stops paging (what was read is returned, with `retryAfter`
 * from X-RateLimit-Reset); a 429 on the first request is a RetryLaterFailure; nothing here ever retries.
 */
import { HostFailure } from '../../../shared/host-error';
import { RetryLaterFailure } from '../feeds/http-fetch';
import type { HttpGetResult } from '../net/http-get';
import { linkHeaderTargets } from '../publish/http-send';
import { instanceGet, InstanceStatusFailure, resetTime, type SourceFetchOptions } from './mastodon-instance';
import { dedupeByGuid, statusItem, statusSchema, type Status } from './mastodon-status-items';
import { checkSpec, pageLimit, tagFeed, tagQuery, type MastodonTagSpec, type SourceFetchResult, type Target } from './mastodon-tag-query';
import { readTagRss } from './mastodon-tag-rss';

export type { SourceFetchOptions } from './mastodon-instance';
export { pageLimit, type MastodonTagSpec, type SourceFetchResult } from './mastodon-tag-query';

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
      response = await instanceGet(timelineUrl(target, minId), 'application/json', target, options, now);
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
  return `${target.origin.origin}/api/v1/timelines/tag/${encodeURIComponent(target.tag)}?${tagQuery(target, minId)}`;
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
