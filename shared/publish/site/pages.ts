/**
 * The HTML pages of a published site: the index, one page per post and one per tag.
 *
 * Every link is relative and names a file (`index.html`, `posts/x.html`), never a directory: the same
 * files then work at a domain root, under a sub-path and opened from disk, where file:// has no index
 * pages. No page carries a script. All text is escaped through `html`; only a post's bodyHtml, sanitised
 * by the renderer, goes in as markup.
 */
import type { PublishedFind, SitePost, SiteSettings } from '../site-model';
import { findAnchor, postPath } from '../feeds/feed-entries';
import { absolutizeHtml } from '../feeds/absolute-links';
import { displayDay, isoDay } from './dates';
import { html, joinHtml, lines, paragraphs, trustedHtml, webUrl, type SafeHtml } from './html';
import { asciiSlug } from './slug';

// ---------------------------------------------------------------- paths and ordering

/** FNV-1a, for a tag with no ASCII letters at all: a stable file name that differs from tag to tag. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * `tags/<slug>.html`; a nested tag `area/topic` becomes `tags/area-topic.html`. Tags that differ only in
 * case or accents share a page, as a reader would expect; a tag written only in non-Latin script (`日本`)
 * gets a hashed name rather than colliding with every other such tag.
 */
export function tagPath(tag: string): string {
  const normal = tag.normalize('NFC').trim().toLowerCase();
  return `tags/${asciiSlug(normal) || `tag-${shortHash(normal)}`}.html`;
}

/** Newest first; ties broken by id as the feeds break them, so the order never depends on the input's. */
export function newestFirst(posts: readonly SitePost[]): SitePost[] {
  return [...posts].sort((a, b) => b.publishedAt - a.publishedAt || compareText(a.id, b.id) || compareText(a.slug, b.slug));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One spelling per tag page, in a stable order. When several spellings share a page ("Design",
 * "design"), the first in code-point order names it, whatever order the posts came in.
 */
export function siteTags(posts: readonly SitePost[]): string[] {
  const byPath = new Map<string, string>();
  const spellings = [...new Set(posts.flatMap((post) => post.tags).map((tag) => tag.trim()).filter((tag) => tag !== ''))];
  for (const tag of spellings.sort(compareText)) if (!byPath.has(tagPath(tag))) byPath.set(tagPath(tag), tag);
  return [...byPath.values()].sort((a, b) => compareText(a.toLowerCase(), b.toLowerCase()) || compareText(a, b));
}

// A link or heading with no text is invisible, and HTML5 requires a non-empty <title>.
const siteName = (site: SiteSettings): string => site.title.trim() || 'Untitled site';
const postTitle = (post: SitePost): string => post.title.trim() || 'Untitled';

function hasTag(post: SitePost, tag: string): boolean {
  const path = tagPath(tag);
  return post.tags.some((own) => tagPath(own) === path);
}

// ---------------------------------------------------------------- the frame every page shares

interface Frame {
  /** '' for pages at the root, '../' for pages one folder down. */
  root: string;
  title: string;
  description: string;
  main: SafeHtml;
  /** Whether the footer offers blogroll.opml: only the caller knows if the site has one. */
  blogroll?: boolean;
}

const FEEDS = [
  { file: 'feed.xml', type: 'application/atom+xml', label: 'Atom' },
  { file: 'rss.xml', type: 'application/rss+xml', label: 'RSS' },
  { file: 'feed.json', type: 'application/feed+json', label: 'JSON Feed' },
] as const;

function authorLine(site: SiteSettings): SafeHtml | undefined {
  const name = site.author.name.trim();
  if (name === '') return undefined;
  const url = webUrl(site.author.url);
  return url ? html`<p>By <a href="${url}" rel="author">${name}</a></p>` : html`<p>By ${name}</p>`;
}

function page(site: SiteSettings, frame: Frame): string {
  const { root } = frame;
  const description = frame.description.trim();
  const author = site.author.name.trim();
  const alternates = FEEDS.map(
    (feed) => html`<link rel="alternate" type="${feed.type}" title="${`${siteName(site)} (${feed.label})`}" href="${root + feed.file}">`,
  );
  const feedLinks = FEEDS.map((feed) => html`<a href="${root + feed.file}">${feed.label}</a>`);
  const subscribe = [...feedLinks, ...(frame.blogroll ? [html`<a href="${root}blogroll.opml">Blogroll (OPML)</a>`] : [])];
  const document = lines(
    html`<!DOCTYPE html>`,
    html`<html lang="${site.language.trim() || 'en'}">`,
    html`<head>`,
    html`<meta charset="utf-8">`,
    html`<meta name="viewport" content="width=device-width, initial-scale=1">`,
    html`<meta name="color-scheme" content="light dark">`,
    html`<title>${frame.title}</title>`,
    description !== '' && html`<meta name="description" content="${description}">`,
    author !== '' && html`<meta name="author" content="${author}">`,
    html`<link rel="stylesheet" href="${root}style.css">`,
    ...alternates,
    html`</head>`,
    html`<body>`,
    html`<header class="site-header"><a class="site-title" href="${root}index.html">${siteName(site)}</a></header>`,
    html`<main>`,
    frame.main,
    html`</main>`,
    html`<footer class="site-footer">`,
    html`<p>Subscribe: ${joinHtml(subscribe, ' · ')}</p>`,
    authorLine(site),
    html`</footer>`,
    html`</body>`,
    html`</html>`,
  );
  return `${document.toString()}\n`;
}

function time(at: number): SafeHtml {
  return html`<time datetime="${isoDay(at)}">${displayDay(at)}</time>`;
}

function postList(posts: readonly SitePost[], root: string): SafeHtml {
  if (posts.length === 0) return html`<p class="empty">Nothing published yet.</p>`;
  const items = newestFirst(posts).map((post) =>
    lines(
      html`<li class="post-summary">`,
      html`<h2><a href="${root + postPath(post)}">${postTitle(post)}</a></h2>`,
      html`<p class="meta">${time(post.publishedAt)}</p>`,
      post.summary.trim() !== '' && html`<p>${post.summary.trim()}</p>`,
      html`</li>`,
    ),
  );
  return lines(html`<ol class="post-list">`, ...items, html`</ol>`);
}

function tagList(tags: readonly string[], root: string): SafeHtml {
  const items = tags.map((tag) => html`<li><a href="${root + tagPath(tag)}" rel="tag">${tag}</a></li>`);
  return lines(html`<nav class="tags" aria-label="Tags">`, html`<h2>Tags</h2>`, html`<ul>`, ...items, html`</ul>`, html`</nav>`);
}

// ---------------------------------------------------------------- index

export function renderIndexPage(site: SiteSettings, posts: readonly SitePost[], options: { blogroll: boolean } = { blogroll: false }): string {
  const tags = siteTags(posts);
  const main = lines(
    html`<h1>${siteName(site)}</h1>`,
    site.description.trim() !== '' && html`<p class="site-description">${site.description.trim()}</p>`,
    postList(posts, ''),
    tags.length > 0 && tagList(tags, ''),
  );
  return page(site, { root: '', title: siteName(site), description: site.description, main, blogroll: options.blogroll });
}

// ---------------------------------------------------------------- posts

function findHeading(find: PublishedFind): SafeHtml {
  const url = webUrl(find.url);
  const shown = find.url?.trim() ?? '';
  const title = find.title.trim() || shown || 'Untitled';
  if (url) return html`<h2><a href="${url}" rel="noopener">${title}</a></h2>`;
  // An address that is not http(s) is still information, but never something to click.
  return lines(html`<h2>${title}</h2>`, shown !== '' && shown !== title && html`<p class="find-url">${shown}</p>`);
}

function findArticle(find: PublishedFind): SafeHtml {
  const meta = [
    find.sourceTitle?.trim() ? html`<span class="find-source">${find.sourceTitle.trim()}</span>` : undefined,
    find.author?.trim() ? html`<span class="find-author">${find.author.trim()}</span>` : undefined,
    find.date !== undefined && Number.isFinite(find.date) ? time(find.date) : undefined,
  ].filter((part): part is SafeHtml => part !== undefined);
  return lines(
    html`<article class="find" id="${findAnchor(find.key)}">`,
    findHeading(find),
    meta.length > 0 && html`<p class="find-meta">${joinHtml(meta, ' · ')}</p>`,
    find.quote?.trim() ? lines(html`<blockquote>`, paragraphs(find.quote), html`</blockquote>`) : undefined,
    paragraphs(find.commentary),
    html`</article>`,
  );
}

/**
 * `options.tags` are the tags that have a page in this site: the post's own tags link to their page only
 * when it is one of them, so a page rendered on its own never links to a file that is not there.
 */
export function renderPostPage(site: SiteSettings, post: SitePost, options: { tags: readonly string[] }): string {
  const published = new Set(options.tags.map(tagPath));
  const ownTags = new Map<string, string>();
  for (const tag of post.tags.map((own) => own.trim()).filter((own) => own !== '')) if (!ownTags.has(tagPath(tag))) ownTags.set(tagPath(tag), tag);
  const tagItems = [...ownTags].map(([path, tag]) =>
    published.has(path) ? html`<li><a href="../${path}" rel="tag">${tag}</a></li>` : html`<li>${tag}</li>`,
  );
  const updated = isoDay(post.updatedAt) !== isoDay(post.publishedAt) && html` · updated ${time(post.updatedAt)}`;
  const main = lines(
    html`<article class="post">`,
    html`<header>`,
    html`<h1>${postTitle(post)}</h1>`,
    html`<p class="meta">${time(post.publishedAt)}${updated}</p>`,
    html`</header>`,
    // The body goes in exactly as given: re-flowing it could change a <pre> block.
    post.bodyHtml.trim() !== '' && html`<div class="post-body">\n${trustedHtml(post.bodyHtml)}\n</div>`,
    post.finds.length > 0 && lines(html`<section class="finds">`, ...post.finds.map(findArticle), html`</section>`),
    tagItems.length > 0 && lines(html`<footer>`, html`<ul class="post-tags" aria-label="Tags">`, ...tagItems, html`</ul>`, html`</footer>`),
    html`</article>`,
    html`<p class="back"><a href="../index.html">← All posts</a></p>`,
  );
  return page(site, { root: '../', title: `${postTitle(post)} — ${siteName(site)}`, description: post.summary, main });
}

// ---------------------------------------------------------------- tags

/** Lists the posts carrying `tag` (or a spelling that shares its page); other posts given are left out. */
export function renderTagPage(site: SiteSettings, tag: string, posts: readonly SitePost[]): string {
  const tagged = posts.filter((post) => hasTag(post, tag));
  const main = lines(html`<h1>Tagged “${tag}”</h1>`, postList(tagged, '../'), html`<p class="back"><a href="../index.html">← All posts</a></p>`);
  return page(site, { root: '../', title: `${tag} — ${siteName(site)}`, description: `Posts tagged ${tag}`, main });
}

// ---------------------------------------------------------------- a post for another blog

/**
 * The post's text and finds as one HTML fragment for a blog that is not ours (Micropub, WordPress): no
 * page frame, and relative links (a note linking another published post) made absolute against the
 * address the post has on our site, so they still lead somewhere from the other blog.
 */
export function renderPostContent(post: SitePost, pageUrl: string): string {
  const body = post.bodyHtml.trim() !== '' ? trustedHtml(absolutizeHtml(post.bodyHtml, pageUrl)) : undefined;
  const finds = post.finds.length > 0 ? lines(...post.finds.map(findArticle)) : undefined;
  return `${lines(body, finds).toString()}\n`;
}
