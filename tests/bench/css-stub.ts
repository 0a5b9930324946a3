/**
 * Lets Node import renderer modules that import their stylesheets (Vite handles `import './x.css'` in the app):
 * a loader hook that answers every .css import with an empty module. Call before importing renderer code.
 */
import { register } from 'node:module';

const cssStub = `export async function load(url, context, next) {
  return url.endsWith('.css') ? { format: 'module', source: '', shortCircuit: true } : next(url, context);
}`;

let registered = false;

export function ignoreStylesheets(): void {
  if (registered) return;
  registered = true;
  register(`data:text/javascript,${encodeURIComponent(cssStub)}`);
}
