import { DatabaseContext, useOpenedDatabase, type CommonplaceDb } from '../data';
import { useAutomaticBackups } from '../features/backup';
import { SearchProvider } from '../features/search';
import { SeekRoot } from '../features/seek';
import type { HostClient } from '../host/host-client';
import { HostContext } from '../host/host-context';
import { AppShell } from './app-shell';
import { useHashRouter } from './router';
import { useAppInfo } from './use-app-info';

interface AppProps {
  /** Passed in, not imported, so tests can hand the app a fake host. */
  host: HostClient;
  /**
   * The library, opened once by main.tsx. Optional so shell tests can run without one; the areas
   * that need it say they are waiting for it.
   */
  database?: Promise<CommonplaceDb>;
}

export function App({ host, database }: AppProps) {
  const { route, navigate } = useHashRouter();
  const { state, retry } = useAppInfo(host);
  const library = useOpenedDatabase(database);
  useAutomaticBackups(library.status === 'ready' ? library.db : null, host, state.status === 'ready' ? state.info.version : undefined);
  return (
    <DatabaseContext.Provider value={library.status === 'ready' ? library.db : null}>
      <HostContext.Provider value={host}>
        <SeekRoot host={host} libraryError={library.status === 'error' ? library.message : undefined}>
          <SearchProvider>
            <AppShell area={route.area} onNavigate={(area) => navigate({ area })} appInfo={state} onRetryAppInfo={retry} />
          </SearchProvider>
        </SeekRoot>
      </HostContext.Provider>
    </DatabaseContext.Provider>
  );
}
