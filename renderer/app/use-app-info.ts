import { useCallback, useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/host-contract';
import { HostCallError } from '../../shared/host-error';
import type { HostClient } from '../host/host-client';

export type AppInfoState =
  | { status: 'loading' }
  | { status: 'ready'; info: AppInfo }
  | { status: 'error'; message: string };

/** "Commonplace 0.1.0 · linux · browser mode": who answered, and over which transport. */
export function describeAppInfo(info: AppInfo): string {
  const mode = info.transport === 'http' ? 'browser mode' : 'desktop';
  return `${info.name} ${info.version} · ${info.platform} · ${mode}`;
}

// HostCallError messages are written for users; anything else may be a transport's internals.
const unexpectedFailure = 'Commonplace could not talk to its host. Restart the app and try again.';

export function errorMessage(error: unknown): string {
  return error instanceof HostCallError && error.message.trim() !== '' ? error.message : unexpectedFailure;
}

/** Asks the host who it is once per attempt; `retry` asks again after a failure. */
export function useAppInfo(host: HostClient): { state: AppInfoState; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<AppInfoState>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    host.call('app:info', {}).then(
      (info) => current && setState({ status: 'ready', info }),
      (error: unknown) => current && setState({ status: 'error', message: errorMessage(error) }),
    );
    // A newer attempt or an unmount makes this answer stale; never let it overwrite a fresher one.
    return () => {
      current = false;
    };
  }, [host, attempt]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return { state, retry };
}
