/**
 * Shows `#tags` as tags without changing the document: a decoration wraps each one in
 * `<span class="note-hashtag">`, the text stays plain, so Markdown and the stored JSON keep `#tag`
 * exactly as typed. Which `#words` count is decided by shared/notes/tags.ts (Obsidian's rules), the
 * same function that fills the note's tag list, so what looks like a tag is a tag.
 */
import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { extractTags } from '../../../../shared/notes/tags';

export interface HashtagOptions {
  /** Class of the decoration span. */
  className: string;
}

export const hashtagKey = new PluginKey<DecorationSet>('hashtag');

const candidatePattern = /#([\p{L}\p{M}\p{N}_\-/]+)/gu;

/**
 * A textblock's text with one character per document position: inline nodes (wiki links, breaks)
 * and code-marked text become spaces, so offsets map straight back and a `#` in code is never a tag.
 */
function blockText(block: ProseMirrorNode): string {
  let text = '';
  block.forEach((child) => {
    if (child.isText && !child.marks.some((mark) => mark.type.spec.code)) text += child.text ?? '';
    else text += ' '.repeat(child.nodeSize);
  });
  return text;
}

/** [from, to) offsets of the tags in `text`, by extractTags' rules. */
export function findHashtags(text: string): Array<[number, number]> {
  const tags = new Set(extractTags(text).map((tag) => tag.toLowerCase()));
  if (tags.size === 0) return [];
  const found: Array<[number, number]> = [];
  for (const match of text.matchAll(candidatePattern)) {
    const tag = match[1]!.replace(/\/+$/, '');
    // extractTags decided which tags the text has; each candidate must also stand where a tag may start.
    const previous = text.slice(Math.max(0, match.index - 1), match.index);
    if (!tags.has(tag.toLowerCase()) || extractTags(`${previous}#${tag}`).length === 0) continue;
    found.push([match.index, match.index + 1 + tag.length]);
  }
  return found;
}

function blockDecorations(block: ProseMirrorNode, pos: number, className: string): Decoration[] {
  if (block.type.spec.code) return [];
  return findHashtags(blockText(block)).map(([from, to]) => Decoration.inline(pos + 1 + from, pos + 1 + to, { class: className }));
}

function decorate(doc: ProseMirrorNode, className: string): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    decorations.push(...blockDecorations(node, pos, className));
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

/** Ranges of the new doc a transaction touched, including mark-only steps (which map nothing). */
function touchedRanges(tr: Transaction): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  tr.steps.forEach((step, index) => {
    const after = tr.mapping.slice(index + 1);
    let mapped = false;
    step.getMap().forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      mapped = true;
      ranges.push([after.map(newStart, -1), after.map(newEnd, 1)]);
    });
    const { from, to } = step as unknown as { from?: number; to?: number };
    if (!mapped && typeof from === 'number' && typeof to === 'number') ranges.push([after.map(from, -1), after.map(to, 1)]);
  });
  return ranges;
}

/** Typing in a long note redoes only the textblocks the change touched. */
function redecorate(tr: Transaction, previous: DecorationSet, className: string): DecorationSet {
  const { doc } = tr;
  let set = previous.map(tr.mapping, doc);
  const done = new Set<number>();
  for (const [from, to] of touchedRanges(tr)) {
    const start = Math.max(0, Math.min(from, to) - 1);
    const end = Math.min(doc.content.size, Math.max(from, to) + 1);
    doc.nodesBetween(start, end, (node, pos) => {
      if (!node.isTextblock) return true;
      if (!done.has(pos)) {
        done.add(pos);
        set = set.remove(set.find(pos, pos + node.nodeSize)).add(doc, blockDecorations(node, pos, className));
      }
      return false;
    });
  }
  return set;
}

export const Hashtag = Extension.create<HashtagOptions>({
  name: 'hashtag',

  addOptions() {
    return { className: 'note-hashtag' };
  },

  addProseMirrorPlugins() {
    const { className } = this.options;
    return [
      new Plugin<DecorationSet>({
        key: hashtagKey,
        state: {
          init: (_config, state) => decorate(state.doc, className),
          apply: (tr, previous) => (tr.docChanged ? redecorate(tr, previous, className) : previous),
        },
        props: {
          decorations: (state) => hashtagKey.getState(state),
        },
      }),
    ];
  },
});
