import { useId, useState, type FormEvent } from 'react';
import type { Source } from '../../../shared/model';
import {
  moveSource,
  parseTagList,
  renameSource,
  setSourceTags,
  setSourcePublic,
  undoSourceChange,
  unsubscribe,
  useDatabase,
  type SourceChangeSnapshot,
  type UnsubscribeItems,
} from '../../data';
import { errorWords } from '../../ui/error-words';
import type { Notify } from '../../ui/undo-toast';
import { ModalDialog } from '../../ui/modal-dialog';
import './manage-source-dialog.css';

interface ManageSourceDialogProps {
  source: Source;
  folders: readonly string[];
  onClose: () => void;
  onUnsubscribed: (source: Source) => void;
  notify: Notify;
}

/** Rename, move to a folder, tag, or unsubscribe (keeping or deleting its items); every change can be undone. */
export function ManageSourceDialog({ source, folders, onClose, onUnsubscribed, notify }: ManageSourceDialogProps) {
  const db = useDatabase();
  const titleId = useId();
  const listId = useId();
  const tagsId = useId();
  const tagsHintId = useId();
  const [title, setTitle] = useState(source.title);
  const [folder, setFolder] = useState(source.folder ?? '');
  const [tags, setTags] = useState(source.tags.join(', '));
  const [listed, setListed] = useState(source.public);
  const [items, setItems] = useState<UnsubscribeItems>('keep');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await work();
      onClose();
    } catch (caught) {
      setError(errorWords(caught).message);
      setBusy(false);
    }
  }

  const onSave = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const renamed = title.trim() !== source.title;
      const moved = folder.trim() !== (source.folder ?? '');
      const nextTags = parseTagList(tags);
      const retagged = nextTags.join('\n') !== source.tags.join('\n');
      const relisted = listed !== source.public;
      const changes: Array<() => Promise<SourceChangeSnapshot>> = [];
      if (renamed) changes.push(() => renameSource(db, source.id, title));
      if (moved) changes.push(() => moveSource(db, source.id, folder));
      if (retagged) changes.push(() => setSourceTags(db, source.id, nextTags));
      if (relisted) changes.push(() => setSourcePublic(db, source.id, listed));
      const [first, ...rest] = changes;
      if (!first) return;
      // The first snapshot holds the row as it was before every change: undoing it undoes them all.
      const before = await first();
      for (const change of rest) await change();
      const what = [
        renamed ? `Renamed to “${title.trim() || source.url}”` : '',
        moved ? (folder.trim() ? `moved to ${folder.trim()}` : 'taken out of its folder') : '',
        retagged ? (nextTags.length > 0 ? `tagged ${nextTags.join(', ')}` : 'untagged') : '',
        relisted ? (listed ? 'listed in your published blogroll' : 'taken out of your published blogroll') : '',
      ]
        .filter(Boolean)
        .join(', ');
      notify({ text: `${what.charAt(0).toUpperCase()}${what.slice(1)}.`, undo: () => undoSourceChange(db, before) });
    });
  };

  const onUnsubscribe = () =>
    run(async () => {
      const snapshot = await unsubscribe(db, source.id, items);
      onUnsubscribed(source);
      const kept = items === 'keep' ? 'its items stay in the river' : 'its items were deleted';
      notify({ text: `Unsubscribed from “${source.title}”; ${kept}.`, undo: () => undoSourceChange(db, snapshot) });
    });

  return (
    <ModalDialog className="seek-dialog" labelledBy={titleId} onClose={onClose}>
      <form className="seek-dialog__body" onSubmit={onSave}>
        <h2 id={titleId} className="seek-dialog__title">
          {source.title}
        </h2>
        <p className="seek-dialog__detail">{source.url}</p>
        <label className="field">
          <span className="field__label">Name</span>
          <input className="field__input" value={title} onChange={(event) => setTitle(event.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">Folder</span>
          <input className="field__input" list={listId} value={folder} placeholder="No folder" onChange={(event) => setFolder(event.target.value)} />
          <datalist id={listId}>
            {folders.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </label>
        <div className="field">
          <label className="field__label" htmlFor={tagsId}>
            Tags
          </label>
          <input
            id={tagsId}
            className="field__input"
            value={tags}
            placeholder="No tags"
            aria-describedby={tagsHintId}
            onChange={(event) => setTags(event.target.value)}
          />
          <span id={tagsHintId} className="field__hint">
            Separate tags with commas.
          </span>
        </div>
        <label className="choice">
          <input type="checkbox" checked={listed} onChange={(event) => setListed(event.target.checked)} />
          <span className="choice__title">List in my published blogroll</span>
          <span className="choice__detail">Share publishes the sources you list here as an OPML blogroll beside your feeds.</span>
        </label>
        <div className="seek-dialog__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            Save
          </button>
          <button type="button" className="button button--quiet" onClick={onClose}>
            Cancel
          </button>
        </div>

        <fieldset className="seek-dialog__danger">
          <legend>Unsubscribe</legend>
          <label className="choice">
            <input type="radio" name="unsubscribe-items" checked={items === 'keep'} onChange={() => setItems('keep')} />
            <span className="choice__title">Keep its items in the river</span>
          </label>
          <label className="choice">
            <input type="radio" name="unsubscribe-items" checked={items === 'delete'} onChange={() => setItems('delete')} />
            <span className="choice__title">Delete its items</span>
            <span className="choice__detail">Starred, read-later and highlighted items are kept.</span>
          </label>
          <button type="button" className="button button--danger" onClick={() => void onUnsubscribe()} disabled={busy}>
            Unsubscribe
          </button>
        </fieldset>
        {error && (
          <p role="alert" className="seek-dialog__error">
            {error}
          </p>
        )}
      </form>
    </ModalDialog>
  );
}
