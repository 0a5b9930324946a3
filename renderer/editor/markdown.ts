/**
 * A note's Tiptap JSON to Markdown and back, without an editor and without a DOM: @tiptap/markdown's
 * MarkdownManager needs only the extension list (the editor's own, see note-extensions.ts) and marked.
 * So the vault importer, the exporter and their benchmarks run in plain Node as well as in the app.
 *
 * The JSON stays the canonical form; Markdown is for other apps. What does not survive the trip:
 * citations come back as plain blockquotes (the attrs have no Markdown form), raw HTML in Markdown is
 * read as elements in a browser but kept as literal text where there is no DOM (Node), and blank lines
 * inside lists are dropped.
 */
import { getSchema } from '@tiptap/core';
import { MarkdownManager } from '@tiptap/markdown';
import type { Schema } from '@tiptap/pm/model';
import { Marked, type marked } from 'marked';
import type { DocMark, DocNode } from '../../shared/model';
import { noteExtensions } from './note-extensions';
import { isAllowedImageSrc, isAllowedLinkHref } from './safe-urls';

let converter: { manager: MarkdownManager; schema: Schema } | undefined;

function markdownConverter(): { manager: MarkdownManager; schema: Schema } {
  if (!converter) {
    // One for the process: building the manager registers the tokenizers with its (private) marked instance.
    const extensions = noteExtensions();
    converter = {
      manager: new MarkdownManager({ extensions, marked: new Marked() as unknown as typeof marked }),
      schema: getSchema(extensions),
    };
  }
  return converter;
}

export function docToMarkdown(doc: DocNode): string {
  return markdownConverter().manager.serialize(doc);
}

/**
 * The doc exactly as the editor's getJSON() would give it (every attribute, defaults included), so a
 * note imported from Markdown does not change shape the first time it is opened.
 */
export function markdownToDoc(markdown: string): DocNode {
  const { manager, schema } = markdownConverter();
  const source = markdown.replace(/\r\n?/g, '\n');
  const parsed = normalizeDoc(manager.parse(source) as DocNode);
  try {
    const node = schema.nodeFromJSON(parsed);
    node.check();
    return node.toJSON() as DocNode;
  } catch {
    // Something normalizeDoc does not know how to repair: keep every word as plain paragraphs rather
    // than store a note the editor cannot open.
    return plainTextDoc(source);
  }
}

function plainTextDoc(source: string): DocNode {
  const paragraphs = source
    .split(/\n{2,}/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return {
    type: 'doc',
    content: paragraphs.length > 0 ? paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) : [{ type: 'paragraph' }],
  };
}

/** Nodes Markdown writes inline that the schema keeps as blocks. */
const blockInInline = new Set(['image']);
/** Containers whose first child must be a paragraph. */
const paragraphFirst = new Set(['listItem', 'taskItem']);
const textblocks = new Set(['paragraph', 'heading']);

function isEmptyParagraph(node: DocNode): boolean {
  return node.type === 'paragraph' && (node.content ?? []).length === 0;
}

/** An image whose address the note may not hold becomes its Markdown text, so nothing is silently lost. */
function safeNode(node: DocNode): DocNode {
  if (node.type !== 'image') return node;
  const src = typeof node.attrs?.src === 'string' ? node.attrs.src : '';
  if (isAllowedImageSrc(src)) return node;
  const alt = typeof node.attrs?.alt === 'string' ? node.attrs.alt : '';
  return { type: 'text', text: `![${alt}](${src})` };
}

function safeMarks(marks: DocMark[] | undefined): DocMark[] | undefined {
  if (!marks) return undefined;
  const kept = marks.filter((mark) => mark.type !== 'link' || isAllowedLinkHref(String(mark.attrs?.href ?? '')));
  return kept.length > 0 ? kept : undefined;
}

/** Splits a paragraph or heading around the block nodes inside it (`text ![](x.png) text`). */
function hoistBlocks(node: DocNode): DocNode[] {
  const content = node.content ?? [];
  if (!textblocks.has(node.type ?? '') || !content.some((child) => blockInInline.has(child.type ?? ''))) return [node];
  const out: DocNode[] = [];
  let run: DocNode[] = [];
  const flush = () => {
    // Drop the spaces left around a hoisted image; keep a run with any real content.
    const trimmed = trimRun(run);
    if (trimmed.length > 0) out.push({ ...node, content: trimmed });
    run = [];
  };
  for (const child of content) {
    if (blockInInline.has(child.type ?? '')) {
      flush();
      out.push(child);
    } else run.push(child);
  }
  flush();
  return out;
}

function trimRun(run: DocNode[]): DocNode[] {
  const nodes = run.map((node) => ({ ...node }));
  const first = nodes[0];
  if (first?.type === 'text') first.text = (first.text ?? '').trimStart();
  const last = nodes[nodes.length - 1];
  if (last?.type === 'text') last.text = (last.text ?? '').trimEnd();
  const kept = nodes.filter((node) => node.type !== 'text' || (node.text ?? '') !== '');
  return kept.some((node) => node.type !== 'hardBreak') ? kept : [];
}

/**
 * Makes the parsed JSON valid for the schema and safe to store: block nodes out of textblocks,
 * no `javascript:` links or foreign image addresses, no empty text nodes, and no empty paragraphs
 * that blank lines between list items leave behind (upstream issue 8330).
 */
function normalizeDoc(node: DocNode): DocNode {
  const out: DocNode = { ...node };
  if (node.marks) {
    const marks = safeMarks(node.marks);
    if (marks) out.marks = marks;
    else delete out.marks;
  }
  if (!node.content) return out;
  let children = node.content
    .map(safeNode)
    .filter((child) => child.type !== 'text' || (child.text ?? '') !== '')
    .map(normalizeDoc)
    .flatMap(hoistBlocks);
  if (paragraphFirst.has(node.type ?? '')) {
    children = children.filter((child, index) => index === 0 || !isEmptyParagraph(child));
    if (children[0]?.type !== 'paragraph') children.unshift({ type: 'paragraph', content: [] });
  }
  out.content = children;
  return out;
}
