/**
 * `feed.json`: JSON Feed 1.1. Made for link blogs: `url` is the find's place on our site, `external_url`
 * the thing it is about. Every string goes through xmlSafe as in the XML feeds: JSON could carry a NUL, but
 * readers that turn JSON Feed into XML or store it cannot, and a lone surrogate is not text at all.
 */
import type { EpochMs } from '../../model';
import type { SitePost, SiteSettings } from '../site-model';
import { feedEntries, siteUrl, type FeedEntry } from './feed-entries';
import { rfc3339, xmlSafe } from './xml-text';

export const JSON_FEED_FILE = 'feed.json';
export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

// `options.updated` is part of the writers' one signature; JSON Feed 1.1 has no feed-level date to put it in.
export function renderJsonFeed(site: SiteSettings, posts: readonly SitePost[], _options: { updated: EpochMs }): string {
  const feed = {
    version: JSON_FEED_VERSION,
    title: site.title,
    home_page_url: siteUrl(site),
    feed_url: siteUrl(site, JSON_FEED_FILE),
    ...(site.description.trim() ? { description: site.description } : {}),
    ...(site.language.trim() ? { language: site.language } : {}),
    authors: [{ name: site.author.name, ...(site.author.url ? { url: site.author.url } : {}) }],
    items: feedEntries(site, posts).map(item),
  };
  const safeStrings = (_key: string, value: unknown) => (typeof value === 'string' ? xmlSafe(value) : value);
  return `${JSON.stringify(feed, safeStrings, 2)}\n`;
}

function item(entry: FeedEntry) {
  return {
    id: entry.id,
    url: entry.pageUrl,
    ...(entry.externalUrl ? { external_url: entry.externalUrl } : {}),
    title: entry.title,
    content_html: entry.contentHtml,
    ...(entry.summary.trim() ? { summary: entry.summary } : {}),
    date_published: rfc3339(entry.published),
    date_modified: rfc3339(entry.updated),
    ...(entry.tags.length ? { tags: entry.tags } : {}),
  };
}
