import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocNode } from '../../shared/model';
import { citationNode, wikiLinkNode } from '../../shared/notes/doc-nodes';
import { docText } from '../../shared/notes/doc-text';
import { markdownToDoc } from './markdown';
import { noteExtensions } from './note-extensions';
import { typeText } from './testing/editor-input';

const editors: Editor[] = [];
function makeEditor(content: DocNode | string): Editor {
  const editor = new Editor({ extensions: noteExtensions(), content, injectCSS: false });
  editors.push(editor);
  return editor;
}
afterEach(() => {
  while (editors.length) editors.pop()!.destroy();
});

const rich: DocNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Title' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'see ' }, wikiLinkNode({ target: 'A', heading: 'h' }), { type: 'hardBreak' }, { type: 'text', text: '#tag' }] },
    { type: 'taskList', content: [{ type: 'taskItem', attrs: { checked: true }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'done' }] }] }] },
    { type: 'image', attrs: { src: 'https://example.com/a.png', alt: null, title: null } },
    citationNode({ highlightId: null, itemId: 'i', title: 'T', author: null, sourceTitle: null, link: null, publishedAt: null }, 'one\n\ntwo'),
    { type: 'codeBlock', attrs: { language: 'ts' }, content: [{ type: 'text', text: 'x' }] },
    { type: 'horizontalRule' },
    { type: 'paragraph' },
  ],
};

describe('noteExtensions', () => {
  it('gives editor.getText() equal to shared docText for every kind of node', () => {
    expect(makeEditor(rich).getText()).toBe(docText(rich));
  });

  it('gives getJSON() equal to what markdownToDoc produces for the same Markdown', () => {
    const markdown = '# T\n\n- [x] a\n\n1. b\n\n![i](https://example.com/i.png)\n\n[[L|l]] [w](https://example.com)\n\n```js\nc\n```';
    const doc = markdownToDoc(markdown);
    expect(makeEditor(doc).getJSON()).toEqual(doc);
  });

  it('links only web and mail addresses, from HTML and from typing', () => {
    const editor = makeEditor('<p><a href="javascript:alert(1)">bad</a> <a href="file:///etc/passwd">file</a> <a href="mailto:a@b.org">mail</a></p>');
    const marks = (editor.getJSON().content?.[0]?.content ?? []).flatMap((node) => node.marks ?? []);
    expect(marks.map((mark) => mark.attrs?.href)).toEqual(['mailto:a@b.org']);

    const typed = makeEditor({ type: 'doc', content: [{ type: 'paragraph' }] });
    typeText(typed, 'go https://example.com/x ');
    const linked = (typed.getJSON().content?.[0]?.content ?? []).find((node) => node.marks?.length);
    expect(linked?.marks?.[0]?.attrs?.href).toBe('https://example.com/x');
  });

  it('keeps images from the web and data: URLs only', () => {
    const editor = makeEditor('<img src="https://example.com/a.png"><img src="data:image/png;base64,AAAA"><img src="file:///x.png">');
    const srcs = (editor.getJSON().content ?? []).filter((node) => node.type === 'image').map((node) => node.attrs?.src);
    expect(srcs).toEqual(['https://example.com/a.png', 'data:image/png;base64,AAAA']);
  });

  it('gives each editor its own Markdown parser, so tokenizers do not pile up on a shared one', () => {
    const first = makeEditor('<p>x</p>');
    const second = makeEditor('<p>y</p>');
    expect(first.markdown?.instance).toBeDefined();
    expect(first.markdown?.instance).not.toBe(second.markdown?.instance);
    expect(second.markdown?.parse('[[Z]]').content?.[0]?.content?.[0]?.type).toBe('wikiLink');
  });
});
