/**
 * Digests and notes as the posts every writer in shared/publish reads (SitePost). What a find says comes
 * from the library at publishing time (an item's title and link, a highlight's words), the curator's
 * commentary from the digest. A note's wiki links become links to the posts they name when those are
 * published too, and plain words otherwise: a reader of the site cannot follow a link into a private vault.
 */
import { Marked } from 'marked';
import { excerpt } from '../../../../shared/feeds/text';
import type { Digest, DigestEntry, DocNode, Id, Item, Note, Source } from '../../../../shared/model';
import { citationNodeName, wikiLinkNodeName, type CitationAttrs, type WikiLinkAttrs } from '../../../../shared/notes/doc-nodes';
import { titleKey } from '../../../../shared/notes/wiki-link-syntax';
import type { PublishedFind, SitePost } from '../../../../shared/publish/site-model';
import { isShareTag, type CommonplaceDb } from '../../../data';
import { docToMarkdown } from '../../../editor';
import { publishableHtml } from './publishable-html';

export interface PostSlugs {
  /** The slug a published note or digest has (by record id), for links between posts. */
  byId: ReadonlyMap<Id, string>;
  /** Published notes by title key (titles and aliases), so `[[Title]]` finds its post. */
  noteByTitle: ReadonlyMap<string, Id>;
}

const markdownParser = new Marked({ gfm: true, breaks: false });

const markdownToHtml = (markdown: string): string => publishableHtml(markdownParser.parse(markdown, { async: false }));

const text = (value: string, marks?: DocNode['marks']): DocNode => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });

/**
 * The note's doc with wiki links resolved for publishing (`href(slug)` gives the link for a published
 * note) and citations written as a quote followed by where it came from.
 */
export function publishableDoc(doc: DocNode, slugs: PostSlugs, href: (slug: string) => string): DocNode {
  const visit = (node: DocNode): DocNode[] => {
    if (node.type === wikiLinkNodeName) {
      const attrs = node.attrs as unknown as WikiLinkAttrs;
      const label = attrs.label || attrs.target;
      const noteId = slugs.noteByTitle.get(titleKey(attrs.target));
      const slug = noteId === undefined ? undefined : slugs.byId.get(noteId);
      return label === '' ? [] : [text(label, slug === undefined ? undefined : [{ type: 'link', attrs: { href: href(slug) } }])];
    }
    if (node.type === citationNodeName) {
      const attrs = node.attrs as unknown as CitationAttrs;
      const source = [attrs.title, attrs.author, attrs.sourceTitle].filter((part): part is string => Boolean(part)).join(', ');
      const credit: DocNode = {
        type: 'paragraph',
        content: [text('— '), text(source || 'Source', attrs.link ? [{ type: 'link', attrs: { href: attrs.link } }] : undefined)],
      };
      return [{ type: 'blockquote', content: [...(node.content ?? []).flatMap(visit), credit] }];
    }
    return node.content ? [{ ...node, content: node.content.flatMap(visit) }] : [node];
  };
  return visit(doc)[0] ?? doc;
}

const firstWords = (value: string, length = 240): string => excerpt(value, length);

/** A note as a post of its own. Its #share tag says it may be published; it is not a topic, so it is left out. */
export function notePost(note: Note, slug: string, slugs: PostSlugs, times: { publishedAt: number }): SitePost {
  // Pages of posts sit side by side in posts/; Hugo and Jekyll give each post a folder of its own.
  const forPages = docToMarkdown(publishableDoc(note.doc, slugs, (target) => `${target}.html`));
  const forGenerators = docToMarkdown(publishableDoc(note.doc, slugs, (target) => `../${target}/`));
  return {
    id: note.id,
    kind: 'note',
    slug,
    title: note.title || 'Untitled',
    summary: firstWords(note.text),
    bodyHtml: markdownToHtml(forPages),
    bodyMarkdown: forGenerators,
    finds: [],
    tags: note.tags.filter((tag) => !isShareTag(tag)),
    publishedAt: times.publishedAt,
    updatedAt: Math.max(note.updatedAt, times.publishedAt),
  };
}

const paragraphsHtml = (value: string): string =>
  value
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => `<p>${part.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)}</p>`)
    .join('\n');

interface FindSources {
  items: ReadonlyMap<Id, Item>;
  sources: ReadonlyMap<Id, Source>;
  notes: ReadonlyMap<Id, Note>;
  highlights: ReadonlyMap<Id, { itemId: Id; exact: string; comment?: string }>;
}

function itemFacts(item: Item | undefined, sources: ReadonlyMap<Id, Source>): Omit<PublishedFind, 'key' | 'commentary'> {
  if (!item) return { title: 'A removed item' };
  const sourceTitle = item.sourceIds.map((id) => sources.get(id)?.title).find((title) => title !== undefined);
  return {
    title: item.title || item.link || 'Untitled',
    ...(item.link && /^https?:/i.test(item.link) ? { url: item.link } : {}),
    ...(sourceTitle ? { sourceTitle } : {}),
    ...(item.author ? { author: item.author } : {}),
    date: item.publishedAt,
  };
}

function find(entry: DigestEntry, from: FindSources, slugs: PostSlugs, siteUrl: (slug: string) => string): PublishedFind {
  const key = `${entry.ref.kind}:${entry.ref.id}`;
  const commentary = entry.commentary.trim();
  if (entry.ref.kind === 'item') return { key, commentary, ...itemFacts(from.items.get(entry.ref.id), from.sources) };
  if (entry.ref.kind === 'highlight') {
    const highlight = from.highlights.get(entry.ref.id);
    const facts = itemFacts(highlight ? from.items.get(highlight.itemId) : undefined, from.sources);
    return { key, ...facts, ...(highlight ? { quote: highlight.exact } : { title: 'A removed highlight' }), commentary: commentary || highlight?.comment?.trim() || '' };
  }
  const note = from.notes.get(entry.ref.id);
  const slug = slugs.byId.get(entry.ref.id);
  return {
    key,
    title: note ? note.title || 'Untitled' : 'A removed note',
    ...(slug === undefined ? {} : { url: siteUrl(slug) }),
    ...(note && slug === undefined ? { quote: firstWords(note.text, 400) } : {}),
    commentary,
  };
}

/** Reads what a digest's entries point at, in a few bulk reads. */
export async function findSources(db: CommonplaceDb, digests: readonly Digest[]): Promise<FindSources> {
  const refs = digests.flatMap((digest) => digest.entries.map((entry) => entry.ref));
  const ids = (kind: DigestEntry['ref']['kind']) => [...new Set(refs.filter((ref) => ref.kind === kind).map((ref) => ref.id))];
  const highlights = (await db.highlights.bulkGet(ids('highlight'))).filter((row) => row !== undefined);
  const itemIds = [...new Set([...ids('item'), ...highlights.map((highlight) => highlight.itemId)])];
  const [items, notes, sources] = await Promise.all([db.items.bulkGet(itemIds), db.notes.bulkGet(ids('note')), db.sources.toArray()]);
  const byId = <T extends { id: Id }>(rows: ReadonlyArray<T | undefined>) => new Map(rows.filter((row): row is T => row !== undefined).map((row) => [row.id, row]));
  return { items: byId(items), notes: byId(notes), sources: byId(sources), highlights: byId(highlights) };
}

/** A digest as a post: its introduction, then each find with the curator's line about it. */
export function digestPost(digest: Digest, slug: string, from: FindSources, slugs: PostSlugs, options: { publishedAt: number; siteUrl: (slug: string) => string }): SitePost {
  const finds = digest.entries.map((entry) => find(entry, from, slugs, options.siteUrl));
  const noteTags = digest.entries.flatMap((entry) => (entry.ref.kind === 'note' ? (from.notes.get(entry.ref.id)?.tags ?? []) : []));
  const intro = digest.intro.trim();
  return {
    id: digest.id,
    kind: 'digest',
    slug,
    title: digest.title.trim() || 'Finds',
    summary: intro ? firstWords(intro) : firstWords(finds.map((one) => one.title).join(' · ')),
    bodyHtml: paragraphsHtml(intro),
    bodyMarkdown: intro,
    finds,
    tags: [...new Set(['finds', ...noteTags.filter((tag) => !isShareTag(tag))])].sort(),
    publishedAt: options.publishedAt,
    updatedAt: Math.max(digest.updatedAt, options.publishedAt),
  };
}
