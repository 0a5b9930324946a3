/**
 * Tiptap's paragraph, with Markdown output that cannot turn into another block when read back.
 * @tiptap/markdown backslash-escapes inline syntax (`*`, `_`, `[`…) but not what starts a block at
 * the beginning of a line, so a paragraph reading "1. item" or "# not a heading" came back as a list
 * or a heading (upstream issue 8134). The escapes here are read back as the plain characters.
 */
import Paragraph from '@tiptap/extension-paragraph';

/** Escapes block syntax at the start of each line of a paragraph's rendered Markdown. */
export function escapeBlockStarts(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) =>
      line
        // ATX heading (`# x`), blockquote (`> x`), bullet (`- x`, `+ x`; `*` is already escaped)
        .replace(/^( {0,3})(#{1,6}(?=\s|$)|>|[-+](?=\s|$))/, '$1\\$2')
        // ordered list item: `1. x`, `1) x`
        .replace(/^( {0,3}\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
        // setext underline or thematic break made of `=` or `-` (after a hard break)
        .replace(/^( {0,3})([=-])(?=[=\-\s]*$)/, '$1\\$2'),
    )
    .join('\n');
}

export const MarkdownParagraph = Paragraph.extend({
  renderMarkdown(node, helpers, context) {
    const rendered = this.parent?.(node, helpers, context) ?? '';
    return escapeBlockStarts(rendered);
  },
});
