import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { SitePost, SiteSettings } from '../site-model';
import { renderSitemap } from './sitemap';

const site = (baseUrl: string): SiteSettings => ({ title: 'T', description: '', baseUrl, author: { name: 'A' }, language: 'en' });

const post = (slug: string, publishedAt: number, updatedAt: number, tags: string[]): SitePost => ({
  id: slug,
  kind: 'note',
  slug,
  title: slug,
  summary: '',
  bodyHtml: '',
  bodyMarkdown: '',
  finds: [],
  tags,
  publishedAt,
  updatedAt,
});

const posts = [
  post('old', Date.UTC(2026, 0, 5, 23, 59), Date.UTC(2026, 2, 1, 23, 59), ['Area/Topic']),
  post('new', Date.UTC(2026, 10, 20), Date.UTC(2026, 10, 20), ['area/topic', 'x']),
];

function urls(xml: string): { loc: string; lastmod?: string }[] {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parsed = new XMLParser({ isArray: (name) => name === 'url' }).parse(xml) as { urlset: { url: { loc: string; lastmod?: string }[] } };
  return parsed.urlset.url;
}

describe('renderSitemap', () => {
  it('lists the index, each post and each tag page by absolute URL with its last day of change', () => {
    const xml = renderSitemap(site('https://me.example/'), posts, ['Area/Topic', 'area/topic', 'x']);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')).toBe(true);
    expect(urls(xml)).toEqual([
      { loc: 'https://me.example/', lastmod: '2026-11-20' },
      { loc: 'https://me.example/posts/new.html', lastmod: '2026-11-20' },
      { loc: 'https://me.example/posts/old.html', lastmod: '2026-03-01' },
      { loc: 'https://me.example/tags/area-topic.html', lastmod: '2026-11-20' },
      { loc: 'https://me.example/tags/x.html', lastmod: '2026-11-20' },
    ]);
  });

  it('stays under a sub-path base, with or without its final slash', () => {
    for (const base of ['https://me.example/notes/', 'https://me.example/notes']) {
      const locs = urls(renderSitemap(site(base), posts, ['x'])).map((url) => url.loc);
      expect(locs).toContain('https://me.example/notes/posts/old.html');
      for (const loc of locs) expect(loc.startsWith('https://me.example/notes/')).toBe(true);
    }
  });

  it('escapes the base URL and writes an empty site as just its index', () => {
    const xml = renderSitemap(site('https://me.example/?a=1&b=<2>/'), [], []);
    expect(xml).toContain('<loc>https://me.example/?a=1&amp;b=&lt;2&gt;/</loc>');
    expect(urls(xml)).toEqual([{ loc: 'https://me.example/?a=1&b=<2>/' }]);
  });
});
