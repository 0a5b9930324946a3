import { triageShortcuts } from '../features/seek';
import { areaEntries } from './areas';
import type { ShortcutLabels } from './keyboard-shortcuts';
import { ModalDialog } from '../ui/modal-dialog';
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
    <ModalDialog className="shortcuts-dialog" labelledBy="shortcuts-title" onClose={onClose}>
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
    </ModalDialog>
  );
}
