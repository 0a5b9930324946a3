/**
 * A Hacker News search as a source, through Algolia's public HN API (no account; LESSONS "Hashtag and
 * search sources"): `search_by_date`, newest first, filtered by `created_at_i` past the cursor and by
 * points, 100 hits a page, following `nbPages` up to a page cap. The answer is a ParsedFeed, as a feed
 * fetch gives, so the refresh pipeline stores stories like feed items; a story's shared URL is its link
 * (it dedupes against the same article from a feed) and the HN discussion is `extras.postUrl`.
 *
 * Points grow after a story is posted, so with a minimum the lower bound reaches a day behind the
 * cursor: a story that passes the threshold hours after it was posted is still found. The stories seen
 * again in that window dedupe by guid, as a feed's repeated entries do.
 */
import type { ParsedFeed, ParsedItem } from '../../../shared/feeds/feed-schemas';
import { htmlToText } from '../../../shared/feeds/text';
import { HostFailure } from '../../../shared/host-error';
import { retryHint, userAgent } from '../feeds/http-fetch';
import { sanitizeHtml } from '../feeds/sanitize';
import type { HttpWords } from '../net/http-errors';
import { httpGet, type HttpLimits } from '../net/http-get';
import { escapeHtml, httpUrl, postTitle } from './post-items';
import { invalidAddressFailure, otherStatusFailure, retryLater, serviceWords, slowDown } from './source-words';
import { describeSourceSpec, type SourceSpec } from '../../../shared/sources/source-spec';

export type HnSearchSpec = Pick<Extract<SourceSpec, { kind: 'hn-search' }>, 'query' | 'tags' | 'minPoints'>;

export interface HnSearchOptions extends Partial<HttpLimits> {
  /** Default https://hn.algolia.com; a test's fixture server otherwise. */
  apiBase?: string;
  fetchImpl?: typeof fetch;
  now?: () => number;
  /** Pages followed on a refresh (default 5: 500 hits, half of what Algolia pages through at all). */
  maxPages?: number;
}

export interface HnSearchResult {
  feed: ParsedFeed;
  /** The newest `created_at_i` seen (seconds, as a string); the next refresh asks only for newer ones. */
  cursor?: string;
}

export const hnDefaultApiBase = 'https://hn.algolia.com';
export const hnItemPage = (id: string) => `https://news.ycombinator.com/item?id=${encodeURIComponent(id)}`;
const hitsPerPage = 100;
const defaultMaxPages = 5;
/** How far behind the cursor a points filter looks (seconds): most stories earn their points within a day. */
export const hnPointsLookbackSeconds = 24 * 60 * 60;

/** What Algolia's hits carry that we use; anything may be missing or null in a hit. */
interface HnHit {
  objectID: string;
  created_at_i: number;
  title?: string | null;
  url?: string | null;
  author?: string | null;
  points?: number | null;
  num_comments?: number | null;
  story_text?: string | null;
  comment_text?: string | null;
  story_id?: number | string | null;
  story_title?: string | null;
}

interface HnPage {
  hits: HnHit[];
  nbPages: number;
}

export async function fetchHnSearch(spec: HnSearchSpec, cursor: string | undefined, options: HnSearchOptions = {}): Promise<HnSearchResult> {
  const since = cursor !== undefined && /^\d+$/.test(cursor) ? Number(cursor) : undefined;
  const lowerBound = since === undefined ? undefined : spec.minPoints > 0 ? since - hnPointsLookbackSeconds : since;
  // A first fetch has no gap to fill: one page of the newest, as a feed's first fetch shows what it lists.
  const maxPages = since === undefined ? 1 : Math.max(1, options.maxPages ?? defaultMaxPages);
  const seen = new Set<string>();
  const items: ParsedItem[] = [];
  let newest = since;
  for (let page = 0; page < maxPages; page += 1) {
    const answer = await getPage(spec, lowerBound, page, options);
    for (const hit of answer.hits) {
      // Pages shift when a story arrives between two requests: the hit pushed onto the next page comes twice.
      if (seen.has(hit.objectID) || (lowerBound !== undefined && hit.created_at_i <= lowerBound)) continue;
      if (spec.minPoints > 0 && spec.tags === 'story' && (hit.points ?? 0) < spec.minPoints) continue;
      seen.add(hit.objectID);
      items.push(spec.tags === 'comment' ? commentItem(hit) : storyItem(hit));
      newest = Math.max(newest ?? 0, hit.created_at_i);
    }
    if (answer.hits.length === 0 || page + 1 >= answer.nbPages) break;
  }
  const feed: ParsedFeed = {
    format: 'json',
    title: describeSourceSpec({ kind: 'hn-search', ...spec }),
    siteUrl: searchPage(spec),
    items,
  };
  return { feed, ...(newest !== undefined ? { cursor: String(newest) } : {}) };
}

function searchUrl(spec: HnSearchSpec, lowerBound: number | undefined, page: number, apiBase: string): string {
  const filters = [
    ...(lowerBound !== undefined ? [`created_at_i>${lowerBound}`] : []),
    // Comments carry no points in the index, so the filter would leave none.
    ...(spec.minPoints > 0 && spec.tags === 'story' ? [`points>=${spec.minPoints}`] : []),
  ];
  const url = new URL('/api/v1/search_by_date', apiBase);
  url.searchParams.set('query', spec.query);
  url.searchParams.set('tags', spec.tags);
  if (filters.length) url.searchParams.set('numericFilters', filters.join(','));
  url.searchParams.set('hitsPerPage', String(hitsPerPage));
  url.searchParams.set('page', String(page));
  return url.href;
}

/** The same search on hn.algolia.com, for people: the source's site link. */
function searchPage(spec: HnSearchSpec): string {
  const url = new URL('https://hn.algolia.com/');
  url.searchParams.set('query', spec.query);
  url.searchParams.set('type', spec.tags);
  url.searchParams.set('sort', 'byDate');
  return url.href;
}

async function getPage(spec: HnSearchSpec, lowerBound: number | undefined, page: number, options: HnSearchOptions): Promise<HnPage> {
  const apiBase = options.apiBase ?? hnDefaultApiBase;
  let address: string;
  try {
    address = searchUrl(spec, lowerBound, page, apiBase);
  } catch {
    throw invalidAddressFailure('Hacker News search', apiBase);
  }
  const { fetchImpl, headersTimeoutMs, totalTimeoutMs, maxBytes, maxRedirects } = options;
  const response = await httpGet(address, {
    userAgent,
    headers: { accept: 'application/json' },
    words: hnWords(options.now ?? Date.now),
    fetchImpl,
    headersTimeoutMs,
    totalTimeoutMs,
    maxBytes,
    maxRedirects,
  });
  return readPage(response.body);
}

function readPage(body: Uint8Array): HnPage {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(body));
  } catch {
    json = undefined;
  }
  const record = json as { hits?: unknown; nbPages?: unknown } | undefined;
  if (!record || typeof record !== 'object' || !Array.isArray(record.hits)) {
    throw new HostFailure('not-a-feed', 'Hacker News search answered with something that is not a list of results.');
  }
  const hits = record.hits.filter(
    (hit): hit is HnHit =>
      typeof hit === 'object' && hit !== null && typeof (hit as HnHit).objectID === 'string' && Number.isFinite((hit as HnHit).created_at_i),
  );
  return { hits, nbPages: typeof record.nbPages === 'number' ? record.nbPages : 1 };
}

function storyItem(hit: HnHit): ParsedItem {
  const postUrl = hnItemPage(hit.objectID);
  const counts = [
    typeof hit.points === 'number' ? `${hit.points} ${hit.points === 1 ? 'point' : 'points'}` : '',
    typeof hit.num_comments === 'number' ? `${hit.num_comments} ${hit.num_comments === 1 ? 'comment' : 'comments'}` : '',
  ].filter(Boolean);
  const discussion = `<a href="${escapeHtml(postUrl)}">${counts.length ? escapeHtml(counts.join(' · ')) : 'Discussion'} on Hacker News</a>`;
  // story_text is HTML as HN stores it (<p>, <a>, <i>, <pre><code>); the sanitiser decides what stays.
  const contentHtml = sanitizeHtml(`<p>${discussion}</p>${hit.story_text ?? ''}`);
  return item(hit, {
    title: hit.title?.trim() || postTitle(htmlToText(hit.story_text ?? '')) || `Hacker News story ${hit.objectID}`,
    link: httpUrl(hit.url) ?? postUrl,
    contentHtml,
    extras: { postUrl },
  });
}

function commentItem(hit: HnHit): ParsedItem {
  const postUrl = hnItemPage(hit.objectID);
  const storyId = hit.story_id === null || hit.story_id === undefined ? '' : String(hit.story_id);
  const storyTitle = hit.story_title?.trim();
  const context = storyId
    ? `<p>On <a href="${escapeHtml(hnItemPage(storyId))}">${escapeHtml(storyTitle || `story ${storyId}`)}</a></p>`
    : '';
  const text = htmlToText(hit.comment_text ?? '');
  return item(hit, {
    title: postTitle(text) || (storyTitle ? `Comment on ${storyTitle}` : `Hacker News comment ${hit.objectID}`),
    link: postUrl,
    contentHtml: sanitizeHtml(`${hit.comment_text ?? ''}${context}`),
    extras: { postUrl, ...(storyId ? { storyUrl: hnItemPage(storyId) } : {}) },
  });
}

function item(hit: HnHit, fields: Pick<ParsedItem, 'title' | 'link' | 'contentHtml' | 'extras'>): ParsedItem {
  const author = hit.author?.trim();
  return {
    guid: `hn:${hit.objectID}`,
    ...fields,
    ...(author ? { author } : {}),
    published: new Date(hit.created_at_i * 1000).toISOString(),
    enclosures: [],
    categories: [],
  };
}

/** Hacker News search's voice for every failure of the shared GET. */
function hnWords(now: () => number): HttpWords {
  const service = 'Hacker News search (Algolia)';
  return serviceWords(service, {
    address: 'Hacker News search',
    schemes: 'addresses can be searched',
    status: (status, headers) => {
      if (status === 429) return retryLater(slowDown(service), retryHint(headers, now, true).retryAfter, 429, now);
      if (status === 400) return new HostFailure('invalid-request', `${service} could not run this search (400); check its words and filters.`);
      if (status === 403) return new HostFailure('forbidden', `${service} refused the search (403).`);
      if (status === 404) return new HostFailure('not-found', `${service} is not at this address (404).`);
      return otherStatusFailure(service, status);
    },
  });
}
