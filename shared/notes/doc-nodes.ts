/**
 * The names and attributes of Commonplace's own nodes in a note's Tiptap JSON. The editor's
 * extensions (renderer/editor/extensions) render them; the data layer and the vault importer build
 * and read them without an editor. Both sides import these shapes, so they cannot drift apart.
 */
import type { DocNode, EpochMs, Id } from '../model';
import type { WikiLinkParts } from './wiki-link-syntax';

/** Inline atom: `{ type: 'wikiLink', attrs: WikiLinkAttrs }`. */
export const wikiLinkNodeName = 'wikiLink';
export type WikiLinkAttrs = WikiLinkParts;

/**
 * Block: a quote with where it came from. `{ type: 'citation', attrs: CitationAttrs, content: [paragraph…] }`;
 * the paragraphs are the quoted words. Shown as a blockquote with a footer naming the source.
 */
export const citationNodeName = 'citation';
export interface CitationAttrs {
  /** The highlight this quote came from, when it came from one. */
  highlightId: Id | null;
  /** The item quoted; the note's "Open in reader" goes there, and the links index records it. */
  itemId: Id | null;
  title: string;
  author: string | null;
  /** Feed or site name. */
  sourceTitle: string | null;
  /** The original web address (http/https only). */
  link: string | null;
  publishedAt: EpochMs | null;
}

export function wikiLinkNode(parts: Pick<WikiLinkParts, 'target'> & Partial<WikiLinkParts>): DocNode {
  const attrs: WikiLinkAttrs = { target: parts.target, heading: parts.heading ?? null, label: parts.label ?? null, embed: parts.embed ?? false };
  return { type: wikiLinkNodeName, attrs: { ...attrs } };
}

export function citationNode(attrs: CitationAttrs, quote: string): DocNode {
  const paragraphs = quote
    .split(/\n{2,}/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return {
    type: citationNodeName,
    attrs: { ...attrs },
    content: (paragraphs.length > 0 ? paragraphs : ['']).map((part) =>
      part === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text: part }] },
    ),
  };
}
