/**
 * One note: its title, the editor, where it is saved, its history, and its backlinks.
 * The editor owns the text while the note is open; the page remounts it (by key) only when the note
 * changes under it from elsewhere, such as a restored version.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { DocNode, Id, Note } from '../../../shared/model';
import type { WikiLinkAttrs } from '../../../shared/notes/doc-nodes';
import { deleteNote, journalEntryFor, parseTagList, restoreDeletedNote, setNoteAliases, suggestTitles, useDatabase, useNote } from '../../data';
import { NoteEditor } from '../../editor';
import { BacklinksPanel } from './backlinks-panel';
import { errorWords } from '../../ui/error-words';
import type { Notify } from '../../ui/undo-toast';
import { useNoteAutosave, type SaveState } from './use-note-autosave';
import { VersionHistoryDialog } from './versions';

interface NotePageProps {
  noteId: Id;
  onOpenNote: (id: Id) => void;
  onFollowLink: (attrs: WikiLinkAttrs) => void;
  onOpenItem: (id: Id) => void;
  onDeleted: () => void;
  notify: Notify;
}

export function NotePage(props: NotePageProps) {
  const live = useNote(props.noteId);
  // The note as it was replaced under the editor (a restored version, links to itself renamed): the editor
  // remounts from it at once, not from the live query, which may not have seen the write yet.
  const [replacement, setReplacement] = useState<{ note: Note; revision: number } | null>(null);
  const note = replacement && live && replacement.note.id === live.id ? replacement.note : live;
  if (note === undefined) return <p className="area-frame__loading">Opening the note…</p>;
  if (note === null) {
    return (
      <section className="empty-state sense__missing" aria-labelledby="sense-missing-title">
        <h2 id="sense-missing-title" className="empty-state__title">
          This note no longer exists
        </h2>
        <p className="empty-state__text">It may have been deleted. Choose another note, or start a new one.</p>
      </section>
    );
  }
  return (
    <NoteWorkspace
      key={`${note.id}:${replacement?.revision ?? 0}`}
      note={note}
      onReplaced={(next) => setReplacement((current) => ({ note: next, revision: (current?.revision ?? 0) + 1 }))}
      {...props}
    />
  );
}

function saveWords(state: SaveState): string {
  switch (state.kind) {
    case 'saved':
      return 'Saved';
    case 'pending':
      return 'Editing…';
    case 'saving':
      return 'Saving…';
    case 'failed':
      return `Not saved yet: ${state.message}`;
  }
}

/**
 * Where the editor starts: the stored note, or the journal's newer state of it when an earlier save of this
 * note failed (the work is in the journal, not yet in the database), so reopening never shows less than was typed.
 */
function startingDraft(note: Note): { doc: DocNode; title: string; fromJournal: boolean } {
  let entry;
  try {
    entry = journalEntryFor(window.localStorage, note.id);
  } catch {
    entry = undefined;
  }
  if (entry && entry.at > note.updatedAt) return { doc: entry.doc, title: entry.title ?? note.title, fromJournal: true };
  return { doc: note.doc, title: note.title, fromJournal: false };
}

function NoteWorkspace({ note, onReplaced, onOpenNote, onFollowLink, onOpenItem, onDeleted, notify }: NotePageProps & { note: Note; onReplaced: (note: Note) => void }) {
  const db = useDatabase();
  const [start] = useState(() => startingDraft(note));
  const [title, setTitle] = useState(start.title);
  const [aliases, setAliases] = useState(note.aliases.join(', '));
  const [showHistory, setShowHistory] = useState(false);
  const autosave = useNoteAutosave(db, note.id, { doc: start.doc, title: start.title }, { onStoredDocChanged: onReplaced });
  const titleRef = useRef<HTMLInputElement>(null);

  // A brand-new note is named before it is written, as in most note apps: the title takes the focus.
  const isBlank = note.title === '' && note.text.trim() === '';
  useEffect(() => {
    if (isBlank) titleRef.current?.focus();
    // Work recovered from the journal is saved like any edit.
    if (start.fromJournal) autosave.change({ doc: start.doc, title: start.title });
    // Only when the note is opened, never while the user is already writing in it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onTitleKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void autosave.flush();
      document.querySelector<HTMLElement>('.note-editor__content')?.focus();
    }
  };

  const commitAliases = async () => {
    const next = parseTagList(aliases);
    if (next.join('\n') === note.aliases.join('\n')) return;
    try {
      await setNoteAliases(db, note.id, next);
    } catch (error) {
      notify({ text: errorWords(error, 'Those aliases could not be saved.').message });
    }
  };

  const remove = async () => {
    await autosave.flush();
    const snapshot = await deleteNote(db, note.id);
    notify({
      text: `Deleted “${note.title || 'Untitled'}”.`,
      undo: async () => {
        await restoreDeletedNote(db, snapshot);
        onOpenNote(note.id);
      },
    });
    onDeleted();
  };

  const suggest = useCallback((query: string) => suggestTitles(db, query, 8), [db]);

  return (
    <div className="note-page">
      <article className="note-page__main" aria-label="Note">
        <div className="note-page__head">
          <input
            ref={titleRef}
            className="note-page__title"
            type="text"
            aria-label="Note title"
            placeholder="Untitled"
            value={title}
            onChange={(event) => {
              setTitle(event.target.value);
              autosave.change({ title: event.target.value });
            }}
            onBlur={() => void autosave.flush()}
            onKeyDown={onTitleKey}
          />
          <div className="note-page__actions">
            <span className="note-page__saved" role="status" data-state={autosave.state.kind}>
              {saveWords(autosave.state)}
            </span>
            <button type="button" className="button button--quiet" onClick={() => void autosave.flush().then(() => setShowHistory(true))}>
              History
            </button>
            <a className="button button--quiet" href={`#/share/note/${encodeURIComponent(note.id)}`} onClick={() => void autosave.flush()}>
              Publish…
            </a>
            <button type="button" className="button button--quiet" onClick={() => void remove()}>
              Delete note
            </button>
          </div>
        </div>
        {autosave.titleProblem && (
          <p role="alert" className="note-page__problem">
            {autosave.titleProblem}
          </p>
        )}
        <label className="note-page__aliases">
          <span>Aliases</span>
          <input type="text" value={aliases} placeholder="Other names, separated by commas" onChange={(event) => setAliases(event.target.value)} onBlur={() => void commitAliases()} />
        </label>
        <NoteEditor
          doc={start.doc}
          onChange={(doc) => autosave.change({ doc })}
          onBlur={() => void autosave.flush()}
          suggest={suggest}
          onFollowLink={(attrs) => void autosave.flush().then(() => onFollowLink(attrs))}
          onOpenItem={(itemId) => void autosave.flush().then(() => onOpenItem(itemId))}
          onImageError={(text) => notify({ text })}
        />
      </article>
      <BacklinksPanel noteId={note.id} onOpenNote={onOpenNote} onOpenItem={onOpenItem} />
      {showHistory && (
        <VersionHistoryDialog
          noteId={note.id}
          onClose={() => setShowHistory(false)}
          onRestored={(restored) => {
            setShowHistory(false);
            onReplaced(restored);
          }}
        />
      )}
    </div>
  );
}
