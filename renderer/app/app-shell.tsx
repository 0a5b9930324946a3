import { useCallback, useContext, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { DatabaseContext } from '../data';
import { BackupDialog } from '../features/backup';
import { AppHeader } from './app-header';
import { AreaNav } from './area-nav';
import { areaEntry } from './areas';
import { isApplePlatform, shortcutLabels, type ShortcutAction } from './keyboard-shortcuts';
import type { Area } from './router';
import { ShortcutsDialog } from './shortcuts-dialog';
import { StatusBar } from './status-bar';
import type { AppInfoState } from './use-app-info';
import { useGlobalShortcuts } from './use-global-shortcuts';
import './app-shell.css';

interface AppShellProps {
  area: Area;
  /** After a backup is restored; the app passes a reload, so every view starts again on the restored archive. */
  onRestored?: () => void;
  onNavigate: (area: Area) => void;
  appInfo: AppInfoState;
  onRetryAppInfo: () => void;
}

/** Leaves a moment to read the message, then starts the app again on the restored archive. */
function reloadSoon(): void {
  window.setTimeout(() => window.location.reload(), 1_500);
}

/** Header with search, the three areas in a sidebar, the current area's view, and the status line. */
export function AppShell({ area, onNavigate, appInfo, onRetryAppInfo, onRestored = reloadSoon }: AppShellProps) {
  const searchRef = useRef<HTMLInputElement>(null);
  const mainRef = useRef<HTMLElement>(null);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const [showBackup, setShowBackup] = useState(false);
  const db = useContext(DatabaseContext);
  const labels = useMemo(() => shortcutLabels(isApplePlatform(navigator.userAgent)), []);
  const { View, label } = areaEntry(area);

  // Every area view renders one h1 with tabIndex=-1; landing there tells screen-reader and
  // keyboard users where they are, as a page load would.
  const focusHeading = useCallback(() => {
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, []);

  const previousArea = useRef(area);
  useEffect(() => {
    document.title = `${label} · Commonplace`;
    // Not on first load: the user has not moved yet, and the skip link should stay first.
    if (previousArea.current === area) return;
    previousArea.current = area;
    focusHeading();
  }, [area, label, focusHeading]);

  const onShortcut = (action: ShortcutAction) => {
    switch (action.type) {
      case 'focus-search':
        searchRef.current?.focus();
        searchRef.current?.select();
        break;
      case 'show-help':
        setShowShortcuts(true);
        break;
      case 'go':
        onNavigate(action.area);
        break;
    }
  };
  useGlobalShortcuts(onShortcut);

  // The skip link must not change the hash: `#main-content` is not a route.
  const onSkip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    focusHeading();
  };

  return (
    <div className="app-shell" data-area={area}>
      <a className="skip-link" href="#main-content" onClick={onSkip}>
        Skip to content
      </a>
      <AppHeader searchRef={searchRef} labels={labels} onShowShortcuts={() => setShowShortcuts(true)} onShowBackup={() => setShowBackup(true)} />
      <AreaNav current={area} labels={labels} />
      <main id="main-content" ref={mainRef} className="app-main">
        <View key={area} />
      </main>
      <StatusBar appInfo={appInfo} onRetry={onRetryAppInfo} />
      {showShortcuts && <ShortcutsDialog labels={labels} onClose={() => setShowShortcuts(false)} />}
      {showBackup && db && (
        <BackupDialog
          appVersion={appInfo.status === 'ready' ? appInfo.info.version : 'unknown'}
          onClose={() => setShowBackup(false)}
          onRestored={onRestored}
        />
      )}
    </div>
  );
}
