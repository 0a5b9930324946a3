import { Editor } from '@tiptap/core';
import { MarkdownManager } from '@tiptap/markdown';
import StarterKit from '@tiptap/starter-kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocNode } from '../../../../shared/model';
import { citationNode, type CitationAttrs } from '../../../../shared/notes/doc-nodes';
import { docText } from '../../../../shared/notes/doc-text';
import { Citation, type CitationOptions } from './citation';

const attrs: CitationAttrs = {
  highlightId: 'h-1',
  itemId: 'item-1',
  title: 'The Essay',
  author: 'Ann Author',
  sourceTitle: 'A Blog',
  link: 'https://example.com/essay',
  publishedAt: Date.UTC(2026, 10, 20),
};

const editors: Editor[] = [];
function makeEditor(content: DocNode | string, options: Partial<CitationOptions> = {}): Editor {
  const editor = new Editor({ extensions: [StarterKit, Citation.configure(options)], content, injectCSS: false });
  editors.push(editor);
  return editor;
}
afterEach(() => {
  while (editors.length) editors.pop()!.destroy();
});

const doc = (...content: DocNode[]): DocNode => ({ type: 'doc', content });

describe('Citation', () => {
  it('shows the quote with a non-editable footer naming the source and an "Open in reader" button', () => {
    const onOpenItem = vi.fn();
    const editor = makeEditor(doc(citationNode(attrs, 'Quoted words.')), { onOpenItem });
    const quote = editor.view.dom.querySelector('blockquote.note-citation[data-citation]')!;
    expect(quote.querySelector('.note-citation__quote')?.textContent).toBe('Quoted words.');
    const footer = quote.querySelector('footer')!;
    expect(footer.getAttribute('contenteditable')).toBe('false');
    expect(footer.querySelector('cite')?.textContent).toBe('The Essay — Ann Author, A Blog, 20 November 2026');
    const button = footer.querySelector('button')!;
    expect(button.textContent).toBe('Open in reader');
    button.click();
    expect(onOpenItem).toHaveBeenCalledWith('item-1');
  });

  it('has no "Open in reader" when the quote is not from a library item', () => {
    const editor = makeEditor(doc(citationNode({ ...attrs, itemId: null }, 'q')));
    expect(editor.view.dom.querySelector('footer button')).toBeNull();
  });

  it('redraws the footer when the attrs change', () => {
    const editor = makeEditor(doc(citationNode(attrs, 'q')));
    editor.commands.command(({ tr }) => {
      tr.setNodeMarkup(0, undefined, { ...attrs, title: 'Renamed', author: null, sourceTitle: null, publishedAt: null });
      return true;
    });
    expect(editor.view.dom.querySelector('cite')?.textContent).toBe('Renamed');
  });

  it('keeps only the quoted words as text, as shared docText does', () => {
    const content = doc(citationNode(attrs, 'One.\n\nTwo.'), { type: 'paragraph', content: [{ type: 'text', text: 'after' }] });
    const editor = makeEditor(content);
    expect(editor.getText()).toBe(docText(content));
    expect(editor.getText()).not.toContain('The Essay');
  });

  it('renders HTML that parses back to the same node, footer ignored', () => {
    const original = doc(citationNode(attrs, 'One.\n\nTwo.'));
    const html = makeEditor(original).getHTML();
    expect(html).toContain('data-citation=""');
    expect(html).toContain('<footer contenteditable="false"');
    expect(makeEditor(html).getJSON()).toEqual(original);
  });

  it('parses a citation without optional attrs', () => {
    const bare = makeEditor('<blockquote data-citation="" data-title="T"><div class="note-citation__quote"><p>x</p></div></blockquote>');
    expect(bare.getJSON().content?.[0]).toEqual(citationNode({ highlightId: null, itemId: null, title: 'T', author: null, sourceTitle: null, link: null, publishedAt: null }, 'x'));
  });

  it('writes Markdown as a blockquote whose last line is the source; plain blockquotes read back as blockquotes', () => {
    const manager = new MarkdownManager({ extensions: [StarterKit, Citation] });
    const markdown = manager.serialize(doc(citationNode(attrs, 'Quoted words.')));
    expect(markdown).toBe('> Quoted words.\n>\n> — [The Essay](<https://example.com/essay>), Ann Author, A Blog, 20 November 2026');
    expect(manager.parse(markdown).content?.[0]?.type).toBe('blockquote');
  });
});
