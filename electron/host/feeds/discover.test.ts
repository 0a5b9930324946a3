import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { discoverFeedsResponseSchema } from '../../../shared/feeds/feed-schemas';
import { HostFailure } from '../../../shared/host-error';
import { send, startFixtureServer, type FixtureServer } from '../net/fixture-server';
import { discoverFeeds, linkedFeeds, type DiscoverOptions } from './discover';
import { atom1, jsonFeed, rss2 } from './feed-fixtures';

let server: FixtureServer;
const options: DiscoverOptions = { headersTimeoutMs: 2_000, totalTimeoutMs: 5_000 };
const html = (head: string) => `<!DOCTYPE html><html><head><title>Page</title>${head}</head><body><p>Hello</p></body></html>`;

async function discover(url: string, extra: DiscoverOptions = {}) {
  const response = await discoverFeeds({ url }, { ...options, ...extra });
  expect(discoverFeedsResponseSchema.parse(response)).toEqual(response);
  return response;
}

const pathsRequested = () => server.requests.map((request) => request.path);

beforeAll(async () => {
  server = await startFixtureServer({
    '/feed.xml': send(200, rss2(), { 'content-type': 'application/rss+xml' }),
    '/atom.xml': send(200, atom1, { 'content-type': 'application/atom+xml' }),
    '/moved-feed': send(301, '', { location: '/feed.xml' }),
    '/temporary-feed': send(302, '', { location: '/feed.xml' }),
    '/blog/': send(
      200,
      html(`<link rel="stylesheet" href="/style.css">
        <link rel="alternate" type="application/rss+xml" title="Posts" href="feed.xml">
        <link rel="alternate" type="application/rss+xml" title="Posts again" href="/blog/feed.xml">
        <link rel="Alternate" type="application/atom+xml; charset=utf-8" href="https://other.example.org/atom">
        <link rel="alternate" type="application/feed+json" title="JSON" href="/feed.json">
        <link rel="alternate" type="application/json" title="JSON API" href="/wp-json/wp/v2/pages/2">
        <link rel="alternate" type="application/json+oembed" href="/oembed?url=x">
        <link rel="alternate" hreflang="fr" href="/fr/">
        <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">`),
      { 'content-type': 'text/html; charset=utf-8' },
    ),
    '/based/page.html': send(200, html('<base href="/elsewhere/"><link rel="alternate" type="application/atom+xml" href="atom.xml">'), {
      'content-type': 'text/html',
    }),
    '/plain/': send(200, html(''), { 'content-type': 'text/html' }),
    '/feed': send(200, html(''), { 'content-type': 'text/html' }), // a page, not a feed: not counted
    '/index.xml': send(200, rss2(), { 'content-type': 'application/rss+xml' }),
    '/feed.json': send(200, jsonFeed, { 'content-type': 'application/feed+json' }),
    '/missing': send(404, 'nope'),
  });
});

beforeEach(() => {
  server.requests.length = 0;
});

afterAll(() => server.close());

describe('discoverFeeds', () => {
  it('recognises an address that is itself a feed', async () => {
    expect(await discover(server.url('/feed.xml'))).toEqual({
      pageUrl: server.url('/feed.xml'),
      isFeed: true,
      feeds: [{ url: server.url('/feed.xml'), title: 'Fixture RSS', format: 'rss' }],
    });
    expect(pathsRequested()).toEqual(['/feed.xml']);
  });

  it('subscribes to where a feed moved permanently, but not to a temporary target', async () => {
    expect((await discover(server.url('/moved-feed'))).feeds[0]!.url).toBe(server.url('/feed.xml'));
    const temporary = await discover(server.url('/temporary-feed'));
    expect(temporary.pageUrl).toBe(server.url('/feed.xml'));
    expect(temporary.feeds[0]!.url).toBe(server.url('/temporary-feed'));
  });

  it('lists a page’s <link rel="alternate"> feeds, resolved, deduplicated, without REST or oEmbed links', async () => {
    const response = await discover(server.url('/blog/'));
    expect(response).toEqual({
      pageUrl: server.url('/blog/'),
      isFeed: false,
      feeds: [
        { url: server.url('/blog/feed.xml'), title: 'Posts', format: 'rss' },
        { url: 'https://other.example.org/atom', format: 'atom' },
        { url: server.url('/feed.json'), title: 'JSON', format: 'json' },
      ],
    });
    expect(pathsRequested()).toEqual(['/blog/']); // declared feeds need no probing
    expect(server.requests[0]!.headers.accept).toMatch(/^text\/html/);
  });

  it('resolves alternates against <base href>', async () => {
    expect((await discover(server.url('/based/page.html'))).feeds).toEqual([{ url: server.url('/elsewhere/atom.xml'), format: 'atom' }]);
  });

  it('probes the usual paths one at a time when the page declares none, and stops after the hits it needs', async () => {
    const response = await discover(server.url('/plain/'));
    expect(response.feeds).toEqual([
      { url: server.url('/atom.xml'), title: 'Fixture Atom', format: 'atom' },
      { url: server.url('/index.xml'), title: 'Fixture RSS', format: 'rss' },
    ]);
    expect(pathsRequested()).toEqual(['/plain/', '/feed', '/rss.xml', '/atom.xml', '/index.xml']);
  });

  it('finds /feed.xml by probing', async () => {
    const response = await discover(server.url('/plain/'), { probePaths: ['/feed', '/rss', '/feed.xml'] });
    expect(response.feeds).toEqual([{ url: server.url('/feed.xml'), title: 'Fixture RSS', format: 'rss' }]);
  });

  it('stops probing at once when the server says 429', async () => {
    const limited = await startFixtureServer({
      '/': send(200, html(''), { 'content-type': 'text/html' }),
      '/feed': send(429, 'slow down', { 'retry-after': '60' }),
      '/rss.xml': send(200, rss2()),
    });
    try {
      const response = await discoverFeeds({ url: limited.url('/') }, options);
      expect(response.feeds).toEqual([]);
      expect(limited.requests.map((request) => request.path)).toEqual(['/', '/feed']);
    } finally {
      await limited.close();
    }
  });

  it('adds a scheme: https first, then http when https cannot connect', async () => {
    const bare = server.url('/feed.xml').replace('http://', '');
    const response = await discover(bare);
    expect(response).toMatchObject({ pageUrl: server.url('/feed.xml'), isFeed: true });
    expect((await discover(`feed://${bare}`)).isFeed).toBe(true);
  });

  it('passes on HTTP failures and refuses other schemes', async () => {
    await expect(discoverFeeds({ url: server.url('/missing') }, options)).rejects.toMatchObject({ code: 'not-found' });
    const error = await discoverFeeds({ url: 'javascript:alert(1)' }, options).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HostFailure);
    expect(error).toMatchObject({ code: 'invalid-request' });
    await expect(discoverFeeds({ url: 'file:///etc/passwd' }, options)).rejects.toMatchObject({ code: 'invalid-request' });
  });
});

describe('linkedFeeds', () => {
  it('runs no scripts while reading the page', () => {
    const page = html('<script>globalThis.ran = true; document.head.innerHTML += \'<link rel="alternate" type="application/rss+xml" href="/injected">\';</script>');
    expect(linkedFeeds(page, 'https://example.com/')).toEqual([]);
    expect((globalThis as { ran?: boolean }).ran).toBeUndefined();
  });

  it('reads only the head of a page too big to parse whole (14 MB of tiny elements exhausted the heap)', () => {
    const page = `<html><head><link rel="alternate" type="application/rss+xml" href="/feed"></head><body>${'<b>x</b>'.repeat(1_800_000)}</body></html>`;
    const started = performance.now();
    expect(linkedFeeds(page, 'https://example.com/')).toEqual([{ url: 'https://example.com/feed', format: 'rss' }]);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(linkedFeeds('<b>x</b>'.repeat(1_800_000), 'https://example.com/')).toEqual([]);
  });

  it('reads only the head of a page nested too deep to parse quickly', () => {
    const nested = `${Array.from({ length: 2_000 }, (_, index) => `<b id=b${index}>`).join('')}${'<p>x'.repeat(8_000)}`;
    const page = `<html><head><link rel="alternate" type="application/rss+xml" href="/feed"></head><body>${nested}</body></html>`;
    const started = performance.now();
    expect(linkedFeeds(page, 'https://example.com/')).toEqual([{ url: 'https://example.com/feed', format: 'rss' }]);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('accepts rel="feed" and ignores links of other types', () => {
    expect(
      linkedFeeds(html('<link rel="feed alternate" type="application/atom+xml" href="/a"><link rel="alternate" type="text/html" href="/b">'), 'https://example.com/x/'),
    ).toEqual([{ url: 'https://example.com/a', format: 'atom' }]);
  });
});
