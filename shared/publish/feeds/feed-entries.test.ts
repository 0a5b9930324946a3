import { describe, expect, it } from 'vitest';
import type { SitePost, SiteSettings } from '../site-model';
import { feedEntries, findAnchor, postPath, siteUrl } from './feed-entries';
import { find, post as samplePost, site as sampleSite } from './feed-samples';

// The shared samples, with an author without a page and posts that have a summary and a body of their own.
const site: SiteSettings = { ...sampleSite, author: { name: 'Ann' } };
const day = (n: number) => Date.UTC(2026, 10, n, 9);

const post = (id: string, fields: Partial<SitePost> = {}): SitePost =>
  samplePost(id, { summary: `Summary ${id}`, bodyHtml: '<p>Intro</p>', bodyMarkdown: 'Intro', publishedAt: day(1), updatedAt: day(2), ...fields });

describe('postPath, findAnchor, siteUrl', () => {
  it('puts a post under posts/ by its slug', () => {
    expect(postPath(post('d1', { slug: 'finds-20-november-2026' }))).toBe('posts/finds-20-november-2026.html');
  });

  it.each([
    ['item:4f2a-b_9', 'find-item-4f2a-b_9'],
    ['highlight:a/b c"d<e>', 'find-highlight-a-b-c-d-e-'],
    ['note:café', 'find-note-caf-'],
  ])('makes %j a safe id', (key, anchor) => {
    expect(findAnchor(key)).toBe(anchor);
  });

  it('joins the base URL and a path, percent-encoding what a URL cannot hold', () => {
    expect(siteUrl(site)).toBe('https://me.example/notes/');
    expect(siteUrl(site, 'posts/café au lait.html')).toBe('https://me.example/notes/posts/caf%C3%A9%20au%20lait.html');
    expect(siteUrl({ ...site, baseUrl: 'https://me.example/notes' }, 'feed.xml')).toBe('https://me.example/notes/feed.xml');
    expect(siteUrl({ ...site, baseUrl: 'file:///tmp/site/' }, 'feed.xml')).toBe('file:///tmp/site/feed.xml');
  });
});

describe('feedEntries: a digest is a link blog', () => {
  const digest = post('d1', {
    tags: ['pkm', 'reading', 'pkm', ' '],
    finds: [
      find('item:a', {
        title: 'Why <b>notes</b> & links',
        url: 'https://elsewhere.example/story?a=1&b=2',
        commentary: 'First "line".\n\nSecond line\nwith a break.',
        quote: 'Quoted <text>',
        sourceTitle: 'Elsewhere & Co',
      }),
      find('item:b', { url: 'https://b.example/' }),
      find('highlight:c', { sourceTitle: 'A book' }),
      find('item:d'),
    ],
  });

  it('gives each find an entry of its own, in the digest order', () => {
    const entries = feedEntries(site, [digest]);
    expect(entries.map((entry) => entry.id)).toEqual([
      'urn:commonplace:d1:item:a',
      'urn:commonplace:d1:item:b',
      'urn:commonplace:d1:highlight:c',
      'urn:commonplace:d1:item:d',
    ]);
  });

  it('fills every field of a find entry', () => {
    expect(feedEntries(site, [digest])[0]).toEqual({
      id: 'urn:commonplace:d1:item:a',
      title: 'Why <b>notes</b> & links',
      pageUrl: 'https://me.example/notes/posts/slug-d1.html#find-item-a',
      externalUrl: 'https://elsewhere.example/story?a=1&b=2',
      contentHtml: [
        '<p>First &quot;line&quot;.</p>',
        '<p>Second line<br>with a break.</p>',
        '<blockquote><p>Quoted &lt;text&gt;</p></blockquote>',
        '<p>Source: <a href="https://elsewhere.example/story?a=1&amp;b=2">Why &lt;b&gt;notes&lt;/b&gt; &amp; links</a> — Elsewhere &amp; Co</p>',
      ].join('\n'),
      summary: 'First "line".\n\nSecond line\nwith a break.',
      published: day(1),
      updated: day(2),
      tags: ['pkm', 'reading'],
    });
  });

  it('leaves out the parts of the source line a find lacks', () => {
    const [, linkOnly, sourceOnly, neither] = feedEntries(site, [digest]);
    expect(linkOnly?.contentHtml).toBe('<p>About item:b</p>\n<p>Source: <a href="https://b.example/">Title item:b</a></p>');
    expect(sourceOnly?.contentHtml).toBe('<p>About highlight:c</p>\n<p>Source: Title highlight:c — A book</p>');
    expect(neither?.contentHtml).toBe('<p>About item:d</p>');
    expect(neither).not.toHaveProperty('externalUrl');
  });

  it.each([['javascript:alert(1)'], ['data:text/html,x'], ['/relative'], ['https://']])('never links %j', (url) => {
    const [entry] = feedEntries(site, [post('d1', { finds: [find('item:x', { url, sourceTitle: 'S' })] })]);
    expect(entry).not.toHaveProperty('externalUrl');
    expect(entry?.contentHtml).not.toContain('href');
  });

  it('publishes nothing for a digest without finds', () => {
    expect(feedEntries(site, [post('d1')])).toEqual([]);
  });
});

describe('feedEntries: a note is one entry', () => {
  it('carries the note with its links made absolute against its own page', () => {
    const note = post('n1', {
      kind: 'note',
      slug: 'on-linking',
      title: 'On linking',
      summary: 'Links are thoughts.',
      bodyHtml: '<p>See <a href="other-note.html">the other</a> and <img src="../media/a.png" alt="">, <a href="#part">below</a>.</p>',
      tags: ['pkm'],
      finds: [find('item:ignored')],
    });
    expect(feedEntries(site, [note])).toEqual([
      {
        id: 'urn:commonplace:n1',
        title: 'On linking',
        pageUrl: 'https://me.example/notes/posts/on-linking.html',
        contentHtml:
          '<p>See <a href="https://me.example/notes/posts/other-note.html">the other</a> and <img src="https://me.example/notes/media/a.png" alt="">, <a href="#part">below</a>.</p>',
        summary: 'Links are thoughts.',
        published: day(1),
        updated: day(2),
        tags: ['pkm'],
      },
    ]);
  });

  it('resolves against a site opened from disk', () => {
    const note = post('n1', { kind: 'note', slug: 'n', bodyHtml: '<a href="../index.html">home</a>' });
    const [entry] = feedEntries({ ...site, baseUrl: 'file:///tmp/site/' }, [note]);
    expect(entry?.contentHtml).toBe('<a href="file:///tmp/site/index.html">home</a>');
  });
});

describe('feedEntries: order, limit, stable ids', () => {
  const posts = [
    post('b-same-day', { kind: 'note', publishedAt: day(5) }),
    post('old', { finds: [find('item:1'), find('item:2')], publishedAt: day(1) }),
    post('new', { finds: [find('item:1'), find('item:2'), find('item:3')], publishedAt: day(9) }),
    post('a-same-day', { kind: 'note', publishedAt: day(5) }),
  ];

  it('puts the newest post first, then by id, with finds in their order', () => {
    expect(feedEntries(site, posts).map((entry) => entry.id)).toEqual([
      'urn:commonplace:new:item:1',
      'urn:commonplace:new:item:2',
      'urn:commonplace:new:item:3',
      'urn:commonplace:a-same-day',
      'urn:commonplace:b-same-day',
      'urn:commonplace:old:item:1',
      'urn:commonplace:old:item:2',
    ]);
    expect(feedEntries(site, [...posts].reverse())).toEqual(feedEntries(site, posts));
  });

  it('holds at most `limit` entries, cutting inside a digest if it must', () => {
    expect(feedEntries(site, posts, 2).map((entry) => entry.id)).toEqual(['urn:commonplace:new:item:1', 'urn:commonplace:new:item:2']);
    expect(feedEntries(site, posts, 4)).toHaveLength(4);
    expect(feedEntries(site, posts, 0)).toEqual([]);
  });

  it('holds 100 entries by default', () => {
    const many = Array.from({ length: 60 }, (_, index) => post(`p${index}`, { finds: [find('item:1'), find('item:2')] }));
    expect(feedEntries(site, many)).toHaveLength(100);
  });

  it('keeps ids when titles, slugs and the base URL change', () => {
    const moved = posts.map((one) => ({
      ...one,
      slug: `renamed-${one.slug}`,
      title: `Renamed ${one.title}`,
      finds: one.finds.map((f) => ({ ...f, title: `Renamed ${f.title}` })),
    }));
    const before = feedEntries(site, posts);
    const after = feedEntries({ ...site, baseUrl: 'https://new.example/' }, moved);
    expect(after.map((entry) => entry.id)).toEqual(before.map((entry) => entry.id));
    expect(after.map((entry) => entry.pageUrl)).not.toEqual(before.map((entry) => entry.pageUrl));
  });
});
