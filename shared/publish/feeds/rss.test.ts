import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderRssFeed } from './rss';
import { feedOptions, find, post, published, site } from './feed-samples';

const hostile = `</title><script>alert(1)</script> & "q" 'a' ]]> \u0000\u001B\uFFFF\uDC00 end`;
const hostileRead = `</title><script>alert(1)</script> & "q" 'a' ]]>  end`;

interface ParsedItem { title: string; link: string; guid: string; description: string; category?: string[] }
function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({ parseTagValue: false, htmlEntities: true, isArray: (name) => ['item', 'category'].includes(name) });
  const { rss } = parser.parse(xml) as { rss: { channel: { title: string; description: string; item?: ParsedItem[] } } };
  return { ...rss.channel, items: rss.channel.item ?? [] };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('renderRssFeed', () => {
  it('writes a whole feed', () => {
    const posts = [
      post('d1', { tags: ['pkm', 'a&b'], finds: [find('item:a', { url: 'https://elsewhere.example/a?x=1&y=2', sourceTitle: 'Elsewhere' })] }),
      post('n1', { kind: 'note', slug: 'a-note', title: 'A note', summary: 'Short.', bodyHtml: '<p><a href="b.html">b</a></p>', publishedAt: published - 1000 }),
    ];
    expect(renderRssFeed(site, posts, feedOptions)).toBe(`<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>Field notes</title>
    <link>https://me.example/notes/</link>
    <description>What I read</description>
    <language>en</language>
    <lastBuildDate>Sun, 22 Nov 2026 08:00:00 GMT</lastBuildDate>
    <atom:link href="https://me.example/notes/rss.xml" rel="self" type="application/rss+xml"/>
    <generator>Commonplace</generator>
    <item>
      <title>Title item:a</title>
      <link>https://me.example/notes/posts/slug-d1.html#find-item-a</link>
      <guid isPermaLink="false">urn:commonplace:d1:item:a</guid>
      <pubDate>Fri, 20 Nov 2026 09:30:05 GMT</pubDate>
      <description><![CDATA[<p>About item:a</p>
<p>Source: <a href="https://elsewhere.example/a?x=1&amp;y=2">Title item:a</a> — Elsewhere</p>]]></description>
      <category>pkm</category>
      <category>a&amp;b</category>
    </item>
    <item>
      <title>A note</title>
      <link>https://me.example/notes/posts/a-note.html</link>
      <guid isPermaLink="false">urn:commonplace:n1</guid>
      <pubDate>Fri, 20 Nov 2026 09:30:04 GMT</pubDate>
      <description><![CDATA[<p><a href="https://me.example/notes/posts/b.html">b</a></p>]]></description>
    </item>
  </channel>
</rss>
`);
  });

  it('escapes hostile text, splits ]]> in CDATA, and reads back as that text', () => {
    const hostileSite = { ...site, title: hostile, description: hostile, language: hostile };
    const note = post('n1', { kind: 'note', title: hostile, tags: [hostile], bodyHtml: '<p>a ]]> b</p><script>x]]>y</script>\u0000' });
    const xml = renderRssFeed(hostileSite, [note], feedOptions);
    expect(xml).not.toContain('</title><');
    for (const char of ['\u0000', '\u001B', '\uFFFF', '\uDC00']) expect(xml).not.toContain(char);
    const feed = parse(xml);
    expect(feed.title).toBe(hostileRead);
    expect(feed.description).toBe(hostileRead);
    const [item] = feed.items;
    expect(item?.title).toBe(hostileRead);
    expect(item?.category).toEqual([hostileRead]);
    // The HTML is the note's own, sanitised upstream: the feed carries it exactly, minus what XML forbids.
    expect(item?.description).toBe('<p>a ]]> b</p><script>x]]>y</script>');
  });

  it.each([
    ['under a sub-path', 'https://me.example/notes/', 'https://me.example/notes/posts/n.html', 'https://me.example/notes/media/p.png'],
    ['on disk', 'file:///tmp/site/', 'file:///tmp/site/posts/n.html', 'file:///tmp/site/media/p.png'],
  ])('makes a note’s relative links absolute %s', (_name, baseUrl, page, image) => {
    const note = post('n1', { kind: 'note', slug: 'n', bodyHtml: '<a href="../media/p.png"><img src=\'../media/p.png\'></a>' });
    const [item] = parse(renderRssFeed({ ...site, baseUrl }, [note], feedOptions)).items;
    expect(item?.description).toBe(`<a href="${image}"><img src='${image}'></a>`);
    expect(item?.link).toBe(page);
  });

  it('keeps guids when titles, slugs and the base URL change, and orders items newest first', () => {
    const posts = [post('old', { kind: 'note', publishedAt: 0 }), post('d1', { finds: [find('item:a'), find('item:b')] })];
    const renamed = posts.map((one) => ({ ...one, slug: 'other', title: 'Other', finds: one.finds.map((f) => ({ ...f, title: 'Other' })) }));
    const guids = (xml: string) => parse(xml).items.map((item) => item.guid);
    expect(guids(renderRssFeed(site, posts, feedOptions))).toEqual(['urn:commonplace:d1:item:a', 'urn:commonplace:d1:item:b', 'urn:commonplace:old']);
    expect(guids(renderRssFeed({ ...site, baseUrl: 'https://moved.example/' }, renamed, feedOptions))).toEqual(guids(renderRssFeed(site, posts, feedOptions)));
  });

  it('holds the newest 100 items', () => {
    const posts = Array.from({ length: 101 }, (_, index) => post(`p${String(index).padStart(3, '0')}`, { kind: 'note', publishedAt: published + index }));
    const items = parse(renderRssFeed(site, posts, feedOptions)).items;
    expect(items).toHaveLength(100);
    expect(items[0]?.guid).toBe('urn:commonplace:p100');
    expect(items[99]?.guid).toBe('urn:commonplace:p001');
  });

  it('writes the same bytes for the same input, whatever the clock says', () => {
    const posts = [post('d1', { finds: [find('item:a')] })];
    vi.useFakeTimers({ now: Date.UTC(2030, 0, 1) });
    const first = renderRssFeed(site, posts, feedOptions);
    vi.setSystemTime(Date.UTC(2031, 5, 6));
    expect(renderRssFeed(site, posts, feedOptions)).toBe(first);
  });
});
