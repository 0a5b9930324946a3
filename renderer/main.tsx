// Entry: wires the host connection into the app and nothing else.
// The global stylesheet comes first so that component stylesheets, emitted after it, win ties.
import './styles.css';
// Before anything that builds a zod schema (see the module).
import './zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { openDatabase, recoverJournal } from './data';
import { connectHost } from './host/host-client';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element to render Commonplace into.');

// One client for the app's lifetime: the transport cannot change while the page is open.
const host = connectHost();
// The library opens once, alongside the first render; the shell does not wait for it.
// Before anything reads it, note edits that reached the journal but not the database (the window closed
// a keystroke after typing, or the app crashed) are replayed, so the first note opened is already whole.
const database = openDatabase().then(async (db) => {
  try {
    const recovered = await recoverJournal(db, window.localStorage);
    if (recovered > 0) console.info(`Recovered unsaved edits to ${recovered} note(s).`);
  } catch (error) {
    console.warn('Unsaved note edits could not be replayed; they stay in the journal for the next start.', error);
  }
  return db;
});
// App reports a failure in words; this only keeps the browser from calling it unhandled meanwhile.
database.catch(() => undefined);

createRoot(container).render(
  <StrictMode>
    <App host={host} database={database} />
  </StrictMode>,
);
