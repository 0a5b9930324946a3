import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureOf, redirect, reply, startFixtureServer, type FixtureServer } from '../net/fixture-server';
import { createPageFetcher, defaultPageFetcherOptions, fetchPage } from './fetch-page';

let server: FixtureServer;
let refusedOrigin: string;

// "Café “quoted” – naïve" in windows-1252: é=E9, “=93, ”=94, –=96, ï=EF.
const cp1252Body = Buffer.concat([
  Buffer.from('<!doctype html><html><head><title>t</title></head><body><p>Caf'),
  Buffer.from([0xe9, 0x20, 0x93]),
  Buffer.from('quoted'),
  Buffer.from([0x94, 0x20, 0x96, 0x20, 0x6e, 0x61, 0xef, 0x76, 0x65]),
  Buffer.from('</p></body></html>'),
]);
const cp1252Text = 'Café “quoted” – naïve';
const page = '<!doctype html><html><head><title>Final</title></head><body><p>Arrived</p></body></html>';

function chain(count: number): Record<string, ReturnType<typeof redirect>> {
  const routes: Record<string, ReturnType<typeof redirect>> = {};
  for (let hop = 0; hop < count; hop += 1) routes[`/chain${count}-${hop}`] = redirect(hop + 1 < count ? `/chain${count}-${hop + 1}` : '/final');
  return routes;
}

beforeAll(async () => {
  server = await startFixtureServer({
    '/cp1252': reply(200, 'text/html; charset=windows-1252', cp1252Body),
    '/meta-charset': reply(200, 'text/html', Buffer.concat([Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'), cp1252Body])),
    '/mislabelled': reply(200, 'text/html; charset=iso-8859-1', Buffer.from(`<p>${cp1252Text}</p>`, 'utf8')),
    '/no-type-html': reply(200, '', '<!DOCTYPE html><html><body><p>hello</p></body></html>'),
    '/no-type-binary': reply(200, '', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])),
    '/binary-as-html': reply(200, 'text/html', Buffer.from(Uint8Array.from({ length: 4096 }, (_, index) => (index * 7919 + 13) % 256))),
    '/gzip': reply(200, 'text/html; charset=utf-8', gzipSync(page), { 'content-encoding': 'gzip' }),
    '/final': reply(200, 'text/html; charset=utf-8', page),
    '/moved': redirect('articles/../final', 301),
    '/to-file': redirect('file:///etc/passwd'),
    '/to-nonsense': redirect('http://[not-an-address'),
    ...chain(5),
    ...chain(6),
    '/gone': reply(410, 'text/html', 'gone'),
    '/forbidden': reply(403, 'text/html', 'no'),
    '/broken': reply(503, 'text/html', 'down'),
    '/pdf': reply(200, 'application/pdf', '%PDF-1.7'),
    '/png': reply(200, 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47])),
    '/feed': reply(200, 'application/rss+xml', '<rss/>'),
    '/silent': () => {
      // Never answers: the timeout must end the wait.
    },
    '/trickle': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.write('<p>first part…');
    },
    '/endless': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(16 * 1024, 0x61);
      const timer = setInterval(() => response.write(chunk), 1);
      response.on('close', () => clearInterval(timer));
    },
    '/declared-huge': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html', 'content-length': String(100 * 1024 * 1024) });
      response.write('<p>');
    },
  });
  const closed = await startFixtureServer({});
  refusedOrigin = closed.origin;
  await closed.close();
});

afterAll(async () => {
  await server.close();
});

describe('fetchPage: text and charset', () => {
  it('decodes windows-1252 named in the Content-Type header', async () => {
    const result = await fetchPage(`${server.origin}/cp1252`);
    expect(result.text).toContain(cp1252Text);
    expect(result.contentType).toBe('text/html; charset=windows-1252');
    expect(result.finalUrl).toBe(`${server.origin}/cp1252`);
  });

  it('decodes the charset a <meta http-equiv> names when the header names none', async () => {
    expect((await fetchPage(`${server.origin}/meta-charset`)).text).toContain(cp1252Text);
  });

  it('reads valid UTF-8 as UTF-8 even when the server labels it ISO-8859-1', async () => {
    expect((await fetchPage(`${server.origin}/mislabelled`)).text).toContain(cp1252Text);
  });

  it('sends a User-Agent and accepts gzip-encoded bodies', async () => {
    const result = await fetchPage(`${server.origin}/gzip`);
    expect(result.text).toBe(page);
    expect(server.lastRequest('/gzip')?.headers['user-agent']).toBe(defaultPageFetcherOptions.userAgent);
  });

  it('accepts a body without Content-Type only when it looks like HTML', async () => {
    expect((await fetchPage(`${server.origin}/no-type-html`)).text).toContain('hello');
    const failure = await failureOf(fetchPage(`${server.origin}/no-type-binary`));
    expect(failure.message).toBe('This address is not a web page.');
  });

  it('refuses binary bytes labelled as HTML, which would otherwise become an article of mojibake', async () => {
    const failure = await failureOf(fetchPage(`${server.origin}/binary-as-html`));
    expect(failure).toMatchObject({ code: 'not-found', message: 'This address returned binary data, not a web page.' });
  });
});

describe('fetchPage: redirects', () => {
  it('follows a relative redirect and reports the final address', async () => {
    const result = await fetchPage(`${server.origin}/moved`);
    expect(result.finalUrl).toBe(`${server.origin}/final`);
    expect(result.text).toBe(page);
  });

  it('follows five redirects and refuses the sixth', async () => {
    expect((await fetchPage(`${server.origin}/chain5-0`)).finalUrl).toBe(`${server.origin}/final`);
    const failure = await failureOf(fetchPage(`${server.origin}/chain6-0`));
    expect(failure.code).toBe('network');
    expect(failure.message).toMatch(/redirected more than 5 times/);
  });

  it('refuses a redirect to anything but http(s), or to nonsense', async () => {
    expect((await failureOf(fetchPage(`${server.origin}/to-file`))).code).toBe('invalid-request');
    expect((await failureOf(fetchPage(`${server.origin}/to-nonsense`))).message).toMatch(/redirected to an address that is not valid/);
  });
});

describe('fetchPage: failures in words a user understands', () => {
  it.each([
    ['/nowhere', 'not-found', /no page at this address.*404/],
    ['/gone', 'not-found', /410/],
    ['/forbidden', 'forbidden', /refused.*403/],
    ['/broken', 'network', /problem answering \(503\)/],
    ['/pdf', 'not-found', /^This address is a PDF, not a web page\.$/],
    ['/png', 'not-found', /^This address is an image, not a web page\.$/],
    ['/feed', 'not-found', /is a feed, not a web page/],
  ])('%s → %s', async (path, code, message) => {
    const failure = await failureOf(fetchPage(`${server.origin}${path}`));
    expect(failure.code).toBe(code);
    expect(failure.message).toMatch(message);
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,<p>x', 'not an address', 'http://user:pw@127.0.0.1/'])(
    'refuses %s without fetching',
    async (address) => {
      expect((await failureOf(fetchPage(address))).code).toBe('invalid-request');
    },
  );

  it('says so when the site cannot be reached', async () => {
    const failure = await failureOf(fetchPage(`${refusedOrigin}/`));
    expect(failure.code).toBe('network');
    expect(failure.message).toMatch(/could not reach this site/);
  });

  it('times out when the site never answers, and when the body stalls', async () => {
    const quick = createPageFetcher({ timeoutMs: 150 });
    const started = Date.now();
    const silent = await failureOf(quick(`${server.origin}/silent`));
    expect(silent.code).toBe('timeout');
    expect(silent.message).toMatch(/took too long/);
    expect((await failureOf(quick(`${server.origin}/trickle`))).code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('stops reading a body past the cap, streamed or declared', async () => {
    const small = createPageFetcher({ maxBytes: 64 * 1024 });
    const streamed = await failureOf(small(`${server.origin}/endless`));
    expect(streamed.code).toBe('too-large');
    expect(streamed.message).toMatch(/larger than 64 KB/);
    const declared = await failureOf(fetchPage(`${server.origin}/declared-huge`));
    expect(declared.code).toBe('too-large');
    expect(declared.message).toMatch(/larger than 5 MB/);
  });
});
