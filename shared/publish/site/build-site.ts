/**
 * The whole static site as a list of files: pages, feeds, sitemap, stylesheet and blogroll. Pure and
 * deterministic (no clock, UTC dates, a fixed order), so re-exporting an unchanged site rewrites the
 * same bytes and a sync tool or git sees no change.
 */
import type { EpochMs } from '../../model';
import type { BlogrollEntry, SiteFile, SitePost, SiteSettings } from '../site-model';
import { renderAtomFeed } from '../feeds/atom';
import { postPath } from '../feeds/feed-entries';
import { renderJsonFeed } from '../feeds/json-feed';
import { renderRssFeed } from '../feeds/rss';
import { publicBlogroll, renderBlogroll } from './blogroll';
import { newestFirst, renderIndexPage, renderPostPage, renderTagPage, siteTags, tagPath } from './pages';
import { renderSitemap } from './sitemap';
import { isSafeSlug } from './slug';
import { siteStylesheet } from './style';

/** Refuses what would write outside the folder or make one post's file overwrite another's. */
function checkSlugs(posts: readonly SitePost[]): void {
  const seen = new Set<string>();
  for (const post of posts) {
    if (!isSafeSlug(post.slug)) throw new Error(`Post "${post.title}" has a slug that cannot be a file name: "${post.slug}"`);
    // Compared case-insensitively: macOS and Windows folders would otherwise merge the two files.
    const key = post.slug.toLowerCase();
    if (seen.has(key)) throw new Error(`Two posts share the slug "${post.slug}"`);
    seen.add(key);
  }
}

export function buildSite(
  site: SiteSettings,
  posts: readonly SitePost[],
  blogroll: readonly BlogrollEntry[],
  options: { updated: EpochMs },
): SiteFile[] {
  checkSlugs(posts);
  const ordered = newestFirst(posts);
  const tags = siteTags(ordered);
  const hasBlogroll = publicBlogroll(blogroll).length > 0;
  const files: SiteFile[] = [
    { path: 'index.html', content: renderIndexPage(site, ordered, { blogroll: hasBlogroll }) },
    ...ordered.map((post) => ({ path: postPath(post), content: renderPostPage(site, post, { tags }) })),
    ...tags.map((tag) => ({ path: tagPath(tag), content: renderTagPage(site, tag, ordered) })),
    { path: 'feed.xml', content: renderAtomFeed(site, ordered, options) },
    { path: 'rss.xml', content: renderRssFeed(site, ordered, options) },
    { path: 'feed.json', content: renderJsonFeed(site, ordered, options) },
    { path: 'sitemap.xml', content: renderSitemap(site, ordered, tags) },
    { path: 'style.css', content: siteStylesheet },
  ];
  if (hasBlogroll) files.push({ path: 'blogroll.opml', content: renderBlogroll(site, blogroll) });
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
