/**
 * The requests the search index answers, and the code that answers them. The same function runs inside the
 * Web Worker (search-worker.ts), so typing never waits for an index update, and in-process where there is no
 * Worker (unit tests in jsdom).
 */
import { parseQuery } from '../../../../shared/search/query-parser';
import { SearchIndex } from '../../../../shared/search/search-index';
import type { SearchDoc, SearchHit } from '../../../../shared/search/search-types';

export type IndexRequest =
  | { type: 'load'; chunks: unknown[] }
  | { type: 'reset' }
  | { type: 'add'; docs: SearchDoc[] }
  | { type: 'remove'; ids: string[] }
  | { type: 'entries' }
  | { type: 'search'; query: string; limit: number }
  | { type: 'export' };

export interface SearchAnswer {
  hits: SearchHit[];
  warnings: string[];
  /** Time spent in the index, for the status line and the benchmarks. */
  tookMs: number;
}

export interface IndexAnswers {
  load: number;
  reset: null;
  add: number;
  remove: number;
  entries: Array<[id: string, date: number]>;
  search: SearchAnswer;
  export: { chunks: unknown[]; documents: number };
}

export function createIndexEngine(): (request: IndexRequest) => IndexAnswers[IndexRequest['type']] {
  let index = new SearchIndex();
  return (request) => {
    switch (request.type) {
      case 'load':
        // Throws on a damaged dump; the service then rebuilds.
        index = SearchIndex.importIndex(request.chunks);
        return index.size;
      case 'reset':
        index = new SearchIndex();
        return null;
      case 'add':
        for (const doc of request.docs) index.add(doc);
        return index.size;
      case 'remove':
        for (const id of request.ids) index.remove(id);
        return index.size;
      case 'entries':
        return index.entries();
      case 'search': {
        const started = performance.now();
        const parsed = parseQuery(request.query);
        const hits = index.search(parsed, { limit: request.limit });
        return { hits, warnings: parsed.warnings, tookMs: performance.now() - started };
      }
      case 'export':
        return { chunks: index.exportIndex(), documents: index.size };
    }
  };
}
