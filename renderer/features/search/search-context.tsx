/**
 * One search service for the app, started when the library opens and stopped with it. Components reach
 * it through useSearchService(); the status (building, catching up, ready) through useIndexStatus().
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { DatabaseContext } from '../../data';
import { defaultIndexHost, type IndexHost } from './engine/index-host';
import { SearchService, type IndexStatus } from './engine/search-service';

const SearchContext = createContext<SearchService | null>(null);

/** A request from elsewhere in the app (a saved search in the sidebar) to show a query in the search box. */
export interface QueryRequest {
  query: string;
  /** Distinguishes asking twice for the same query. */
  serial: number;
}

const QueryRequestContext = createContext<{ request: QueryRequest | null; ask: (query: string) => void }>({
  request: null,
  ask: () => undefined,
});

export function SearchProvider({ children, makeHost = defaultIndexHost }: { children: ReactNode; makeHost?: () => IndexHost }) {
  const db = useContext(DatabaseContext);
  // Creating a service does nothing yet; the effect starts it and stops it with the library.
  const service = useMemo(() => (db ? new SearchService(db, makeHost) : null), [db, makeHost]);
  useEffect(() => {
    if (!service) return;
    void service.start();
    return () => service.stop();
  }, [service]);
  const [request, setRequest] = useState<QueryRequest | null>(null);
  const ask = useCallback((query: string) => setRequest((current) => ({ query, serial: (current?.serial ?? 0) + 1 })), []);
  const requests = useMemo(() => ({ request, ask }), [request, ask]);
  return (
    <SearchContext value={service}>
      <QueryRequestContext value={requests}>{children}</QueryRequestContext>
    </SearchContext>
  );
}

/** Asks the search box to show a query (and open its results). */
export function useAskSearch(): (query: string) => void {
  return useContext(QueryRequestContext).ask;
}

export function useQueryRequest(): QueryRequest | null {
  return useContext(QueryRequestContext).request;
}

export function useSearchService(): SearchService | null {
  return useContext(SearchContext);
}

const starting: IndexStatus = { state: 'starting' };

export function useIndexStatus(service: SearchService | null): IndexStatus {
  return useSyncExternalStore(
    (onChange) => service?.subscribe(onChange) ?? (() => undefined),
    () => service?.current ?? starting,
  );
}
