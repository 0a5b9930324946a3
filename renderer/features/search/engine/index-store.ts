/**
 * Where the search index is saved, and its form in the library's `searchIndex` table, where it is kept when
 * the origin-private file system cannot be used (see opfs-store.ts for the usual place): the chunks
 * SearchIndex.exportIndex() made, and a meta row saying when, how many documents and in how many chunks.
 * Saved whole in one transaction, so a crash mid-save leaves the previous index, never half of two. A start
 * reads it back instead of rebuilding; catch-up (search-service.ts) applies what changed since. Both run in
 * the index's thread (index-engine.ts).
 */
import type { SearchIndexRow } from '../../../../shared/model';
import { committed, type LibraryConnection, requested } from './library-connection';
import type { TextLocations } from './stored-texts';

export interface IndexMeta {
  /** Bumped when the stored form changes; another format is rebuilt, not read. */
  format: number;
  /** When it was saved. */
  savedAt: number;
  documents: number;
  chunks: number;
}

/** The rows' layout (meta + chunk rows); what the chunks hold has its own version (DUMP_VERSION in index-dump.ts). */
export const indexFormat = 1;
const TABLE = 'searchIndex';
const chunkKey = (index: number) => `chunk:${index}`;

export type StoredIndex =
  | { status: 'none' }
  | { status: 'stale-format' }
  | { status: 'damaged'; reason: string }
  /** `texts`: where the bodies were saved beside the index, when they were. */
  | { status: 'ok'; meta: IndexMeta; chunks: unknown[]; texts?: TextLocations };

export interface IndexStore {
  load(): Promise<StoredIndex>;
  save(chunks: readonly unknown[], documents: number, texts?: TextLocations): Promise<void>;
}

/** The meta row's data as an IndexMeta, or why it cannot be one. */
export function readMeta(row: { data: unknown } | undefined): StoredIndex | IndexMeta {
  if (row === undefined) return { status: 'none' };
  const meta = row.data as Partial<IndexMeta> | undefined;
  if (!meta || typeof meta.chunks !== 'number' || typeof meta.savedAt !== 'number' || typeof meta.documents !== 'number') {
    return { status: 'damaged', reason: 'the index has no readable description' };
  }
  if (meta.format !== indexFormat) return { status: 'stale-format' };
  return meta as IndexMeta;
}

/** Makes sense of the stored rows: the meta row, then every chunk it announces. */
export function readStoredRows(rows: readonly SearchIndexRow[]): StoredIndex {
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const meta = readMeta(byKey.get('meta'));
  if ('status' in meta) return rows.length > 0 && meta.status === 'none' ? { status: 'damaged', reason: 'the index has no readable description' } : meta;
  const chunks: unknown[] = [];
  for (let index = 0; index < meta.chunks; index += 1) {
    const row = byKey.get(chunkKey(index));
    if (!row) return { status: 'damaged', reason: `part ${index + 1} of ${meta.chunks} is missing` };
    chunks.push(row.data);
  }
  return { status: 'ok', meta, chunks };
}

/** Reads the saved index; the chunks are read only when the meta row says they are of this format. */
export async function loadStoredIndex(library: LibraryConnection): Promise<StoredIndex> {
  const transaction = await library.transaction([TABLE], 'readonly');
  if (transaction === undefined) return { status: 'none' };
  const store = transaction.objectStore(TABLE);
  const metaRow = await requested(store.get('meta') as IDBRequest<SearchIndexRow | undefined>);
  const meta = readMeta(metaRow);
  if ('status' in meta) {
    if (meta.status !== 'none') return meta;
    // No meta row but other rows: a save that went wrong, not an empty library.
    return (await requested(store.count())) > 0 ? { status: 'damaged', reason: 'the index has no readable description' } : meta;
  }
  // Still in the same transaction: a save cannot slip in between the meta row and its chunks.
  const rows = await requested(store.getAll(IDBKeyRange.bound('chunk:', 'chunk:\uffff')) as IDBRequest<SearchIndexRow[]>);
  return readStoredRows([metaRow!, ...rows]);
}

export function indexMeta(chunks: readonly unknown[], documents: number): IndexMeta {
  return { format: indexFormat, savedAt: Date.now(), documents, chunks: chunks.length };
}

export async function saveStoredIndex(library: LibraryConnection, chunks: readonly unknown[], documents: number): Promise<void> {
  const meta = indexMeta(chunks, documents);
  const transaction = await library.transaction([TABLE], 'readwrite');
  if (transaction === undefined) throw new Error('The library has no place for the search index.');
  const store = transaction.objectStore(TABLE);
  store.clear();
  store.put({ key: 'meta', data: meta } satisfies SearchIndexRow);
  chunks.forEach((data, index) => store.put({ key: chunkKey(index), data } satisfies SearchIndexRow));
  await committed(transaction);
}

/** Whether an index is saved here (by a version that kept it in IndexedDB): then a missing OPFS index is an upgrade, not a first start. */
export async function hasStoredIndex(library: LibraryConnection): Promise<boolean> {
  const transaction = await library.transaction([TABLE], 'readonly');
  return transaction !== undefined && (await requested(transaction.objectStore(TABLE).count())) > 0;
}

/** Removes an index saved here (it moved to OPFS): hundreds of megabytes for a large library. */
export async function clearStoredIndex(library: LibraryConnection): Promise<void> {
  const transaction = await library.transaction([TABLE], 'readwrite');
  if (transaction === undefined) return;
  const store = transaction.objectStore(TABLE);
  if ((await requested(store.count())) > 0) store.clear();
  await committed(transaction);
}

/** The index in the library's `searchIndex` table; the bodies are read from the library (no `texts`). */
export function libraryIndexStore(library: LibraryConnection): IndexStore {
  return {
    load: () => loadStoredIndex(library),
    save: (chunks, documents) => saveStoredIndex(library, chunks, documents),
  };
}
