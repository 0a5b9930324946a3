import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { BlogrollEntry, PublishedFind, SiteFile, SitePost, SiteSettings } from '../site-model';
import { buildSite } from './build-site';

interface ParsedUrl {
  protocol: string;
  pathname: string;
  hash: string;
}
/** The WHATWG URL global; declared here because shared/ compiles without DOM or Node typings. */
declare const URL: new (url: string, base?: string) => ParsedUrl;

const HOSTILE = `<script>alert("x")</script> & 'quoted' "onmouseover="alert(1)`;

const site = (baseUrl = 'https://me.example/'): SiteSettings => ({
  title: 'Reading notes',
  description: 'What I read',
  baseUrl,
  author: { name: 'Ada', url: 'https://ada.example/' },
  language: 'en',
});

const find = (key: string, extra: Partial<PublishedFind> = {}): PublishedFind => ({
  key,
  title: `Find ${key}`,
  url: `https://news.example/${key}`,
  commentary: 'Worth it.',
  ...extra,
});

const posts: SitePost[] = [
  {
    id: 'd-1',
    kind: 'digest',
    slug: 'finds-20-november-2026',
    title: 'Finds, 20 November',
    summary: 'Three things.',
    bodyHtml: '<p>Three things, and <a href="https://elsewhere.example/">a link</a>.</p>',
    bodyMarkdown: 'Three things.',
    finds: [find('item:1', { quote: 'A quote' }), find('highlight:2', { url: 'javascript:alert(1)' }), find('note:3', { title: HOSTILE, commentary: HOSTILE })],
    tags: ['reading', 'Area/Topic'],
    publishedAt: Date.UTC(2026, 10, 20, 9),
    updatedAt: Date.UTC(2026, 10, 21, 9),
  },
  {
    id: 'n-1',
    kind: 'note',
    slug: 'on-reading',
    title: 'On reading',
    summary: 'A note.',
    bodyHtml: '<p>Notes on reading.</p>',
    bodyMarkdown: 'Notes on reading.',
    finds: [],
    tags: ['area/topic', '日本'],
    publishedAt: Date.UTC(2026, 9, 1),
    updatedAt: Date.UTC(2026, 9, 1),
  },
];

const blogroll: BlogrollEntry[] = [{ title: 'A blog', feedUrl: 'https://blog.example/feed', siteUrl: 'https://blog.example/' }];
const updated = Date.UTC(2026, 10, 22);

const decodeAttribute = (value: string): string =>
  value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Every href and src of an HTML page, decoded as a browser would read the attribute. */
function references(page: string): string[] {
  return [...page.matchAll(/\s(?:href|src)="([^"]*)"/g)].map(([, value]) => decodeAttribute(value!));
}

const byPath = (files: SiteFile[]): Map<string, string> => new Map(files.map((file) => [file.path, file.content]));

describe('buildSite', () => {
  it('writes every page, feed and support file, sorted by path', () => {
    const files = buildSite(site(), posts, blogroll, { updated });
    expect(files.map((file) => file.path)).toEqual([
      'blogroll.opml',
      'feed.json',
      'feed.xml',
      'index.html',
      'posts/finds-20-november-2026.html',
      'posts/on-reading.html',
      'rss.xml',
      'sitemap.xml',
      'style.css',
      'tags/area-topic.html',
      'tags/reading.html',
      expect.stringMatching(/^tags\/tag-[0-9a-f]{8}\.html$/),
    ]);
    const sorted = files.map((file) => file.path);
    expect([...sorted].sort()).toEqual(sorted);
  });

  it('leaves blogroll.opml out, and unlinked, when no entry is publishable', () => {
    for (const entries of [[], [{ title: 'x', feedUrl: 'javascript:alert(1)' }]]) {
      const files = byPath(buildSite(site(), posts, entries, { updated }));
      expect(files.has('blogroll.opml')).toBe(false);
      expect(files.get('index.html')).not.toContain('blogroll.opml');
    }
    expect(byPath(buildSite(site(), posts, blogroll, { updated })).get('index.html')).toContain('href="blogroll.opml"');
  });

  it('links from every page only to files it writes and to anchors that exist, opened from disk', () => {
    const files = byPath(buildSite(site(), posts, blogroll, { updated }));
    let checked = 0;
    for (const [path, content] of files) {
      if (!path.endsWith('.html')) continue;
      for (const reference of references(content)) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(reference)) {
          // Absolute: only the web, never a script or a file elsewhere on the reader's disk.
          expect(reference, `${path} → ${reference}`).toMatch(/^https?:\/\//);
          continue;
        }
        const target = new URL(reference, `file:///site/${path}`);
        expect(target.pathname.startsWith('/site/'), `${path} → ${reference}`).toBe(true);
        const targetPath = target.pathname.slice('/site/'.length);
        expect(files.has(targetPath), `${path} → ${reference} (${targetPath})`).toBe(true);
        if (target.hash) expect(files.get(targetPath)).toContain(`id="${target.hash.slice(1)}"`);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('names the same pages in the feeds and the pages: every find anchor a feed links to exists', () => {
    const files = byPath(buildSite(site(), posts, blogroll, { updated }));
    const feed = JSON.parse(files.get('feed.json')!) as { items: { url: string }[] };
    for (const item of feed.items) {
      const target = new URL(item.url);
      const path = target.pathname.slice(1);
      expect(files.has(path), item.url).toBe(true);
      if (target.hash) expect(files.get(path)).toContain(`id="${target.hash.slice(1)}"`);
    }
  });

  it('keeps pages relative and makes feeds and sitemap absolute under a sub-path base', () => {
    const base = 'https://me.example/notes/';
    const files = byPath(buildSite(site(base), posts, blogroll, { updated }));
    for (const [path, content] of files) if (path.endsWith('.html')) expect(content, path).not.toContain('me.example');
    const locs = [...files.get('sitemap.xml')!.matchAll(/<loc>([^<]*)<\/loc>/g)].map(([, loc]) => loc!);
    expect(locs.length).toBe(1 + 2 + 3);
    for (const loc of locs) expect(loc.startsWith(base)).toBe(true);
    expect(locs).toContain(`${base}posts/on-reading.html`);
    expect(files.get('feed.xml')).toContain(`href="${base}posts/finds-20-november-2026.html#find-item-1"`);
    expect(files.get('rss.xml')).toContain(`<link>${base}posts/on-reading.html</link>`);
    expect(files.get('feed.json')).toContain(`"${base}posts/on-reading.html"`);
    expect(files.get('feed.xml')).not.toContain('href="https://me.example/posts/');
  });

  it('writes well-formed XML and JSON, and no page with a script or a javascript: link', () => {
    const files = byPath(buildSite(site(), posts, blogroll, { updated }));
    for (const path of ['feed.xml', 'rss.xml', 'sitemap.xml', 'blogroll.opml']) expect(XMLValidator.validate(files.get(path)!), path).toBe(true);
    expect(() => JSON.parse(files.get('feed.json')!)).not.toThrow();
    for (const [path, content] of files) {
      if (!path.endsWith('.html')) continue;
      expect(content, path).not.toMatch(/<script/i);
      expect(content, path).not.toMatch(/href="\s*javascript:/i);
    }
  });

  it('is deterministic: the same input, in any order, gives the same bytes', () => {
    const first = buildSite(site(), posts, blogroll, { updated });
    const second = buildSite(site(), [...posts].reverse(), blogroll, { updated });
    expect(second).toEqual(first);
    expect(JSON.stringify(buildSite(site(), posts, blogroll, { updated }))).toBe(JSON.stringify(first));
  });

  it('refuses a slug that is not a file name, and two posts with one slug', () => {
    const [digest, note] = posts as [SitePost, SitePost];
    expect(() => buildSite(site(), [{ ...digest, slug: '../escape' }], [], { updated })).toThrow(/cannot be a file name/);
    expect(() => buildSite(site(), [digest, { ...note, slug: digest.slug.toUpperCase() }], [], { updated })).toThrow(/share the slug/);
  });

  it('builds an empty site', () => {
    const files = buildSite(site(), [], [], { updated });
    expect(files.map((file) => file.path)).toEqual(['feed.json', 'feed.xml', 'index.html', 'rss.xml', 'sitemap.xml', 'style.css']);
  });
});
