/**
 * What the search box answers: the index's state while it is being built, then results as you type, each
 * with its kind, title, where it came from, its date and a snippet with the matched words marked. Arrow
 * keys move through them (the box keeps focus, as in a combobox), Enter opens one.
 */
import type { SearchHit } from '../../../shared/search/search-types';
import type { IndexStatus } from './engine/search-service';
import type { SearchResults } from './use-search-results';

interface SearchPanelProps {
  id: string;
  query: string;
  status: IndexStatus;
  results: SearchResults;
  active: number;
  onOpen: (hit: SearchHit) => void;
  onRebuild: () => void;
  /** Saves the query to the sidebar; absent while the library is not open. */
  onSave?: (() => void) | undefined;
}

export function resultOptionId(panelId: string, index: number): string {
  return `${panelId}-result-${index}`;
}

const kindWords: Record<SearchHit['kind'], string> = { note: 'Note', item: 'Item', highlight: 'Highlight' };

function Snippet({ hit }: { hit: SearchHit }) {
  const parts: Array<string | { marked: string }> = [];
  let at = 0;
  for (const [start, end] of hit.marks) {
    if (start < at) continue;
    if (start > at) parts.push(hit.snippet.slice(at, start));
    parts.push({ marked: hit.snippet.slice(start, end) });
    at = end;
  }
  if (at < hit.snippet.length) parts.push(hit.snippet.slice(at));
  return (
    <span className="search-result__snippet">
      {parts.map((part, index) => (typeof part === 'string' ? part : <mark key={index}>{part.marked}</mark>))}
    </span>
  );
}

function statusWords(status: IndexStatus): string | null {
  switch (status.state) {
    case 'starting':
      return 'Opening the search index…';
    case 'building':
      return `${status.reason} ${status.done.toLocaleString()} of ${status.total.toLocaleString()} done…`;
    case 'catching-up':
      return 'Adding what changed since the last start…';
    case 'failed':
      return `Search is unavailable: ${status.message}`;
    case 'ready':
      return null;
  }
}

export function SearchPanel({ id, query, status, results, active, onOpen, onRebuild, onSave }: SearchPanelProps) {
  const words = statusWords(status);
  const hits = results.state === 'done' ? results.answer.hits : [];
  // Results name the query they answer: while the answer to a newer keystroke is on its way, the list still
  // shows (and says it shows) the previous one, and is marked busy.
  const answered = results.state === 'done' ? results.query : query;
  const busy = results.state === 'done' && results.query !== query;
  return (
    <div id={id} className="search-panel" role="region" aria-label="Search results">
      {words && (
        <p className="search-panel__status" role="status">
          {status.state === 'building' && <progress className="search-panel__progress" max={status.total || 1} value={status.done} />}
          {words}
        </p>
      )}
      {results.state === 'done' && results.answer.warnings.length > 0 && (
        <ul className="search-panel__warnings">
          {results.answer.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      {results.state === 'failed' && (
        <p className="search-panel__text" role="alert">
          {results.message}
        </p>
      )}
      {results.state === 'done' && hits.length === 0 && (
        <p className="search-panel__text" id={`${id}-message`}>
          Nothing matches <q className="search-panel__query">{answered}</q>. Try fewer words, or remove a filter.
        </p>
      )}
      {hits.length > 0 && (
        <ul className="search-panel__results" role="listbox" id={`${id}-listbox`} aria-label={`Results for ${answered}`} aria-busy={busy || undefined}>
          {hits.map((hit, index) => (
            <li
              key={hit.id}
              id={resultOptionId(id, index)}
              role="option"
              aria-selected={index === active}
              className="search-result"
              // Keep focus in the box: a click opens without blurring it first.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onOpen(hit)}
            >
              <span className="search-result__head">
                <span className="search-result__kind" data-kind={hit.kind}>
                  {kindWords[hit.kind]}
                </span>
                <span className="search-result__title">{hit.title || 'Untitled'}</span>
                <time className="search-result__date" dateTime={new Date(hit.date).toISOString()}>
                  {new Date(hit.date).toLocaleDateString(undefined, { dateStyle: 'medium' })}
                </time>
              </span>
              <Snippet hit={hit} />
            </li>
          ))}
        </ul>
      )}
      <p className="search-panel__hint">
        <kbd className="kbd">↑</kbd> <kbd className="kbd">↓</kbd> choose · <kbd className="kbd">Enter</kbd> opens · <kbd className="kbd">Esc</kbd> clears ·{' '}
        {onSave && (
          <>
            <button type="button" className="search-panel__rebuild" onMouseDown={(event) => event.preventDefault()} onClick={onSave}>
              Save this search
            </button>{' '}
            ·{' '}
          </>
        )}
        <button type="button" className="search-panel__rebuild" onMouseDown={(event) => event.preventDefault()} onClick={onRebuild} disabled={status.state === 'building'}>
          Rebuild search index
        </button>
      </p>
    </div>
  );
}
