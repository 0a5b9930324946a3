/**
 * A note's body: Tiptap with Commonplace's extensions, a formatting toolbar, and the note's JSON out
 * on every change (the caller debounces and saves). The editor is created once per mount: a different
 * note means the caller remounts it with a new key, so a `doc` prop that merely echoes our own
 * onChange never resets the content (and the caret).
 */
import type { Editor } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import type { DocNode } from '../../shared/model';
import type { WikiLinkAttrs } from '../../shared/notes/doc-nodes';
import type { WikiLinkSuggestion } from './extensions/wiki-link/wiki-link';
import { noteExtensions, type NoteExtensionOptions } from './note-extensions';
import { NoteToolbar } from './note-toolbar';
import './note-editor.css';

export interface NoteEditorHandle {
  focus: () => void;
  /** Inserts at the selection: a node, a list of nodes, or a whole doc (its content is inserted). */
  insertContent: (fragment: DocNode | DocNode[]) => void;
  getJSON: () => DocNode;
}

export interface NoteEditorProps {
  doc: DocNode;
  onChange: (doc: DocNode) => void;
  onBlur?: () => void;
  suggest?: (query: string) => Promise<WikiLinkSuggestion[]>;
  onFollowLink?: (attrs: WikiLinkAttrs) => void;
  onOpenItem?: (itemId: string) => void;
  /** An image could not be added; defaults to an alert. */
  onImageError?: (message: string) => void;
  editorRef?: Ref<NoteEditorHandle>;
}

type Callbacks = Pick<NoteEditorProps, 'onChange' | 'onBlur' | 'suggest' | 'onFollowLink' | 'onOpenItem' | 'onImageError'>;

/** Holds the newest callbacks for extensions and editor events created once, at mount. */
class LatestCallbacks {
  constructor(private callbacks: Callbacks) {}

  set(callbacks: Callbacks): void {
    this.callbacks = callbacks;
  }

  get(): Callbacks {
    return this.callbacks;
  }

  extensionOptions(): NoteExtensionOptions {
    return {
      suggest: async (query) => (this.callbacks.suggest ? this.callbacks.suggest(query) : []),
      onFollowLink: (attrs) => this.callbacks.onFollowLink?.(attrs),
      onOpenItem: (itemId) => this.callbacks.onOpenItem?.(itemId),
      onImageError: (message) => (this.callbacks.onImageError ? this.callbacks.onImageError(message) : window.alert(message)),
    };
  }
}

function contentOf(fragment: DocNode | DocNode[]): DocNode[] {
  if (Array.isArray(fragment)) return fragment;
  return fragment.type === 'doc' ? (fragment.content ?? []) : [fragment];
}

export function NoteEditor({ doc, onChange, onBlur, suggest, onFollowLink, onOpenItem, onImageError, editorRef }: NoteEditorProps) {
  // The extensions are built once; they call whatever callbacks the latest render passed.
  const [latest] = useState(() => new LatestCallbacks({ onChange, onBlur, suggest, onFollowLink, onOpenItem, onImageError }));
  useEffect(() => {
    latest.set({ onChange, onBlur, suggest, onFollowLink, onOpenItem, onImageError });
  });
  /** JSON text of the doc we last reported or were given, to tell an echo from a real replacement. */
  const known = useRef<string>(JSON.stringify(doc));

  const [extensions] = useState(() => noteExtensions(latest.extensionOptions()));

  const editor = useEditor({
    // CSP: no inline <style>; note-editor.css carries what Tiptap would inject.
    injectCSS: false,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    extensions,
    content: doc,
    editorProps: {
      attributes: { 'aria-label': 'Note body', role: 'textbox', 'aria-multiline': 'true', class: 'note-editor__content' },
    },
    onUpdate: ({ editor: current }) => {
      const json = current.getJSON() as DocNode;
      known.current = JSON.stringify(json);
      latest.get().onChange(json);
    },
    onBlur: () => latest.get().onBlur?.(),
  });

  // A doc from outside (a restored version, a sync) replaces the content; our own echo does not.
  useEffect(() => {
    const incoming = JSON.stringify(doc);
    if (incoming === known.current) return;
    known.current = incoming;
    editor.commands.setContent(doc, { emitUpdate: false });
  }, [doc, editor]);

  useImperativeHandle(
    editorRef,
    (): NoteEditorHandle => ({
      focus: () => editor.commands.focus(),
      insertContent: (fragment) => {
        editor.chain().focus().insertContent(contentOf(fragment)).run();
      },
      getJSON: () => editor.getJSON() as DocNode,
    }),
    [editor],
  );

  return (
    <div className="note-editor">
      <NoteToolbar editor={editor as Editor} />
      <EditorContent editor={editor} className="note-editor__body" />
    </div>
  );
}
