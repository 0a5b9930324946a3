/**
 * Test support only: a fake Mastodon instance on 127.0.0.1 (a random port) serving one hashtag, for the
 * hashtag source's tests and any other test that follows a hashtag (end-to-end: a hashtag source on a
 * local instance). Built on net/fixture-server.ts, so every request is logged with its headers.
 *
 * It answers as Mastodon does (shapes from docs.joinmastodon.org and app/controllers/api/v1/timelines/
 * tag_controller.rb): `GET /api/v1/timelines/tag/:tag` with limit (at most 40), max_id, since_id and min_id
 * (min_id gives the page just after the id, oldest first, returned newest first), any[]/all[]/none[] and
 * local; a Link header with rel="next" and rel="prev" that, as Mastodon's does, keeps only limit, local and
 * only_media of the query; X-RateLimit-Limit/Remaining/Reset (an ISO 8601 time) on every answer and a 429
 * without Retry-After once the budget is spent, as rack-attack answers. `/tags/:tag.rss` answers as
 * app/views/tags/show.rss.ruby writes it: no item titles, guid = link = the post's page, media:content,
 * one category per tag. The instance can also refuse the timeline as instances configured to do so do.
 */
import type { ServerResponse } from 'node:http';
import { reply, startFixtureServer, type FixtureServer, type LoggedRequest } from '../net/fixture-server';

/** A status as the REST API serialises it (the fields Commonplace reads, plus a few it must ignore). */
export interface MastodonStatusJson {
  id: string;
  uri: string;
  url: string | null;
  created_at: string;
  edited_at: string | null;
  sensitive: boolean;
  spoiler_text: string;
  visibility: 'public';
  language: string | null;
  content: string;
  account: { id: string; username: string; acct: string; display_name: string; url: string; avatar: string; avatar_static: string };
  media_attachments: { id: string; type: string; url: string | null; preview_url: string | null; remote_url: string | null; description: string | null }[];
  card: { url: string; title: string; description: string; type: 'link'; image: string | null; provider_name: string } | null;
  tags: { name: string; url: string }[];
  mentions: unknown[];
  emojis: unknown[];
  reblog: MastodonStatusJson | null;
  reblogs_count: number;
  favourites_count: number;
  replies_count: number;
}

export interface StatusSeed {
  /** Plain text, escaped into the content's paragraph (with the hashtags appended as Mastodon links them). */
  text?: string;
  /** The content HTML as given, hostile or not; `text` is then ignored. */
  html?: string;
  /** The status's hashtags (default: the instance's tag). */
  tags?: string[];
  /** Who wrote it; a `domain` makes it a remote account's status. */
  account?: { username: string; domain?: string; displayName?: string; avatar?: string };
  spoiler?: string;
  card?: { url: string; title?: string; description?: string; image?: string | null };
  media?: { type: 'image' | 'gifv' | 'video' | 'audio' | 'unknown'; url: string | null; remoteUrl?: string; previewUrl?: string; description?: string }[];
  /** Makes this a boost of the seeded status, by `account`. */
  reblogOf?: StatusSeed;
  createdAt?: string;
  editedAt?: string;
}

export interface MastodonTagInstanceOptions {
  /** The hashtag served (default 'pkm'). */
  tag?: string;
  /**
   * How the tag timeline API answers: 'public' (the default); 'disabled' (200 with [] every time, as an
   * instance whose admins disabled hashtag feeds does); 'auth' (401, public previews off); 'forbidden'
   * (403); 'unprocessable' (422); 'missing' (404, not a Mastodon API).
   */
  api?: 'public' | 'disabled' | 'auth' | 'forbidden' | 'unprocessable' | 'missing';
  /** How /tags/:tag.rss answers: 'public' (the default), 'auth' (401), 'missing' (404) or 'html' (a sign-in page). */
  rss?: 'public' | 'auth' | 'missing' | 'html';
  /** API requests allowed before 429s (X-RateLimit-Remaining counts down from it); 300 as Mastodon's default. */
  rateLimit?: number;
  /** When the rate-limit window ends (X-RateLimit-Reset). */
  rateLimitResetAt?: Date;
}

export interface MastodonTagInstance extends FixtureServer {
  /** host:port, as handles of local accounts end. */
  host: string;
  tag: string;
  /** Every status the instance holds, in the order added (oldest first). */
  statuses: MastodonStatusJson[];
  /** Adds one status, newer than every status before it, and returns it. */
  addStatus(seed?: StatusSeed): MastodonStatusJson;
  /** Adds `count` plain statuses (`Post N about #tag`, by local or remote authors in turn). */
  addStatuses(count: number): MastodonStatusJson[];
  /** Changes how the API or the RSS answer, or the rate-limit budget left. */
  set(options: Partial<Pick<MastodonTagInstanceOptions, 'api' | 'rss'>> & { rateLimitRemaining?: number }): void;
  /** The requests made to the tag timeline API, in order. */
  timelineRequests(): LoggedRequest[];
  /** The query of a logged request, parsed. */
  query(request: LoggedRequest): URLSearchParams;
}

const maxLimit = 40;
const epoch = Date.parse('2026-03-01T08:00:00Z');

export async function startMastodonTagInstance(options: MastodonTagInstanceOptions = {}): Promise<MastodonTagInstance> {
  const tag = options.tag ?? 'pkm';
  const rateLimit = options.rateLimit ?? 300;
  const resetAt = options.rateLimitResetAt ?? new Date(Date.now() + 5 * 60_000);
  const state = { api: options.api ?? 'public', rss: options.rss ?? 'public', remaining: rateLimit };
  const statuses: MastodonStatusJson[] = [];
  const server = await startFixtureServer();
  const host = new URL(server.origin).host;
  const apiPath = `/api/v1/timelines/tag/${encodeURIComponent(tag)}`;
  let sequence = 0;

  // A boosted status is older than its boost, as on a real instance: it is built first.
  const build = (seed: StatusSeed): MastodonStatusJson => {
    const reblog = seed.reblogOf ? build(seed.reblogOf) : undefined;
    sequence += 1;
    return buildStatus(server.origin, tag, sequence, seed, reblog);
  };

  server.route(apiPath, (request, response) => {
    const query = new URL(request.url ?? '/', server.origin).searchParams;
    const headers = {
      'content-type': 'application/json; charset=utf-8',
      'x-ratelimit-limit': String(rateLimit),
      'x-ratelimit-remaining': String(Math.max(0, state.remaining - 1)),
      'x-ratelimit-reset': resetAt.toISOString().replace('Z', '000Z'),
    };
    if (state.remaining <= 0) return json(response, 429, { error: 'Too many requests' }, { ...headers, 'x-ratelimit-remaining': '0' });
    state.remaining -= 1;
    if (state.api === 'auth') return json(response, 401, { error: 'This method requires an authenticated user' }, headers);
    if (state.api === 'forbidden') return json(response, 403, { error: 'This action is not allowed' }, headers);
    if (state.api === 'unprocessable') return json(response, 422, { error: 'Your login is missing a confirmed e-mail address' }, headers);
    if (state.api === 'missing') return json(response, 404, { error: 'Record not found' }, headers);
    if (state.api === 'disabled') return json(response, 200, [], headers);
    const page = timelinePage(statuses, tag, query);
    const link = page.length ? linkHeader(server.origin + apiPath, query, page) : undefined;
    return json(response, 200, page, link ? { ...headers, link } : headers);
  });

  server.route(`/tags/${encodeURIComponent(tag)}.rss`, (request, response) => {
    if (state.rss === 'auth') return reply(401, 'text/html', '<!doctype html><title>Sign in</title>')(request, response);
    if (state.rss === 'missing') return reply(404, 'text/html', '<!doctype html><title>Not found</title>')(request, response);
    if (state.rss === 'html') return reply(200, 'text/html; charset=utf-8', '<!doctype html><title>Sign in</title><form><input name=password></form>')(request, response);
    const query = new URL(request.url ?? '/', server.origin).searchParams;
    const limit = Math.min(200, Number(query.get('limit')) || 20);
    const local = isTruthy(query.get('local'));
    const items = newestFirst(statuses)
      .filter((status) => hasTag(status, tag) && (!local || isLocal(status)))
      .slice(0, limit);
    return reply(200, 'application/rss+xml; charset=utf-8', tagRss(server.origin, tag, items))(request, response);
  });

  return {
    ...server,
    host,
    tag,
    statuses,
    addStatus: (seed = {}) => {
      const status = build(seed);
      statuses.push(status);
      return status;
    },
    addStatuses: (count) =>
      Array.from({ length: count }, () => {
        const n = sequence + 1;
        const account = n % 3 === 0 ? { username: `remote${n % 7}`, domain: 'elsewhere.example' } : { username: `local${n % 5}` };
        const status = build({ text: `Post ${n} about knowledge`, account });
        statuses.push(status);
        return status;
      }),
    set: (change) => {
      if (change.api) state.api = change.api;
      if (change.rss) state.rss = change.rss;
      if (change.rateLimitRemaining !== undefined) state.remaining = change.rateLimitRemaining;
    },
    timelineRequests: () => server.requests.filter((request) => request.path.split('?')[0] === apiPath),
    query: (request) => new URL(request.path, server.origin).searchParams,
  };
}

/** Mastodon's paging (Paginable: max_id/since_id/min_id, limit clamped to 40) over the statuses the filters keep. */
function timelinePage(statuses: MastodonStatusJson[], tag: string, query: URLSearchParams): MastodonStatusJson[] {
  const limit = Math.min(maxLimit, Math.max(1, Number(query.get('limit')) || 20));
  const any = query.getAll('any[]');
  const all = query.getAll('all[]');
  const none = query.getAll('none[]');
  const local = isTruthy(query.get('local'));
  const maxId = idParam(query.get('max_id'));
  const sinceId = idParam(query.get('since_id'));
  const minId = idParam(query.get('min_id'));
  const kept = newestFirst(statuses).filter((status) => {
    const id = BigInt(status.id);
    return (
      (hasTag(status, tag) || any.some((extra) => hasTag(status, extra))) &&
      all.every((extra) => hasTag(status, extra)) &&
      !none.some((extra) => hasTag(status, extra)) &&
      (!local || isLocal(status)) &&
      (maxId === undefined || id < maxId) &&
      (sinceId === undefined || id > sinceId) &&
      (minId === undefined || id > minId)
    );
  });
  // min_id pages from the cursor up: the `limit` statuses just after it, still returned newest first.
  return minId !== undefined ? kept.slice(-limit) : kept.slice(0, limit);
}

/** As Api::V1::Timelines::TagController#pagination_params: only limit, local and only_media carry over, not any/all/none. */
function linkHeader(base: string, query: URLSearchParams, page: MastodonStatusJson[]): string {
  const kept = new URLSearchParams();
  for (const name of ['limit', 'local', 'only_media']) {
    const value = query.get(name);
    if (value !== null) kept.set(name, value);
  }
  const withParam = (name: string, value: string) => {
    const params = new URLSearchParams(kept);
    params.set(name, value);
    return `${base}?${params.toString()}`;
  };
  return `<${withParam('max_id', page.at(-1)!.id)}>; rel="next", <${withParam('min_id', page[0]!.id)}>; rel="prev"`;
}

function buildStatus(
  origin: string,
  tag: string,
  sequence: number,
  seed: StatusSeed,
  reblog: MastodonStatusJson | undefined,
): MastodonStatusJson {
  const id = `1100${String(sequence).padStart(14, '0')}`;
  const accountSeed = seed.account ?? { username: 'ada', displayName: 'Ada Lovelace' };
  const remote = accountSeed.domain;
  const home = remote ? `https://${remote}` : origin;
  const account = {
    id: `9${sequence}`,
    username: accountSeed.username,
    acct: remote ? `${accountSeed.username}@${remote}` : accountSeed.username,
    display_name: accountSeed.displayName ?? '',
    url: `${home}/@${accountSeed.username}`,
    avatar: accountSeed.avatar ?? `${origin}/system/accounts/avatars/${accountSeed.username}.png`,
    avatar_static: accountSeed.avatar ?? `${origin}/system/accounts/avatars/${accountSeed.username}.png`,
  };
  const createdAt = seed.createdAt ?? new Date(epoch + sequence * 60_000).toISOString();
  if (reblog) {
    // A boost: its own id, uri …/activity, no content; the boosted status inside.
    return {
      ...reblog,
      id,
      uri: `${home}/users/${accountSeed.username}/statuses/${id}/activity`,
      url: null,
      created_at: createdAt,
      content: '',
      spoiler_text: '',
      account,
      media_attachments: [],
      card: null,
      tags: [],
      reblog,
    };
  }
  const tags = seed.tags ?? [tag];
  const hashtags = tags.map((name) => `<a href="${origin}/tags/${name}" class="mention hashtag" rel="tag">#<span>${name}</span></a>`).join(' ');
  return {
    id,
    uri: `${home}/users/${accountSeed.username}/statuses/${id}`,
    url: `${home}/@${accountSeed.username}/${id}`,
    created_at: createdAt,
    edited_at: seed.editedAt ?? null,
    sensitive: Boolean(seed.spoiler),
    spoiler_text: seed.spoiler ?? '',
    visibility: 'public',
    language: 'en',
    content: seed.html ?? `<p>${escapeXml(seed.text ?? `Post ${sequence}`)} ${hashtags}</p>`,
    account,
    media_attachments: (seed.media ?? []).map((media, index) => ({
      id: `${id}${index}`,
      type: media.type,
      url: media.url,
      preview_url: media.previewUrl ?? null,
      remote_url: media.remoteUrl ?? null,
      description: media.description ?? null,
    })),
    card: seed.card
      ? { url: seed.card.url, title: seed.card.title ?? '', description: seed.card.description ?? '', type: 'link', image: seed.card.image ?? null, provider_name: '' }
      : null,
    tags: tags.map((name) => ({ name: name.toLowerCase(), url: `${origin}/tags/${name}` })),
    mentions: [],
    emojis: [],
    reblog: null,
    reblogs_count: 0,
    favourites_count: 0,
    replies_count: 0,
  };
}

/** RSS 2.0 as Mastodon writes a tag's feed. */
function tagRss(origin: string, tag: string, statuses: MastodonStatusJson[]): string {
  const items = statuses.map((status) => {
    const shown = status.reblog ?? status;
    const media = shown.media_attachments
      .filter((attachment) => attachment.url)
      .map(
        (attachment) =>
          `<media:content url="${escapeXml(attachment.url!)}" type="${attachment.type === 'image' ? 'image/jpeg' : 'video/mp4'}" fileSize="1000" medium="${attachment.type === 'image' ? 'image' : 'video'}">` +
          '<media:rating scheme="urn:simple">nonadult</media:rating>' +
          (attachment.description ? `<media:description type="plain">${escapeXml(attachment.description)}</media:description>` : '') +
          '</media:content>',
      )
      .join('');
    const link = escapeXml(shown.url ?? shown.uri);
    return (
      `<item><guid isPermaLink="true">${link}</guid><link>${link}</link><pubDate>${new Date(shown.created_at).toUTCString()}</pubDate>` +
      `<description>${escapeXml(shown.content)}</description>${media}${shown.tags.map((t) => `<category>${escapeXml(t.name)}</category>`).join('')}</item>`
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:webfeeds="http://webfeeds.org/rss/1.0" xmlns:media="http://search.yahoo.com/mrss/">' +
    `<channel><title>#${escapeXml(tag)}</title><description>Public posts tagged #${escapeXml(tag)}</description><link>${origin}/tags/${escapeXml(tag)}</link>` +
    `<generator>Mastodon v4.4.0</generator>${items.join('')}</channel></rss>`
  );
}

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  response.writeHead(status, headers).end(JSON.stringify(body));
}

function newestFirst(statuses: MastodonStatusJson[]): MastodonStatusJson[] {
  return [...statuses].sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : BigInt(b.id) < BigInt(a.id) ? -1 : 0));
}

function hasTag(status: MastodonStatusJson, tag: string): boolean {
  return (status.reblog ?? status).tags.some((entry) => entry.name === tag.toLowerCase());
}

function isLocal(status: MastodonStatusJson): boolean {
  return !(status.reblog ?? status).account.acct.includes('@');
}

function isTruthy(value: string | null): boolean {
  return value !== null && !['', '0', 'false', 'f', 'off'].includes(value.toLowerCase());
}

function idParam(value: string | null): bigint | undefined {
  return value !== null && /^\d+$/.test(value) ? BigInt(value) : undefined;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
