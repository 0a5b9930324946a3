import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderAtomFeed } from './atom';
import { feedOptions, find, post, published, site } from './feed-samples';

const hostile = `</title><script>alert(1)</script> & "q" 'a' ]]> \u0000\u001B\uFFFF\uD800 end`;
const hostileRead = `</title><script>alert(1)</script> & "q" 'a' ]]>  end`;

interface ParsedEntry { id: string; title: string; summary?: string; content: string; link: { rel: string; href: string }[] }
function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, htmlEntities: true, isArray: (name) => ['entry', 'link', 'category'].includes(name) });
  const { feed } = parser.parse(xml) as { feed: { title: string; entry?: ParsedEntry[] } };
  return { ...feed, entries: feed.entry ?? [] };
}
const text = (value: unknown) => (typeof value === 'object' && value !== null ? (value as { '#text': string })['#text'] : value);

afterEach(() => {
  vi.useRealTimers();
});

describe('renderAtomFeed', () => {
  it('writes a whole feed', () => {
    const posts = [
      post('d1', { tags: ['pkm'], finds: [find('item:a', { url: 'https://elsewhere.example/a?x=1&y=2', sourceTitle: 'Elsewhere' })] }),
      post('n1', { kind: 'note', slug: 'a-note', title: 'A note', summary: 'Short.', bodyHtml: '<p><a href="b.html">b</a></p>', publishedAt: published - 1000 }),
    ];
    expect(renderAtomFeed(site, posts, feedOptions)).toBe(`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <id>https://me.example/notes/</id>
  <title>Field notes</title>
  <subtitle>What I read</subtitle>
  <updated>2026-11-22T08:00:00Z</updated>
  <author>
    <name>Ann</name>
    <uri>https://ann.example/</uri>
  </author>
  <link rel="self" type="application/atom+xml" href="https://me.example/notes/feed.xml"/>
  <link rel="alternate" type="text/html" href="https://me.example/notes/"/>
  <generator>Commonplace</generator>
  <entry>
    <id>urn:commonplace:d1:item:a</id>
    <title>Title item:a</title>
    <updated>2026-11-21T10:00:00.250Z</updated>
    <published>2026-11-20T09:30:05Z</published>
    <link rel="alternate" type="text/html" href="https://me.example/notes/posts/slug-d1.html#find-item-a"/>
    <link rel="related" href="https://elsewhere.example/a?x=1&amp;y=2"/>
    <summary>About item:a</summary>
    <content type="html">&lt;p&gt;About item:a&lt;/p&gt;
&lt;p&gt;Source: &lt;a href=&quot;https://elsewhere.example/a?x=1&amp;amp;y=2&quot;&gt;Title item:a&lt;/a&gt; — Elsewhere&lt;/p&gt;</content>
    <category term="pkm"/>
  </entry>
  <entry>
    <id>urn:commonplace:n1</id>
    <title>A note</title>
    <updated>2026-11-21T10:00:00.250Z</updated>
    <published>2026-11-20T09:30:04Z</published>
    <link rel="alternate" type="text/html" href="https://me.example/notes/posts/a-note.html"/>
    <summary>Short.</summary>
    <content type="html">&lt;p&gt;&lt;a href=&quot;https://me.example/notes/posts/b.html&quot;&gt;b&lt;/a&gt;&lt;/p&gt;</content>
  </entry>
</feed>
`);
  });

  it('leaves out an empty subtitle, summary and author uri', () => {
    const xml = renderAtomFeed({ ...site, description: ' ', author: { name: 'Ann' } }, [post('n1', { kind: 'note' })], feedOptions);
    expect(xml).not.toContain('<subtitle>');
    expect(xml).not.toContain('<summary>');
    expect(xml).not.toContain('<uri>');
  });

  it('escapes hostile text everywhere and reads back as that text', () => {
    const hostileSite = { ...site, title: hostile, description: hostile, author: { name: hostile }, language: 'en"><x' };
    const posts = [post('d1', { tags: [hostile], finds: [find('item:a', { title: hostile, commentary: hostile, quote: hostile, sourceTitle: hostile, url: 'https://x.example/?a="b"&c=<d>' })] })];
    const xml = renderAtomFeed(hostileSite, posts, feedOptions);
    expect(xml).not.toMatch(/<script|<\/title></);
    for (const char of ['\u0000', '\u001B', '\uFFFF', '\uD800']) expect(xml).not.toContain(char);
    const feed = parse(xml);
    expect(text(feed.title)).toBe(hostileRead);
    const [entry] = feed.entries;
    expect(text(entry?.title)).toBe(hostileRead);
    expect(text(entry?.summary)).toBe(hostileRead);
    expect(text(entry?.content)).toContain(`<p>${hostileRead.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')}</p>`);
    expect(entry?.link.find((link) => link.rel === 'related')?.href).toBe('https://x.example/?a="b"&c=<d>');
    expect(xml).toContain('xml:lang="en&quot;&gt;&lt;x"');
  });

  it.each([
    ['under a sub-path', 'https://me.example/notes/', 'https://me.example/notes/posts/n.html', 'https://me.example/notes/media/p.png'],
    ['on disk', 'file:///tmp/site/', 'file:///tmp/site/posts/n.html', 'file:///tmp/site/media/p.png'],
  ])('makes a note’s relative links absolute %s', (_name, baseUrl, page, image) => {
    const note = post('n1', { kind: 'note', slug: 'n', bodyHtml: '<img src="../media/p.png">' });
    const [entry] = parse(renderAtomFeed({ ...site, baseUrl }, [note], feedOptions)).entries;
    expect(text(entry?.content)).toBe(`<img src="${image}">`);
    expect(entry?.link[0]?.href).toBe(page);
  });

  it('keeps entry ids when titles, slugs and the base URL change', () => {
    const posts = [post('d1', { finds: [find('item:a'), find('item:b')] }), post('n1', { kind: 'note', publishedAt: 0 })];
    const renamed = posts.map((one) => ({ ...one, slug: 'other', title: 'Other', finds: one.finds.map((f) => ({ ...f, title: 'Other' })) }));
    const ids = (xml: string) => parse(xml).entries.map((entry) => entry.id);
    expect(ids(renderAtomFeed({ ...site, baseUrl: 'https://moved.example/' }, renamed, feedOptions))).toEqual(ids(renderAtomFeed(site, posts, feedOptions)));
    expect(ids(renderAtomFeed(site, posts, feedOptions))).toEqual(['urn:commonplace:d1:item:a', 'urn:commonplace:d1:item:b', 'urn:commonplace:n1']);
  });

  it('holds the newest 100 entries', () => {
    const posts = Array.from({ length: 30 }, (_, index) =>
      post(`p${String(index).padStart(2, '0')}`, { publishedAt: published + index * 1000, finds: [find('item:1'), find('item:2'), find('item:3'), find('item:4')] }),
    );
    const entries = parse(renderAtomFeed(site, posts, feedOptions)).entries;
    expect(entries).toHaveLength(100);
    expect(entries[0]?.id).toBe('urn:commonplace:p29:item:1');
    expect(entries[99]?.id).toBe('urn:commonplace:p05:item:4');
  });

  it('writes the same bytes for the same input, whatever the clock says', () => {
    const posts = [post('d1', { finds: [find('item:a')] })];
    vi.useFakeTimers({ now: Date.UTC(2030, 0, 1) });
    const first = renderAtomFeed(site, posts, feedOptions);
    vi.setSystemTime(Date.UTC(2031, 5, 6));
    expect(renderAtomFeed(site, posts, feedOptions)).toBe(first);
  });
});
