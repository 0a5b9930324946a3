import type { Ref } from 'react';
import { SearchBox } from '../features/search';
import type { ShortcutLabels } from './keyboard-shortcuts';

interface AppHeaderProps {
  searchRef: Ref<HTMLInputElement>;
  labels: ShortcutLabels;
  onShowShortcuts: () => void;
}

export function AppHeader({ searchRef, labels, onShowShortcuts }: AppHeaderProps) {
  return (
    <header className="app-header">
      <div className="brand">
        <svg className="brand__mark" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
          <rect width="32" height="32" rx="8" fill="currentColor" />
          <path className="brand__book" d="M9 10.5c2.6-.9 4.9-.6 7 1v11c-2.1-1.6-4.4-1.9-7-1z M23 10.5c-2.6-.9-4.9-.6-7 1v11c2.1-1.6 4.4-1.9 7-1z" fill="none" strokeWidth="1.6" strokeLinejoin="round" />
        </svg>
        <span className="brand__name">Commonplace</span>
      </div>
      <div className="app-header__search">
        <SearchBox inputRef={searchRef} commandHint={labels.search} />
      </div>
      <button type="button" className="icon-button" aria-label="Keyboard shortcuts" aria-haspopup="dialog" aria-keyshortcuts="?" onClick={onShowShortcuts}>
        <span aria-hidden="true">?</span>
      </button>
    </header>
  );
}
