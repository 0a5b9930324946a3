// Entry: wires the host connection into the app and nothing else.
// The global stylesheet comes first so that component stylesheets, emitted after it, win ties.
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { openDatabase } from './data';
import { connectHost } from './host/host-client';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element to render Commonplace into.');

// One client for the app's lifetime: the transport cannot change while the page is open.
const host = connectHost();
// The library opens once, alongside the first render; the shell does not wait for it.
const database = openDatabase();
// App reports a failure in words; this only keeps the browser from calling it unhandled meanwhile.
database.catch(() => undefined);

createRoot(container).render(
  <StrictMode>
    <App host={host} database={database} />
  </StrictMode>,
);
