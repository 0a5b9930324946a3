/**
 * The reader's own status line for highlight work ("Added to …" with Open note, "Highlight removed"
 * with Undo). A live region that is always present, so screen readers announce what changes in it,
 * and stays until replaced or dismissed, so an Undo is not taken away from anyone who reads slowly.
 */
import { useCallback, useState } from 'react';
import { errorWords } from '../../../ui/error-words';

export interface ReaderStatusMessage {
  text: string;
  link?: { href: string; label: string };
  undo?: () => Promise<void>;
}

export function useReaderStatus(): { status: ReaderStatusMessage | null; say: (message: ReaderStatusMessage | null) => void } {
  const [status, setStatus] = useState<ReaderStatusMessage | null>(null);
  const say = useCallback((message: ReaderStatusMessage | null) => setStatus(message), []);
  return { status, say };
}

export function ReaderStatus({ status, say }: { status: ReaderStatusMessage | null; say: (message: ReaderStatusMessage | null) => void }) {
  const [busy, setBusy] = useState(false);
  const undo = async () => {
    if (!status?.undo) return;
    setBusy(true);
    try {
      await status.undo();
      say({ text: 'Undone.' });
    } catch (error) {
      say({ text: errorWords(error, 'That could not be undone.').message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="reader-status" role="status" data-open={status ? 'true' : 'false'}>
      {status && (
        <div className="reader-status__body">
          <p className="reader-status__text">{status.text}</p>
          {status.link && (
            <a className="button button--quiet" href={status.link.href}>
              {status.link.label}
            </a>
          )}
          {status.undo && (
            <button type="button" className="button button--quiet" onClick={() => void undo()} disabled={busy}>
              Undo
            </button>
          )}
          <button type="button" className="button button--quiet" aria-label="Dismiss" onClick={() => say(null)}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
