import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type SyntheticEvent } from 'react';
import type { Id, Note } from '../../../../shared/model';
import { restoreNoteVersion, useDatabase, useNote, useNoteVersions } from '../../../data';
import { VersionComparisonView } from './version-comparison';
import { countWords } from './version-diff';
import { formatVersionTime, wordsLabel } from './version-time';
import './version-history.css';

export interface VersionHistoryDialogProps {
  noteId: Id;
  onClose: () => void;
  /** After a restore, with the note as now stored (e.g. to reload the editor). */
  onRestored?: (note: Note) => void;
}

const focusable = 'button:not([disabled]), input:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A note's earlier versions, newest first; choosing one compares it with the note now, and it can be
 * restored. Restoring saves the current state as a version first, so it is itself undoable.
 * A native modal <dialog>, as elsewhere in the app: mount it to open it.
 */
export function VersionHistoryDialog({ noteId, onClose, onRestored }: VersionHistoryDialogProps) {
  const db = useDatabase();
  const versions = useNoteVersions(noteId);
  const current = useNote(noteId);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const listName = useId();
  // Read once: labels say "Today" relative to when the dialog opened, not re-evaluated per render.
  const [now] = useState(() => Date.now());
  const [chosenId, setChosenId] = useState<Id | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) {
      // jsdom (unit tests) has no showModal; an open non-modal dialog is the closest it can show.
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    dialog.querySelector<HTMLElement>(focusable)?.focus();
    // The dialog is unmounted rather than closed, so the browser's own focus return does not run.
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const chosen = versions?.find((version) => version.id === chosenId) ?? versions?.[0];
  const label = (savedAt: number) => formatVersionTime(savedAt, now);

  const onRestore = async () => {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const note = await restoreNoteVersion(db, chosen.id);
      setChosenId(chosen.id);
      setStatus(`Restored the version from ${label(chosen.savedAt)}. The note as it was before is now the newest version, so you can restore it back.`);
      onRestored?.(note);
    } catch (caught) {
      setError(caught instanceof Error && caught.message ? caught.message : 'The version could not be restored. Please try again.');
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Escape') return;
    // Handled here so the same path runs in browsers and jsdom; prevented so no native cancel follows.
    event.preventDefault();
    onClose();
  };
  const onCancel = (event: SyntheticEvent<HTMLDialogElement>) => {
    event.preventDefault();
    onClose();
  };
  const onBackdropClick = (event: MouseEvent<HTMLDialogElement>) => {
    if (event.target === event.currentTarget) onClose();
  };

  return (
    <dialog
      ref={ref}
      className="modal-dialog version-history"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      onCancel={onCancel}
      onClick={onBackdropClick}
    >
      <div className="version-history__body">
        <header className="version-history__header">
          <h2 id={titleId} className="version-history__title">
            Version history
          </h2>
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </header>

        {versions === undefined || current === undefined ? (
          <p className="version-history__empty">Loading versions…</p>
        ) : current === null ? (
          <p role="alert" className="version-history__error">
            This note no longer exists.
          </p>
        ) : versions.length === 0 ? (
          <p className="version-history__empty">No earlier versions yet. Versions are saved every few minutes while you write, and when you leave a note.</p>
        ) : (
          <div className="version-history__panes">
            <fieldset className="version-history__list">
              <legend className="visually-hidden">Versions, newest first</legend>
              {versions.map((version) => (
                <label key={version.id} className="version-history__version">
                  <input type="radio" name={listName} checked={version.id === chosen?.id} onChange={() => setChosenId(version.id)} />
                  <span className="version-history__when">{label(version.savedAt)}</span>
                  <span className="version-history__detail">
                    {version.title !== current.title && `“${version.title || 'Untitled'}” · `}
                    {wordsLabel(countWords(version.text))}
                  </span>
                </label>
              ))}
            </fieldset>
            {chosen && (
              <VersionComparisonView key={chosen.id} version={chosen} current={current} when={label(chosen.savedAt)} busy={busy} onRestore={() => void onRestore()} />
            )}
          </div>
        )}

        <p role="status" className="version-history__status">
          {status}
        </p>
        {error && (
          <p role="alert" className="version-history__error">
            {error}
          </p>
        )}
      </div>
    </dialog>
  );
}
