import { useContext, useEffect, useId, useState, type FocusEvent, type KeyboardEvent, type Ref } from 'react';
import type { SearchHit } from '../../../shared/search/search-types';
import { useHashRouter } from '../../app/router';
import { addSavedSearch, DatabaseContext } from '../../data';
import { resultOptionId, SearchPanel } from './search-panel';
import { useIndexStatus, useQueryRequest, useSearchService } from './search-context';
import { useSearchResults } from './use-search-results';
import './search-box.css';

interface SearchBoxProps {
  /** The shell focuses the field from its global shortcuts (`/`, Ctrl/Cmd+K). */
  inputRef?: Ref<HTMLInputElement>;
  /** How the shortcut is drawn on this platform, e.g. "Ctrl K" or "⌘ K". */
  commandHint: string;
}

/** The global search field: a combobox whose results come from the search index as you type. */
export function SearchBox({ inputRef, commandHint }: SearchBoxProps) {
  const [query, setQuery] = useState('');
  const [focused, setFocused] = useState(false);
  const [active, setActive] = useState(0);
  const panelId = useId();
  const open = focused && query.trim() !== '';
  const db = useContext(DatabaseContext);
  const service = useSearchService();
  const status = useIndexStatus(service);
  const results = useSearchResults(service, query, status);
  const hits = results.state === 'done' ? results.answer.hits : [];
  const { navigate } = useHashRouter();
  const request = useQueryRequest();
  const [seenRequest, setSeenRequest] = useState(0);
  // A saved search chosen in the sidebar: show its query here, with its results open.
  if (request && request.serial !== seenRequest) {
    setSeenRequest(request.serial);
    setQuery(request.query);
    setActive(0);
  }
  useEffect(() => {
    if (request) document.getElementById(`${panelId}-input`)?.focus();
  }, [request, panelId]);

  const openHit = async (hit: SearchHit) => {
    if (hit.kind === 'note') navigate({ area: 'sense', path: ['note', hit.id] });
    else if (hit.kind === 'item') navigate({ area: 'seek', path: ['item', hit.id] });
    else {
      const highlight = await db?.highlights.get(hit.id);
      if (highlight) navigate({ area: 'seek', path: ['item', highlight.itemId] });
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      // One Escape gets the user out completely: the query is gone and the keys are the app's again.
      event.preventDefault();
      setQuery('');
      event.currentTarget.blur();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (hits.length === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (Math.min(current, hits.length - 1) + step + hits.length) % hits.length);
    } else if (event.key === 'Enter') {
      const hit = hits[Math.min(active, hits.length - 1)];
      if (!hit) return;
      event.preventDefault();
      void openHit(hit);
    }
  };

  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) setFocused(false);
  };

  const activeIndex = Math.min(active, Math.max(hits.length - 1, 0));
  return (
    <div className="search-box" data-empty={query === '' ? 'true' : 'false'} onFocus={() => setFocused(true)} onBlur={onBlur}>
      <svg className="search-box__icon" viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden="true" focusable="false">
        <circle cx="11" cy="11" r="7" />
        <path d="m20 20-3.5-3.5" />
      </svg>
      <input
        ref={inputRef}
        id={`${panelId}-input`}
        className="search-box__input"
        type="search"
        role="combobox"
        aria-label="Search"
        aria-keyshortcuts="/ Control+K Meta+K"
        aria-expanded={open}
        aria-controls={open ? `${panelId}-listbox` : undefined}
        aria-activedescendant={open && hits.length > 0 ? resultOptionId(panelId, activeIndex) : undefined}
        aria-describedby={open ? `${panelId}-message` : undefined}
        aria-autocomplete="list"
        placeholder="Search everything"
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
        value={query}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <span className="search-box__hint" aria-hidden="true">
        <kbd className="kbd">/</kbd>
        <span className="search-box__hint-or">or</span>
        <kbd className="kbd">{commandHint}</kbd>
      </span>
      {open && (
        <SearchPanel
          id={panelId}
          query={query.trim()}
          status={status}
          results={results}
          active={activeIndex}
          onOpen={(hit) => void openHit(hit)}
          onRebuild={() => void service?.rebuild()}
          onSave={db ? () => void addSavedSearch(db, query) : undefined}
        />
      )}
    </div>
  );
}
