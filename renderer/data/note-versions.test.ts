import { describe, expect, it, vi } from 'vitest';
import type { DocNode } from '../../shared/model';
import { wikiLinkNode } from '../../shared/notes/doc-nodes';
import type { CommonplaceDb } from './db';
import { freshDatabaseForEachTest } from './migration-harness';
import { saveNoteContent } from './note-content';
import { listNoteVersions, maxVersionsPerNote, restoreNoteVersion, snapshotIfDue, snapshotNow } from './note-versions';
import { createNote } from './notes';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened), { fixedTime: 1_000 });

const body = (...parts: Array<string | DocNode>): DocNode => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: parts.map((part) => (typeof part === 'string' ? { type: 'text', text: part } : part)) }],
});
const minute = 60_000;

describe('snapshotIfDue', () => {
  it('stores the first state, then at most one per interval and only when the note changed', async () => {
    const note = await createNote(db, { title: 'Essay', doc: body('one') });
    const first = await snapshotIfDue(db, note.id, { now: 10_000 });
    expect(first).toMatchObject({ noteId: note.id, title: 'Essay', text: 'one', doc: body('one'), savedAt: 10_000 });

    await saveNoteContent(db, note.id, { doc: body('two') });
    expect(await snapshotIfDue(db, note.id, { now: 10_000 + 4 * minute })).toBeUndefined();
    expect(await snapshotIfDue(db, note.id, { now: 10_000 + 5 * minute })).toMatchObject({ text: 'two' });
    // Due, but nothing changed since.
    expect(await snapshotIfDue(db, note.id, { now: 10_000 + 20 * minute })).toBeUndefined();
    expect(await snapshotIfDue(db, note.id, { now: 10_000 + 30 * minute, minIntervalMs: minute })).toBeUndefined();
    await saveNoteContent(db, note.id, { doc: body('two'), title: 'Essay, retitled' });
    expect(await snapshotIfDue(db, note.id, { now: 10_000 + 31 * minute, minIntervalMs: minute })).toMatchObject({ title: 'Essay, retitled' });
    expect((await listNoteVersions(db, note.id)).map((version) => version.savedAt)).toEqual([10_000 + 31 * minute, 10_000 + 5 * minute, 10_000]);
  });

  it('does nothing for a deleted note', async () => {
    expect(await snapshotIfDue(db, 'missing')).toBeUndefined();
  });
});

describe('snapshotNow', () => {
  it('ignores the interval but still skips an unchanged state', async () => {
    const note = await createNote(db, { title: 'Quick', doc: body('a') });
    expect(await snapshotNow(db, note.id)).toBeDefined();
    expect(await snapshotNow(db, note.id)).toBeUndefined();
    await saveNoteContent(db, note.id, { doc: body('b') });
    expect(await snapshotNow(db, note.id)).toMatchObject({ text: 'b' });
    // Same millisecond: still a distinct, later key.
    expect((await listNoteVersions(db, note.id)).map((version) => version.savedAt)).toEqual([1_001, 1_000]);
  });
});

describe('pruning', () => {
  it(`keeps the newest ${maxVersionsPerNote} versions of a note and leaves other notes alone`, async () => {
    const note = await createNote(db, { title: 'Long' });
    const other = await createNote(db, { title: 'Other' });
    await snapshotNow(db, other.id);
    for (let index = 0; index < maxVersionsPerNote + 5; index += 1) {
      vi.setSystemTime(10_000 + index * 1_000);
      await saveNoteContent(db, note.id, { doc: body(`draft ${index}`) });
      await snapshotNow(db, note.id);
    }
    const versions = await listNoteVersions(db, note.id);
    expect(versions).toHaveLength(maxVersionsPerNote);
    expect(versions[0]?.text).toBe(`draft ${maxVersionsPerNote + 4}`);
    expect(versions.at(-1)?.text).toBe('draft 5');
    expect(await listNoteVersions(db, other.id)).toHaveLength(1);
  });
});

describe('restoreNoteVersion', () => {
  it('snapshots the current state first, then brings back the title and doc with links following', async () => {
    const note = await createNote(db, { title: 'First title', doc: body('old words ', wikiLinkNode({ target: 'Target' })) });
    const target = await createNote(db, { title: 'Target' });
    const version = await snapshotNow(db, note.id);
    vi.setSystemTime(2_000);
    await saveNoteContent(db, note.id, { doc: body('new words'), title: 'Second title' });
    expect(await db.links.get([note.id, target.id])).toBeUndefined();

    vi.setSystemTime(3_000);
    const restored = await restoreNoteVersion(db, version!.id);
    expect(restored).toMatchObject({ title: 'First title', text: 'old words Target', updatedAt: 3_000 });
    expect(await db.links.get([note.id, target.id])).toBeDefined();
    const history = await listNoteVersions(db, note.id);
    expect(history.map((entry) => entry.title)).toEqual(['Second title', 'First title']);
    // The restore is undoable: restoring the snapshot it took brings the later state back.
    await restoreNoteVersion(db, history[0]!.id);
    expect(await db.notes.get(note.id)).toMatchObject({ title: 'Second title', text: 'new words' });
  });

  it('changes nothing when the old title has been taken meanwhile', async () => {
    const note = await createNote(db, { title: 'Wanted' });
    const version = await snapshotNow(db, note.id);
    await saveNoteContent(db, note.id, { doc: body('later'), title: 'Renamed' });
    await createNote(db, { title: 'wanted' });
    await expect(restoreNoteVersion(db, version!.id)).rejects.toMatchObject({ code: 'duplicate-title' });
    expect(await db.notes.get(note.id)).toMatchObject({ title: 'Renamed', text: 'later' });
    expect(await listNoteVersions(db, note.id)).toHaveLength(1);
  });

  it('throws not-found for an unknown version', async () => {
    await expect(restoreNoteVersion(db, 'nope')).rejects.toMatchObject({ code: 'not-found' });
  });
});
