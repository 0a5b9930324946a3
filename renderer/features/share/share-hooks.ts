/** Live reads for Share: the digests list, one digest, its candidates and where things were published. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Digest, Id, Publication } from '../../../shared/model';
import { gatherCandidates, listDigests, useDatabase, type DigestCandidate, type PublishedRecord } from '../../data';
import { listPublications } from '../../data';

export function useDigests(): Digest[] | undefined {
  const db = useDatabase();
  return useLiveQuery(() => listDigests(db), [db]);
}

/** `null` once it is known not to exist. */
export function useDigest(id: Id): Digest | null | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => (await db.digests.get(id)) ?? null, [db, id]);
}

export function useCandidates(period: { start: number; end: number } | undefined): DigestCandidate[] | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => (period ? gatherCandidates(db, period) : []), [db, period?.start, period?.end]);
}

export function usePublications(record: PublishedRecord): Publication[] | undefined {
  const db = useDatabase();
  const key = 'digestId' in record ? `d:${record.digestId}` : `n:${record.noteId}`;
   
  return useLiveQuery(() => listPublications(db, record), [db, key]);
}

/** Notes published as posts of their own (anywhere), for the Share sidebar. */
export function usePublishedNotes(): Array<{ id: Id; title: string }> | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => {
    const ids = [...new Set((await db.publications.toArray()).flatMap((row) => (row.noteId ? [row.noteId] : [])))];
    return (await db.notes.bulkGet(ids)).flatMap((note) => (note ? [{ id: note.id, title: note.title }] : []));
  }, [db]);
}
