/**
 * A fetch's results, stored as one: a source's stories and what the fetch taught about the source
 * (validators, cursor, next fetch) commit together or not at all.
 *
 * Written apart, a refresh interrupted between the two writes (the window closed, the disk refused)
 * kept stories whose fetch was never recorded, so the source looked unfetched while its stories were in
 * the river; and a source unsubscribed between the existence check and the write got stories that name
 * a source no longer stored. In one transaction an interrupted refresh stores nothing, the source stays
 * due with its old validators, and the next run fetches and stores the whole answer again.
 */
import type { Id } from '../../shared/model';
import type { CommonplaceDb } from './db';
import { upsertItems, type IncomingItem, type UpsertResult } from './items';
import { defaultFetchIntervalMs, recordFetchSuccess, type FetchSuccess, type SuccessOutcome } from './refresh-state';

export interface FetchResult {
  /** The stories of the answer; none for a 304. */
  items: readonly IncomingItem[];
  success: FetchSuccess;
  /** A search source: where its next fetch continues. */
  cursor?: string;
  /** The site the feed says it belongs to, when the source should learn it. */
  siteUrl?: string;
}

export type StoredFetch = UpsertResult & SuccessOutcome;

/**
 * Stores the stories and records the fetch in one transaction over sources and items. Undefined, and
 * nothing stored, when the source is no longer followed (unsubscribed while the fetch was in flight).
 * Any failure rolls back both, and is thrown for the caller to record as the source's last error.
 */
export async function storeFetchResult(
  db: CommonplaceDb,
  sourceId: Id,
  result: FetchResult,
  intervalMs = defaultFetchIntervalMs,
): Promise<StoredFetch | undefined> {
  return db.transaction('rw', db.sources, db.items, async () => {
    const source = await db.sources.get(sourceId);
    if (!source) return undefined;
    const changes: { cursor?: string; siteUrl?: string } = {};
    if (result.cursor !== undefined && result.cursor !== source.cursor) changes.cursor = result.cursor;
    if (result.siteUrl !== undefined && result.siteUrl !== source.siteUrl) changes.siteUrl = result.siteUrl;
    if (Object.keys(changes).length > 0) await db.sources.update(sourceId, changes);
    const stored = await upsertItems(db, result.items);
    const outcome = await recordFetchSuccess(db, sourceId, result.success, intervalMs);
    return { ...stored, ...outcome };
  });
}
