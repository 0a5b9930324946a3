// Expected strings were checked against @tiptap/core's getText (StarterKit, Image, task lists and the
// app's wikiLink/citation nodes) with the default block separator; shared/ cannot import Tiptap itself.
import { describe, expect, test } from 'vitest';
import type { DocNode } from '../model';
import { wikiLinkNode } from './doc-nodes';
import { docText, docTextWithLinks, readWikiLinkAttrs } from './doc-text';

const t = (text: string, marks?: DocNode['marks']): DocNode => ({ type: 'text', text, ...(marks ? { marks } : {}) });
const p = (...content: DocNode[]): DocNode => (content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' });
const doc = (...content: DocNode[]): DocNode => ({ type: 'doc', content });
const item = (...content: DocNode[]): DocNode => ({ type: 'listItem', content });

describe('docText mirrors editor.getText()', () => {
  test.each<[string, DocNode, string]>([
    ['empty doc', { type: 'doc' }, ''],
    ['one empty paragraph', doc(p()), ''],
    ['two paragraphs', doc(p(t('a')), p(t('b'))), 'a\n\nb'],
    ['an empty first paragraph still separates', doc(p(), p(t('x'))), '\n\nx'],
    ['heading, hard break and marks', doc({ type: 'heading', attrs: { level: 1 }, content: [t('H')] }, p(t('a'), { type: 'hardBreak' }, t('b', [{ type: 'bold' }]))), 'H\n\na\nb'],
    [
      'nested bullet list: a separator before every block at every depth',
      doc({ type: 'bulletList', content: [item(p(t('one')), { type: 'bulletList', content: [item(p(t('two')))] }), item(p(t('three')))] }),
      '\n\n\n\none\n\n\n\n\n\ntwo\n\n\n\nthree',
    ],
    ['task list', doc(p(t('x')), { type: 'taskList', content: [{ type: 'taskItem', attrs: { checked: true }, content: [p(t('done'))] }] }), 'x\n\n\n\n\n\ndone'],
    [
      'code block keeps its text; rule and image add only separators',
      doc(p(t('x')), { type: 'codeBlock', attrs: { language: 'ts' }, content: [t('let a;\n\nlet b;')] }, { type: 'horizontalRule' }, { type: 'image', attrs: { src: 'x.png' } }, p(t('end'))),
      'x\n\nlet a;\n\nlet b;\n\n\n\n\n\nend',
    ],
    ['wiki links show their text', doc(p(t('see '), wikiLinkNode({ target: 'A', heading: 'h' }), t(' and '), wikiLinkNode({ target: 'B', label: 'bee', embed: true }))), 'see A > h and bee'],
    [
      'citation reads like a blockquote',
      doc({ type: 'citation', attrs: { title: 'T', itemId: 'i' }, content: [p(t('q1')), p(t('q2'))] }, { type: 'blockquote', content: [p(t('bq'))] }, { type: 'orderedList', content: [item(p(t('o')))] }),
      '\n\nq1\n\nq2\n\n\n\nbq\n\n\n\n\n\no',
    ],
    ['a wiki link without a target shows nothing', doc(p(t('a'), { type: 'wikiLink', attrs: { target: '  ' } }, t('b'))), 'ab'],
  ])('%s', (_name, input, expected) => {
    expect(docText(input)).toBe(expected);
    expect(docTextWithLinks(input).text).toBe(expected);
  });
});

describe('docTextWithLinks', () => {
  test('reports each link with its offsets in the text', () => {
    const input = doc(p(t('Intro')), p(t('see '), wikiLinkNode({ target: 'Alpha' }), t(', '), wikiLinkNode({ target: 'Beta', heading: 'Part', label: 'b' })));
    const { text, links } = docTextWithLinks(input);
    expect(links.map((link) => [link.attrs.target, text.slice(link.start, link.end)])).toEqual([
      ['Alpha', 'Alpha'],
      ['Beta', 'b'],
    ]);
    expect(links[1]!.attrs).toEqual({ target: 'Beta', heading: 'Part', label: 'b', embed: false });
  });
});

describe('readWikiLinkAttrs', () => {
  test.each<[string, Record<string, unknown> | undefined, unknown]>([
    ['full', { target: 'A', heading: 'h', label: 'l', embed: true }, { target: 'A', heading: 'h', label: 'l', embed: true }],
    ['target trimmed, blanks become null', { target: ' A ', heading: '', label: ' ' }, { target: 'A', heading: null, label: null, embed: false }],
    ['no target', { heading: 'h' }, undefined],
    ['non-string target', { target: 3 }, undefined],
    ['no attrs', undefined, undefined],
  ])('%s', (_name, attrs, expected) => {
    expect(readWikiLinkAttrs(attrs)).toEqual(expected);
  });
});
