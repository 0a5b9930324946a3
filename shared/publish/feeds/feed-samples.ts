/**
 * Sample site, posts and finds for the feed writers' tests (atom, rss, json-feed, feed-entries), so each
 * test states only what it changes. Test support only: nothing outside the tests imports it.
 */
import type { PublishedFind, SitePost, SiteSettings } from '../site-model';

export const site: SiteSettings = {
  title: 'Field notes',
  description: 'What I read',
  baseUrl: 'https://me.example/notes/',
  author: { name: 'Ann', url: 'https://ann.example/' },
  language: 'en',
};

/** The sample post's dates; the second has milliseconds, for the formats that keep them. */
export const published = Date.UTC(2026, 10, 20, 9, 30, 5);
export const updated = Date.UTC(2026, 10, 21, 10, 0, 0, 250);

/** The feed's own updated time, later than any sample post. */
export const feedOptions = { updated: Date.UTC(2026, 10, 22, 8, 0, 0) };

export const find = (key: string, fields: Partial<PublishedFind> = {}): PublishedFind => ({ key, title: `Title ${key}`, commentary: `About ${key}`, ...fields });

export const post = (id: string, fields: Partial<SitePost> = {}): SitePost => ({
  id,
  kind: 'digest',
  slug: `slug-${id}`,
  title: `Post ${id}`,
  summary: '',
  bodyHtml: '',
  bodyMarkdown: '',
  finds: [],
  tags: [],
  publishedAt: published,
  updatedAt: updated,
  ...fields,
});
