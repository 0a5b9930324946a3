import { describe, expect, it } from 'vitest';
import type { DocNode } from '../model';
import { wikiLinkNode } from './doc-nodes';
import { docTags } from './doc-tags';

const doc = (...content: DocNode[]): DocNode => ({ type: 'doc', content });
const paragraph = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });
const text = (value: string, ...marks: string[]): DocNode => (marks.length ? { type: 'text', text: value, marks: marks.map((type) => ({ type })) } : { type: 'text', text: value });

describe('docTags', () => {
  it.each<[string, DocNode, string[]]>([
    ['plain tags in order', doc(paragraph(text('Read #pkm and #area/topic today'))), ['pkm', 'area/topic']],
    ['a tag in bold still counts', doc(paragraph(text('see '), text('#bold', 'bold'))), ['bold']],
    ['inline code is not a tag', doc(paragraph(text('use '), text('#define', 'code'), text(' in C #c'))), ['c']],
    ['code blocks are not tags', doc({ type: 'codeBlock', content: [text('#include <stdio.h>')] }, paragraph(text('#real'))), ['real']],
    ['code between words does not join them', doc(paragraph(text('a'), text('x', 'code'), text('#b'))), ['b']],
    ['wiki links are titles, not tags', doc(paragraph(wikiLinkNode({ target: 'Note', heading: 'Part' }), text(' #t'))), ['t']],
    ['paragraphs do not run together', doc(paragraph(text('end #one')), paragraph(text('two'))), ['one']],
    ['nested lists', doc({ type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('#inlist'))] }] }), ['inlist']],
    ['empty doc', doc(), []],
  ])('%s', (_name, input, expected) => {
    expect(docTags(input)).toEqual(expected);
  });
});
