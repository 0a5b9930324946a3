/**
 * sitemap.xml (sitemaps.org 0.9): the one file of the site that must name pages by absolute URL, so it
 * is built from site.baseUrl, sub-path included.
 */
import type { SitePost, SiteSettings } from '../site-model';
// The feeds' own siteUrl, so the sitemap and the feeds name every page by the same address.
import { postPath, siteUrl } from '../feeds/feed-entries';
import { isoDay } from './dates';
import { escapeHtml } from './html';
import { newestFirst, tagPath } from './pages';

function entry(location: string, lastModified: number | undefined): string {
  const lastmod = lastModified === undefined ? '' : `<lastmod>${isoDay(lastModified)}</lastmod>`;
  return `  <url><loc>${escapeHtml(location)}</loc>${lastmod}</url>`;
}

const latest = (posts: readonly SitePost[]): number | undefined =>
  posts.length === 0 ? undefined : Math.max(...posts.map((post) => Math.max(post.updatedAt, post.publishedAt)));

/**
 * The index (as the site's address itself, which every web server answers with index.html), each post and
 * each tag page, with the day it last changed. Tags sharing a page are listed once.
 */
export function renderSitemap(site: SiteSettings, posts: readonly SitePost[], tags: readonly string[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
  lines.push(entry(siteUrl(site, ''), latest(posts)));
  for (const post of newestFirst(posts)) lines.push(entry(siteUrl(site, postPath(post)), Math.max(post.updatedAt, post.publishedAt)));
  const tagPaths = [...new Set(tags.map(tagPath))].sort();
  for (const path of tagPaths) {
    const tagged = posts.filter((post) => post.tags.some((tag) => tagPath(tag) === path));
    lines.push(entry(siteUrl(site, path), latest(tagged)));
  }
  lines.push('</urlset>', '');
  return lines.join('\n');
}
