/**
 * Test support only: fakes of Algolia's Hacker News API, Reddit's search feed and Bluesky's XRPC on
 * 127.0.0.1 (a random port), answering with the shapes of the public documentation, errors included.
 * Each checks what the real service checks (the route, the query parameters the client must send, a
 * User-Agent, the Bearer token) and pages the way the real one does: Algolia by page number over a
 * result list that can grow between two requests, Bluesky by an opaque cursor. Every request is
 * recorded (publish-fixtures' recording server), so tests can count them and read their headers.
 */
import type { ServerResponse } from 'node:http';
import { startRecordingServer, type Handler, type RecordedRequest, type RecordingServer } from '../publish/publish-fixtures';

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
}

function queryOf(request: RecordedRequest): { path: string; params: URLSearchParams } {
  const url = new URL(request.path, 'http://fixture.invalid');
  return { path: url.pathname, params: url.searchParams };
}

/** A canned refusal the next requests get instead of an answer (a 429 with its headers, a 403 page…). */
export interface Refusal {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

// ---- Hacker News (Algolia) ----

export interface HnHit {
  objectID: string;
  created_at_i: number;
  /** Algolia's tags: 'story' or 'comment' first, then author_… and story_…. */
  _tags: string[];
  title?: string | null;
  url?: string | null;
  author: string;
  points?: number | null;
  num_comments?: number | null;
  story_text?: string | null;
  comment_text?: string | null;
  story_id?: number | null;
  story_title?: string | null;
}

export interface HnFixture extends RecordingServer {
  /** The index, in any order; tests add to it between requests. */
  hits: HnHit[];
  /** Runs after each answer is sent (page number given): how a test makes news arrive between two pages. */
  afterAnswer?: (page: number) => void;
  refusal?: Refusal;
}

export function hnStory(id: number, createdAt: number, fields: Partial<HnHit> = {}): HnHit {
  return {
    objectID: String(id),
    created_at_i: createdAt,
    _tags: ['story', `author_user${id}`, `story_${id}`],
    title: `Story ${id}`,
    url: `https://example.com/story/${id}`,
    author: `user${id}`,
    points: 10,
    num_comments: 2,
    story_text: null,
    ...fields,
  };
}

export function hnComment(id: number, createdAt: number, storyId: number, text: string, fields: Partial<HnHit> = {}): HnHit {
  return {
    objectID: String(id),
    created_at_i: createdAt,
    _tags: ['comment', `author_user${id}`, `story_${storyId}`],
    author: `user${id}`,
    points: null,
    comment_text: text,
    story_id: storyId,
    story_title: `Story ${storyId}`,
    ...fields,
  };
}

/** `created_at_i>123,points>=10` → predicates; undefined when Algolia would answer 400. */
function numericFilters(raw: string | null): ((hit: HnHit) => boolean)[] | undefined {
  if (!raw) return [];
  const filters: ((hit: HnHit) => boolean)[] = [];
  for (const part of raw.split(',')) {
    const match = /^(created_at_i|points|num_comments)(>=|<=|>|<|=)(-?\d+)$/.exec(part.trim());
    if (!match) return undefined;
    const [, field, op, value] = match;
    const limit = Number(value);
    filters.push((hit) => {
      const actual = hit[field as 'created_at_i' | 'points' | 'num_comments'];
      if (typeof actual !== 'number') return false;
      return op === '>' ? actual > limit : op === '>=' ? actual >= limit : op === '<' ? actual < limit : op === '<=' ? actual <= limit : actual === limit;
    });
  }
  return filters;
}

export async function startHnFixture(hits: HnHit[] = []): Promise<HnFixture> {
  // The handler reads the fixture object itself, so a test's later changes to it take effect.
  const handle: Handler = (request, response) => {
    const { path, params } = queryOf(request);
    if (request.method !== 'GET' || path !== '/api/v1/search_by_date') return json(response, 404, { message: 'Not Found', status: 404 });
    if (!request.headers['user-agent']) return json(response, 403, { message: 'Forbidden', status: 403 });
    if (state.refusal) {
      response.writeHead(state.refusal.status, state.refusal.headers ?? {}).end(state.refusal.body ?? '');
      return;
    }
    const filters = numericFilters(params.get('numericFilters'));
    const tag = params.get('tags');
    const hitsPerPage = Number(params.get('hitsPerPage') ?? 20);
    const page = Number(params.get('page') ?? 0);
    if (!filters || !tag || !Number.isInteger(page) || hitsPerPage < 1 || hitsPerPage > 1000) {
      return json(response, 400, { message: 'invalid parameters', status: 400 });
    }
    const words = (params.get('query') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const matching = state.hits
      .filter((hit) => hit._tags.includes(tag) && filters.every((filter) => filter(hit)))
      .filter((hit) => {
        const text = [hit.title, hit.url, hit.story_text, hit.comment_text].join(' ').toLowerCase();
        return words.every((word) => text.includes(word));
      })
      .sort((a, b) => b.created_at_i - a.created_at_i);
    const nbPages = Math.ceil(matching.length / hitsPerPage);
    json(response, 200, {
      hits: matching.slice(page * hitsPerPage, (page + 1) * hitsPerPage),
      nbHits: matching.length,
      page,
      nbPages,
      hitsPerPage,
      exhaustiveNbHits: true,
      query: params.get('query') ?? '',
      params: new URL(request.path, 'http://fixture.invalid').search.slice(1),
      processingTimeMS: 1,
    });
    state.afterAnswer?.(page);
  };
  const state: HnFixture = Object.assign(await startRecordingServer(handle), { hits });
  return state;
}

// ---- Reddit ----

export interface RedditEntry {
  /** t3_… */
  id: string;
  title: string;
  subreddit: string;
  author: string;
  /** RFC 3339, as Reddit writes it (+00:00). */
  updated: string;
  /** A link post's target; a self post links to its own comments page. */
  url?: string;
  /** A self post's text, as HTML. */
  selftext?: string;
}

export interface RedditFixture extends RecordingServer {
  entries: RedditEntry[];
  /** When set, only requests carrying this feed token and user are answered (anonymous ones get 403). */
  token?: { feed: string; user: string };
  refusal?: Refusal;
  /** Sent as X-Ratelimit-Remaining and X-Ratelimit-Reset (seconds) with every answer. */
  rateLimit: { remaining: string; reset: string };
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function commentsPage(entry: RedditEntry): string {
  return `https://www.reddit.com/r/${entry.subreddit}/comments/${entry.id.replace(/^t3_/, '')}/${entry.title.toLowerCase().replace(/\W+/g, '_').slice(0, 40)}/`;
}

/** One entry as Reddit's search feed writes it: the post's HTML (a table with "[link]" and "[comments]") escaped in <content>. */
function redditEntryXml(entry: RedditEntry): string {
  const comments = commentsPage(entry);
  const self = entry.selftext ? `<!-- SC_OFF --><div class="md">${entry.selftext}</div><!-- SC_ON --> &#32; ` : '';
  const html =
    `<table> <tr><td> ${self}submitted by &#32; <a href="https://www.reddit.com/user/${entry.author}"> /u/${entry.author} </a> &#32; to &#32; ` +
    `<a href="https://www.reddit.com/r/${entry.subreddit}/"> r/${entry.subreddit} </a> <br/> <span><a href="${escapeXml(entry.url ?? comments)}">[link]</a></span>` +
    ` &#32; <span><a href="${comments}">[comments]</a></span> </td></tr></table>`;
  return (
    `<entry><author><name>/u/${entry.author}</name><uri>https://www.reddit.com/user/${entry.author}</uri></author>` +
    `<category term="${entry.subreddit}" label="r/${entry.subreddit}"/><content type="html">${escapeXml(html)}</content>` +
    `<id>${entry.id}</id><link href="${comments}" /><updated>${entry.updated}</updated><published>${entry.updated}</published>` +
    `<title>${escapeXml(entry.title)}</title></entry>`
  );
}

export async function startRedditFixture(entries: RedditEntry[] = []): Promise<RedditFixture> {
  const handle: Handler = (request, response) => {
    const { path, params } = queryOf(request);
    const scoped = /^\/r\/([^/]+)\/search\.rss$/.exec(path);
    if (request.method !== 'GET' || (path !== '/search.rss' && !scoped)) return void response.writeHead(404).end('<html>Not found</html>');
    // Reddit's answer to a client that does not say who it is.
    if (!request.headers['user-agent'] || /^(node|undici)/i.test(request.headers['user-agent'])) {
      return void response.writeHead(403, { 'content-type': 'text/html' }).end('<html><body>Blocked</body></html>');
    }
    if (state.refusal) return void response.writeHead(state.refusal.status, state.refusal.headers ?? {}).end(state.refusal.body ?? '');
    if (state.token && (params.get('feed') !== state.token.feed || params.get('user') !== state.token.user)) {
      return void response.writeHead(403, { 'content-type': 'text/html' }).end('<html><body>Blocked</body></html>');
    }
    const query = (params.get('q') ?? '').toLowerCase();
    const subreddit = scoped?.[1];
    const matching = state.entries
      .filter((entry) => entry.title.toLowerCase().includes(query) && (!subreddit || params.get('restrict_sr') !== '1' || entry.subreddit === subreddit))
      .sort((a, b) => Date.parse(b.updated) - Date.parse(a.updated))
      .slice(0, Number(params.get('limit') ?? 25));
    const self = escapeXml(`https://www.reddit.com${request.path}`);
    const body =
      `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">` +
      `<category term=" reddit.com" label="r/ reddit.com"/><updated>2026-01-01T00:00:00+00:00</updated><id>${self}</id>` +
      `<link rel="self" href="${self}" type="application/atom+xml" /><title>reddit.com: search results - ${escapeXml(query)}</title>` +
      `${matching.map(redditEntryXml).join('')}</feed>`;
    response
      .writeHead(200, {
        'content-type': 'application/atom+xml; charset=UTF-8',
        'x-ratelimit-remaining': state.rateLimit.remaining,
        'x-ratelimit-used': '1',
        'x-ratelimit-reset': state.rateLimit.reset,
      })
      .end(body);
  };
  const state: RedditFixture = Object.assign(await startRecordingServer(handle), { entries, rateLimit: { remaining: '9.0', reset: '420' } });
  return state;
}

// ---- Bluesky ----

export interface BskyAuthor {
  did: string;
  handle: string;
  displayName?: string;
  avatar?: string;
}

export interface BskyPost {
  uri: string;
  cid: string;
  author: BskyAuthor;
  record: { $type: 'app.bsky.feed.post'; text: string; createdAt: string; facets?: unknown[] };
  embed?: Record<string, unknown>;
  indexedAt: string;
  replyCount: number;
  repostCount: number;
  likeCount: number;
}

/** An entry of getAuthorFeed: a post, with a reason when it is a repost. */
export interface BskyFeedEntry {
  post: BskyPost;
  reason?: { $type: 'app.bsky.feed.defs#reasonRepost'; by: BskyAuthor; indexedAt: string };
}

export function bskyPost(author: BskyAuthor, rkey: string, text: string, indexedAt: string, fields: Partial<BskyPost> = {}): BskyPost {
  return {
    uri: `at://${author.did}/app.bsky.feed.post/${rkey}`,
    cid: `bafyrei${rkey}`,
    author,
    record: { $type: 'app.bsky.feed.post', text, createdAt: indexedAt },
    indexedAt,
    replyCount: 0,
    repostCount: 0,
    likeCount: 0,
    ...fields,
  };
}

export interface BlueskyFixture extends RecordingServer {
  /** getAuthorFeed's entries, any order (served newest first by their sort time). */
  feed: BskyFeedEntry[];
  /** What searchPosts searches. */
  posts: BskyPost[];
  /** The account createSession accepts. */
  account: { identifier: string; password: string; did: string; handle: string };
  /** The tokens now valid; `expireAccess()` makes the access token answer ExpiredToken. */
  accessJwt: string;
  refreshJwt: string;
  expireAccess(): void;
  /** When true, refreshSession answers as if the refresh token had expired too. */
  refreshExpired: boolean;
  refusal?: Refusal;
}

const sortTime = (entry: BskyFeedEntry) => entry.reason?.indexedAt ?? entry.post.indexedAt;

/** Keyset paging as the AppView does: the cursor names the last entry sent, so new posts never shift a page. */
function pageOf<T>(list: T[], key: (item: T) => string, cursor: string | null, limit: number): { page: T[]; cursor?: string } {
  const sorted = [...list].sort((a, b) => key(b).localeCompare(key(a)));
  const start = cursor ? sorted.findIndex((item) => key(item) < cursor) : 0;
  const page = start < 0 ? [] : sorted.slice(start, start + limit);
  const more = start >= 0 && start + limit < sorted.length;
  return { page, ...(more && page.length ? { cursor: key(page.at(-1)!) } : {}) };
}

export async function startBlueskyFixture(account: BlueskyFixture['account']): Promise<BlueskyFixture> {
  let serial = 0;
  let expired = false;
    const issue = () => {
    serial += 1;
    expired = false;
    state.accessJwt = `access-${serial}`;
    state.refreshJwt = `refresh-${serial}`;
    return { accessJwt: state.accessJwt, refreshJwt: state.refreshJwt, did: account.did, handle: account.handle, active: true };
  };
  const bearer = (request: RecordedRequest) => /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  const handle: Handler = (request, response) => {
    const { path, params } = queryOf(request);
    if (state.refusal) return void response.writeHead(state.refusal.status, state.refusal.headers ?? {}).end(state.refusal.body ?? '');
    const limit = Math.min(100, Number(params.get('limit') ?? 50));
    switch (`${request.method} ${path}`) {
      case 'GET /xrpc/app.bsky.feed.getAuthorFeed': {
        const actor = params.get('actor');
        const entries = state.feed.filter((entry) => (entry.reason?.by ?? entry.post.author).handle === actor || (entry.reason?.by ?? entry.post.author).did === actor);
        if (!entries.length) return json(response, 400, { error: 'InvalidRequest', message: 'Profile not found' });
        const { page, cursor } = pageOf(entries, (entry) => `${sortTime(entry)}::${entry.post.cid}`, params.get('cursor'), limit);
        return json(response, 200, { feed: page, ...(cursor ? { cursor } : {}) }, { 'ratelimit-limit': '3000', 'ratelimit-remaining': '2999' });
      }
      case 'GET /xrpc/app.bsky.feed.searchPosts': {
        const token = bearer(request);
        if (!token) return json(response, 401, { error: 'AuthMissing', message: 'Authentication Required' });
        if (token !== state.accessJwt) return json(response, 401, { error: 'InvalidToken', message: 'Token could not be verified' });
        if (expired) return json(response, 400, { error: 'ExpiredToken', message: 'Token has expired' });
        if (params.get('sort') !== 'latest' || !params.get('q')) return json(response, 400, { error: 'InvalidRequest', message: 'Error: Params must have the property "q"' });
        const words = params.get('q')!.toLowerCase();
        const matching = state.posts.filter((post) => post.record.text.toLowerCase().includes(words));
        const { page, cursor } = pageOf(matching, (post) => `${post.indexedAt}::${post.cid}`, params.get('cursor'), limit);
        return json(response, 200, { posts: page, ...(cursor ? { cursor } : {}), hitsTotal: matching.length });
      }
      case 'POST /xrpc/com.atproto.server.createSession': {
        const body = request.json as { identifier?: string; password?: string } | undefined;
        if (body?.identifier !== account.identifier || body.password !== account.password) {
          return json(response, 401, { error: 'AuthenticationRequired', message: 'Invalid identifier or password' });
        }
        return json(response, 200, issue());
      }
      case 'POST /xrpc/com.atproto.server.refreshSession': {
        // The PDS takes no body here: a procedure without input refuses one.
        if (request.text) return json(response, 400, { error: 'InvalidRequest', message: 'A request body was provided when none was expected' });
        if (bearer(request) !== state.refreshJwt) return json(response, 400, { error: 'InvalidToken', message: 'Token has been revoked' });
        if (state.refreshExpired) return json(response, 400, { error: 'ExpiredToken', message: 'Token has expired' });
        return json(response, 200, issue());
      }
      default:
        return json(response, 501, { error: 'MethodNotImplemented', message: 'Method Not Implemented' });
    }
  };
  const state: BlueskyFixture = Object.assign(await startRecordingServer(handle), {
    feed: [],
    posts: [],
    account,
    accessJwt: 'access-0',
    refreshJwt: 'refresh-0',
    refreshExpired: false,
    expireAccess: () => {
      expired = true;
    },
  });
  return state;
}
