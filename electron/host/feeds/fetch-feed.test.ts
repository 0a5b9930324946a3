import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchFeedResponseSchema, type FetchFeedResponse } from '../../../shared/feeds/feed-schemas';
import { HostFailure } from '../../../shared/host-error';
import { fetchFeed, readFeed } from './fetch-feed';
import type { HttpFetchOptions } from './http-fetch';
import { send, startFixtureServer, type FixtureServer } from '../net/fixture-server';
import { atom1, jsonFeed, rdf, rss2 } from './feed-fixtures';

let server: FixtureServer;
const clock = () => Date.UTC(2026, 0, 1);
const options: HttpFetchOptions = { headersTimeoutMs: 2_000, totalTimeoutMs: 5_000, now: clock };

/** Every answer must pass the contract's own schema, unchanged. */
async function fetchOk(path: string, extra: Partial<{ etag: string; lastModified: string }> = {}) {
  const response = await fetchFeed({ url: server.url(path), ...extra }, options);
  expect(fetchFeedResponseSchema.parse(response)).toEqual(response);
  if (response.status !== 'ok') throw new Error(`expected ok, got ${response.status}`);
  return response;
}

const hostile = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xml:base="https://example.com/base/"><channel><title>Hostile</title><link>https://example.com/</link><description>d</description>
<item><title>Bad</title><link>post.html</link>
<description><![CDATA[<p onclick="steal()">Hi <a href="javascript:alert(1)">click</a> <a href="../about">about</a>
<img src="pic.png" onerror="alert(1)"><script>alert(1)</script><iframe src="https://evil.example/"></iframe></p>]]></description>
</item></channel></rss>`;

const latin1Rss = (prolog: string) => Buffer.from(`${prolog}<rss version="2.0"><channel><title>Caf\u00e9 \u00bb</title></channel></rss>`, 'latin1');

beforeAll(async () => {
  server = await startFixtureServer({
    '/rss.xml': send(200, rss2(), { 'content-type': 'application/rss+xml', etag: '"r1"', 'cache-control': 'max-age=3600' }),
    '/atom.xml': send(200, atom1, { 'content-type': 'application/atom+xml' }),
    '/rdf.xml': send(200, rdf, { 'content-type': 'application/rdf+xml' }),
    '/feed.json': send(200, jsonFeed, { 'content-type': 'application/feed+json' }),
    '/conditional.xml': (request, response) => {
      if (request.headers['if-none-match'] === '"c1"' || request.headers['if-modified-since'] === 'Mon, 01 Jan 2024 00:00:00 GMT') {
        response.writeHead(304, { etag: '"c1"', 'cache-control': 'max-age=60' }).end();
      } else response.writeHead(200, { etag: '"c1"', 'last-modified': 'Mon, 01 Jan 2024 00:00:00 GMT' }).end(rss2());
    },
    '/old-address': send(301, '', { location: '/rss.xml' }),
    '/hostile.xml': send(200, hostile, { 'content-type': 'application/rss+xml' }),
    '/dir/relative.xml': send(
      200,
      rss2('<item><title>R</title><link>/r</link><description>&lt;a href="../about"&gt;a&lt;/a&gt; &lt;img src="img/x.png" srcset="y.png 2x"&gt;</description></item>'),
      { 'content-type': 'application/rss+xml' },
    ),
    '/cp1252.xml': send(200, Buffer.from([...Buffer.from('<rss version="2.0"><channel><title>'), 0x80, 0x93, 0x94, ...Buffer.from('</title></channel></rss>')]), {
      'content-type': 'text/xml; charset=windows-1252',
    }),
    '/mislabelled.xml': send(200, Buffer.from('<rss version="2.0"><channel><title>Café ✓</title></channel></rss>', 'utf8'), {
      'content-type': 'application/xml; charset=ISO-8859-1',
    }),
    '/utf16.xml': send(200, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><title>Ωmega</title></channel></rss>', 'utf16le')]), {
      'content-type': 'application/xml',
    }),
    '/prolog-only.xml': send(200, latin1Rss('<?xml version="1.0" encoding="iso-8859-1"?>'), { 'content-type': 'application/xml' }),
    '/gzip-file.xml': send(200, gzipSync(rss2()), { 'content-type': 'application/x-gzip' }),
    '/page.html': send(200, '<!DOCTYPE html><html><head><title>Home</title></head><body>Hi</body></html>', { 'content-type': 'text/html' }),
    '/broken.xml': send(200, '\uFEFF  \n<?xml version="1.0"?><rss version="2.0"><channel><title>Tom & Jerry&nbsp;\u0001</title></channel></rss>', {
      'content-type': 'text/xml',
    }),
  });
});

afterAll(() => server.close());

describe('fetchFeed', () => {
  it.each([
    ['/rss.xml', 'rss', 'Fixture RSS'],
    ['/atom.xml', 'atom', 'Fixture Atom'],
    ['/rdf.xml', 'rdf', 'Fixture RDF'],
    ['/feed.json', 'json', 'Fixture JSON'],
  ])('fetches and parses %s', async (path, format, title) => {
    const response = await fetchOk(path);
    expect(response.feed).toMatchObject({ format, title });
    expect(response.feed.items.length).toBe(1);
    expect(response.finalUrl).toBe(server.url(path));
    expect(response.encoding).toBe('utf-8');
  });

  it('passes on ETag and Cache-Control max-age as retryAfter', async () => {
    expect(await fetchOk('/rss.xml')).toMatchObject({ etag: '"r1"', retryAfter: clock() + 3_600_000 });
  });

  it('answers not-modified to a conditional GET, by ETag and by Last-Modified', async () => {
    for (const validators of [{ etag: '"c1"' }, { lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT' }]) {
      const response: FetchFeedResponse = await fetchFeed({ url: server.url('/conditional.xml'), ...validators }, options);
      expect(fetchFeedResponseSchema.parse(response)).toEqual(response);
      expect(response).toMatchObject({ status: 'not-modified', etag: '"c1"', retryAfter: clock() + 60_000, finalUrl: server.url('/conditional.xml') });
    }
  });

  it('reports a permanent move', async () => {
    expect(await fetchOk('/old-address')).toMatchObject({ movedTo: server.url('/rss.xml'), finalUrl: server.url('/rss.xml') });
  });

  it('strips hostile HTML and makes relative URLs absolute against xml:base', async () => {
    const item = (await fetchOk('/hostile.xml')).feed.items[0]!;
    expect(item.link).toBe('post.html'); // the normaliser resolves links, against baseUrl
    expect(item.baseUrl).toBe('https://example.com/base/');
    expect(item.summaryHtml).toBe(
      '<p>Hi <a>click</a> <a href="https://example.com/about">about</a>\n<img src="https://example.com/base/pic.png"></p>',
    );
  });

  it('without xml:base, resolves URLs inside HTML against where the feed was read from', async () => {
    const item = (await fetchOk('/dir/relative.xml')).feed.items[0]!;
    expect(item.baseUrl).toBe(server.url('/dir/relative.xml'));
    expect(item.summaryHtml).toBe(
      `<a href="${server.url('/about')}">a</a> <img src="${server.url('/dir/img/x.png')}" srcset="${server.url('/dir/y.png')} 2x">`,
    );
  });

  it('sanitises JSON Feed HTML too', async () => {
    expect((await fetchOk('/feed.json')).feed.items[0]!.contentHtml).toBe('<p>Hi</p>');
  });

  it.each([
    ['/cp1252.xml', 'windows-1252', '€“”'],
    ['/mislabelled.xml', 'utf-8', 'Café ✓'],
    ['/utf16.xml', 'utf-16le', 'Ωmega'],
    ['/prolog-only.xml', 'windows-1252', 'Café »'],
  ])('decodes %s as %s', async (path, encoding, title) => {
    expect(await fetchOk(path)).toMatchObject({ encoding, feed: { title } });
  });

  it('repairs broken XML and lists the repairs', async () => {
    const response = await fetchOk('/broken.xml');
    expect(response.feed.title).toBe('Tom & Jerry'); // the NBSP is trimmed with the other whitespace
    expect(response.repairs).toEqual([
      'Removed 1 control character that XML does not allow.',
      'Removed whitespace before the start of the XML.',
      'Escaped 1 bare ampersand ("&" not starting an entity).',
      'Replaced 1 HTML entity (such as &nbsp;) with character references.',
    ]);
  });

  it('decompresses a gzip file sent without Content-Encoding', async () => {
    const response = await fetchOk('/gzip-file.xml');
    expect(response.feed.title).toBe('Fixture RSS');
    expect(response.repairs).toEqual(['Decompressed a gzip body the server sent without saying so.']);
  });

  it('refuses a web page as not-a-feed', async () => {
    const error = await fetchFeed({ url: server.url('/page.html') }, options).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HostFailure);
    expect(error).toMatchObject({ code: 'not-a-feed', message: 'This address does not point to a feed (it looks like a web page).' });
  });
});

describe('readFeed', () => {
  it('caps a gzip body once decompressed', async () => {
    const bomb = gzipSync(Buffer.alloc(4 * 1024 * 1024));
    await expect(readFeed(bomb, { maxBytes: 1024 * 1024 })).rejects.toMatchObject({ code: 'too-large' });
  });

  it('calls binary bytes binary, whatever the label, instead of reading the XML after a stray "<"', async () => {
    // Bytes with a '<' followed by a letter somewhere: before, the junk up to it was cut and the rest called XML.
    const garbage = Uint8Array.from({ length: 4096 }, (_, index) => (index * 7919 + 13) % 256);
    garbage.set(Buffer.from('<Sx'), 100);
    await expect(readFeed(garbage, { contentType: 'application/rss+xml' })).rejects.toMatchObject({
      code: 'not-a-feed',
      message: 'This address returned binary data, not a feed.',
    });
    // A stray control character in a real feed is still repaired, not refused.
    const feed = await readFeed(Buffer.from('<rss version="2.0"><channel><title>A\u0003B</title></channel></rss>'));
    expect(feed.feed.title).toBe('AB');
  });

  it('reads at most maxItems items, and says so among the repairs', async () => {
    const items = Array.from({ length: 12 }, (_, index) => `<item><guid>g${index}</guid><description>&lt;b&gt;${index}&lt;/b&gt;</description></item>`);
    const { feed, repairs } = await readFeed(Buffer.from(rss2(items.join(''))), { maxItems: 10 });
    expect(feed.items.map((item) => item.guid)).toEqual(Array.from({ length: 10 }, (_, index) => `g${index}`));
    expect(repairs).toContain('Read the newest 10 of 12 items; the 2 older ones were left out.');
  });

  it('sanitises at most maxElements elements of markup per feed, keeping the rest as text, and says so', async () => {
    const items = Array.from({ length: 4 }, (_, index) => `<item><guid>g${index}</guid><description>&lt;p&gt;Item &lt;b&gt;${index}&lt;/b&gt; &lt;script&gt;x()&lt;/script&gt;&lt;/p&gt;</description></item>`);
    const { feed, repairs } = await readFeed(Buffer.from(rss2(items.join(''))), { maxElements: 6 });
    expect(feed.items.map((item) => item.summaryHtml)).toEqual(['<p>Item <b>0</b> </p>', '<p>Item <b>1</b> </p>', '<p>Item 2</p>', '<p>Item 3</p>']);
    expect(repairs.some((repair) => repair.startsWith("Kept some items' HTML as plain text"))).toBe(true);
  });

  it('lets other work in while it sanitises a long feed, instead of holding the thread for all of it', async () => {
    const body = '&lt;p&gt;Some &lt;b&gt;bold&lt;/b&gt; text and &lt;a href="/x"&gt;a link&lt;/a&gt;.&lt;/p&gt;'.repeat(4);
    const items = Array.from({ length: 600 }, (_, index) => `<item><guid>g${index}</guid><description>${body}</description></item>`);
    const xml = Buffer.from(rss2(items.join('')));
    let longestGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      longestGap = Math.max(longestGap, performance.now() - last);
      last = performance.now();
    }, 5);
    const started = performance.now();
    try {
      await readFeed(xml);
    } finally {
      clearInterval(ticker);
    }
    // The gap up to now counts too: a thread held to the end never lets the ticker record it.
    longestGap = Math.max(longestGap, performance.now() - last);
    const total = performance.now() - started;
    // Parsing stays one synchronous step; sanitising, most of the time, must not be.
    expect(longestGap).toBeLessThan(total / 2);
  });
});
