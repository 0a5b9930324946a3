/** "New note from this": starts a note that cites the item, and opens it in Sense to write. */
import { useState } from 'react';
import type { Item } from '../../../../shared/model';
import { useHashRouter } from '../../../app/router';
import { createNoteFromItem, useDatabase } from '../../../data';
import { errorWords } from '../../../ui/error-words';

export function NewNoteFromItemButton({ item }: { item: Item }) {
  const db = useDatabase();
  const { navigate } = useHashRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const note = await createNoteFromItem(db, item.id);
      navigate({ area: 'sense', path: ['note', note.id] });
    } catch (caught) {
      setError(errorWords(caught, 'The note could not be created. Please try again.').message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="button" onClick={() => void start()} disabled={busy} aria-busy={busy}>
        New note from this
      </button>
      {error && (
        <p role="alert" className="reader__error">
          {error}
        </p>
      )}
    </>
  );
}
