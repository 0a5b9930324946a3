import { getSchema } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import type { DocNode } from '../../shared/model';
import { citationNode, wikiLinkNode, type CitationAttrs } from '../../shared/notes/doc-nodes';
import { docText } from '../../shared/notes/doc-text';
import { escapeBlockStarts } from './markdown-paragraph';
import { docToMarkdown, markdownToDoc } from './markdown';
import { noteExtensions } from './note-extensions';

const schema = getSchema(noteExtensions());

/** Parses and checks against the editor's schema: markdownToDoc must never produce an invalid note. */
function parse(markdown: string): DocNode {
  const doc = markdownToDoc(markdown);
  expect(() => schema.nodeFromJSON(doc).check()).not.toThrow();
  return doc;
}

const doc = (...content: DocNode[]): DocNode => ({ type: 'doc', content });
const p = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });
const t = (text: string, ...marks: string[]): DocNode => (marks.length ? { type: 'text', text, marks: marks.map((type) => ({ type })) } : { type: 'text', text });

// Markdown that must come back exactly as written (it is already in the canonical form).
const stable: Array<[string, string]> = [
  ['headings', '# One\n\n## Two\n\n###### Six'],
  ['bold, italic, code, strike', 'a **bold** and *italic* and `co*de` and ~~gone~~'],
  ['bullet list', '- one\n- two'],
  ['ordered list', '1. one\n2. two'],
  ['nested lists', '- one\n  - inner\n    - deeper\n- two'],
  ['ordered with nested bullets', '1. one\n2. two\n   - nested'],
  ['task list', '- [ ] open\n- [x] done\n  - [ ] nested'],
  ['blockquote', '> quoted\n>\n> second'],
  ['code block with language', '```ts\nconst x = 1 < 2;\n```'],
  ['link', 'see [the site](https://example.com/a_b) now'],
  ['image by URL', '![a chart](https://example.com/chart.png)'],
  ['image as data: URL', '![](data:image/png;base64,iVBORw0KGgo=)'],
  ['horizontal rule', 'above\n\n---\n\nbelow'],
  ['hard break', 'line one  \nline two'],
  ['wiki links of every form', '[[A]] [[B|b]] [[C#h]] [[D#h|d]] ![[e.png]]'],
  ['hashtags as plain text', '#tag in text and #nested/tag'],
  ['escaped inline syntax', '\\*not bold\\* and \\[\\[not a link\\]\\] and snake\\_case'],
];

describe('markdown round trip', () => {
  it.each(stable)('%s', (_name, markdown) => {
    expect(docToMarkdown(parse(markdown))).toBe(markdown);
  });

  it('is stable from JSON: doc → Markdown → doc gives the same doc', () => {
    const original = doc(
      { type: 'heading', attrs: { level: 2 }, content: [t('Title')] },
      p(t('bold', 'bold'), t(' and '), wikiLinkNode({ target: 'Note', heading: 'Part', label: 'shown' }), t(' #tag')),
      { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('item'))] }] },
      { type: 'codeBlock', attrs: { language: 'js' }, content: [t('let a = "[[x]]";')] },
      { type: 'horizontalRule' },
      { type: 'image', attrs: { src: 'https://example.com/a.png', alt: 'a', title: null } },
    );
    const again = parse(docToMarkdown(original));
    expect(again).toEqual(parse(docToMarkdown(again)));
    expect(docText(again)).toBe(docText(original));
  });
});

describe('markdownToDoc', () => {
  it('reads the importer example', () => {
    expect(parse('# A\n\n- [ ] x\n\n[[B|b]] #tag')).toEqual(
      doc(
        { type: 'heading', attrs: { level: 1 }, content: [t('A')] },
        { type: 'taskList', content: [{ type: 'taskItem', attrs: { checked: false }, content: [p(t('x'))] }] },
        p(wikiLinkNode({ target: 'B', label: 'b' }), t(' #tag')),
      ),
    );
  });

  it('keeps the code block language', () => {
    expect(parse('```python\nprint(1)\n```').content?.[0]).toEqual({ type: 'codeBlock', attrs: { language: 'python' }, content: [t('print(1)')] });
  });

  it('lifts an image out of a paragraph of text, keeping the text on both sides', () => {
    expect(parse('before ![i](https://x.org/i.png) after')).toEqual(
      doc(p(t('before')), { type: 'image', attrs: { src: 'https://x.org/i.png', alt: 'i', title: null, width: null, height: null } }, p(t('after'))),
    );
  });

  it('keeps a list item valid when it holds only an image', () => {
    const item = parse('- ![i](https://x.org/i.png)').content?.[0]?.content?.[0];
    expect(item?.content?.map((node) => node.type)).toEqual(['paragraph', 'image']);
  });

  it('drops the empty paragraphs blank lines between list items leave (upstream 8330)', () => {
    const list = parse('- a\n- b\n\n\n- c').content?.[0];
    expect(list?.content?.map((item) => item.content?.length)).toEqual([1, 1, 1]);
    expect(docToMarkdown(parse('- a\n\n- b'))).toBe('- a\n- b');
  });

  it('refuses javascript: links and foreign image addresses without losing the words', () => {
    const parsed = parse('[click](javascript:alert(1)) ![x](file:///etc/passwd)');
    expect(JSON.stringify(parsed)).not.toContain('"link"');
    expect(docText(parsed)).toBe('click ![x](file:///etc/passwd)');
  });

  it('keeps mailto: links', () => {
    expect(parse('[mail](mailto:a@b.org)').content?.[0]?.content?.[0]?.marks?.[0]?.attrs?.href).toBe('mailto:a@b.org');
  });

  it('reads Windows line endings', () => {
    expect(parse('# A\r\n\r\ntext')).toEqual(parse('# A\n\ntext'));
  });

  it('reads a blockquote as a blockquote, even one that looks like an exported citation', () => {
    const parsed = parse('> words\n>\n> — [Title](<https://x.org>), Ann');
    expect(parsed.content?.[0]?.type).toBe('blockquote');
  });
});

describe('docToMarkdown', () => {
  const attrs: CitationAttrs = {
    highlightId: 'h1',
    itemId: 'i1',
    title: 'On [Notes]',
    author: 'Ann Author',
    sourceTitle: 'The Blog',
    link: 'https://example.com/post',
    publishedAt: Date.UTC(2026, 10, 20),
  };

  it('writes a citation as a blockquote ending with its source line', () => {
    expect(docToMarkdown(doc(citationNode(attrs, 'First words.\n\nSecond *words*.')))).toBe(
      '> First words.\n>\n> Second \\*words\\*.\n>\n> — [On \\[Notes\\]](<https://example.com/post>), Ann Author, The Blog, 20 November 2026',
    );
  });

  it('writes a citation without a link as plain title', () => {
    expect(docToMarkdown(doc(citationNode({ ...attrs, link: null, author: null, sourceTitle: null, publishedAt: null, title: 'Book' }, 'q')))).toBe('> q\n>\n> — Book');
  });

  it('a citation read back is a blockquote with the same words and the source as its last paragraph', () => {
    const back = parse(docToMarkdown(doc(citationNode(attrs, 'Only words.'))));
    expect(back.content?.[0]?.type).toBe('blockquote');
    expect(docText(back).trim()).toBe('Only words.\n\n— On [Notes], Ann Author, The Blog, 20 November 2026');
  });

  it.each([
    ['1. not a list', '1\\. not a list'],
    ['# not a heading', '\\# not a heading'],
    ['- not a bullet', '\\- not a bullet'],
    ['> not a quote', '&gt; not a quote'],
    ['+ not a bullet', '\\+ not a bullet'],
    ['---', '\\---'],
  ])('escapes block syntax at the start of a paragraph: %s', (text, markdown) => {
    const original = doc(p(t(text)));
    expect(docToMarkdown(original)).toBe(markdown);
    expect(parse(docToMarkdown(original))).toEqual(original);
  });

  it('escapes block syntax after a hard break too', () => {
    const original = doc(p(t('a'), { type: 'hardBreak' }, t('2. b'), { type: 'hardBreak' }, t('===')));
    expect(parse(docToMarkdown(original))).toEqual(original);
  });

  it('wraps an image address with spaces in <…>', () => {
    const original = doc({ type: 'image', attrs: { src: 'https://x.org/a b.png', alt: 'a', title: null, width: null, height: null } });
    expect(docToMarkdown(original)).toBe('![a](<https://x.org/a b.png>)');
    expect(parse(docToMarkdown(original))).toEqual(original);
  });

  it('returns an empty string for an empty note', () => {
    expect(docToMarkdown(doc(p()))).toBe('');
  });
});

describe('escapeBlockStarts', () => {
  it.each([
    ['plain', 'plain'],
    ['#tag', '#tag'],
    ['+1 vote', '+1 vote'],
    ['2024 was', '2024 was'],
    ['a - b', 'a - b'],
  ])('leaves %s alone', (input, output) => {
    expect(escapeBlockStarts(input)).toBe(output);
  });
});
