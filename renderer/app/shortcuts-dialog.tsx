import { useLayoutEffect, useRef, type MouseEvent } from 'react';
import { triageShortcuts } from '../features/seek';
import { areaEntries } from './areas';
import type { ShortcutLabels } from './keyboard-shortcuts';
import './shortcuts-dialog.css';

interface ShortcutsDialogProps {
  labels: ShortcutLabels;
  onClose: () => void;
}

/**
 * The `?` help, as a native modal <dialog>: the browser gives focus trapping, Escape, the top layer
 * and focus return for free. Mount it to open it; it reports every way of closing through onClose.
 */
export function ShortcutsDialog({ labels, onClose }: ShortcutsDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    // jsdom (unit tests) has no showModal; an open non-modal dialog is the closest it can show.
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
  }, []);

  // A click on the backdrop lands on the <dialog> itself, not on its content.
  const onBackdropClick = (event: MouseEvent<HTMLDialogElement>) => {
    if (event.target === event.currentTarget) onClose();
  };

  const rows: Array<[keys: string[], action: string]> = [
    [['/', labels.search], 'Search everything'],
    [['Esc'], 'Clear the search, or close this help'],
    ...areaEntries.map(({ area, label }): [string[], string] => [[labels.area(area)], `Go to ${label}`]),
    [['?'], 'Show these shortcuts'],
    // Seek's triage keys, listed here too so `?` shows every shortcut in one place.
    ...triageShortcuts
      .filter(([keys]) => !keys.includes('/') && !keys.includes('?'))
      .map(([keys, action]): [string[], string] => [[...keys], `Seek: ${action}`]),
  ];

  return (
    <dialog ref={ref} className="modal-dialog shortcuts-dialog" aria-labelledby="shortcuts-title" onClose={onClose} onClick={onBackdropClick}>
      <div className="shortcuts-dialog__body">
        <h2 id="shortcuts-title" className="shortcuts-dialog__title">
          Keyboard shortcuts
        </h2>
        <dl className="shortcut-list">
          {rows.map(([keys, action]) => (
            <div key={action} className="shortcut-list__row">
              <dt className="shortcut-list__keys">
                {keys.map((key, index) => (
                  <span key={key}>
                    {index > 0 && <span className="shortcut-list__or"> or </span>}
                    <kbd className="kbd">{key}</kbd>
                  </span>
                ))}
              </dt>
              <dd className="shortcut-list__action">{action}</dd>
            </div>
          ))}
        </dl>
        <p className="shortcuts-dialog__note">Single-key shortcuts pause while you type in a field; {labels.search} always works.</p>
        <button type="button" className="button" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </dialog>
  );
}
