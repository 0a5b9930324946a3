/**
 * `feed.xml`: Atom 1.0 (RFC 4287). The feed carries the author, so entries need none of their own; each
 * entry links to its place on the site (alternate) and, for a find, to the original (related), the way
 * link blogs write Atom. Content is HTML escaped as text (type="html"), which every reader handles.
 */
import type { EpochMs } from '../../model';
import type { SitePost, SiteSettings } from '../site-model';
import { feedEntries, siteUrl, type FeedEntry } from './feed-entries';
import { escapeXml, rfc3339 } from './xml-text';

export const ATOM_FILE = 'feed.xml';

export function renderAtomFeed(site: SiteSettings, posts: readonly SitePost[], options: { updated: EpochMs }): string {
  const home = siteUrl(site);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(site.language)}">`,
    `  <id>${escapeXml(home)}</id>`,
    `  <title>${escapeXml(site.title)}</title>`,
    ...(site.description.trim() ? [`  <subtitle>${escapeXml(site.description)}</subtitle>`] : []),
    `  <updated>${rfc3339(options.updated)}</updated>`,
    '  <author>',
    `    <name>${escapeXml(site.author.name)}</name>`,
    ...(site.author.url ? [`    <uri>${escapeXml(site.author.url)}</uri>`] : []),
    '  </author>',
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(siteUrl(site, ATOM_FILE))}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(home)}"/>`,
    '  <generator>Commonplace</generator>',
    ...feedEntries(site, posts).flatMap(entryLines),
    '</feed>',
  ];
  return `${lines.join('\n')}\n`;
}

function entryLines(entry: FeedEntry): string[] {
  return [
    '  <entry>',
    `    <id>${escapeXml(entry.id)}</id>`,
    `    <title>${escapeXml(entry.title)}</title>`,
    `    <updated>${rfc3339(entry.updated)}</updated>`,
    `    <published>${rfc3339(entry.published)}</published>`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(entry.pageUrl)}"/>`,
    ...(entry.externalUrl ? [`    <link rel="related" href="${escapeXml(entry.externalUrl)}"/>`] : []),
    ...(entry.summary.trim() ? [`    <summary>${escapeXml(entry.summary)}</summary>`] : []),
    `    <content type="html">${escapeXml(entry.contentHtml)}</content>`,
    ...entry.tags.map((tag) => `    <category term="${escapeXml(tag)}"/>`),
    '  </entry>',
  ];
}
