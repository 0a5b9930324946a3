import { useCallback, useState } from 'react';
import { errorWords } from './error-words';
import './undo-toast.css';

export interface ToastMessage {
  text: string;
  /** When given, the toast offers Undo, which runs this and then says so. */
  undo?: () => Promise<void>;
}

export type Notify = (message: ToastMessage) => void;

/** One toast at a time: a newer message replaces the older (its Undo goes with it). */
export function useToast(): { toast: ToastMessage | null; notify: Notify; dismiss: () => void } {
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const notify = useCallback<Notify>((message) => setToast(message), []);
  const dismiss = useCallback(() => setToast(null), []);
  return { toast, notify, dismiss };
}

interface UndoToastProps {
  toast: ToastMessage | null;
  onNotify: Notify;
  onDismiss: () => void;
}

/**
 * The live region is always in the page (screen readers announce changes to a region they already
 * know), and stays until dismissed or replaced: a toast that vanishes on a timer takes the Undo
 * away from anyone who reads slowly.
 */
export function UndoToast({ toast, onNotify, onDismiss }: UndoToastProps) {
  const [busy, setBusy] = useState(false);
  const undo = async () => {
    if (!toast?.undo) return;
    setBusy(true);
    try {
      await toast.undo();
      onNotify({ text: 'Undone.' });
    } catch (error) {
      onNotify({ text: errorWords(error, 'That could not be undone.').message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="undo-toast" aria-live="polite" data-open={toast ? 'true' : 'false'}>
      {toast && (
        <div className="undo-toast__body">
          <p className="undo-toast__text">{toast.text}</p>
          {toast.undo && (
            <button type="button" className="button undo-toast__undo" onClick={() => void undo()} disabled={busy}>
              Undo
            </button>
          )}
          <button type="button" className="button button--quiet" aria-label="Dismiss" onClick={onDismiss}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
