/**
 * `rss.xml`: RSS 2.0, for the readers and services that still know nothing else. Items link to their place
 * on the site; the guid is our URN, not a URL (isPermaLink="false"), so it survives a move of the site.
 * The HTML goes in a CDATA section: the form readers are most used to, and easier to read by eye.
 */
import type { EpochMs } from '../../model';
import type { SitePost, SiteSettings } from '../site-model';
import { feedEntries, siteUrl, type FeedEntry } from './feed-entries';
import { cdata, escapeXml, rfc822 } from './xml-text';

export const RSS_FILE = 'rss.xml';

export function renderRssFeed(site: SiteSettings, posts: readonly SitePost[], options: { updated: EpochMs }): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${escapeXml(site.title)}</title>`,
    `    <link>${escapeXml(siteUrl(site))}</link>`,
    `    <description>${escapeXml(site.description)}</description>`,
    ...(site.language.trim() ? [`    <language>${escapeXml(site.language)}</language>`] : []),
    `    <lastBuildDate>${rfc822(options.updated)}</lastBuildDate>`,
    `    <atom:link href="${escapeXml(siteUrl(site, RSS_FILE))}" rel="self" type="application/rss+xml"/>`,
    '    <generator>Commonplace</generator>',
    ...feedEntries(site, posts).flatMap(itemLines),
    '  </channel>',
    '</rss>',
  ];
  return `${lines.join('\n')}\n`;
}

function itemLines(entry: FeedEntry): string[] {
  return [
    '    <item>',
    `      <title>${escapeXml(entry.title)}</title>`,
    `      <link>${escapeXml(entry.pageUrl)}</link>`,
    `      <guid isPermaLink="false">${escapeXml(entry.id)}</guid>`,
    `      <pubDate>${rfc822(entry.published)}</pubDate>`,
    `      <description>${cdata(entry.contentHtml)}</description>`,
    ...entry.tags.map((tag) => `      <category>${escapeXml(tag)}</category>`),
    '    </item>',
  ];
}
