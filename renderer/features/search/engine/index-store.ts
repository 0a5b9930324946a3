/**
 * The persisted search index: the chunks SearchIndex.exportIndex() made, and a meta row saying when and how
 * many documents. Saved whole in one transaction, so a crash mid-save leaves the previous index, never half of
 * two. A start reads it back instead of rebuilding; catch-up (search-service.ts) applies what changed since.
 */
import type { SearchIndexRow } from '../../../../shared/model';
import type { CommonplaceDb } from '../../../data';

export interface IndexMeta {
  /** Bumped when the stored form changes; another format is rebuilt, not read. */
  format: number;
  /** Writes committed before this time are in the index (see SearchService.save). */
  savedAt: number;
  documents: number;
  chunks: number;
}

export const indexFormat = 1;

export async function saveIndex(db: CommonplaceDb, chunks: unknown[], documents: number, savedAt = Date.now()): Promise<void> {
  const meta: IndexMeta = { format: indexFormat, savedAt, documents, chunks: chunks.length };
  await db.transaction('rw', db.searchIndex, async () => {
    await db.searchIndex.clear();
    await db.searchIndex.bulkPut([{ key: 'meta', data: meta }, ...chunks.map((data, index) => ({ key: `chunk:${index}`, data }))]);
  });
}

export type StoredIndex = { status: 'none' } | { status: 'stale-format' } | { status: 'damaged'; reason: string } | { status: 'ok'; meta: IndexMeta; chunks: unknown[] };

/** Makes sense of the stored rows, wherever they were read (the worker reads them itself: see index-engine.ts). */
export function readStoredRows(rows: readonly SearchIndexRow[]): StoredIndex {
  if (rows.length === 0) return { status: 'none' };
  const meta = rows.find((row) => row.key === 'meta')?.data as Partial<IndexMeta> | undefined;
  if (!meta || typeof meta.chunks !== 'number' || typeof meta.savedAt !== 'number' || typeof meta.documents !== 'number') {
    return { status: 'damaged', reason: 'the index has no readable description' };
  }
  if (meta.format !== indexFormat) return { status: 'stale-format' };
  const chunks: unknown[] = [];
  for (let index = 0; index < meta.chunks; index += 1) {
    const row = rows.find((candidate) => candidate.key === `chunk:${index}`);
    if (!row) return { status: 'damaged', reason: `part ${index + 1} of ${meta.chunks} is missing` };
    chunks.push(row.data);
  }
  return { status: 'ok', meta: meta as IndexMeta, chunks };
}
