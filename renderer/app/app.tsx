import type { HostClient } from '../host/host-client';
import { AppShell } from './app-shell';
import { useHashRouter } from './router';
import { useAppInfo } from './use-app-info';

interface AppProps {
  /** Passed in, not imported, so tests can hand the app a fake host. */
  host: HostClient;
}

export function App({ host }: AppProps) {
  const { route, navigate } = useHashRouter();
  const { state, retry } = useAppInfo(host);
  return <AppShell area={route.area} onNavigate={(area) => navigate({ area })} appInfo={state} onRetryAppInfo={retry} />;
}
