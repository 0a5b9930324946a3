// The shared GET on its own. Its callers' tests (feeds/http-fetch.test.ts, articles/fetch-page.test.ts) cover
// timeouts, caps, redirects and wording end to end; these pin what the merge decided where the two differed.
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostFailure } from '../../../shared/host-error';
import { failureOf, redirect, reply, send, startFixtureServer, type FixtureServer } from './fixture-server';
import type { HttpWords } from './http-errors';
import { httpGet, type HttpGetOptions } from './http-get';

/** Every failure names the word that produced it, so a test sees which rule fired. */
const words = new Proxy({} as HttpWords, {
  get: (_target, word: string) => () => new HostFailure('network', word),
});

/** Random bytes do not compress: gzip makes them a little larger, so only the declared length is over a cap of 2050. */
const incompressible = gzipSync(randomBytes(2048));

let server: FixtureServer;
const options: HttpGetOptions = { userAgent: 'test-agent/1', words, headersTimeoutMs: 2_000, totalTimeoutMs: 5_000 };
const get = (path: string, extra: Partial<HttpGetOptions> = {}) => httpGet(server.url(path), { ...options, ...extra });

beforeAll(async () => {
  server = await startFixtureServer({
    '/page': reply(200, 'text/html', '<p>hi</p>'),
    '/loop': redirect('/loop-back'),
    '/loop-back': redirect('/loop'),
    '/multiple-choices': send(300, '', { location: '/page' }),
    '/no-location': send(302),
    '/to-credentials': redirect('http://user:secret@127.0.0.1/page'),
    '/not-modified': send(304),
    '/big-gzip': send(200, incompressible, { 'content-encoding': 'gzip', 'content-length': String(incompressible.byteLength) }),
    '/pdf': (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/pdf' });
      response.write('%PDF-1.7');
      // …and never finishes: refusing it must not wait for the body.
    },
  });
});

afterAll(() => server.close());

describe('httpGet (shared)', () => {
  it('sends the caller’s User-Agent and headers, and asks for compressed bodies', async () => {
    const result = await get('/page', { headers: { accept: 'text/html' } });
    expect(result).toMatchObject({ status: 200, finalUrl: server.url('/page'), redirects: [] });
    expect(Buffer.from(result.body).toString()).toBe('<p>hi</p>');
    const sent = server.lastRequest('/page')!.headers;
    expect(sent).toMatchObject({ 'user-agent': 'test-agent/1', accept: 'text/html', 'accept-encoding': 'gzip, deflate, br' });
  });

  it('lists the redirects it followed, with their status', async () => {
    server.route('/old', redirect('/page', 301));
    expect((await get('/old')).redirects).toEqual([{ status: 301, to: server.url('/page') }]);
  });

  it('catches a redirect loop before the redirect limit', async () => {
    expect((await failureOf(get('/loop'))).message).toBe('redirectLoop');
    expect(server.paths().filter((path) => path.startsWith('/loop'))).toEqual(['/loop', '/loop-back']);
  });

  it('follows only the Fetch standard’s redirect statuses, and needs a Location', async () => {
    expect((await failureOf(get('/multiple-choices'))).message).toBe('status');
    expect((await failureOf(get('/no-location'))).message).toBe('redirectWithoutLocation');
  });

  it('refuses addresses with credentials, typed or redirected to', async () => {
    expect((await failureOf(httpGet('http://user:secret@127.0.0.1/', options))).message).toBe('credentials');
    expect((await failureOf(get('/to-credentials'))).message).toBe('credentials');
  });

  it('returns a 304 with an empty body for the caller to interpret', async () => {
    expect(await get('/not-modified')).toMatchObject({ status: 304, body: new Uint8Array(0) });
  });

  it('refuses a declared length over the cap even when the body is compressed', async () => {
    expect(incompressible.byteLength).toBeGreaterThan(2050);
    expect((await get('/big-gzip', { maxBytes: 4096 })).body.byteLength).toBe(2048);
    expect((await failureOf(get('/big-gzip', { maxBytes: 2050 }))).message).toBe('tooLarge');
  });

  it('lets the caller refuse an answer before its body is read', async () => {
    const refused = new HostFailure('not-found', 'not a page');
    const check = (response: Response) => {
      if (response.headers.get('content-type') === 'application/pdf') throw refused;
    };
    expect(await failureOf(get('/pdf', { checkResponse: check, totalTimeoutMs: 60_000 }))).toBe(refused);
  });
});
