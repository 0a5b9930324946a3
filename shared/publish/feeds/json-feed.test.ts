import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseJsonFeed } from '../../feeds/json-feed';
import { renderJsonFeed } from './json-feed';
import { feedOptions, find, post, published, site } from './feed-samples';

const hostile = `</title><script>alert(1)</script> & "q" 'a' ]]> \\ \u0000\u001B\uFFFF\uD800\u2028 end`;
const hostileRead = `</title><script>alert(1)</script> & "q" 'a' ]]> \\ \u2028 end`;

interface JsonItem { id: string; url: string; title: string; content_html: string; summary?: string }
const items = (json: string) => (JSON.parse(json) as { items: JsonItem[] }).items;

afterEach(() => {
  vi.useRealTimers();
});

describe('renderJsonFeed', () => {
  it('writes a whole feed, pretty-printed', () => {
    const posts = [
      post('d1', { tags: ['pkm'], finds: [find('item:a', { url: 'https://elsewhere.example/a?x=1&y=2', sourceTitle: 'Elsewhere' })] }),
      post('n1', { kind: 'note', slug: 'a-note', title: 'A note', summary: 'Short.', bodyHtml: '<p><a href="b.html">b</a></p>', publishedAt: published - 1000 }),
    ];
    expect(renderJsonFeed(site, posts, feedOptions)).toBe(`{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Field notes",
  "home_page_url": "https://me.example/notes/",
  "feed_url": "https://me.example/notes/feed.json",
  "description": "What I read",
  "language": "en",
  "authors": [
    {
      "name": "Ann",
      "url": "https://ann.example/"
    }
  ],
  "items": [
    {
      "id": "urn:commonplace:d1:item:a",
      "url": "https://me.example/notes/posts/slug-d1.html#find-item-a",
      "external_url": "https://elsewhere.example/a?x=1&y=2",
      "title": "Title item:a",
      "content_html": "<p>About item:a</p>\\n<p>Source: <a href=\\"https://elsewhere.example/a?x=1&amp;y=2\\">Title item:a</a> — Elsewhere</p>",
      "summary": "About item:a",
      "date_published": "2026-11-20T09:30:05Z",
      "date_modified": "2026-11-21T10:00:00.250Z",
      "tags": [
        "pkm"
      ]
    },
    {
      "id": "urn:commonplace:n1",
      "url": "https://me.example/notes/posts/a-note.html",
      "title": "A note",
      "content_html": "<p><a href=\\"https://me.example/notes/posts/b.html\\">b</a></p>",
      "summary": "Short.",
      "date_published": "2026-11-20T09:30:04Z",
      "date_modified": "2026-11-21T10:00:00.250Z"
    }
  ]
}
`);
  });

  it('leaves out empty description, language, author url, summary and tags', () => {
    const feed = JSON.parse(renderJsonFeed({ ...site, description: '', language: '', author: { name: 'Ann' } }, [post('n1', { kind: 'note' })], feedOptions)) as Record<string, unknown>;
    expect(Object.keys(feed)).toEqual(['version', 'title', 'home_page_url', 'feed_url', 'authors', 'items']);
    expect(feed.authors).toEqual([{ name: 'Ann' }]);
    expect(Object.keys((feed.items as object[])[0]!)).toEqual(['id', 'url', 'title', 'content_html', 'date_published', 'date_modified']);
  });

  it('is valid JSON for hostile text, which reads back without the characters XML forbids', () => {
    const posts = [post('d1', { tags: [hostile], finds: [find(`item:${hostile}`, { title: hostile, commentary: hostile, quote: hostile, sourceTitle: hostile })] })];
    const json = renderJsonFeed({ ...site, title: hostile, description: hostile, author: { name: hostile } }, posts, feedOptions);
    for (const char of ['\u0000', '\u001B', '\uFFFF', '\uD800']) expect(json).not.toContain(char);
    expect(json).not.toMatch(/\\u00[01]|\\ud[89ab]/i);
    const feed = JSON.parse(json) as { title: string; authors: { name: string }[]; items: (JsonItem & { tags: string[] })[] };
    expect(feed.title).toBe(hostileRead);
    expect(feed.authors[0]?.name).toBe(hostileRead);
    expect(feed.items[0]?.title).toBe(hostileRead);
    expect(feed.items[0]?.summary).toBe(hostileRead);
    expect(feed.items[0]?.tags).toEqual([hostileRead]);
    expect(feed.items[0]?.id).toBe(`urn:commonplace:d1:item:${hostileRead}`);
    expect(feed.items[0]?.content_html).toContain('<p>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#39;a&#39;');
    // Our own reader takes it as a JSON Feed.
    expect(parseJsonFeed(json).items[0]?.title).toBe(hostileRead);
  });

  it.each([
    ['under a sub-path', 'https://me.example/notes/', 'https://me.example/notes/posts/n.html', 'https://me.example/notes/media/p.png'],
    ['on disk', 'file:///tmp/site/', 'file:///tmp/site/posts/n.html', 'file:///tmp/site/media/p.png'],
  ])('makes a note’s relative links absolute %s', (_name, baseUrl, page, image) => {
    const note = post('n1', { kind: 'note', slug: 'n', bodyHtml: '<img src="../media/p.png">' });
    const json = renderJsonFeed({ ...site, baseUrl }, [note], feedOptions);
    expect(items(json)[0]).toMatchObject({ url: page, content_html: `<img src="${image}">` });
    expect(JSON.parse(json)).toMatchObject({ home_page_url: baseUrl, feed_url: `${baseUrl}feed.json` });
  });

  it('keeps ids when titles, slugs and the base URL change, and orders items newest first', () => {
    const posts = [post('old', { kind: 'note', publishedAt: 0 }), post('d1', { finds: [find('item:a'), find('item:b')] })];
    const renamed = posts.map((one) => ({ ...one, slug: 'other', title: 'Other', finds: one.finds.map((f) => ({ ...f, title: 'Other' })) }));
    const ids = (json: string) => items(json).map((item) => item.id);
    expect(ids(renderJsonFeed(site, posts, feedOptions))).toEqual(['urn:commonplace:d1:item:a', 'urn:commonplace:d1:item:b', 'urn:commonplace:old']);
    expect(ids(renderJsonFeed({ ...site, baseUrl: 'https://moved.example/' }, renamed, feedOptions))).toEqual(ids(renderJsonFeed(site, posts, feedOptions)));
  });

  it('holds the newest 100 items', () => {
    const posts = [post('d1', { finds: Array.from({ length: 150 }, (_, index) => find(`item:${index}`)) })];
    const all = items(renderJsonFeed(site, posts, feedOptions));
    expect(all).toHaveLength(100);
    expect(all.at(-1)?.id).toBe('urn:commonplace:d1:item:99');
  });

  it('writes the same bytes for the same input, whatever the clock says', () => {
    const posts = [post('d1', { finds: [find('item:a')] })];
    vi.useFakeTimers({ now: Date.UTC(2030, 0, 1) });
    const first = renderJsonFeed(site, posts, feedOptions);
    vi.setSystemTime(Date.UTC(2031, 5, 6));
    expect(renderJsonFeed(site, posts, feedOptions)).toBe(first);
  });
});
