/**
 * "Add to note": pick the note a quote goes into, found by title, or start a new one. A native
 * modal <dialog> like the app's others (focus trap, Escape and focus return come from the browser).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useState } from 'react';
import type { Note } from '../../../../shared/model';
import { listNotesByUpdated, useDatabase } from '../../../data';
import { errorWords } from '../../../ui/error-words';
import { ModalDialog } from '../../../ui/modal-dialog';

/** How many notes the list shows; typing narrows it. */
const shownNotes = 50;
/** Notes searched by title in memory: a personal library's titles fit, and a prefix index cannot find words inside a title. */
const searchedNotes = 5_000;

interface AddToNoteDialogProps {
  /** `null`: a new note. Rejections are shown in the dialog, which stays open. */
  onChoose: (note: Note | null) => Promise<void>;
  onClose: () => void;
}

export function filterNotesByTitle(notes: readonly Note[], query: string): Note[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  return notes.filter((note) => {
    const title = note.title.toLocaleLowerCase();
    return words.every((word) => title.includes(word));
  });
}

export function AddToNoteDialog({ onChoose, onClose }: AddToNoteDialogProps) {
  const db = useDatabase();
  const titleId = useId();
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const notes = useLiveQuery(() => listNotesByUpdated(db, { limit: searchedNotes }), [db]);
  const matches = useMemo(() => filterNotesByTitle(notes ?? [], query).slice(0, shownNotes), [notes, query]);

  const choose = async (note: Note | null) => {
    setBusy(true);
    setError(null);
    try {
      await onChoose(note);
    } catch (caught) {
      setError(errorWords(caught, 'The quote could not be added. Please try again.').message);
      setBusy(false);
    }
  };

  return (
    <ModalDialog className="add-to-note" labelledBy={titleId} onClose={onClose}>
      <div className="add-to-note__body">
        <h2 id={titleId} className="add-to-note__title">
          Add to note
        </h2>
        <label className="field">
          <span className="field__label">Find a note</span>
          <input className="field__input" type="search" value={query} onChange={(event) => setQuery(event.target.value)} autoFocus />
        </label>
        <ul className="add-to-note__list" aria-label="Notes" aria-busy={notes === undefined}>
          <li>
            <button type="button" className="add-to-note__choice add-to-note__choice--new" disabled={busy} onClick={() => void choose(null)}>
              New note
            </button>
          </li>
          {matches.map((note) => (
            <li key={note.id}>
              <button type="button" className="add-to-note__choice" disabled={busy} onClick={() => void choose(note)}>
                {note.title.trim() || 'Untitled'}
              </button>
            </li>
          ))}
        </ul>
        {notes !== undefined && matches.length === 0 && (
          <p className="add-to-note__empty">{query.trim() ? 'No note has that in its title.' : 'You have no notes yet.'}</p>
        )}
        {error && (
          <p role="alert" className="reader__error">
            {error}
          </p>
        )}
        <div className="add-to-note__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
