/**
 * The text the user has selected inside the article, as offsets in its plain text plus where it
 * shows on screen (for placing the selection toolbar). Read on selectionchange, and on mouseup and
 * keyup in the content for browsers that report a finished drag late; re-read on scroll, since
 * the toolbar is positioned in viewport coordinates.
 */
import { useEffect, useState, type RefObject } from 'react';
import { selectionOffsets, type TextSpan } from './text-ranges';

export interface ContentSelection {
  span: TextSpan;
  /** Where the selection is on screen; null where layout is unknown (jsdom). */
  rect: Pick<DOMRect, 'top' | 'bottom' | 'left' | 'width'> | null;
}

export function readContentSelection(container: HTMLElement, doc: Document = container.ownerDocument): ContentSelection | null {
  const selection = doc.getSelection();
  const span = selectionOffsets(container, selection);
  if (!span || !selection) return null;
  const range = selection.getRangeAt(0);
  const rect = typeof range.getBoundingClientRect === 'function' ? range.getBoundingClientRect() : null;
  return { span, rect };
}

export function useContentSelection(content: RefObject<HTMLElement | null>): { selection: ContentSelection | null; clear: () => void } {
  const [selection, setSelection] = useState<ContentSelection | null>(null);
  useEffect(() => {
    const container = content.current;
    if (!container) return;
    const doc = container.ownerDocument;
    const read = () => setSelection(readContentSelection(container, doc));
    doc.addEventListener('selectionchange', read);
    container.addEventListener('mouseup', read);
    container.addEventListener('keyup', read);
    doc.addEventListener('scroll', read, true);
    return () => {
      doc.removeEventListener('selectionchange', read);
      container.removeEventListener('mouseup', read);
      container.removeEventListener('keyup', read);
      doc.removeEventListener('scroll', read, true);
    };
  }, [content]);
  const clear = () => {
    content.current?.ownerDocument.getSelection()?.removeAllRanges();
    setSelection(null);
  };
  return { selection, clear };
}
