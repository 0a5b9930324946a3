/**
 * Sense's one message line (deleted notes with Undo, link problems). A live region that is always in
 * the page, so screen readers announce what changes in it; a message stays until replaced or dismissed.
 */
import { useCallback, useState } from 'react';

export interface SenseMessage {
  text: string;
  undo?: () => Promise<void>;
}

export type SenseNotify = (message: SenseMessage) => void;

export function useSenseToast(): { message: SenseMessage | null; notify: SenseNotify; dismiss: () => void } {
  const [message, setMessage] = useState<SenseMessage | null>(null);
  const notify = useCallback<SenseNotify>((next) => setMessage(next), []);
  const dismiss = useCallback(() => setMessage(null), []);
  return { message, notify, dismiss };
}

export function SenseToast({ message, notify, dismiss }: { message: SenseMessage | null; notify: SenseNotify; dismiss: () => void }) {
  const [busy, setBusy] = useState(false);
  const undo = async () => {
    if (!message?.undo) return;
    setBusy(true);
    try {
      await message.undo();
      notify({ text: 'Undone.' });
    } catch (error) {
      notify({ text: error instanceof Error ? error.message : 'That could not be undone.' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="sense-toast" aria-live="polite" data-open={message ? 'true' : 'false'}>
      {message && (
        <div className="sense-toast__body">
          <p className="sense-toast__text">{message.text}</p>
          {message.undo && (
            <button type="button" className="button" onClick={() => void undo()} disabled={busy}>
              Undo
            </button>
          )}
          <button type="button" className="button button--quiet" aria-label="Dismiss" onClick={dismiss}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
