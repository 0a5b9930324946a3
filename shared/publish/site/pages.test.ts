import { describe, expect, it } from 'vitest';
import type { PublishedFind, SitePost, SiteSettings } from '../site-model';
import { newestFirst, renderIndexPage, renderPostPage, renderTagPage, siteTags, tagPath } from './pages';

const HOSTILE = `<script>alert("x")</script> & 'quoted' "onmouseover="alert(1)`;

const site = (extra: Partial<SiteSettings> = {}): SiteSettings => ({
  title: 'Reading notes',
  description: 'What I read and why',
  baseUrl: 'https://me.example/',
  author: { name: 'Ada', url: 'https://ada.example/' },
  language: 'en-GB',
  ...extra,
});

const find = (extra: Partial<PublishedFind> = {}): PublishedFind => ({
  key: 'item:4f2a',
  title: 'A good article',
  url: 'https://news.example/a?x=1&y=2',
  commentary: 'Worth reading.',
  ...extra,
});

const post = (extra: Partial<SitePost> = {}): SitePost => ({
  id: 'digest-1',
  kind: 'digest',
  slug: 'finds-20-november-2026',
  title: 'Finds, 20 November',
  summary: 'Three things.',
  bodyHtml: '<p>This week <em>three</em> things.</p>',
  bodyMarkdown: 'This week *three* things.',
  finds: [find()],
  tags: ['reading'],
  publishedAt: Date.UTC(2026, 10, 20, 9, 30),
  updatedAt: Date.UTC(2026, 10, 20, 9, 30),
  ...extra,
});

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * The structure checks an HTML5 validator would start with, for markup we write ourselves: the document
 * shell, and every element closed in order (void elements excepted).
 */
function checkDocument(page: string): void {
  expect(page.startsWith('<!DOCTYPE html>\n<html lang="')).toBe(true);
  expect(page).toMatch(/<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">/);
  expect(page).toMatch(/<title>[^<]+<\/title>/);
  const open: string[] = [];
  for (const match of page.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g)) {
    const [, closing, rawName] = match;
    const name = rawName!.toLowerCase();
    if (VOID.has(name)) continue;
    if (closing) expect(open.pop(), `closing </${name}>`).toBe(name);
    else open.push(name);
  }
  expect(open).toEqual([]);
}

/** Nothing that could run: no script element, no event-handler attribute, no javascript: anywhere. */
function expectInert(page: string): void {
  expect(page).not.toMatch(/<script/i);
  expect(page).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
  expect(page).not.toMatch(/javascript:/i);
}

describe('tagPath', () => {
  it.each([
    ['reading', 'tags/reading.html'],
    ['Area/Topic', 'tags/area-topic.html'],
    ['area/sub area/topic', 'tags/area-sub-area-topic.html'],
    ['Économie', 'tags/economie.html'],
  ])('%j → %j', (tag, path) => {
    expect(tagPath(tag)).toBe(path);
  });

  it('gives tags without Latin letters distinct, stable file names', () => {
    expect(tagPath('日本')).toMatch(/^tags\/tag-[0-9a-f]{8}\.html$/);
    expect(tagPath('日本')).toBe(tagPath('日本'));
    expect(tagPath('日本')).not.toBe(tagPath('中国'));
  });

  it('puts spellings that differ only in case on one page', () => {
    expect(tagPath('Design')).toBe(tagPath('design'));
    expect(siteTags([post({ tags: ['design', 'Design'] }), post({ slug: 'b', tags: ['Area/Topic', ' '] })])).toEqual(['Area/Topic', 'Design']);
  });
});

describe('newestFirst', () => {
  it('orders by publication, then by id, whatever the input order', () => {
    const a = post({ id: 'a', slug: 'a', publishedAt: 2 });
    const b = post({ id: 'b', slug: 'b', publishedAt: 2 });
    const c = post({ id: 'c', slug: 'c', publishedAt: 3 });
    expect(newestFirst([a, b, c]).map((p) => p.id)).toEqual(['c', 'a', 'b']);
    expect(newestFirst([b, c, a]).map((p) => p.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('renderIndexPage', () => {
  const older = post({ id: 'n1', kind: 'note', slug: 'older-note', title: 'Older note', publishedAt: Date.UTC(2026, 0, 2), tags: ['area/topic'] });
  const newer = post();

  it('is a complete HTML5 document with the stylesheet, the three feeds and no script', () => {
    const page = renderIndexPage(site(), [older, newer]);
    checkDocument(page);
    expectInert(page);
    expect(page).toContain('<html lang="en-GB">');
    expect(page).toContain('<link rel="stylesheet" href="style.css">');
    expect(page).toContain('<link rel="alternate" type="application/atom+xml" title="Reading notes (Atom)" href="feed.xml">');
    expect(page).toContain('<link rel="alternate" type="application/rss+xml" title="Reading notes (RSS)" href="rss.xml">');
    expect(page).toContain('<link rel="alternate" type="application/feed+json" title="Reading notes (JSON Feed)" href="feed.json">');
  });

  it('lists posts newest first with their date, summary and relative link', () => {
    const page = renderIndexPage(site(), [older, newer]);
    expect(page.indexOf('posts/finds-20-november-2026.html')).toBeLessThan(page.indexOf('posts/older-note.html'));
    expect(page).toContain('<h2><a href="posts/finds-20-november-2026.html">Finds, 20 November</a></h2>');
    expect(page).toContain('<time datetime="2026-11-20">20 November 2026</time>');
    expect(page).toContain('<time datetime="2026-01-02">2 January 2026</time>');
    expect(page).toContain('<p>Three things.</p>');
  });

  it('links every tag to its page', () => {
    const page = renderIndexPage(site(), [older, newer]);
    expect(page).toContain('<a href="tags/area-topic.html" rel="tag">area/topic</a>');
    expect(page).toContain('<a href="tags/reading.html" rel="tag">reading</a>');
  });

  it('offers the blogroll only when told there is one', () => {
    expect(renderIndexPage(site(), [newer])).not.toContain('blogroll.opml');
    expect(renderIndexPage(site(), [newer], { blogroll: false })).not.toContain('blogroll.opml');
    expect(renderIndexPage(site(), [newer], { blogroll: true })).toContain('<a href="blogroll.opml">Blogroll (OPML)</a>');
  });

  it('says so when there is nothing yet, and links relatively only to files, never to a directory', () => {
    const page = renderIndexPage(site(), [], { blogroll: true });
    checkDocument(page);
    expect(page).toContain('Nothing published yet.');
    const relative = [...page.matchAll(/href="([^"]*)"/g)].map(([, href]) => href!).filter((href) => !/^[a-z][a-z0-9+.-]*:/i.test(href));
    expect(relative.length).toBeGreaterThan(5);
    for (const href of relative) expect(href).toMatch(/^[a-z0-9/_-]+\.(html|css|xml|json|opml)$/);
  });

  it('escapes hostile site settings and post text', () => {
    const page = renderIndexPage(
      site({ title: HOSTILE, description: HOSTILE, author: { name: HOSTILE, url: 'javascript:alert(1)' }, language: '"><script>' }),
      [post({ title: HOSTILE, summary: HOSTILE, tags: [HOSTILE] })],
    );
    checkDocument(page);
    expectInert(page);
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39; &quot;onmouseover=&quot;alert(1)');
    // The author's javascript: address is dropped, the name kept as text.
    expect(page).toContain('<p>By &lt;script&gt;');
  });
});

describe('renderPostPage', () => {
  it('is a complete document one folder down: stylesheet, feeds and home all one level up', () => {
    const page = renderPostPage(site(), post(), { tags: ['reading'] });
    checkDocument(page);
    expectInert(page);
    expect(page).toContain('<link rel="stylesheet" href="../style.css">');
    for (const file of ['feed.xml', 'rss.xml', 'feed.json']) expect(page).toContain(`href="../${file}"`);
    expect(page).toContain('<a href="../index.html">← All posts</a>');
    expect(page).toContain('<title>Finds, 20 November — Reading notes</title>');
    expect(page).toContain('<h1>Finds, 20 November</h1>');
    expect(page).toContain('<p class="meta"><time datetime="2026-11-20">20 November 2026</time></p>');
  });

  it('inserts bodyHtml as given, since it was sanitised upstream', () => {
    const bodyHtml = '<p>Line</p>\n<pre>keep\n\n\n  this</pre>';
    expect(renderPostPage(site(), post({ bodyHtml }), { tags: [] })).toContain(`<div class="post-body">\n${bodyHtml}\n</div>`);
  });

  it('writes each find as an article with its anchor, link, source, author, date, quote and commentary', () => {
    const page = renderPostPage(
      site(),
      post({
        finds: [
          find({
            key: 'item:4f2a',
            sourceTitle: 'The Source',
            author: 'Bo',
            date: Date.UTC(2026, 10, 1),
            quote: 'First line\nsecond line\n\nNext paragraph',
            commentary: 'One.\n\nTwo.',
          }),
        ],
      }),
      { tags: [] },
    );
    expect(page).toContain(
      [
        '<article class="find" id="find-item-4f2a">',
        '<h2><a href="https://news.example/a?x=1&amp;y=2" rel="noopener">A good article</a></h2>',
        '<p class="find-meta"><span class="find-source">The Source</span> · <span class="find-author">Bo</span> · <time datetime="2026-11-01">1 November 2026</time></p>',
        '<blockquote>',
        '<p>First line<br>\nsecond line</p>',
        '<p>Next paragraph</p>',
        '</blockquote>',
        '<p>One.</p>',
        '<p>Two.</p>',
        '</article>',
      ].join('\n'),
    );
  });

  it.each(['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'vbscript:msgbox', '/local/path'])(
    'shows a find address %j as text, never as a link',
    (url) => {
      const page = renderPostPage(site(), post({ finds: [find({ url, title: 'Trap' })] }), { tags: [] });
      checkDocument(page);
      expect(page).toContain('<h2>Trap</h2>');
      expect(page).not.toMatch(new RegExp(`href="[^"]*${url.slice(0, 6)}`, 'i'));
      expect(page).toContain(`<p class="find-url">${url}</p>`);
    },
  );

  it('escapes every hostile text of a find, and the find anchor', () => {
    const page = renderPostPage(
      site({ title: HOSTILE }),
      post({
        title: HOSTILE,
        summary: HOSTILE,
        tags: [HOSTILE],
        finds: [find({ key: `"><script>`, title: HOSTILE, commentary: HOSTILE, quote: HOSTILE, sourceTitle: HOSTILE, author: HOSTILE, url: 'https://x.example/"><script>' })],
      }),
      { tags: [HOSTILE] },
    );
    checkDocument(page);
    expectInert(page);
    expect(page).toContain('<blockquote>\n<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;');
    expect(page).toContain('href="https://x.example/%22%3E%3Cscript%3E"');
  });

  it('links the post’s tags, nested ones included, only to tag pages the site has', () => {
    const page = renderPostPage(site(), post({ tags: ['Area/Topic', 'area/topic', 'unpublished'] }), { tags: ['area/topic'] });
    expect(page).toContain('<li><a href="../tags/area-topic.html" rel="tag">Area/Topic</a></li>');
    expect(page).toContain('<li>unpublished</li>');
    expect(page.match(/area-topic\.html/g)).toHaveLength(1);
  });

  it('shows the day it was updated only when that is another day', () => {
    const sameDay = renderPostPage(site(), post({ updatedAt: Date.UTC(2026, 10, 20, 22) }), { tags: [] });
    expect(sameDay).not.toContain('updated');
    const later = renderPostPage(site(), post({ updatedAt: Date.UTC(2026, 10, 22) }), { tags: [] });
    expect(later).toContain(' · updated <time datetime="2026-11-22">22 November 2026</time>');
  });

  it('never leaves a title or link text empty', () => {
    const page = renderPostPage(site({ title: ' ' }), post({ title: '', finds: [find({ title: '', url: undefined })] }), { tags: [] });
    checkDocument(page);
    expect(page).toContain('<title>Untitled — Untitled site</title>');
    expect(page).toContain('<h1>Untitled</h1>');
    expect(page).toContain('<h2>Untitled</h2>');
    expect(renderIndexPage(site({ title: '' }), [post({ title: ' ' })])).toContain('<a href="posts/finds-20-november-2026.html">Untitled</a>');
  });

  it('renders a note without finds', () => {
    const page = renderPostPage(site(), post({ kind: 'note', finds: [], tags: [] }), { tags: [] });
    checkDocument(page);
    expect(page).not.toContain('class="finds"');
    expect(page).not.toContain('post-tags');
  });
});

describe('renderTagPage', () => {
  const posts = [
    post({ id: 'a', slug: 'a', title: 'Alpha', tags: ['Area/Topic'], publishedAt: 1 }),
    post({ id: 'b', slug: 'b', title: 'Beta', tags: ['area/topic', 'other'], publishedAt: 2 }),
    post({ id: 'c', slug: 'c', title: 'Gamma', tags: ['other'], publishedAt: 3 }),
  ];

  it('lists, newest first, the posts carrying the tag in any spelling, linked one level up', () => {
    const page = renderTagPage(site(), 'area/topic', posts);
    checkDocument(page);
    expect(page).toContain('<h1>Tagged “area/topic”</h1>');
    expect(page).toContain('<a href="../posts/b.html">Beta</a>');
    expect(page).toContain('<a href="../posts/a.html">Alpha</a>');
    expect(page.indexOf('posts/b.html')).toBeLessThan(page.indexOf('posts/a.html'));
    expect(page).not.toContain('posts/c.html');
    expect(page).toContain('<link rel="stylesheet" href="../style.css">');
  });

  it('escapes a hostile tag', () => {
    const page = renderTagPage(site(), HOSTILE, [post({ tags: [HOSTILE] })]);
    checkDocument(page);
    expectInert(page);
    expect(page).toContain('posts/finds-20-november-2026.html');
  });
});

describe('renderPostContent', () => {
  it('gives the body and finds without the page around them, links made absolute', async () => {
    const { renderPostContent } = await import('./pages');
    const content = renderPostContent(
      {
        id: 'p1',
        kind: 'note',
        slug: 'reading',
        title: 'Reading',
        summary: '',
        bodyHtml: '<p>See <a href="spaced.html">spaced</a>.</p>',
        bodyMarkdown: '',
        finds: [{ key: 'item:1', title: 'A <b>find</b>', url: 'https://blog.example/1', commentary: 'Why & how.' }],
        tags: [],
        publishedAt: 0,
        updatedAt: 0,
      },
      'https://me.example/notes/posts/reading.html',
    );
    expect(content).toContain('<a href="https://me.example/notes/posts/spaced.html">spaced</a>');
    expect(content).toContain('A &lt;b&gt;find&lt;/b&gt;');
    expect(content).toContain('Why &amp; how.');
    expect(content).not.toContain('<html');
    expect(content).not.toContain('<main');
  });
});
