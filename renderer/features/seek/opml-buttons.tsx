import { useRef, useState, type ChangeEvent } from 'react';
import { useDatabase } from '../../data';
import { describeImport, readFileText, skipReasonWords, downloadText, exportFileName, exportOpmlText, importOpmlText, type OpmlImportReport } from './opml-transfer';
import { useSeek } from './seek-context';
import type { Notify } from '../../ui/undo-toast';

type ImportState = { status: 'idle' } | { status: 'busy' } | { status: 'done'; report: OpmlImportReport } | { status: 'error'; message: string };

/** Import OPML (a file picker behind a button) with a report, and Export OPML as a download. */
export function OpmlButtons({ notify }: { notify: Notify }) {
  const db = useDatabase();
  const { pipeline, refreshSources } = useSeek();
  const picker = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<ImportState>({ status: 'idle' });

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // so choosing the same file again still fires a change
    if (!file) return;
    setState({ status: 'busy' });
    try {
      setState({ status: 'done', report: await importOpmlText(db, pipeline, await readFileText(file)) });
    } catch (error) {
      // OpmlError messages are written for people; anything else gets a plain sentence.
      const message = error instanceof Error && error.name === 'OpmlError' ? error.message : `“${file.name}” could not be read as an OPML file.`;
      setState({ status: 'error', message });
    }
  };

  const onExport = async () => {
    try {
      downloadText(await exportOpmlText(db, pipeline), exportFileName);
      notify({ text: `Saved your subscriptions as ${exportFileName}.` });
    } catch {
      notify({ text: 'Your subscriptions could not be exported. Please try again.' });
    }
  };

  return (
    <>
      <button type="button" className="button" onClick={() => picker.current?.click()} disabled={state.status === 'busy'}>
        Import OPML
      </button>
      <input ref={picker} type="file" accept=".opml,.xml,text/xml,text/x-opml" hidden tabIndex={-1} onChange={(event) => void onFile(event)} />
      <button type="button" className="button" onClick={() => void onExport()}>
        Export OPML
      </button>
      {state.status !== 'idle' && (
        <div className="opml-report">
          {state.status === 'busy' && <p aria-live="polite">Importing…</p>}
          {state.status === 'error' && <p role="alert">{state.message}</p>}
          {state.status === 'done' && (
            <ImportReport report={state.report} onRefresh={() => refreshSources(state.report.addedIds)} onClose={() => setState({ status: 'idle' })} />
          )}
        </div>
      )}
    </>
  );
}

function ImportReport({ report, onRefresh, onClose }: { report: OpmlImportReport; onRefresh: () => Promise<void>; onClose: () => void }) {
  const [refreshing, setRefreshing] = useState(false);
  return (
    <section className="opml-report__body" aria-label="OPML import">
      <p aria-live="polite">{describeImport(report)}</p>
      {report.skipped.length > 0 && (
        <details className="opml-report__skipped">
          <summary>Show what was skipped</summary>
          <ul>
            {report.skipped.map((skip, index) => (
              <li key={index}>
                <strong>{skipReasonWords(skip.reason)}</strong>: {skip.detail}
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="opml-report__actions">
        {report.addedIds.length > 0 && (
          <button
            type="button"
            className="button button--primary"
            disabled={refreshing}
            onClick={() => {
              setRefreshing(true);
              // The status line beside Refresh all shows the progress; the button waits for the end.
              void onRefresh().finally(() => setRefreshing(false));
            }}
          >
            {refreshing ? 'Refreshing imported feeds…' : 'Refresh imported feeds'}
          </button>
        )}
        <button type="button" className="button button--quiet" onClick={onClose}>
          Close
        </button>
      </div>
    </section>
  );
}
