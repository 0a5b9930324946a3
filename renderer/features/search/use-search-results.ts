/**
 * Results for the query as typed: every keystroke asks the index (in its worker), and only the answer to
 * the newest query is shown, so a slow answer to an older query can never replace a newer one. The index's
 * status changes whenever it takes in changes (catch-up at start, new items, an edited note), and the open
 * query is asked again then, so the results never lag behind the library.
 */
import { useEffect, useState } from 'react';
import type { SearchAnswer } from './engine/index-engine';
import type { IndexStatus, SearchService } from './engine/search-service';

export type SearchResults = { state: 'idle' } | { state: 'searching' } | { state: 'done'; query: string; answer: SearchAnswer } | { state: 'failed'; message: string };

export function useSearchResults(service: SearchService | null, query: string, status: IndexStatus): SearchResults {
  const [results, setResults] = useState<SearchResults>({ state: 'idle' });
  useEffect(() => {
    const text = query.trim();
    const ready = status.state === 'ready' || status.state === 'catching-up';
    if (!service || !ready || text === '') return;
    let current = true;
    service.search(text).then(
      (answer) => current && setResults({ state: 'done', query: text, answer }),
      (error: unknown) => current && setResults({ state: 'failed', message: error instanceof Error ? error.message : 'The search failed.' }),
    );
    return () => {
      current = false;
    };
  }, [service, query, status]);
  return query.trim() === '' ? { state: 'idle' } : results;
}
