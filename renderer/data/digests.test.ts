import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DigestEntry, DocNode, Id } from '../../shared/model';
import type { CommonplaceDb } from './db';
import { createDigest, defaultDigestTitle, deleteDigest, gatherCandidates, isShareTag, moveEntry, restoreDigest, updateDigest } from './digests';
import { createHighlight } from './highlights';
import { setItemState, upsertItems } from './items';
import { freshDatabaseForEachTest } from './migration-harness';
import { createNote } from './notes';
import { recordPublication, listPublications } from './publications';
import { addSource } from './sources';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened));

const day = 86_400_000;
const now = Date.UTC(2026, 10, 20, 12);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(now);
});
afterEach(() => vi.useRealTimers());

async function items(count: number): Promise<Id[]> {
  const source = await addSource(db, { kind: 'feed', url: 'https://blog.example/feed', title: 'Blog' });
  const { addedIds } = await upsertItems(
    db,
    Array.from({ length: count }, (_, at) => ({ dedupeKey: `k${at}`, sourceIds: [source.id], title: `Story ${at}`, link: `https://blog.example/${at}`, publishedAt: now - 30 * day })),
  );
  return addedIds;
}

const paragraph = (text: string): DocNode => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

describe('gatherCandidates', () => {
  it('offers what was starred, highlighted and tagged #share in the period, newest first', async () => {
    const [early, recent, never] = await items(3);
    vi.setSystemTime(now - 10 * day);
    await setItemState(db, early!, { starred: true }); // starred before the period
    vi.setSystemTime(now - 2 * day);
    await setItemState(db, recent!, { starred: true });
    vi.setSystemTime(now - day);
    await createHighlight(db, { itemId: never!, exact: 'a passage worth keeping', prefix: '', suffix: '' });
    vi.setSystemTime(now - day + 1_000);
    const shared = await createNote(db, { title: 'Open idea', doc: paragraph('Thinking in public #share/weekly') });
    await createNote(db, { title: 'Private idea', doc: paragraph('Mine alone #journal') });
    vi.setSystemTime(now);

    const candidates = await gatherCandidates(db, { start: now - 7 * day, end: now });
    expect(candidates.map((candidate) => [candidate.reason, candidate.title])).toEqual([
      ['note', 'Open idea'],
      ['highlight', 'Story 2'],
      ['starred', 'Story 1'],
    ]);
    expect(candidates[0]!.ref).toEqual({ kind: 'note', id: shared.id });
    expect(candidates[1]!.excerpt).toBe('a passage worth keeping');
  });

  it('forgets when an item was starred once it is unstarred', async () => {
    const [id] = await items(1);
    await setItemState(db, id!, { starred: true });
    expect((await db.items.get(id!))!.starredAt).toBe(now);
    await setItemState(db, id!, { starred: false });
    expect((await db.items.get(id!))!.starredAt).toBeUndefined();
    expect(await gatherCandidates(db, { start: now - day, end: now })).toEqual([]);
  });
});

describe('digests', () => {
  it('start with the starred items and #share notes of the last seven days, oldest first, titled by the day', async () => {
    const [first, second] = await items(2);
    vi.setSystemTime(now - 3 * day);
    await setItemState(db, first!, { starred: true });
    vi.setSystemTime(now - day);
    await setItemState(db, second!, { starred: true });
    await createHighlight(db, { itemId: first!, exact: 'offered, not included', prefix: '', suffix: '' });
    vi.setSystemTime(now);

    const digest = await createDigest(db);
    expect(digest).toMatchObject({ title: 'Finds — 20 November 2026', intro: '', status: 'draft', periodStart: now - 7 * day, periodEnd: now });
    expect(digest.entries).toEqual([
      { ref: { kind: 'item', id: first }, commentary: '' },
      { ref: { kind: 'item', id: second }, commentary: '' },
    ]);
    expect(await db.digests.get(digest.id)).toEqual(digest);
  });

  it('save edits, and a deletion takes its publications with it until Undo', async () => {
    const digest = await createDigest(db);
    vi.setSystemTime(now + 1_000);
    const edited = await updateDigest(db, digest.id, { title: 'This week', intro: 'Three good reads.' });
    expect(edited).toMatchObject({ title: 'This week', intro: 'Three good reads.', updatedAt: now + 1_000 });
    await recordPublication(db, { digestId: digest.id }, { target: 'site', remoteId: 'this-week', contentHash: 'h1' });
    expect((await db.digests.get(digest.id))!.status).toBe('published');

    const snapshot = await deleteDigest(db, digest.id);
    expect(await db.digests.count()).toBe(0);
    expect(await db.publications.count()).toBe(0);
    await restoreDigest(db, snapshot);
    expect((await db.digests.get(digest.id))!.title).toBe('This week');
    expect(await listPublications(db, { digestId: digest.id })).toHaveLength(1);
    await expect(updateDigest(db, 'gone', { title: 'x' })).rejects.toThrow(/no longer exists/);
  });

  it('move entries by index, clamped at both ends', () => {
    const entries: DigestEntry[] = ['a', 'b', 'c'].map((id) => ({ ref: { kind: 'item', id }, commentary: '' }));
    const ids = (list: readonly DigestEntry[]) => list.map((entry) => entry.ref.id).join('');
    expect(ids(moveEntry(entries, 0, 2))).toBe('bca');
    expect(ids(moveEntry(entries, 2, 0))).toBe('cab');
    expect(ids(moveEntry(entries, 1, 9))).toBe('acb');
    expect(ids(moveEntry(entries, 5, 0))).toBe('abc');
  });

  it('know which tags mean "share" and write the default title as people do', () => {
    expect(['share', 'Share/weekly', 'public'].every(isShareTag)).toBe(true);
    expect(['shared', 'publication', 'journal'].some(isShareTag)).toBe(false);
    expect(defaultDigestTitle(Date.UTC(2026, 0, 3, 12))).toBe('Finds — 3 January 2026');
  });
});

describe('publications log', () => {
  it('keeps one row per record and target: publishing again updates it', async () => {
    const digest = await createDigest(db);
    const first = await recordPublication(db, { digestId: digest.id }, { target: 'site', url: 'https://me.example/posts/a.html', remoteId: 'a', contentHash: 'h1' }, now);
    const again = await recordPublication(db, { digestId: digest.id }, { target: 'site', url: 'https://me.example/posts/a.html', remoteId: 'a', contentHash: 'h2' }, now + day);
    await recordPublication(db, { digestId: digest.id }, { target: 'mastodon', url: 'https://social.example/@me/1', remoteId: '1', contentHash: 'h3' }, now + day);
    expect(again.id).toBe(first.id);
    expect(again).toMatchObject({ publishedAt: now, updatedAt: now + day, contentHash: 'h2' });
    expect((await listPublications(db, { digestId: digest.id })).map((row) => row.target).sort()).toEqual(['mastodon', 'site']);
  });
});
