/**
 * One note: its title, the editor, where it is saved, its history, and its backlinks.
 * The editor owns the text while the note is open; the page remounts it (by key) only when the note
 * changes under it from elsewhere, such as a restored version.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { DocNode, Id, Note } from '../../../shared/model';
import type { WikiLinkAttrs } from '../../../shared/notes/doc-nodes';
import { deleteNote, parseTagList, restoreDeletedNote, setNoteAliases, suggestTitles, useDatabase, useNote } from '../../data';
import { NoteEditor } from '../../editor';
import { BacklinksPanel } from './backlinks-panel';
import type { SenseNotify } from './sense-toast';
import { useNoteAutosave, type SaveState } from './use-note-autosave';
import { VersionHistoryDialog } from './versions';

interface NotePageProps {
  noteId: Id;
  onOpenNote: (id: Id) => void;
  onFollowLink: (attrs: WikiLinkAttrs) => void;
  onOpenItem: (id: Id) => void;
  onDeleted: () => void;
  notify: SenseNotify;
}

export function NotePage(props: NotePageProps) {
  const note = useNote(props.noteId);
  // Bumped when the note is replaced under the editor (a restored version), so the editor remounts with it.
  const [revision, setRevision] = useState(0);
  if (note === undefined) return <p className="sense__loading">Opening the note…</p>;
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
  return <NoteWorkspace key={`${note.id}:${revision}`} note={note} onReplaced={() => setRevision((value) => value + 1)} {...props} />;
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

function NoteWorkspace({ note, onReplaced, onOpenNote, onFollowLink, onOpenItem, onDeleted, notify }: NotePageProps & { note: Note; onReplaced: () => void }) {
  const db = useDatabase();
  const [title, setTitle] = useState(note.title);
  const [aliases, setAliases] = useState(note.aliases.join(', '));
  const [showHistory, setShowHistory] = useState(false);
  // The doc the editor starts from; later live updates of this note are the editor's own saves echoed back.
  const [initialDoc] = useState<DocNode>(note.doc);
  const autosave = useNoteAutosave(db, note.id, { doc: note.doc, title: note.title });
  const titleRef = useRef<HTMLInputElement>(null);

  // A brand-new note is named before it is written, as in most note apps: the title takes the focus.
  const isBlank = note.title === '' && note.text.trim() === '';
  useEffect(() => {
    if (isBlank) titleRef.current?.focus();
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
      notify({ text: error instanceof Error ? error.message : 'Those aliases could not be saved.' });
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
          doc={initialDoc}
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
          onRestored={() => {
            setShowHistory(false);
            onReplaced();
          }}
        />
      )}
    </div>
  );
}
