/**
 * The publications log: where and when each digest or note was published. One row per record and target:
 * publishing again updates that row (and the target's copy through its remote id or slug), never adds one.
 */
import type { EpochMs, Id, Publication, PublishTarget } from '../../shared/model';
import type { CommonplaceDb } from './db';

export type PublishedRecord = { digestId: Id } | { noteId: Id };

export interface PublicationUpdate {
  target: PublishTarget;
  url?: string;
  remoteId?: string;
  contentHash: string;
}

const rowsFor = (db: CommonplaceDb, record: PublishedRecord) =>
  'digestId' in record ? db.publications.where('digestId').equals(record.digestId) : db.publications.where('noteId').equals(record.noteId);

export function listPublications(db: CommonplaceDb, record: PublishedRecord): Promise<Publication[]> {
  return rowsFor(db, record).toArray();
}

export async function findPublication(db: CommonplaceDb, record: PublishedRecord, target: PublishTarget): Promise<Publication | undefined> {
  return (await rowsFor(db, record).toArray()).find((row) => row.target === target);
}

/** Everything on one target, e.g. every post the static site holds. */
export async function publicationsTo(db: CommonplaceDb, target: PublishTarget): Promise<Publication[]> {
  return (await db.publications.toArray()).filter((row) => row.target === target);
}

export async function recordPublication(db: CommonplaceDb, record: PublishedRecord, update: PublicationUpdate, at: EpochMs = Date.now()): Promise<Publication> {
  return db.transaction('rw', db.publications, db.digests, async () => {
    const existing = (await rowsFor(db, record).toArray()).find((row) => row.target === update.target);
    const base = existing ?? { id: crypto.randomUUID(), publishedAt: at };
    const row = {
      id: base.id,
      target: update.target,
      ...('digestId' in record ? { digestId: record.digestId } : { noteId: record.noteId }),
      ...(update.url ? { url: update.url } : {}),
      ...(update.remoteId ? { remoteId: update.remoteId } : {}),
      publishedAt: base.publishedAt,
      ...(existing ? { updatedAt: at } : {}),
      contentHash: update.contentHash,
    } as Publication;
    await db.publications.put(row);
    if ('digestId' in record) await db.digests.update(record.digestId, { status: 'published' });
    return row;
  });
}

/** Takes a record off a target (the site stops listing it at the next export). */
export async function removePublication(db: CommonplaceDb, record: PublishedRecord, target: PublishTarget): Promise<void> {
  const row = await findPublication(db, record, target);
  if (row) await db.publications.delete(row.id);
}
