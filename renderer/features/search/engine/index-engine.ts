/**
 * The requests the search index answers, and the code that answers them. The same function runs inside the
 * Web Worker (search-worker.ts), so typing never waits for an index update, and in-process where there is no
 * Worker (unit tests in jsdom).
 */
import { parseQuery } from '../../../../shared/search/query-parser';
import { SearchIndex } from '../../../../shared/search/search-index';
import type { SearchDoc, SearchHit } from '../../../../shared/search/search-types';
import type { SearchIndexRow } from '../../../../shared/model';
import { readStoredRows } from './index-store';

export type IndexRequest =
  | { type: 'load-saved'; database: string }
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

export type SavedLoad =
  | { status: 'ok'; documents: number; savedAt: number }
  | { status: 'none' }
  | { status: 'stale-format' }
  | { status: 'damaged'; reason: string };

export interface IndexAnswers {
  'load-saved': SavedLoad;
  reset: null;
  add: number;
  remove: number;
  entries: Array<[id: string, date: number]>;
  search: SearchAnswer;
  export: { chunks: unknown[]; documents: number };
}

/**
 * Reads the saved index straight from IndexedDB, here, so the main thread never decodes a dump of a
 * hundred megabytes while the app starts, and the chunks are not copied across threads.
 */
function readSavedRows(database: string): Promise<SearchIndexRow[]> {
  return new Promise((resolve, reject) => {
    // No version: open the database as the app left it; this connection never upgrades anything.
    const opening = indexedDB.open(database);
    opening.onerror = () => reject(opening.error ?? new Error('The library could not be opened for search.'));
    opening.onsuccess = () => {
      const connection = opening.result;
      if (!connection.objectStoreNames.contains('searchIndex')) {
        connection.close();
        resolve([]);
        return;
      }
      const reading = connection.transaction('searchIndex', 'readonly').objectStore('searchIndex').getAll();
      reading.onsuccess = () => {
        connection.close();
        resolve(reading.result as SearchIndexRow[]);
      };
      reading.onerror = () => {
        connection.close();
        reject(reading.error ?? new Error('The saved search index could not be read.'));
      };
    };
  });
}

export function createIndexEngine(): (request: IndexRequest) => IndexAnswers[IndexRequest['type']] | Promise<SavedLoad> {
  let index = new SearchIndex();
  const loadSaved = async (database: string): Promise<SavedLoad> => {
    const stored = readStoredRows(await readSavedRows(database));
    if (stored.status !== 'ok') return stored;
    try {
      index = SearchIndex.importIndex(stored.chunks);
    } catch (error) {
      return { status: 'damaged', reason: error instanceof Error ? error.message : 'it could not be read' };
    }
    return { status: 'ok', documents: index.size, savedAt: stored.meta.savedAt };
  };
  return (request) => {
    switch (request.type) {
      case 'load-saved':
        return loadSaved(request.database);
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
