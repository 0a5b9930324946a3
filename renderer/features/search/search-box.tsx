import { useId, useState, type FocusEvent, type KeyboardEvent, type Ref } from 'react';
import { SearchPanel } from './search-panel';
import './search-box.css';

interface SearchBoxProps {
  /** The shell focuses the field from its global shortcuts (`/`, Ctrl/Cmd+K). */
  inputRef?: Ref<HTMLInputElement>;
  /** How the shortcut is drawn on this platform, e.g. "Ctrl K" or "⌘ K". */
  commandHint: string;
}

/** The global search field. It owns its query; the panel shows only while the box has focus. */
export function SearchBox({ inputRef, commandHint }: SearchBoxProps) {
  const [query, setQuery] = useState('');
  const [focused, setFocused] = useState(false);
  const panelId = useId();
  const open = focused && query.trim() !== '';

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Escape') return;
    // One Escape gets the user out completely: the query is gone and the keys are the app's again.
    event.preventDefault();
    setQuery('');
    event.currentTarget.blur();
  };

  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) setFocused(false);
  };

  return (
    <div className="search-box" data-empty={query === '' ? 'true' : 'false'} onFocus={() => setFocused(true)} onBlur={onBlur}>
      <svg className="search-box__icon" viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden="true" focusable="false">
        <circle cx="11" cy="11" r="7" />
        <path d="m20 20-3.5-3.5" />
      </svg>
      <input
        ref={inputRef}
        className="search-box__input"
        type="search"
        aria-label="Search"
        aria-keyshortcuts="/ Control+K Meta+K"
        aria-controls={open ? panelId : undefined}
        aria-describedby={open ? `${panelId}-message` : undefined}
        placeholder="Search everything"
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <span className="search-box__hint" aria-hidden="true">
        <kbd className="kbd">/</kbd>
        <span className="search-box__hint-or">or</span>
        <kbd className="kbd">{commandHint}</kbd>
      </span>
      {open && <SearchPanel id={panelId} query={query.trim()} />}
    </div>
  );
}
