import { describeAppInfo, type AppInfoState } from './use-app-info';
import { storageWarning, useStorageStatus } from './use-storage-status';

interface StatusBarProps {
  appInfo: AppInfoState;
  onRetry: () => void;
}

/** The footer line: which host answered (or why none did), in words. */
export function StatusBar({ appInfo, onRetry }: StatusBarProps) {
  const storage = storageWarning(useStorageStatus());
  return (
    <footer className="status-bar">
      <div className="status-bar__info" data-testid="app-info" data-status={appInfo.status}>
        <span className="status-bar__dot" aria-hidden="true" />
        {appInfo.status === 'error' ? (
          <p role="alert" className="status-bar__text">
            {appInfo.message}
          </p>
        ) : (
          <p role="status" className="status-bar__text">
            {appInfo.status === 'ready' ? describeAppInfo(appInfo.info) : 'Connecting to host…'}
          </p>
        )}
      </div>
      {storage && (
        <p role="alert" className="status-bar__text status-bar__warning">
          {storage}
        </p>
      )}
      {appInfo.status === 'error' && (
        <button type="button" className="button button--quiet status-bar__retry" onClick={onRetry}>
          Try again
        </button>
      )}
    </footer>
  );
}
