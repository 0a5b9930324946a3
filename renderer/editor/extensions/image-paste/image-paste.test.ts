import { Editor } from '@tiptap/core';
import Image from '@tiptap/extension-image';
import StarterKit from '@tiptap/starter-kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImagePaste, type ImagePasteOptions } from './image-paste';

const editors: Editor[] = [];
function makeEditor(options: Partial<ImagePasteOptions> = {}): Editor {
  const editor = new Editor({
    extensions: [StarterKit, Image.configure({ allowBase64: true }), ImagePaste.configure(options)],
    content: '<p>text</p>',
    injectCSS: false,
  });
  editors.push(editor);
  return editor;
}
afterEach(() => {
  while (editors.length) editors.pop()!.destroy();
});

/** jsdom has no ClipboardEvent/DragEvent with data; the plugin only reads `clipboardData.files` / `dataTransfer.files`. */
function filesEvent(type: 'paste' | 'drop', files: File[]): Event {
  const event = new Event(type, { bubbles: true, cancelable: true });
  const transfer = { files, types: ['Files'], getData: () => '', items: [] };
  Object.assign(event, type === 'paste' ? { clipboardData: transfer } : { dataTransfer: transfer, clientX: 0, clientY: 0 });
  return event;
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
}

const images = (editor: Editor) => (editor.getJSON().content ?? []).filter((node) => node.type === 'image');

describe('ImagePaste', () => {
  it('inserts a pasted image file as a data: URL image', async () => {
    const editor = makeEditor();
    editor.commands.setTextSelection(5);
    const file = new File([new Uint8Array([137, 80, 78, 71])], 'diagram.png', { type: 'image/png' });
    const event = filesEvent('paste', [file]);
    editor.view.someProp('handlePaste', (handle) => handle(editor.view, event as ClipboardEvent, editor.state.doc.slice(0, 0)));
    expect(event.defaultPrevented).toBe(true);
    await until(() => images(editor).length > 0);
    expect(images(editor)).toEqual([{ type: 'image', attrs: { src: 'data:image/png;base64,iVBORw==', alt: 'diagram', title: null, width: null, height: null } }]);
  });

  it('inserts a dropped image where it was dropped', async () => {
    const editor = makeEditor();
    const posAtCoords = vi.spyOn(editor.view, 'posAtCoords').mockReturnValue({ pos: 1, inside: -1 });
    const file = new File(['<svg/>'], 'pic.svg', { type: 'image/svg+xml' });
    const event = filesEvent('drop', [file]);
    editor.view.someProp('handleDrop', (handle) => handle(editor.view, event as DragEvent, editor.state.doc.slice(0, 0), false));
    await until(() => images(editor).length > 0);
    expect(posAtCoords).toHaveBeenCalled();
    expect(editor.getJSON().content?.[0]?.type).toBe('image');
    expect(String(images(editor)[0]?.attrs?.src)).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  it('refuses files over the limit and tells the UI', async () => {
    const onError = vi.fn();
    const editor = makeEditor({ onError, maxBytes: 3 });
    const event = filesEvent('paste', [new File([new Uint8Array(4)], 'big.png', { type: 'image/png' })]);
    editor.view.someProp('handlePaste', (handle) => handle(editor.view, event as ClipboardEvent, editor.state.doc.slice(0, 0)));
    await until(() => onError.mock.calls.length > 0);
    expect(onError.mock.calls[0]![0]).toMatch(/big\.png/);
    expect(images(editor)).toEqual([]);
  });

  it('leaves pastes without image files to the editor', () => {
    const editor = makeEditor();
    const event = filesEvent('paste', [new File(['x'], 'notes.txt', { type: 'text/plain' })]);
    const handled = editor.view.someProp('handlePaste', (handle) => handle(editor.view, event as ClipboardEvent, editor.state.doc.slice(0, 0)));
    expect(handled).toBeFalsy();
  });
});
