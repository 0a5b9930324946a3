/**
 * The `#tags` a note's doc carries. Tags are read from the doc, not from its plain text, because the
 * plain text has lost the code marks: `#define` in inline code or `#include` in a code block is code,
 * not a tag (Obsidian agrees), and a wiki link's shown text is a title, not the user's tag.
 */
import type { DocNode } from '../model';
import { wikiLinkNodeName } from './doc-nodes';
import { extractTags } from './tags';

const skippedBlocks = new Set(['codeBlock']);

export function docTags(doc: DocNode): string[] {
  const parts: string[] = [];
  const visit = (node: DocNode): void => {
    if (node.type !== undefined && skippedBlocks.has(node.type)) {
      parts.push('\n');
      return;
    }
    if (typeof node.text === 'string') {
      // A space keeps the words either side of the code apart, so `a`+code+`#b` cannot join into a tag.
      parts.push(node.marks?.some((mark) => mark.type === 'code') ? ' ' : node.text);
      return;
    }
    if (node.type === wikiLinkNodeName || node.type === 'hardBreak') {
      parts.push(' ');
      return;
    }
    for (const child of node.content ?? []) visit(child);
    // Blocks end a line, so a tag at the end of one paragraph never runs into the next.
    if (node.content) parts.push('\n');
  };
  visit(doc);
  return extractTags(parts.join(''));
}
