import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureOf as failure, send, startFixtureServer, type FixtureServer } from '../net/fixture-server';
import { httpGet, RetryLaterFailure, userAgent, type HttpFetchOptions } from './http-fetch';
import { rss2 } from './feed-fixtures';

let server: FixtureServer;
const clock = () => Date.UTC(2026, 0, 1, 12, 0, 0);
const options: HttpFetchOptions = { headersTimeoutMs: 2_000, totalTimeoutMs: 5_000, now: clock };

beforeAll(async () => {
  server = await startFixtureServer({
    '/feed.xml': send(200, rss2(), { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Mon, 01 Jan 2024 00:00:00 GMT' }),
    '/etag.xml': (request, response) => {
      if (request.headers['if-none-match'] === '"v1"') response.writeHead(304, { etag: '"v1"' }).end();
      else response.writeHead(200, { etag: '"v1"' }).end(rss2());
    },
    '/modified.xml': (request, response) => {
      if (request.headers['if-modified-since'] === 'Mon, 01 Jan 2024 00:00:00 GMT') response.writeHead(304).end();
      else response.writeHead(200, { 'last-modified': 'Mon, 01 Jan 2024 00:00:00 GMT' }).end(rss2());
    },
    '/moved': send(301, '', { location: '/feed.xml' }),
    '/moved-308': send(308, '', { location: '/feed.xml' }),
    '/temporary': send(302, '', { location: '/feed.xml' }),
    '/moved-then-temporary': send(301, '', { location: '/temporary' }),
    '/temporary-then-moved': send(307, '', { location: '/moved' }),
    '/loop-a': send(302, '', { location: '/loop-b' }),
    '/loop-b': send(302, '', { location: '/loop-a' }),
    '/to-file': send(302, '', { location: 'file:///etc/passwd' }),
    '/slow-headers': () => undefined, // never answers
    '/slow-body': (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.write('<rss>');
      // …and never finishes.
    },
    '/big-declared': send(200, 'x'.repeat(4096), { 'content-type': 'text/xml' }),
    '/big-chunked': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/xml', 'transfer-encoding': 'chunked' });
      for (let index = 0; index < 8; index += 1) response.write('y'.repeat(1024));
      response.end();
    },
    '/gzip': send(200, gzipSync(rss2()), { 'content-encoding': 'gzip', 'content-type': 'application/rss+xml' }),
    '/br': send(200, brotliCompressSync(rss2()), { 'content-encoding': 'br', 'content-type': 'application/rss+xml' }),
    '/deflate': send(200, deflateSync(rss2()), { 'content-encoding': 'deflate', 'content-type': 'application/rss+xml' }),
    '/429': send(429, 'slow down', { 'retry-after': '120' }),
    '/503-date': send(503, 'busy', { 'retry-after': 'Thu, 01 Jan 2026 13:00:00 GMT' }),
    '/503': send(503, 'busy'),
    '/404': send(404, 'nope'),
    '/410': send(410, 'gone'),
    '/403': send(403, 'no'),
    '/401': send(401, 'login'),
    '/500': send(500, 'oops'),
    '/max-age': send(200, rss2(), { 'cache-control': 'public, max-age=600' }),
  });
  for (let hop = 1; hop <= 6; hop += 1) server.route(`/hop-${hop}`, send(302, '', { location: `/hop-${hop + 1}` }));
  server.route('/hop-7', send(200, rss2()));
});

afterAll(() => server.close());

describe('httpGet: a polite GET', () => {
  it('sends a descriptive User-Agent, feed Accept types and compression it can decode', async () => {
    const result = await httpGet({ url: server.url('/feed.xml') }, options);
    expect(result.status).toBe('ok');
    const sent = server.requests.findLast((request) => request.path === '/feed.xml')!.headers;
    expect(sent['user-agent']).toBe(userAgent);
    expect(userAgent).toMatch(/^Commonplace\/\d+\.\d+\.\d+ \(\+feed reader; like NetNewsWire\)$/);
    expect(sent.accept).toContain('application/rss+xml');
    expect(sent.accept).toContain('application/atom+xml');
    expect(sent.accept).toContain('application/feed+json');
    expect(sent['accept-encoding']).toContain('gzip');
    if (result.status === 'ok') {
      expect(Buffer.from(result.body).toString('utf8')).toBe(rss2());
      expect(result.contentType).toBe('application/rss+xml');
      expect(result.etag).toBe('"v1"');
      expect(result.lastModified).toBe('Mon, 01 Jan 2024 00:00:00 GMT');
      expect(result.finalUrl).toBe(server.url('/feed.xml'));
      expect(result.movedTo).toBeUndefined();
    }
  });

  it('answers not-modified to a matching If-None-Match, keeping the ETag', async () => {
    const result = await httpGet({ url: server.url('/etag.xml'), etag: '"v1"' }, options);
    expect(result).toMatchObject({ status: 'not-modified', etag: '"v1"' });
    expect(server.requests.findLast((request) => request.path === '/etag.xml')!.headers['if-none-match']).toBe('"v1"');
  });

  it('answers not-modified to a matching If-Modified-Since, keeping the date we sent', async () => {
    const lastModified = 'Mon, 01 Jan 2024 00:00:00 GMT';
    const result = await httpGet({ url: server.url('/modified.xml'), lastModified }, options);
    expect(result).toMatchObject({ status: 'not-modified', lastModified });
  });

  it('reports a permanent redirect (301 and 308) as movedTo', async () => {
    for (const path of ['/moved', '/moved-308']) {
      const result = await httpGet({ url: server.url(path) }, options);
      expect(result).toMatchObject({ status: 'ok', finalUrl: server.url('/feed.xml'), movedTo: server.url('/feed.xml') });
    }
  });

  it('follows a temporary redirect without moving the subscription', async () => {
    const result = await httpGet({ url: server.url('/temporary') }, options);
    expect(result.finalUrl).toBe(server.url('/feed.xml'));
    expect(result.movedTo).toBeUndefined();
  });

  it('moves only as far as the leading run of permanent redirects', async () => {
    expect((await httpGet({ url: server.url('/moved-then-temporary') }, options)).movedTo).toBe(server.url('/temporary'));
    expect((await httpGet({ url: server.url('/temporary-then-moved') }, options)).movedTo).toBeUndefined();
  });

  it('stops a redirect loop and more than five redirects with a clear error', async () => {
    const loop = await failure(httpGet({ url: server.url('/loop-a') }, options));
    expect(loop.code).toBe('network');
    expect(loop.message).toMatch(/redirects in a loop/);
    const many = await failure(httpGet({ url: server.url('/hop-1') }, options));
    expect(many.message).toMatch(/redirects too many times \(more than 5\)/);
    // Exactly five redirects are fine.
    expect((await httpGet({ url: server.url('/hop-2') }, options)).status).toBe('ok');
  });

  it('refuses to follow a redirect to another scheme', async () => {
    expect((await failure(httpGet({ url: server.url('/to-file') }, options))).message).toMatch(/"file:" address/);
  });

  it('times out when the server does not answer, within the configured time', async () => {
    const started = Date.now();
    const error = await failure(httpGet({ url: server.url('/slow-headers') }, { ...options, headersTimeoutMs: 150 }));
    expect(error.code).toBe('timeout');
    expect(error.message).toBe('The server did not answer within 0.15 seconds.');
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('times out when the body never ends (total timeout)', async () => {
    const started = Date.now();
    const error = await failure(httpGet({ url: server.url('/slow-body') }, { ...options, totalTimeoutMs: 300 }));
    expect(error.code).toBe('timeout');
    expect(error.message).toBe('The feed took too long to download (more than 0.3 seconds).');
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('refuses bodies over the cap, declared or streamed', async () => {
    for (const path of ['/big-declared', '/big-chunked']) {
      const error = await failure(httpGet({ url: server.url(path) }, { ...options, maxBytes: 2048 }));
      expect(error.code).toBe('too-large');
      expect(error.message).toMatch(/larger than 2 KiB/);
    }
  });

  it('decodes gzip, br and deflate bodies', async () => {
    for (const path of ['/gzip', '/br', '/deflate']) {
      const result = await httpGet({ url: server.url(path) }, options);
      expect(result.status === 'ok' && Buffer.from(result.body).toString('utf8')).toBe(rss2());
    }
  });

  it('stops a gzip bomb at the cap without inflating it all', async () => {
    // 64 gzip members of 16 MiB of zeros each: 1 GiB decoded from about 1 MiB on the wire.
    const member = gzipSync(Buffer.alloc(16 * 1024 * 1024), { level: 9 });
    server.route('/bomb', send(200, Buffer.concat(Array.from({ length: 64 }, () => member)), { 'content-encoding': 'gzip' }));
    const before = process.memoryUsage().rss;
    const started = Date.now();
    const error = await failure(httpGet({ url: server.url('/bomb') }, { ...options, maxBytes: 1024 * 1024 }));
    expect(error.code).toBe('too-large');
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(process.memoryUsage().rss - before).toBeLessThan(256 * 1024 * 1024);
  });

  it('turns 429 and 503 with Retry-After into a RetryLaterFailure carrying the time', async () => {
    const limited = await failure(httpGet({ url: server.url('/429') }, options));
    expect(limited).toBeInstanceOf(RetryLaterFailure);
    expect((limited as RetryLaterFailure).retryAfter).toBe(clock() + 120_000);
    expect(limited.code).toBe('unavailable');
    expect(limited.message).toBe(
      'The server asks Commonplace to slow down (429); it can be tried again in about 2 minutes (after 2026-01-01 12:02 UTC).',
    );
    const busy = await failure(httpGet({ url: server.url('/503-date') }, options));
    expect((busy as RetryLaterFailure).retryAfter).toBe(Date.UTC(2026, 0, 1, 13, 0, 0));
    expect(busy.message).toMatch(/unavailable for now \(503\); it can be tried again in about 60 minutes/);
  });

  it.each([
    ['/404', 'not-found', 'The server says this feed does not exist (404).'],
    ['/410', 'not-found', 'The server says this feed is gone for good (410).'],
    ['/403', 'forbidden', 'The server refuses to give Commonplace this feed (403).'],
    ['/401', 'forbidden', 'This feed needs a login (401).'],
    ['/500', 'unavailable', 'The server had a problem (500); try again later.'],
    ['/503', 'unavailable', 'The server had a problem (503); try again later.'],
  ])('explains %s in words', async (path, code, message) => {
    const error = await failure(httpGet({ url: server.url(path) }, options));
    expect({ code: error.code, message: error.message }).toEqual({ code, message });
  });

  it('takes Cache-Control max-age as the earliest time to ask again', async () => {
    expect((await httpGet({ url: server.url('/max-age') }, options)).retryAfter).toBe(clock() + 600_000);
  });

  it('reports a refused connection as a network failure', async () => {
    const closed = await startFixtureServer();
    const url = closed.url('/feed.xml');
    await closed.close();
    const error = await failure(httpGet({ url }, options));
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/refused the connection/);
  });

  it('reports an unknown host as a network failure (DNS, stubbed)', async () => {
    const fetchImpl = (async () => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }) });
    }) as typeof fetch;
    const error = await failure(httpGet({ url: 'https://no-such-host.invalid/feed' }, { ...options, fetchImpl }));
    expect(error.code).toBe('network');
    expect(error.message).toBe('Commonplace could not find the server no-such-host.invalid: check the address and your connection.');
  });

  it.each(['file:///etc/passwd', 'data:text/xml,<rss/>', 'javascript:alert(1)', 'ftp://example.com/feed', 'not a url'])(
    'refuses %s as an invalid request',
    async (url) => {
      const error = await failure(httpGet({ url }, options));
      expect(error.code).toBe('invalid-request');
      expect(error.message).toMatch(/Only http and https addresses|not a valid web address/);
    },
  );
});
