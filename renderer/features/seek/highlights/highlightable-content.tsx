/**
 * The article's text with the user's highlights on it: select words to Highlight (or press h), or
 * Highlight and note; click a highlight to remove it or add it to a note. Highlights the text no
 * longer holds (it was extracted again and changed too much) are listed below it, so none is lost.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { Highlight, Id, Item, Note } from '../../../../shared/model';
import { describeTextQuote } from '../../../../shared/highlights/text-quote';
import { isTextEntry } from '../../../app/keyboard-shortcuts';
import { toHash } from '../../../app/router';
import { appendHighlightToNote, createHighlight, createNoteFromItem, deleteHighlight, restoreHighlight, useDatabase, useItemHighlights } from '../../../data';
import { errorWords } from '../../../ui/error-words';
import { AddToNoteDialog } from './add-to-note-dialog';
import { FloatingToolbar, type Anchor } from './floating-toolbar';
import { ReaderStatus, useReaderStatus } from './reader-status';
import { markClass, type TextSpan } from './text-ranges';
import { readContentSelection, useContentSelection } from './use-content-selection';
import { usePaintedHighlights } from './use-painted-highlights';
import './highlights.css';

interface HighlightableContentProps {
  item: Item;
  /** Already sanitised by the reader. */
  html: string;
}

interface MarkMenu {
  id: Id;
  anchor: Anchor | null;
  fromKeyboard: boolean;
}

/** The innermost highlight mark at an event's target, if any. */
function markAt(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>(`mark.${markClass}`) : null;
}

export function HighlightableContent({ item, html }: HighlightableContentProps) {
  const db = useDatabase();
  const highlights = useItemHighlights(item.id);
  const contentRef = useRef<HTMLDivElement>(null);
  const missing = usePaintedHighlights(contentRef, html, highlights);
  const { selection, clear } = useContentSelection(contentRef);
  const [menu, setMenu] = useState<MarkMenu | null>(null);
  const [noteFor, setNoteFor] = useState<Id | null>(null);
  const { status, say } = useReaderStatus();

  const highlightSpan = async (span: TextSpan): Promise<Highlight | undefined> => {
    const container = contentRef.current;
    if (!container) return undefined;
    const quote = describeTextQuote(container.textContent ?? '', span.start, span.end);
    try {
      const created = await createHighlight(db, { itemId: item.id, ...quote });
      clear();
      return created;
    } catch (error) {
      say({ text: errorWords(error, 'The highlight could not be saved. Please try again.').message });
      return undefined;
    }
  };

  /** Highlights what is selected now; the toolbar's copy of the selection is the fallback. */
  const highlightSelection = async (andNote: boolean) => {
    const container = contentRef.current;
    const span = (container && readContentSelection(container)?.span) ?? selection?.span;
    if (!span) return;
    const created = await highlightSpan(span);
    if (created && andNote) setNoteFor(created.id);
  };

  // `h` highlights the selection, as the toolbar's first button does; like Seek's triage keys it
  // pauses in fields and dialogs and leaves modified keys to the app and the browser.
  const latest = useRef(highlightSelection);
  useEffect(() => {
    latest.current = highlightSelection;
  });
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'h' || event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
      if (isTextEntry(event.target) || (event.target instanceof Element && event.target.closest('dialog'))) return;
      const container = contentRef.current;
      if (!container || !readContentSelection(container)) return;
      event.preventDefault();
      void latest.current(false);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  // A click anywhere but the menu (or a highlight, which opens its own) closes the menu.
  useEffect(() => {
    if (!menu) return;
    const onPointerDown = (event: globalThis.MouseEvent) => {
      const target = event.target;
      if (target instanceof Element && (target.closest('.reader-floating-toolbar') || markAt(target))) return;
      setMenu(null);
    };
    document.addEventListener('mousedown', onPointerDown);
    return () => document.removeEventListener('mousedown', onPointerDown);
  }, [menu]);

  const openMenu = (mark: HTMLElement, fromKeyboard: boolean) => {
    const id = mark.dataset.highlightId;
    if (id) setMenu({ id, anchor: mark.getBoundingClientRect(), fromKeyboard });
  };
  /** Closes the menu and gives focus back to the highlight it was opened from. */
  const closeMenu = (id: Id) => {
    setMenu(null);
    const marks = contentRef.current?.querySelectorAll<HTMLElement>(`mark.${markClass}`) ?? [];
    [...marks].find((mark) => mark.dataset.highlightId === id)?.focus();
  };
  const onContentClick = (event: MouseEvent<HTMLDivElement>) => {
    const mark = markAt(event.target);
    // A drag that ends on a highlight is a new selection, not a click on it.
    const selecting = !(event.currentTarget.ownerDocument.getSelection()?.isCollapsed ?? true);
    if (mark && !selecting) openMenu(mark, false);
    else setMenu(null);
  };
  const onContentKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const mark = markAt(event.target);
    if (mark && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      openMenu(mark, true);
    }
  };

  const remove = async (id: Id) => {
    setMenu(null);
    try {
      const removed = await deleteHighlight(db, id);
      if (removed) say({ text: 'Highlight removed.', undo: () => restoreHighlight(db, removed) });
    } catch (error) {
      say({ text: errorWords(error, 'The highlight could not be removed. Please try again.').message });
    }
  };
  const startAddToNote = (id: Id) => {
    setMenu(null);
    setNoteFor(id);
  };
  const addToNote = async (highlightId: Id, note: Note | null) => {
    const saved = note ? await appendHighlightToNote(db, highlightId, note.id) : await createNoteFromItem(db, item.id, { highlightId });
    setNoteFor(null);
    say({ text: `Added to “${saved.title}”`, link: { href: toHash({ area: 'sense', path: ['note', saved.id] }), label: 'Open note' } });
  };

  return (
    <>
      <div
        ref={contentRef}
        className="reader__content"
        onClick={onContentClick}
        onKeyDown={onContentKeyDown}
        // Sanitised by the reader in this render; never stored HTML as it is.
        dangerouslySetInnerHTML={{ __html: html }}
      />
      {selection && (
        <FloatingToolbar label="Selection" anchor={selection.rect} onEscape={clear}>
          <button type="button" className="button" aria-keyshortcuts="h" onClick={() => void highlightSelection(false)}>
            Highlight
          </button>
          <button type="button" className="button" onClick={() => void highlightSelection(true)}>
            Highlight and note
          </button>
        </FloatingToolbar>
      )}
      {menu && !selection && (
        <FloatingToolbar label="Highlight" anchor={menu.anchor} focusOnOpen={menu.fromKeyboard} onEscape={() => closeMenu(menu.id)}>
          <button type="button" className="button" onClick={() => void remove(menu.id)}>
            Remove highlight
          </button>
          <button type="button" className="button" onClick={() => startAddToNote(menu.id)}>
            Add to note
          </button>
        </FloatingToolbar>
      )}
      {missing.length > 0 && <MissingHighlights highlights={missing} onRemove={(id) => void remove(id)} onAddToNote={startAddToNote} />}
      {noteFor !== null && <AddToNoteDialog onChoose={(note) => addToNote(noteFor, note)} onClose={() => setNoteFor(null)} />}
      <ReaderStatus status={status} say={say} />
    </>
  );
}

function MissingHighlights({ highlights, onRemove, onAddToNote }: { highlights: readonly Highlight[]; onRemove: (id: Id) => void; onAddToNote: (id: Id) => void }) {
  const titleId = useId();
  return (
    <section className="reader-missing" aria-labelledby={titleId}>
      <h3 id={titleId} className="reader-missing__title">
        Highlights not found in this text
      </h3>
      <p className="reader__note">The text has changed since you made these, so they are kept here.</p>
      <ul className="reader-missing__list">
        {highlights.map((highlight) => (
          <li key={highlight.id} className="reader-missing__item">
            <blockquote className="reader-missing__quote">{highlight.exact}</blockquote>
            {highlight.comment && <p className="reader-missing__comment">{highlight.comment}</p>}
            <div className="reader-missing__actions">
              <button type="button" className="button button--quiet" onClick={() => onAddToNote(highlight.id)}>
                Add to note
              </button>
              <button type="button" className="button button--quiet" onClick={() => onRemove(highlight.id)}>
                Remove highlight
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
