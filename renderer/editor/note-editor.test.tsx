import type { Editor } from '@tiptap/core';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createRef, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocNode } from '../../shared/model';
import { citationNode, wikiLinkNode } from '../../shared/notes/doc-nodes';
import { NoteEditor, type NoteEditorHandle } from './note-editor';
import { typeText } from './testing/editor-input';

afterEach(cleanup);

const emptyDoc: DocNode = { type: 'doc', content: [{ type: 'paragraph' }] };
const textDoc = (text: string): DocNode => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

function editorOf(): Editor {
  const dom = screen.getByRole('textbox', { name: 'Note body' }) as HTMLElement & { editor?: Editor };
  return dom.editor!;
}

describe('NoteEditor', () => {
  it('shows the body as a labelled multi-line textbox with a formatting toolbar', () => {
    render(<NoteEditor doc={textDoc('hello')} onChange={() => undefined} />);
    const body = screen.getByRole('textbox', { name: 'Note body' });
    expect(body.getAttribute('aria-multiline')).toBe('true');
    expect(body.classList.contains('note-editor__content')).toBe(true);
    expect(body.textContent).toBe('hello');
    const toolbar = screen.getByRole('toolbar', { name: 'Formatting' });
    const names = [...toolbar.querySelectorAll('button')].map((b) => b.textContent);
    expect(names).toEqual(['Bold', 'Italic', 'Heading', 'Bullet list', 'Task list', 'Quote', 'Code block', 'Link', 'Image by URL', 'Horizontal rule']);
    // No inline <style>: the CSP forbids it.
    expect(document.querySelector('style')).toBeNull();
  });

  it('turns "# " into a heading and reports every change as JSON', () => {
    const onChange = vi.fn();
    render(<NoteEditor doc={emptyDoc} onChange={onChange} />);
    const editor = editorOf();
    act(() => typeText(editor, '# Title'));
    const last = onChange.mock.calls.at(-1)![0] as DocNode;
    expect(last.content?.[0]).toEqual({ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Title' }] });
  });

  it('turns "[ ] " into a task list and "> " into a quote', () => {
    render(<NoteEditor doc={emptyDoc} onChange={() => undefined} />);
    const editor = editorOf();
    act(() => typeText(editor, '> quoted'));
    expect(editor.getJSON().content?.[0]?.type).toBe('blockquote');
    act(() => {
      editor.commands.setContent(emptyDoc);
      typeText(editor, '[ ] task');
    });
    expect(editor.getJSON().content?.[0]?.type).toBe('taskList');
  });

  it('toggles bold from the toolbar and shows it pressed', () => {
    render(<NoteEditor doc={textDoc('word')} onChange={() => undefined} />);
    const editor = editorOf();
    act(() => {
      editor.commands.selectAll();
    });
    const bold = screen.getByRole('button', { name: 'Bold' });
    expect(bold.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(bold);
    expect(editor.getJSON().content?.[0]?.content?.[0]?.marks).toEqual([{ type: 'bold' }]);
    expect(bold.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Horizontal rule' }).hasAttribute('aria-pressed')).toBe(false);
  });

  it('sets a link from the address form and refuses javascript: addresses, in words', () => {
    render(<NoteEditor doc={textDoc('site')} onChange={() => undefined} />);
    const editor = editorOf();
    act(() => {
      editor.commands.selectAll();
    });
    fireEvent.click(screen.getByRole('button', { name: 'Link' }));
    const address = screen.getByRole('textbox', { name: 'Link address' });
    fireEvent.change(address, { target: { value: 'javascript:alert(1)' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(screen.getByRole('alert').textContent).toMatch(/web \(http, https\) and mail/);
    expect(editor.isActive('link')).toBe(false);
    fireEvent.change(address, { target: { value: 'example.com/page' } });
    fireEvent.submit(address.closest('form')!);
    expect(screen.queryByRole('textbox', { name: 'Link address' })).toBeNull();
    act(() => {
      editor.commands.selectAll();
    });
    expect(editor.getAttributes('link').href).toBe('https://example.com/page');
  });

  it('inserts an image by URL from the address form, and Escape cancels it', () => {
    render(<NoteEditor doc={emptyDoc} onChange={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Image by URL' }));
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Image address' }), { key: 'Escape' });
    expect(screen.queryByRole('textbox', { name: 'Image address' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Image by URL' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Image address' }), { target: { value: 'https://example.com/a.png' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    const types = editorOf().getJSON().content?.map((node) => node.type);
    expect(types).toContain('image');
  });

  it('does not reset its content when the doc prop echoes its own onChange, but does for a new doc', () => {
    function Host({ replacement }: { replacement?: DocNode }) {
      const [doc, setDoc] = useState<DocNode>(emptyDoc);
      return (
        <>
          <NoteEditor doc={replacement ?? doc} onChange={setDoc} />
        </>
      );
    }
    const { rerender } = render(<Host />);
    const editor = editorOf();
    const setContent = vi.spyOn(editor.commands, 'setContent');
    act(() => typeText(editor, 'abc'));
    expect(editor.state.selection.from).toBe(4);
    expect(setContent).not.toHaveBeenCalled();

    rerender(<Host replacement={textDoc('restored version')} />);
    expect(editor.getText()).toBe('restored version');
  });

  it('calls onBlur and exposes focus, insertContent and getJSON through editorRef', () => {
    const onBlur = vi.fn();
    const ref = createRef<NoteEditorHandle>();
    render(<NoteEditor doc={textDoc('start ')} onChange={() => undefined} onBlur={onBlur} editorRef={ref} />);
    const editor = editorOf();
    act(() => {
      ref.current!.focus();
      editor.commands.setTextSelection(7);
      ref.current!.insertContent({ type: 'doc', content: [{ type: 'paragraph', content: [wikiLinkNode({ target: 'Other' })] }] });
    });
    expect(JSON.stringify(ref.current!.getJSON())).toContain('"target":"Other"');
    act(() => {
      ref.current!.insertContent(citationNode({ highlightId: null, itemId: 'item-1', title: 'Src', author: null, sourceTitle: null, link: null, publishedAt: null }, 'quoted'));
    });
    expect(ref.current!.getJSON().content?.some((node) => node.type === 'citation')).toBe(true);
    act(() => {
      editor.view.dom.dispatchEvent(new FocusEvent('blur'));
    });
    expect(onBlur).toHaveBeenCalled();
  });

  it('passes link follows and "Open in reader" to the latest callbacks', () => {
    const onOpenItem = vi.fn();
    const onFollowLink = vi.fn();
    const doc: DocNode = {
      type: 'doc',
      content: [
        citationNode({ highlightId: null, itemId: 'item-7', title: 'Src', author: null, sourceTitle: null, link: null, publishedAt: null }, 'quoted'),
        { type: 'paragraph', content: [wikiLinkNode({ target: 'Next' })] },
      ],
    };
    const { rerender } = render(<NoteEditor doc={doc} onChange={() => undefined} onOpenItem={() => undefined} />);
    rerender(<NoteEditor doc={doc} onChange={() => undefined} onOpenItem={onOpenItem} onFollowLink={onFollowLink} />);
    fireEvent.click(screen.getByRole('button', { name: 'Open in reader' }));
    expect(onOpenItem).toHaveBeenCalledWith('item-7');
    fireEvent.click(editorOf().view.dom.querySelector('a[data-wiki-link]')!);
    expect(onFollowLink).toHaveBeenCalledWith({ target: 'Next', heading: null, label: null, embed: false });
  });
});
