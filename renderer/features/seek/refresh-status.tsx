import { useSyncExternalStore } from 'react';
import { describeProgress, idleProgress, type RefreshProgress } from './refresh-queue';
import { useSeek } from './seek-context';

const noQueue = {
  subscribe: () => () => undefined,
  getSnapshot: (): RefreshProgress => idleProgress,
};

/** The refresh queue's progress, re-rendering only the components that show it. */
export function useRefreshProgress(): RefreshProgress {
  const { queue } = useSeek();
  const source = queue ?? noQueue;
  return useSyncExternalStore(source.subscribe, source.getSnapshot);
}

/**
 * "Refreshing 12 of 40 · 2 failed" while it runs, a summary after. It appears only once a refresh
 * has started, so an idle Seek has no empty status region.
 */
export function RefreshStatus() {
  const progress = useRefreshProgress();
  if (progress.total === 0) return null;
  return (
    <div className="refresh-status" data-running={progress.running ? 'true' : undefined}>
      <p role="status" className="refresh-status__text">
        {describeProgress(progress)}
      </p>
      {progress.running && <progress className="refresh-status__bar" max={progress.total} value={progress.done} aria-hidden="true" />}
      {!progress.running && progress.failures.length > 0 && (
        <details className="refresh-status__failures">
          <summary>Which failed</summary>
          <ul>
            {progress.failures.map((failure) => (
              <li key={failure.id}>
                <strong>{failure.title}</strong>: {failure.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
