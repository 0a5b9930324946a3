/**
 * The plain text of a note's Tiptap JSON, computed without an editor, so the data layer can keep
 * `Note.text` (search, previews, mention finding) exactly equal to what the editor's `getText()` gives.
 * It mirrors @tiptap/core's getTextBetween with the default block separator: '\n\n' before every block
 * node except the very first node of the document (at every depth, so a list item's paragraph gets one
 * too), text nodes' text, and the `renderText` of inline atoms (hardBreak '\n', wikiLink its shown text).
 * Offsets of wiki links are reported so callers can tell mentions inside a link from plain ones.
 */
import type { DocNode } from '../model';
import { wikiLinkNodeName, type WikiLinkAttrs } from './doc-nodes';
import { wikiLinkText } from './wiki-link-syntax';

export interface DocLinkSpan {
  attrs: WikiLinkAttrs;
  /** Offsets in the `text` returned with it. */
  start: number;
  end: number;
}

export const blockSeparator = '\n\n';

/**
 * Node types that ProseMirror treats as inline in Commonplace's schema. Everything else (paragraphs,
 * headings, lists, code blocks, citations, horizontal rules and images, which Tiptap's Image makes a
 * block unless configured `inline: true`) is a block and is preceded by the separator.
 */
const inlineNodeTypes = new Set(['text', 'hardBreak', wikiLinkNodeName, 'mention', 'emoji']);

/** Reads wiki link attributes defensively: the JSON may come from an older or foreign document. */
export function readWikiLinkAttrs(attrs: Record<string, unknown> | undefined): WikiLinkAttrs | undefined {
  const target = typeof attrs?.target === 'string' ? attrs.target.trim() : '';
  if (target === '') return undefined;
  const heading = typeof attrs?.heading === 'string' && attrs.heading.trim() !== '' ? attrs.heading : null;
  const label = typeof attrs?.label === 'string' && attrs.label.trim() !== '' ? attrs.label : null;
  return { target, heading, label, embed: attrs?.embed === true };
}

export function docTextWithLinks(doc: DocNode): { text: string; links: DocLinkSpan[] } {
  const { text, links } = walkDocText(doc);
  return { text, links };
}

/**
 * The walk behind docTextWithLinks, also giving where each text node's text starts in `text`
 * (keyed by the node object), so positions found in the doc can be shown in the plain text.
 */
export function walkDocText(doc: DocNode): { text: string; links: DocLinkSpan[]; textOffsets: Map<DocNode, number> } {
  let text = '';
  const links: DocLinkSpan[] = [];
  const textOffsets = new Map<DocNode, number>();
  let first = true;

  const visit = (node: DocNode): void => {
    const type = node.type ?? (typeof node.text === 'string' ? 'text' : '');
    // getTextBetween adds the separator when `node.isBlock && pos > 0`; only the first node visited sits at 0.
    if (!first && !inlineNodeTypes.has(type)) text += blockSeparator;
    first = false;
    if (type === 'text') {
      if (!textOffsets.has(node)) textOffsets.set(node, text.length);
      text += node.text ?? '';
      return;
    }
    if (type === 'hardBreak') {
      text += '\n';
      return;
    }
    if (type === wikiLinkNodeName) {
      const attrs = readWikiLinkAttrs(node.attrs);
      const shown = attrs ? wikiLinkText(attrs) : '';
      if (attrs) links.push({ attrs, start: text.length, end: text.length + shown.length });
      text += shown;
      return;
    }
    for (const child of node.content ?? []) visit(child);
  };

  for (const child of doc.content ?? []) visit(child);
  return { text, links, textOffsets };
}

export function docText(doc: DocNode): string {
  return docTextWithLinks(doc).text;
}
