/**
 * One search service for the app, started when the library opens and stopped with it. Components reach
 * it through useSearchService(); the status (building, catching up, ready) through useIndexStatus().
 */
import { createContext, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { DatabaseContext } from '../../data';
import { defaultIndexHost, type IndexHost } from './engine/index-host';
import { SearchService, type IndexStatus } from './engine/search-service';

const SearchContext = createContext<SearchService | null>(null);

export function SearchProvider({ children, makeHost = defaultIndexHost }: { children: ReactNode; makeHost?: () => IndexHost }) {
  const db = useContext(DatabaseContext);
  // Creating a service does nothing yet; the effect starts it and stops it with the library.
  const service = useMemo(() => (db ? new SearchService(db, makeHost) : null), [db, makeHost]);
  useEffect(() => {
    if (!service) return;
    void service.start();
    return () => service.stop();
  }, [service]);
  return <SearchContext value={service}>{children}</SearchContext>;
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
