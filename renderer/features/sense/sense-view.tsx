/**
 * Sense: write notes, link them, see what links back, and find the way through them as a list, by tag,
 * by day (Today) and as a graph. Where the user is lives in the hash (`#/sense/note/<id>`), so links
 * from the reader, Back and Forward all land on the right note.
 */
import { useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Id } from '../../../shared/model';
import type { WikiLinkAttrs } from '../../../shared/notes/doc-nodes';
import { useHashRouter } from '../../app/router';
import { createNote, DatabaseContext, openDailyNote, resolveTitle, useDatabase } from '../../data';
import { NoteGraph } from './graph';
import { NotePage } from './note-page';
import { NotesSidebar } from './notes-sidebar';
import { sensePageOf, sensePath, type SensePage } from './sense-routes';
import { errorWords } from '../../ui/error-words';
import { UndoToast, useToast } from '../../ui/undo-toast';
import { VaultButtons } from './vault';
import './sense.css';

export function SenseView() {
  const db = useContext(DatabaseContext);
  if (!db) {
    return (
      <SenseFrame>
        <p className="area-frame__loading">Opening your library…</p>
      </SenseFrame>
    );
  }
  return <SenseWorkspace />;
}

function SenseFrame({ toolbar, children }: { toolbar?: ReactNode; children: ReactNode }) {
  return (
    <div className="sense area-frame" data-area="sense">
      <header className="area-frame__header">
        <h1 className="area-page__title area-frame__title" tabIndex={-1}>
          Sense
        </h1>
        {toolbar}
      </header>
      {children}
    </div>
  );
}

function isNewNoteKey(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'n';
}

function SenseWorkspace() {
  const db = useDatabase();
  const { route, navigate } = useHashRouter();
  const page = sensePageOf(route.path);
  const [tag, setTag] = useState<string | null>(null);
  const { toast, notify, dismiss } = useToast();

  const go = useCallback((next: SensePage) => navigate({ area: 'sense', path: sensePath(next) }), [navigate]);
  const openNote = useCallback((id: Id) => go({ kind: 'note', id }), [go]);
  const openItem = useCallback((id: Id) => navigate({ area: 'seek', path: ['item', id] }), [navigate]);

  const newNote = useCallback(async () => {
    try {
      openNote((await createNote(db, { title: '' })).id);
    } catch (error) {
      notify({ text: errorWords(error, 'A new note could not be started. Please try again.').message });
    }
  }, [db, notify, openNote]);

  const today = async () => {
    try {
      openNote((await openDailyNote(db)).id);
    } catch (error) {
      notify({ text: errorWords(error, 'Today’s note could not be opened. Please try again.').message });
    }
  };

  const followLink = useCallback(
    async (attrs: WikiLinkAttrs) => {
      const existing = await resolveTitle(db, attrs.target);
      if (existing) return openNote(existing.id);
      if (attrs.embed) {
        notify({ text: `“${attrs.target}” is an embedded file; it is kept as a link and written back when you export the vault.` });
        return;
      }
      // A link to a note that does not exist yet creates it, as in Obsidian: writing the link was the intent.
      try {
        const created = await createNote(db, { title: attrs.target });
        openNote(created.id);
      } catch (error) {
        notify({ text: errorWords(error, `“${attrs.target}” could not be created.`).message });
      }
    },
    [db, notify, openNote],
  );

  // Ctrl/Cmd+N: a new note from anywhere in Sense (browsers keep Ctrl+N for a new window; the desktop app gets it).
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isNewNoteKey(event) || event.defaultPrevented) return;
      event.preventDefault();
      void newNote();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [newNote]);

  const toolbar = (
    <div className="area-frame__toolbar" role="toolbar" aria-label="Sense actions">
      <button type="button" className="button button--primary" onClick={() => void newNote()} aria-keyshortcuts="Control+N Meta+N">
        New note
      </button>
      <button type="button" className="button" onClick={() => void today()}>
        Today
      </button>
      <button type="button" className="button" aria-pressed={page.kind === 'graph'} onClick={() => go(page.kind === 'graph' ? { kind: 'home' } : { kind: 'graph' })}>
        Graph
      </button>
      <VaultButtons />
    </div>
  );

  return (
    <SenseFrame toolbar={toolbar}>
      <div className="area-frame__panes">
        <NotesSidebar currentId={page.kind === 'note' ? page.id : undefined} tag={tag} onTag={setTag} onOpen={openNote} />
        <div className="area-frame__content">
          {page.kind === 'note' ? (
            <NotePage
              noteId={page.id}
              onOpenNote={openNote}
              onFollowLink={(attrs) => void followLink(attrs)}
              onOpenItem={openItem}
              onDeleted={() => go({ kind: 'home' })}
              notify={notify}
            />
          ) : page.kind === 'graph' ? (
            <NoteGraph onOpenNote={openNote} />
          ) : (
            <SenseHome />
          )}
        </div>
      </div>
      <UndoToast toast={toast} onNotify={notify} onDismiss={dismiss} />
    </SenseFrame>
  );
}

/** Nothing open: say what Sense is for and how to start, with no dead controls. */
function SenseHome() {
  return (
    <section className="empty-state sense__home" aria-labelledby="sense-home-title">
      <h2 id="sense-home-title" className="empty-state__title">
        Write to think
      </h2>
      <p className="empty-state__text">
        Choose <strong>New note</strong> (Ctrl+N in the desktop app) or <strong>Today</strong> for a daily note. Link notes by typing <code>[[</code>{' '}
        and a title; every note shows what links back to it. In Seek, select text in an article to highlight it and send it to a note.
      </p>
    </section>
  );
}
