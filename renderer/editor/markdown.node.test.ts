// @vitest-environment node
// The vault importer's benchmark converts notes in plain Node: the converter must not need a DOM.
import { describe, expect, it } from 'vitest';
import { wikiLinkNode } from '../../shared/notes/doc-nodes';
import { docToMarkdown, markdownToDoc } from './markdown';

describe('markdown without a DOM', () => {
  it('runs where there is no window or document', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
    const doc = markdownToDoc('# A\n\n- [ ] x\n\n[[B|b]] #tag');
    expect(doc.content?.[2]?.content?.[0]).toEqual(wikiLinkNode({ target: 'B', label: 'b' }));
    expect(docToMarkdown(doc)).toBe('# A\n\n- [ ] x\n\n[[B|b]] #tag');
  });

  it('keeps raw HTML as literal text there', () => {
    expect(markdownToDoc('<b>x</b> y').content?.[0]?.content).toEqual([{ type: 'text', text: '<b>x</b> y' }]);
  });
});
