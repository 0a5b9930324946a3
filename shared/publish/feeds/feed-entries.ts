/**
 * What the three feeds hold, decided once so Atom, RSS and JSON Feed always agree. A digest is a link
 * list, so it is published as a link blog: one entry per find, pointing at the original and at its place
 * on the digest's page. A note is one entry. Ids are URNs built from record ids, never from slugs, titles
 * or the base URL, so a reader does not show a post as new after it is renamed or the site moves.
 */
import type { EpochMs } from '../../model';
import type { PublishedFind, SitePost, SiteSettings } from '../site-model';
import { absolutizeHtml } from './absolute-links';
import { escapeXml, xmlSafe } from './xml-text';

export interface FeedEntry {
  id: string;
  title: string;
  pageUrl: string;
  externalUrl?: string;
  contentHtml: string;
  summary: string;
  published: EpochMs;
  updated: EpochMs;
  tags: string[];
}

export const DEFAULT_FEED_LIMIT = 100;

/** The page of a post, relative to the site root. */
export function postPath(post: SitePost): string {
  return `posts/${post.slug}.html`;
}

/** The id a find's block has on its digest's page: `find-` and its key, with anything an id should not hold as `-`. */
export function findAnchor(key: string): string {
  return `find-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** An absolute URL on the site; `path` is relative to its root, with '/' separators. */
export function siteUrl(site: SiteSettings, path = ''): string {
  const root = site.baseUrl.endsWith('/') ? site.baseUrl : `${site.baseUrl}/`;
  // Slugs are file-name-safe but may hold non-ASCII letters or spaces, which a URL in a feed must not;
  // xmlSafe first, because encodeURIComponent throws on a lone surrogate.
  return root + path.split('/').map((segment) => encodeURIComponent(xmlSafe(segment))).join('/');
}

/** Newest first (then by id, so posts published at the same instant keep one order); finds in their order. */
export function feedEntries(site: SiteSettings, posts: readonly SitePost[], limit = DEFAULT_FEED_LIMIT): FeedEntry[] {
  const ordered = [...posts].sort((a, b) => b.publishedAt - a.publishedAt || compare(a.id, b.id));
  const entries: FeedEntry[] = [];
  for (const post of ordered) {
    if (entries.length >= limit) break;
    const pageUrl = siteUrl(site, postPath(post));
    if (post.kind === 'note') entries.push(noteEntry(post, pageUrl));
    else for (const find of post.finds) entries.push(findEntry(post, find, pageUrl));
  }
  return entries.slice(0, Math.max(0, Math.floor(limit)));
}

function noteEntry(post: SitePost, pageUrl: string): FeedEntry {
  return {
    id: `urn:commonplace:${post.id}`,
    title: post.title,
    pageUrl,
    contentHtml: absolutizeHtml(post.bodyHtml, pageUrl),
    summary: post.summary,
    published: post.publishedAt,
    updated: post.updatedAt,
    tags: uniqueTags(post.tags),
  };
}

function findEntry(post: SitePost, find: PublishedFind, postUrl: string): FeedEntry {
  const externalUrl = webUrl(find.url);
  const parts = [paragraphs(find.commentary)];
  if (find.quote?.trim()) parts.push(`<blockquote>${paragraphs(find.quote)}</blockquote>`);
  parts.push(sourceLine(find, externalUrl));
  return {
    id: `urn:commonplace:${post.id}:${find.key}`,
    title: find.title,
    pageUrl: `${postUrl}#${findAnchor(find.key)}`,
    ...(externalUrl ? { externalUrl } : {}),
    contentHtml: parts.filter(Boolean).join('\n'),
    summary: find.commentary,
    published: post.publishedAt,
    updated: post.updatedAt,
    tags: uniqueTags(post.tags),
  };
}

/** `Source: <a href="…">title</a> — where it was found`; nothing when there is neither a link nor a source. */
function sourceLine(find: PublishedFind, externalUrl: string | undefined): string {
  const sourceTitle = find.sourceTitle?.trim();
  if (!externalUrl && !sourceTitle) return '';
  const title = externalUrl ? `<a href="${escapeXml(externalUrl)}">${escapeXml(find.title)}</a>` : escapeXml(find.title);
  return `<p>Source: ${title}${sourceTitle ? ` — ${escapeXml(sourceTitle)}` : ''}</p>`;
}

/** Plain text as HTML: blank lines separate paragraphs, single newlines become <br>. */
function paragraphs(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escapeXml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

/**
 * A find's URL came from a stranger's feed: only http(s) becomes a link, so a `javascript:` that slipped
 * past earlier checks never reaches a reader through us.
 */
function webUrl(url: string | undefined): string | undefined {
  const trimmed = url?.trim();
  return trimmed && /^https?:\/\/[^/]/i.test(trimmed) ? trimmed : undefined;
}

function uniqueTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))];
}

/** Code-unit order, not localeCompare: the same on every machine, so output stays byte-identical. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
