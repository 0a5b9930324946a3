/**
 * Test support only: small fakes of a Micropub blog, a WordPress site and a Mastodon server on 127.0.0.1
 * (a random port), for the publishing clients' tests and any other test that publishes.
 *
 * Each fake checks what the real service checks (method and route, Content-Type, the Bearer token or the
 * Basic credentials, the body's shape, the Idempotency-Key) and answers with the status and JSON shapes of
 * the public API documentation, errors included; it keeps what was published, so a test can see that a
 * re-publish edited the post rather than adding one. Every request is recorded with its parsed body.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { statusLength } from './status-text';

export interface RecordedRequest {
  method: string;
  /** With the query string. */
  path: string;
  headers: IncomingHttpHeaders;
  /** The body as text; `json` or `form` when its Content-Type says so and it parses. */
  text: string;
  json?: unknown;
  form?: URLSearchParams;
}

export interface RecordingServer {
  /** http://127.0.0.1:port, without a trailing slash. */
  origin: string;
  url(path: string): string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export type Handler = (request: RecordedRequest, response: ServerResponse) => void | Promise<void>;

/** A server that records each request, body parsed, and hands it to `handle`. */
export async function startRecordingServer(handle: Handler): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((incoming, response) => {
    readRequest(incoming)
      .then((request) => {
        requests.push(request);
        return handle(request, response);
      })
      .catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readRequest(incoming: IncomingMessage): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const type = mediaType(incoming.headers['content-type']);
  const request: RecordedRequest = { method: incoming.method ?? 'GET', path: incoming.url ?? '/', headers: incoming.headers, text };
  if (type === 'application/json') {
    try {
      request.json = JSON.parse(text) as unknown;
    } catch {
      // Left without `json`: the fake answers as the real service does to a body it cannot parse.
    }
  }
  if (type === 'application/x-www-form-urlencoded') request.form = new URLSearchParams(text);
  return request;
}

export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

export function sendHtml(response: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(html);
}

export const basicAuth = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;

// ——— Micropub ———

export interface MicropubFixtureOptions {
  token: string;
  /** How the home page announces its endpoints; `none` announces nothing. */
  announce?: 'link-header' | 'html' | 'none';
  /** Like a server without JSON support: answer a JSON create with this status. */
  refuseJson?: 400 | 415 | 422;
  /** Answer a create with a Location relative to the endpoint, as some servers do. */
  relativeLocation?: boolean;
}

export interface MicropubPost {
  properties: Record<string, unknown[]>;
  /** 'json' or 'form': how it was created. */
  format: 'json' | 'form';
}

export interface MicropubFixture extends RecordingServer {
  /** By absolute URL (the Location given). */
  posts: Map<string, MicropubPost>;
  endpoint: string;
}

/** A Micropub blog: the home page at `/`, the endpoint at `/micropub` (announced relative), posts at `/posts/<n>`. */
export async function startMicropubFixture(options: MicropubFixtureOptions): Promise<MicropubFixture> {
  const posts = new Map<string, MicropubPost>();
  const announce = options.announce ?? 'link-header';
  const error = (response: ServerResponse, status: number, code: string, description: string) =>
    sendJson(response, status, { error: code, error_description: description });

  const server = await startRecordingServer((request, response) => {
    const path = request.path.split('?')[0];
    if (request.method === 'GET' && path === '/') {
      const links = '<link rel="micropub" href="/micropub"><link rel="token_endpoint" href="/token"><link rel="authorization_endpoint" href="/auth">';
      const header = '</micropub>; rel="micropub", </token>; rel="token_endpoint", </auth>; rel="authorization_endpoint"';
      sendHtml(response, 200, `<!doctype html><html><head><title>Blog</title>${announce === 'html' ? links : ''}</head><body><p>Hi</p></body></html>`, announce === 'link-header' ? { link: header } : {});
      return;
    }
    if (path !== '/micropub') return sendHtml(response, 404, '<p>Not found</p>');
    if (request.method !== 'POST') return error(response, 400, 'invalid_request', 'Only POST is supported here.');
    if (request.headers.authorization !== `Bearer ${options.token}`) {
      return error(response, 401, 'unauthorized', request.headers.authorization ? 'The token provided is not valid.' : 'No access token was provided.');
    }
    const type = mediaType(request.headers['content-type']);
    if (type === 'application/json') {
      if (options.refuseJson) return error(response, options.refuseJson, 'invalid_request', 'JSON requests are not supported.');
      const body = request.json as { type?: unknown; properties?: unknown; action?: unknown; url?: unknown } | undefined;
      if (!body) return error(response, 400, 'invalid_request', 'The JSON body could not be parsed.');
      if (body.action === 'update') return update(body, response);
      if (!Array.isArray(body.type) || body.type[0] !== 'h-entry' || !isProperties(body.properties)) {
        return error(response, 400, 'invalid_request', 'Expected {"type":["h-entry"],"properties":{…}} with arrays as values.');
      }
      return create(body.properties, 'json', response);
    }
    if (type === 'application/x-www-form-urlencoded') {
      const form = request.form!;
      if (form.get('h') !== 'entry') return error(response, 400, 'invalid_request', 'Only h=entry can be created.');
      const properties: Record<string, unknown[]> = {};
      for (const [key, value] of form) {
        if (key === 'h' || key === 'access_token') continue;
        const name = key.endsWith('[]') ? key.slice(0, -2) : key;
        (properties[name] ??= []).push(value);
      }
      return create(properties, 'form', response);
    }
    return error(response, 415, 'invalid_request', `Unsupported Content-Type ${type || '(none)'}.`);
  });

  function create(properties: Record<string, unknown[]>, format: 'json' | 'form', response: ServerResponse): void {
    if (!properties.content && !properties.name) return error(response, 400, 'invalid_request', 'A post needs content or a name.');
    const path = `/posts/${posts.size + 1}`;
    posts.set(server.url(path), { properties, format });
    response.writeHead(201, { location: options.relativeLocation ? path : server.url(path) }).end();
  }

  function update(body: { url?: unknown; replace?: unknown; delete?: unknown }, response: ServerResponse): void {
    const post = typeof body.url === 'string' ? posts.get(body.url) : undefined;
    if (!post) return error(response, 400, 'invalid_request', 'The post to update does not exist.');
    if (body.replace !== undefined && !isProperties(body.replace)) return error(response, 400, 'invalid_request', 'replace must map properties to arrays.');
    if (body.delete !== undefined && !(Array.isArray(body.delete) && body.delete.every((name) => typeof name === 'string'))) {
      return error(response, 400, 'invalid_request', 'delete must be a list of property names.');
    }
    Object.assign(post.properties, body.replace ?? {});
    for (const name of (body.delete as string[] | undefined) ?? []) delete post.properties[name];
    response.writeHead(204).end();
  }

  return Object.assign(server, { posts, endpoint: server.url('/micropub') });
}

function isProperties(value: unknown): value is Record<string, unknown[]> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(Array.isArray);
}

// ——— WordPress ———

export interface WordPressFixtureOptions {
  username: string;
  appPassword: string;
  /** `pretty`: Link to /wp-json/; `plain`: to /?rest_route=/ (pretty permalinks off); `none`: no Link header. */
  announce?: 'pretty' | 'plain' | 'none';
}

export interface WordPressPost {
  id: number;
  title: string;
  content: string;
  status: string;
  link: string;
}

export interface WordPressFixture extends RecordingServer {
  posts: Map<number, WordPressPost>;
}

/** A WordPress site: the home page at `/`, the REST API at /wp-json/ (and at /?rest_route=/). */
export async function startWordPressFixture(options: WordPressFixtureOptions): Promise<WordPressFixture> {
  const posts = new Map<number, WordPressPost>();
  const announce = options.announce ?? 'pretty';
  const wpError = (response: ServerResponse, status: number, code: string, message: string) =>
    sendJson(response, status, { code, message, data: { status } });

  const server = await startRecordingServer((request, response) => {
    const url = new URL(request.path, 'http://wp.invalid');
    const route = url.pathname.startsWith('/wp-json/') ? url.pathname.slice('/wp-json'.length) : url.pathname === '/' ? url.searchParams.get('rest_route') : null;
    if (route === null) {
      if (request.method === 'GET' && url.pathname === '/') {
        const root = announce === 'plain' ? server.url('/?rest_route=/') : server.url('/wp-json/');
        return sendHtml(response, 200, '<!doctype html><title>WP</title><p>Blog</p>', announce === 'none' ? {} : { link: `<${root}>; rel="https://api.w.org/"` });
      }
      return sendHtml(response, 404, '<p>Not found</p>');
    }
    const match = /^\/wp\/v2\/posts(?:\/(\d+))?\/?$/.exec(route);
    if (!match || request.method !== 'POST') return wpError(response, 404, 'rest_no_route', 'No route was found matching the URL and request method.');
    const authorization = request.headers.authorization;
    if (!authorization) return wpError(response, 401, 'rest_cannot_create', 'Sorry, you are not allowed to create posts as this user.');
    if (authorization !== basicAuth(options.username, options.appPassword)) {
      return wpError(response, 401, 'incorrect_password', 'The provided password is an invalid application password.');
    }
    if (mediaType(request.headers['content-type']) !== 'application/json' || !request.json) {
      return wpError(response, 400, 'rest_invalid_json', 'Invalid JSON body passed.');
    }
    const body = request.json as { title?: unknown; content?: unknown; status?: unknown };
    const fields = { title: body.title, content: body.content, status: body.status };
    for (const [name, value] of Object.entries(fields)) {
      if (value !== undefined && typeof value !== 'string') return wpError(response, 400, 'rest_invalid_param', `Invalid parameter(s): ${name}`);
    }
    if (match[1] !== undefined) {
      const post = posts.get(Number(match[1]));
      if (!post) return wpError(response, 404, 'rest_post_invalid_id', 'Invalid post ID.');
      Object.assign(post, Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)));
      return sendJson(response, 200, rendered(post));
    }
    if (!body.title && !body.content) return wpError(response, 400, 'empty_content', 'Content, title, and excerpt are empty.');
    const id = 100 + posts.size + 1;
    const post: WordPressPost = { id, title: String(body.title ?? ''), content: String(body.content ?? ''), status: String(body.status ?? 'draft'), link: server.url(`/?p=${id}`) };
    posts.set(id, post);
    return sendJson(response, 201, rendered(post));
  });

  return Object.assign(server, { posts });
}

/** The post as the REST API returns it (a few of its many fields). */
function rendered(post: WordPressPost): unknown {
  return {
    id: post.id,
    link: post.link,
    status: post.status,
    type: 'post',
    title: { raw: post.title, rendered: post.title },
    content: { raw: post.content, rendered: post.content, protected: false },
  };
}

// ——— Mastodon ———

export interface MastodonFixtureOptions {
  token: string;
  /** The body of GET /api/v2/instance, or 404 when null. Default: a limit of 500. */
  instanceV2?: unknown;
  /** The body of GET /api/v1/instance, or 404 when null. Default: a limit of 500. */
  instanceV1?: unknown;
  /** When set, every status call answers 429 with these headers. */
  rateLimited?: Record<string, string>;
}

export interface MastodonStatus {
  id: string;
  status: string;
  visibility: string;
  url: string;
  edits: number;
}

export interface MastodonFixture extends RecordingServer {
  statuses: Map<string, MastodonStatus>;
}

/** A Mastodon server: instance info, and statuses created (idempotently) and edited. */
export async function startMastodonFixture(options: MastodonFixtureOptions): Promise<MastodonFixture> {
  const statuses = new Map<string, MastodonStatus>();
  const byKey = new Map<string, string>();
  const limitOf = (instance: unknown) =>
    (instance as { configuration?: { statuses?: { max_characters?: number } } }).configuration?.statuses?.max_characters ?? 500;
  const instanceV2 = options.instanceV2 === undefined ? { domain: '127.0.0.1', configuration: { statuses: { max_characters: 500 } } } : options.instanceV2;
  const instanceV1 = options.instanceV1 === undefined ? { uri: '127.0.0.1', configuration: { statuses: { max_characters: 500 } } } : options.instanceV1;
  const limit = instanceV2 ? limitOf(instanceV2) : instanceV1 ? limitOf(instanceV1) : 500;
  const fail = (response: ServerResponse, status: number, error: string, headers: Record<string, string> = {}) => sendJson(response, status, { error }, headers);

  const server = await startRecordingServer((request, response) => {
    const path = request.path.split('?')[0]!;
    if (request.method === 'GET' && path === '/api/v2/instance') return instanceV2 ? sendJson(response, 200, instanceV2) : fail(response, 404, 'Not Found');
    if (request.method === 'GET' && path === '/api/v1/instance') return instanceV1 ? sendJson(response, 200, instanceV1) : fail(response, 404, 'Not Found');
    const match = /^\/api\/v1\/statuses(?:\/([^/]+))?$/.exec(path);
    if (!match || !(request.method === (match[1] === undefined ? 'POST' : 'PUT'))) return fail(response, 404, 'Record not found');
    if (request.headers.authorization !== `Bearer ${options.token}`) return fail(response, 401, 'The access token is invalid');
    if (options.rateLimited) return fail(response, 429, 'Too many requests', options.rateLimited);
    if (mediaType(request.headers['content-type']) !== 'application/json' || !request.json) return fail(response, 400, 'Invalid JSON');
    const body = request.json as { status?: unknown; visibility?: unknown };
    if (typeof body.status !== 'string' || !body.status.trim()) return fail(response, 422, "Validation failed: Text can't be blank");
    if (statusLength(body.status) > limit) return fail(response, 422, `Validation failed: Text character limit of ${limit} exceeded`);

    if (match[1] !== undefined) {
      const existing = statuses.get(match[1]);
      if (!existing) return fail(response, 404, 'Record not found');
      existing.status = body.status;
      existing.edits += 1;
      return sendJson(response, 200, entity(existing));
    }
    const visibility = body.visibility ?? 'public';
    if (!['public', 'unlisted', 'private', 'direct'].includes(String(visibility))) return fail(response, 422, 'Validation failed: Visibility is not included in the list');
    const key = request.headers['idempotency-key'];
    const repeated = typeof key === 'string' ? byKey.get(key) : undefined;
    if (repeated) return sendJson(response, 200, entity(statuses.get(repeated)!));
    const id = String(109_000_000_000_000_000n + BigInt(statuses.size + 1));
    const created: MastodonStatus = { id, status: body.status, visibility: String(visibility), url: server.url(`/@me/${id}`), edits: 0 };
    statuses.set(id, created);
    if (typeof key === 'string') byKey.set(key, id);
    return sendJson(response, 200, entity(created));
  });

  /** The Status entity, with the fields a client reads. */
  function entity(status: MastodonStatus): unknown {
    return {
      id: status.id,
      uri: server.url(`/users/me/statuses/${status.id}`),
      url: status.url,
      visibility: status.visibility,
      content: `<p>${status.status}</p>`,
      created_at: '2026-11-20T10:00:00.000Z',
      edited_at: status.edits > 0 ? '2026-11-20T11:00:00.000Z' : null,
    };
  }

  return Object.assign(server, { statuses });
}
