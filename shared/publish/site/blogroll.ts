/**
 * blogroll.opml: the sources the user marked public, as an OPML 2.0 subscription list another reader
 * can import. Written by the app's own OPML writer, so it reads back through the app's own parser.
 */
import { writeOpml } from '../../opml';
import type { BlogrollEntry, SiteSettings } from '../site-model';
import { webUrl } from './html';

/**
 * The entries worth publishing: a feed address that is http(s) (anything else is useless to a reader
 * importing the list, and could be a javascript: link in one that shows it), each feed once.
 */
export function publicBlogroll(sources: readonly BlogrollEntry[]): BlogrollEntry[] {
  const seen = new Set<string>();
  const entries: BlogrollEntry[] = [];
  for (const source of sources) {
    const feedUrl = webUrl(source.feedUrl);
    if (feedUrl === undefined || seen.has(feedUrl)) continue;
    seen.add(feedUrl);
    const siteUrl = webUrl(source.siteUrl);
    entries.push({ title: source.title, feedUrl, ...(siteUrl ? { siteUrl } : {}) });
  }
  return entries;
}

/**
 * OPML 2.0 with the site's name as its head title and no dateCreated: the file is rebuilt at every
 * export, and a clock inside would make two exports of the same blogroll differ.
 */
export function renderBlogroll(site: SiteSettings, sources: readonly BlogrollEntry[]): string {
  return writeOpml({
    title: `${site.title} — blogroll`,
    dateCreated: '',
    subscriptions: publicBlogroll(sources).map((source) => ({
      title: source.title,
      xmlUrl: source.feedUrl,
      ...(source.siteUrl ? { htmlUrl: source.siteUrl } : {}),
      folderPath: [],
    })),
  });
}
