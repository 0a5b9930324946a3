import type { Ref } from 'react';
import { SearchBox } from '../features/search';
import type { ShortcutLabels } from './keyboard-shortcuts';

interface AppHeaderProps {
  searchRef: Ref<HTMLInputElement>;
  labels: ShortcutLabels;
  onShowShortcuts: () => void;
  onShowBackup: () => void;
}

export function AppHeader({ searchRef, labels, onShowShortcuts, onShowBackup }: AppHeaderProps) {
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
      <button type="button" className="icon-button" aria-label="Backup and restore" aria-haspopup="dialog" title="Backup and restore" onClick={onShowBackup}>
        <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
          <path d="M4 11.5v3.5h12v-3.5 M10 3.5v8 M6.5 8.5l3.5 3.5 3.5-3.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      <button type="button" className="icon-button" aria-label="Keyboard shortcuts" aria-haspopup="dialog" aria-keyshortcuts="?" onClick={onShowShortcuts}>
        <span aria-hidden="true">?</span>
      </button>
    </header>
  );
}
