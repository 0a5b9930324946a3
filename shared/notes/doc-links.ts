/**
 * What a note's Tiptap JSON links to, and the two edits the app makes to links without an editor:
 * following a rename (every `[[Old]]` becomes `[[New]]`) and turning an unlinked mention into a link.
 * Both are pure and immutable so the data layer can apply them to stored notes in one transaction.
 */
import type { DocMark, DocNode } from '../model';
import { citationNodeName, wikiLinkNode, wikiLinkNodeName, type WikiLinkAttrs } from './doc-nodes';
import { readWikiLinkAttrs, walkDocText } from './doc-text';
import { findMentions, type TextSpan } from './mentions';
import { titleKey } from './wiki-link-syntax';

export interface DocLinks {
  wikiLinks: WikiLinkAttrs[];
  /** From citation `attrs.itemId`, deduplicated, in document order. */
  itemIds: string[];
}

function forEachNode(node: DocNode, visit: (node: DocNode) => void): void {
  visit(node);
  for (const child of node.content ?? []) forEachNode(child, visit);
}

export function collectDocLinks(doc: DocNode): DocLinks {
  const wikiLinks: WikiLinkAttrs[] = [];
  const itemIds: string[] = [];
  forEachNode(doc, (node) => {
    if (node.type === wikiLinkNodeName) {
      const attrs = readWikiLinkAttrs(node.attrs);
      if (attrs) wikiLinks.push(attrs);
    } else if (node.type === citationNodeName) {
      const itemId = node.attrs?.itemId;
      if (typeof itemId === 'string' && itemId !== '' && !itemIds.includes(itemId)) itemIds.push(itemId);
    }
  });
  return { wikiLinks, itemIds };
}

/** Maps every node bottom-up, sharing unchanged subtrees; returns the same object when nothing changed. */
function mapNodes(node: DocNode, change: (node: DocNode) => DocNode): DocNode {
  let content = node.content;
  if (node.content) {
    const mapped = node.content.map((child) => mapNodes(child, change));
    if (mapped.some((child, index) => child !== node.content![index])) content = mapped;
  }
  const rebuilt = content === node.content ? node : { ...node, content };
  return change(rebuilt);
}

export function renameWikiLinkTargets(doc: DocNode, fromKeys: ReadonlySet<string>, newTarget: string): DocNode | undefined {
  const renamed = mapNodes(doc, (node) => {
    if (node.type !== wikiLinkNodeName || typeof node.attrs?.target !== 'string') return node;
    if (!fromKeys.has(titleKey(node.attrs.target)) || node.attrs.target === newTarget) return node;
    return { ...node, attrs: { ...node.attrs, target: newTarget } };
  });
  return renamed === doc ? undefined : renamed;
}

/** Text in these never becomes a link: code is literal, and a linked word already links somewhere. */
const excludedMarks = new Set(['code', 'link']);
/** Blocks whose text is literal; their schema does not allow a wiki link inside either. */
const literalBlocks = new Set(['codeBlock']);

function isEligibleText(node: DocNode): boolean {
  return node.type === 'text' && typeof node.text === 'string' && !(node.marks ?? []).some((mark: DocMark) => excludedMarks.has(mark.type));
}

/** A block whose children are inline: its text is searched as one string so word boundaries see neighbours. */
function isTextblock(node: DocNode): boolean {
  return (node.content ?? []).some((child) => child.type === 'text' || child.type === 'hardBreak' || child.type === wikiLinkNodeName);
}

function textPiece(source: DocNode, text: string): DocNode | undefined {
  return text === '' ? undefined : { ...source, text };
}

/** One occurrence that linkMention can turn into a link: inside one text node, at local offsets. */
interface LinkableMention {
  node: DocNode;
  start: number;
  end: number;
}

/**
 * Every linkable occurrence of `phrase`, in document order: whole words judged against the whole
 * textblock (atoms as U+FFFC), so "Note" in "Note" + bold "book" is not a word; skipped when in code,
 * a link mark, a code block, literal `[[…]]` text, or when it spans two text nodes.
 */
function linkableMentions(doc: DocNode, phrase: string): LinkableMention[] {
  const found: LinkableMention[] = [];
  const visit = (node: DocNode): void => {
    if (literalBlocks.has(node.type ?? '')) return;
    if (!isTextblock(node)) {
      for (const child of node.content ?? []) visit(child);
      return;
    }
    const children = node.content ?? [];
    const offsets: number[] = [];
    let joined = '';
    for (const child of children) {
      offsets.push(joined.length);
      joined += child.type === 'text' ? (child.text ?? '') : child.type === 'hardBreak' ? '\n' : '\uFFFC';
    }
    for (const span of findMentions(joined, phrase)) {
      const index = offsets.findLastIndex((offset) => offset <= span.start);
      const child = children[index]!;
      const start = span.start - offsets[index]!;
      const end = span.end - offsets[index]!;
      if (isEligibleText(child) && end <= child.text!.length) found.push({ node: child, start, end });
    }
  };
  visit(doc);
  return found;
}

/**
 * The occurrences linkMention counts, as spans in docText(doc), in the same order: the `occurrence`
 * to pass for the i-th span is i. Use with sentenceAround(docText(doc), span) to show them.
 */
export function docMentions(doc: DocNode, phrase: string): TextSpan[] {
  const { textOffsets } = walkDocText(doc);
  return linkableMentions(doc, phrase).map((mention) => {
    const base = textOffsets.get(mention.node) ?? 0;
    return { start: base + mention.start, end: base + mention.end };
  });
}

export function linkMention(doc: DocNode, phrase: string, target: string, occurrence = 0): DocNode | undefined {
  const mention = linkableMentions(doc, phrase)[occurrence];
  if (!mention || occurrence < 0) return undefined;
  const { node: textNode, start, end } = mention;
  let done = false;
  const result = mapNodes(doc, (node) => {
    const index = done ? -1 : (node.content ?? []).indexOf(textNode);
    if (index === -1) return node;
    done = true;
    const children = node.content!;
    const written = textNode.text!.slice(start, end);
    const link = wikiLinkNode({ target, label: written === target ? null : written });
    const pieces = [textPiece(textNode, textNode.text!.slice(0, start)), link, textPiece(textNode, textNode.text!.slice(end))];
    const replaced = pieces.filter((piece): piece is DocNode => piece !== undefined);
    return { ...node, content: [...children.slice(0, index), ...replaced, ...children.slice(index + 1)] };
  });
  return done ? result : undefined;
}
