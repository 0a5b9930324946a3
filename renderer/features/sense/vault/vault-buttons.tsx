import { useRef, useState, type ChangeEvent } from 'react';
import { useDatabase } from '../../../data';
import { readVaultFiles } from './vault-files';
import { importVault } from './vault-import';
import { exportVault, vaultZipName } from './vault-export';
import { describeImport, skipReasonWords, type ImportReport } from './vault-report';
import { downloadFile } from '../../../ui/download';

type VaultState =
  | { status: 'idle' }
  | { status: 'busy'; message: string }
  | { status: 'imported'; report: ImportReport }
  | { status: 'exported'; message: string }
  | { status: 'error'; message: string };

/**
 * Import vault (a folder picker), Import .zip (a zipped vault) and Export vault (a zip download), with
 * progress and the outcome in a status line and, after an import, what was skipped and why.
 */
export function VaultButtons() {
  const db = useDatabase();
  const folderPicker = useRef<HTMLInputElement>(null);
  const zipPicker = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<VaultState>({ status: 'idle' });
  const busy = state.status === 'busy';

  const onPicked = async (event: ChangeEvent<HTMLInputElement>) => {
    const picked = Array.from(event.target.files ?? []);
    event.target.value = ''; // so picking the same folder again still fires a change
    if (picked.length === 0) return;
    setState({ status: 'busy', message: `Reading ${picked.length === 1 ? picked[0]!.name : `${picked.length} files`}…` });
    try {
      const read = await readVaultFiles(picked);
      const total = read.files.length;
      setState({ status: 'busy', message: `Importing 0 of ${total} files…` });
      const report = await importVault(db, read.files, {
        onProgress: (done) => setState({ status: 'busy', message: `Importing ${done} of ${total} files…` }),
      });
      setState({ status: 'imported', report: { ...report, skipped: [...read.skipped, ...report.skipped] } });
    } catch {
      setState({ status: 'error', message: 'The vault could not be imported. Nothing was overwritten; please try again.' });
    }
  };

  const onExport = async () => {
    setState({ status: 'busy', message: 'Exporting your notes…' });
    try {
      const zip = await exportVault(db, {
        onProgress: (done, total) => setState({ status: 'busy', message: `Exporting ${done} of ${total} files…` }),
      });
      const fileName = vaultZipName();
      downloadFile(zip as Uint8Array<ArrayBuffer>, fileName, 'application/zip');
      setState({ status: 'exported', message: `Saved your notes as “${fileName}”.` });
    } catch {
      setState({ status: 'error', message: 'Your notes could not be exported. Please try again.' });
    }
  };

  return (
    <div className="vault-buttons">
      <button type="button" className="button" disabled={busy} onClick={() => folderPicker.current?.click()}>
        Import vault
      </button>
      <input
        ref={(input) => {
          folderPicker.current = input;
          // Not in React's typings: lets the picker choose a folder, whose files arrive with their paths.
          input?.setAttribute('webkitdirectory', '');
        }}
        type="file"
        multiple
        hidden
        tabIndex={-1}
        aria-label="Vault folder"
        onChange={(event) => void onPicked(event)}
      />
      <button type="button" className="button" disabled={busy} onClick={() => zipPicker.current?.click()}>
        Import .zip
      </button>
      <input
        ref={zipPicker}
        type="file"
        accept=".zip,application/zip"
        hidden
        tabIndex={-1}
        aria-label="Zipped vault"
        onChange={(event) => void onPicked(event)}
      />
      <button type="button" className="button" disabled={busy} onClick={() => void onExport()}>
        Export vault
      </button>
      <p role="status" className="vault-buttons__status">
        {state.status === 'busy' && state.message}
        {state.status === 'exported' && state.message}
        {state.status === 'imported' && describeImport(state.report)}
      </p>
      {state.status === 'error' && <p role="alert">{state.message}</p>}
      {state.status === 'imported' && <ImportDetails report={state.report} />}
    </div>
  );
}

function ImportDetails({ report }: { report: ImportReport }) {
  if (report.skipped.length === 0 && report.problems.length === 0) return null;
  return (
    <section className="vault-buttons__report" aria-label="Vault import">
      {report.skipped.length > 0 && (
        <details>
          <summary>Show what was skipped</summary>
          <ul>
            {report.skipped.map((skip, index) => (
              <li key={index}>
                <strong>{skip.path}</strong>: {skipReasonWords(skip.reason)}
              </li>
            ))}
          </ul>
        </details>
      )}
      {report.problems.length > 0 && (
        <details>
          <summary>Show notes imported with a caveat</summary>
          <ul>
            {report.problems.map((problem, index) => (
              <li key={index}>
                <strong>{problem.path}</strong>: {problem.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
