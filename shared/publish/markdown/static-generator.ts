/**
 * Posts as Markdown files for a Hugo or Jekyll site the user already runs: YAML front matter, the post's
 * own Markdown, then (for a digest) one section per find.
 *
 * Find text comes from strangers' pages and is plain text, so it is escaped for every layer that will
 * read it: Markdown (no link, emphasis or block syntax of its own), HTML (kramdown and, when enabled,
 * Goldmark pass raw HTML through), Liquid (Jekyll runs `{{ }}` and `{% %}` in posts before Markdown)
 * and Hugo shortcodes (`{{< >}}`, `{{% %}}`). A title can then neither break the site's build nor
 * put markup on its pages.
 */
import { Document, Scalar } from 'yaml';
import type { PublishedFind, SiteFile, SitePost } from '../site-model';
import { isoDay, rfc3339 } from '../site/dates';
import { webUrl } from '../site/html';
import { isSafeSlug } from '../site/slug';

export type GeneratorKind = 'hugo' | 'jekyll';

// ---------------------------------------------------------------- escaping plain text as Markdown

/**
 * Plain text for inline Markdown. Backslash escapes only where both CommonMark (Hugo) and kramdown
 * (Jekyll) honour them; `<`, `>`, and a `{` that would open Liquid or a shortcode become character
 * references, which both render as the character and neither reads as syntax.
 */
export function escapeMarkdownInline(text: string): string {
  return text
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/[\\`*_[\]|$]/g, (character) => `\\${character}`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\{(?=[{%:])/g, '&#123;');
}

/** One line of plain text as a Markdown line that starts no heading, list, rule, fence or definition. */
function escapeMarkdownLine(line: string): string {
  const escaped = escapeMarkdownInline(line.trim());
  return escaped
    .replace(/^([#+=:-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    // kramdown reads `\~` literally, so a fence-like `~` becomes a reference instead.
    .replace(/^~/, '&#126;');
}

/** Plain text as Markdown paragraphs: blank lines separate them, single line breaks become hard breaks. */
function markdownParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) =>
      block
        .split('\n')
        .map(escapeMarkdownLine)
        .filter((line) => line !== '')
        // Two trailing spaces: the hard line break CommonMark and kramdown both know (a trailing backslash
        // is CommonMark's alone).
        .join('  \n'),
    )
    .filter((paragraph) => paragraph !== '');
}

/**
 * A link destination both parsers read the same way: an absolute http(s) URL (the URL parser has
 * already percent-encoded spaces and angle brackets) with parentheses and braces encoded too, so it
 * cannot close the link early or open Liquid.
 */
function markdownDestination(url: string): string {
  return url.replace(/[(){}]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

function findSection(find: PublishedFind): string {
  const url = webUrl(find.url);
  const title = escapeMarkdownInline(find.title.trim() || find.url?.trim() || 'Untitled');
  const parts = [url ? `### [${title}](${markdownDestination(url)})` : `### ${title}`];
  const quote = markdownParagraphs(find.quote ?? '');
  if (quote.length > 0) parts.push(quote.map((paragraph) => paragraph.replace(/^/gm, '> ')).join('\n>\n'));
  parts.push(...markdownParagraphs(find.commentary));
  const credit = [find.sourceTitle, find.author].map((part) => part?.trim() ?? '').filter((part) => part !== '');
  if (credit.length > 0) parts.push(`*${escapeMarkdownInline(credit.join(' — '))}*`);
  return parts.join('\n\n');
}

// ---------------------------------------------------------------- files

function postFile(kind: GeneratorKind, post: SitePost): string {
  return kind === 'hugo' ? `content/posts/${post.slug}.md` : `_posts/${isoDay(post.publishedAt)}-${post.slug}.md`;
}

/**
 * YAML with every string double-quoted: Jekyll's Psych and Hugo's Go YAML follow YAML 1.1, where a plain
 * `yes`, `no`, `on` or `2026-11-20` is not a string, while this package writes YAML 1.2. Quoting makes
 * the two agree; only the dates are left plain, as both generators' documentation writes them.
 */
function frontMatter(kind: GeneratorKind, post: SitePost): string {
  const address = `/posts/${post.slug}/`;
  const links = post.finds.map((find) => webUrl(find.url)).filter((url): url is string => url !== undefined);
  const tags = [...new Set(post.tags.map((tag) => tag.trim()).filter((tag) => tag !== ''))];
  const fields: Record<string, unknown> = {
    title: post.title,
    date: rfc3339(post.publishedAt),
    [kind === 'hugo' ? 'lastmod' : 'last_modified_at']: rfc3339(post.updatedAt),
    ...(post.summary.trim() !== '' ? { description: post.summary.trim() } : {}),
    tags,
    draft: false,
    // The same address from both generators, so a site can move between them without breaking links.
    ...(kind === 'hugo' ? { slug: post.slug, url: address } : { permalink: address }),
    links: [...new Set(links)],
  };
  const document = new Document(fields);
  for (const key of ['date', 'lastmod', 'last_modified_at']) {
    const node = document.get(key, true);
    if (node instanceof Scalar) node.type = Scalar.PLAIN;
  }
  return document.toString({ defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', doubleQuotedAsJSON: true, lineWidth: 0 });
}

export function renderGeneratorPost(kind: GeneratorKind, post: SitePost): SiteFile {
  if (!isSafeSlug(post.slug)) throw new Error(`Post "${post.title}" has a slug that cannot be a file name: "${post.slug}"`);
  const body = [post.bodyMarkdown.trim(), ...post.finds.map(findSection)].filter((part) => part !== '');
  const content = `---\n${frontMatter(kind, post)}---\n${body.length > 0 ? `\n${body.join('\n\n')}\n` : ''}`;
  return { path: postFile(kind, post), content };
}

/**
 * One file per post, sorted by path. Two posts with one slug are refused rather than one lost: they would
 * share a Hugo file, or (on different days) two Jekyll files claiming one permalink.
 */
export function renderGeneratorSite(kind: GeneratorKind, posts: readonly SitePost[]): SiteFile[] {
  const seen = new Set<string>();
  for (const post of posts) {
    // Case-insensitively: macOS and Windows folders would merge the two files.
    const key = post.slug.toLowerCase();
    if (seen.has(key)) throw new Error(`Two posts share the slug "${post.slug}"`);
    seen.add(key);
  }
  return posts.map((post) => renderGeneratorPost(kind, post)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
