/**
 * The requests the search index answers, and the code that answers them. The same code runs inside the Web
 * Worker (search-worker.ts), so typing never waits for an index update, and in-process where there is no
 * Worker (unit tests in jsdom). It reads and writes the saved index and the hits' texts itself: in the
 * origin-private file system where it can (opfs-store.ts, stored-texts.ts), else in the library's IndexedDB
 * through its own connection (index-store.ts, library-texts.ts). The main thread never decodes or copies them.
 */
import { DumpVersionError } from '../../../../shared/search/index-dump';
import { parseQuery } from '../../../../shared/search/query-parser';
import { SearchIndex } from '../../../../shared/search/search-index';
import type { SearchDoc, SearchHit } from '../../../../shared/search/search-types';
import type { TextSource } from '../../../../shared/search/text-source';
import { type CatchUp, compareWithLibrary, type LibraryKeys } from './catch-up';
import { clearStoredIndex, hasStoredIndex, type IndexStore, libraryIndexStore } from './index-store';
import { LibraryConnection } from './library-connection';
import { LibraryTexts } from './library-texts';
import { type Folder, searchFolder } from './opfs-files';
import { opfsIndexStore } from './opfs-store';
import { StoredTexts, type TextLocations } from './stored-texts';

export type IndexRequest =
  | { type: 'load-saved'; database: string }
  | { type: 'reset' }
  | { type: 'add'; docs: SearchDoc[] }
  | { type: 'remove'; ids: string[] }
  | { type: 'compare'; library: LibraryKeys }
  | { type: 'search'; query: string; limit: number }
  | { type: 'save' };

export interface SearchAnswer {
  hits: SearchHit[];
  warnings: string[];
  /** Time spent answering in the index's thread (texts read included), for the benchmarks. */
  tookMs: number;
}

export type SavedLoad =
  /** `phases`: milliseconds spent reading the saved rows and turning them into the index, for the benchmarks. */
  | { status: 'ok'; documents: number; savedAt: number; phases: { readMs: number; importMs: number } }
  | { status: 'none' }
  | { status: 'stale-format' }
  | { status: 'damaged'; reason: string };

export interface IndexAnswers {
  'load-saved': SavedLoad;
  reset: null;
  add: number;
  remove: number;
  compare: CatchUp;
  search: SearchAnswer;
  save: { documents: number };
}

export interface IndexEngine {
  answer<T extends IndexRequest>(request: T): Promise<IndexAnswers[T['type']]>;
  /** Closes the connection to the library. */
  dispose(): void;
}

const reasonOf = (error: unknown, fallback: string) => (error instanceof Error ? error.message : fallback);

/** Where one library's index is saved and its texts read. */
interface Place {
  library: LibraryConnection;
  libraryTexts: LibraryTexts;
  /** OPFS, when it can be used. */
  folder: Folder | undefined;
  store: IndexStore;
  /** Whether an index saved in the library's IndexedDB by an earlier version may still be there to remove. */
  oldCopy: boolean;
}

export function createIndexEngine(): IndexEngine {
  let place: Place | undefined;
  let stored: StoredTexts | undefined;
  let index = new SearchIndex();

  const textsFor = (at: Place, saved?: TextLocations): TextSource => {
    stored = at.folder === undefined ? undefined : new StoredTexts(at.folder, at.libraryTexts, saved);
    return stored ?? at.libraryTexts;
  };
  const fresh = () => (place === undefined ? new SearchIndex() : new SearchIndex({ texts: textsFor(place) }));

  const open = async (database: string): Promise<Place> => {
    if (place?.library.database === database) return place;
    place?.library.close();
    const library = new LibraryConnection(database);
    const folder = await searchFolder(database);
    place = { library, libraryTexts: new LibraryTexts(library), folder, store: folder === undefined ? libraryIndexStore(library) : opfsIndexStore(folder), oldCopy: folder !== undefined };
    index = fresh();
    return place;
  };

  const loadSaved = async (database: string): Promise<SavedLoad> => {
    const at = await open(database);
    const started = performance.now();
    const saved = await at.store.load();
    // No index in OPFS but one in IndexedDB: saved by an earlier version, in a form this one does not read.
    if (saved.status === 'none' && at.oldCopy && (await hasStoredIndex(at.library).catch(() => false))) return { status: 'stale-format' };
    if (saved.status !== 'ok') return saved;
    const read = performance.now();
    try {
      index = SearchIndex.importIndex(saved.chunks, { texts: textsFor(at, saved.texts) });
    } catch (error) {
      if (error instanceof DumpVersionError) return { status: 'stale-format' };
      return { status: 'damaged', reason: reasonOf(error, 'it could not be read') };
    }
    const phases = { readMs: read - started, importMs: performance.now() - read };
    return { status: 'ok', documents: index.size, savedAt: saved.meta.savedAt, phases };
  };

  const save = async (): Promise<{ documents: number }> => {
    if (place === undefined) throw new Error('The search index has no library to be saved in.');
    const at = place;
    const chunks = index.exportIndex();
    const texts = await stored?.save();
    await at.store.save(chunks, index.size, texts);
    await stored?.removeOthers();
    if (at.oldCopy) {
      at.oldCopy = false;
      // Not awaited: the library's IndexedDB may be busy for a while, and nothing waits for this.
      void clearStoredIndex(at.library).catch(() => (at.oldCopy = true));
    }
    return { documents: index.size };
  };

  const answers = async (request: IndexRequest): Promise<IndexAnswers[IndexRequest['type']]> => {
    switch (request.type) {
      case 'load-saved':
        return loadSaved(request.database);
      case 'reset':
        index = fresh();
        return null;
      case 'add':
        for (const doc of request.docs) index.add(doc);
        await stored?.flushIfLarge();
        return index.size;
      case 'remove':
        for (const id of request.ids) index.remove(id);
        return index.size;
      case 'compare':
        return compareWithLibrary(index, request.library);
      case 'search': {
        const started = performance.now();
        const parsed = parseQuery(request.query);
        const hits = await index.searchAsync(parsed, { limit: request.limit });
        return { hits, warnings: parsed.warnings, tookMs: performance.now() - started };
      }
      case 'save':
        return save();
    }
  };

  return {
    answer: (request) => answers(request) as never,
    dispose: () => {
      place?.library.close();
      place = undefined;
    },
  };
}
