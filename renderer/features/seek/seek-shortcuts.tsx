import { triageShortcuts } from './triage-keys';

/**
 * Seek's keys, where the river is. The app's ? dialog lists the app-wide keys; these single keys
 * belong to Seek (index.ts exports the same list for the app's dialog to include).
 */
export function SeekShortcuts() {
  return (
    <details className="seek-shortcuts">
      <summary>Triage keys</summary>
      <dl>
        {triageShortcuts.map(([keys, action]) => (
          <div key={action} className="seek-shortcuts__row">
            <dt>
              {keys.map((key, index) => (
                <span key={key}>
                  {index > 0 && ' or '}
                  <kbd className="kbd">{key}</kbd>
                </span>
              ))}
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
