/**
 * Pasting or dropping an image file puts the picture inside the note as a data: URL: the note keeps
 * working offline and needs no file store, and the CSP allows data: images. Big files are refused
 * (they would bloat every version of the note) with a message for the UI to show.
 */
import { Extension } from '@tiptap/core';
import type { EditorView } from '@tiptap/pm/view';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { insertPoint } from '@tiptap/pm/transform';

export interface ImagePasteOptions {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** A file was refused or could not be read. */
  onError: (message: string) => void;
}

export const imagePasteKey = new PluginKey('imagePaste');

export const maxImageBytes = 10 * 1024 * 1024;

function imageFiles(list: FileList | null | undefined): File[] {
  return Array.from(list ?? []).filter((file) => file.type.startsWith('image/'));
}

export function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => (typeof reader.result === 'string' ? resolve(reader.result) : reject(new Error('The file could not be read.')));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

export const ImagePaste = Extension.create<ImagePasteOptions>({
  name: 'imagePaste',

  addOptions() {
    return { maxBytes: maxImageBytes, onError: () => undefined };
  },

  addProseMirrorPlugins() {
    const { maxBytes, onError } = this.options;

    /** Reads the files in order and inserts them at `at` (mapped through edits made meanwhile). */
    const insertFiles = (view: EditorView, files: File[], at: number | null): void => {
      const imageType = view.state.schema.nodes.image;
      if (!imageType) return;
      void (async () => {
        for (const file of files) {
          if (file.size > maxBytes) {
            onError(`“${file.name}” is ${megabytes(file.size)}; images up to ${megabytes(maxBytes)} can be added to a note.`);
            continue;
          }
          let src: string;
          try {
            src = await readAsDataUrl(file);
          } catch {
            onError(`“${file.name}” could not be read.`);
            continue;
          }
          if (view.isDestroyed) return;
          const node = imageType.create({ src, alt: file.name.replace(/\.[^.]+$/, '') });
          const { tr } = view.state;
          if (at === null) tr.replaceSelectionWith(node);
          else {
            // A drop inside a paragraph puts the (block) image before or after it, not in a split.
            const pos = Math.min(at, tr.doc.content.size);
            tr.insert(insertPoint(tr.doc, pos, imageType) ?? pos, node);
          }
          view.dispatch(tr.scrollIntoView());
        }
      })();
    };

    return [
      new Plugin({
        key: imagePasteKey,
        props: {
          handlePaste: (view, event) => {
            const files = imageFiles(event.clipboardData?.files);
            if (files.length === 0) return false;
            event.preventDefault();
            insertFiles(view, files, null);
            return true;
          },
          handleDrop: (view, event, _slice, moved) => {
            if (moved) return false;
            const files = imageFiles(event.dataTransfer?.files);
            if (files.length === 0) return false;
            event.preventDefault();
            const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
            insertFiles(view, files, at ? at.pos : null);
            return true;
          },
        },
      }),
    ];
  },
});
