import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocNode } from '../../shared/model';
import type { CommonplaceDb } from './db';
import { openFreshDatabase } from './migration-harness';
import { createNote, emptyDoc, listNotesByUpdated, updateNote } from './notes';

let db: CommonplaceDb;
beforeEach(async () => {
  db = await openFreshDatabase();
  // Only Date is faked: fake-indexeddb schedules its work on real timers.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(1_000);
});
afterEach(async () => {
  vi.useRealTimers();
  await db.delete();
});

const hello: DocNode = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hello' }] }] };

describe('createNote', () => {
  it('stores an empty note with an editor-ready doc', async () => {
    const note = await createNote(db, { title: '  Ideas ' });
    expect(note).toMatchObject({ title: 'Ideas', aliases: [], tags: [], doc: emptyDoc(), text: '', createdAt: 1_000, updatedAt: 1_000 });
    expect(note).not.toHaveProperty('dailyDate');
    expect(await db.notes.get(note.id)).toEqual(note);
  });

  it('stores the given content, tags, aliases and daily date, findable by their indexes', async () => {
    const note = await createNote(db, {
      title: '2026-11-22',
      content: { doc: hello, text: 'Hello' },
      tags: ['journal'],
      aliases: ['Today'],
      dailyDate: '2026-11-22',
    });
    expect(await db.notes.get(note.id)).toMatchObject({ doc: hello, text: 'Hello', tags: ['journal'], aliases: ['Today'] });
    expect(await db.notes.where('dailyDate').equals('2026-11-22').primaryKeys()).toEqual([note.id]);
    expect(await db.notes.where('aliases').equals('Today').primaryKeys()).toEqual([note.id]);
    expect(await db.notes.where('tags').equals('journal').primaryKeys()).toEqual([note.id]);
  });

  it('refuses a second daily note for the same day', async () => {
    await createNote(db, { title: 'Sunday', dailyDate: '2026-11-22' });
    await expect(createNote(db, { title: 'Sunday again', dailyDate: '2026-11-22' })).rejects.toMatchObject({
      name: 'ConstraintError',
    });
    await createNote(db, { title: 'Not daily' });
    await createNote(db, { title: 'Also not daily' });
    expect(await db.notes.count()).toBe(3);
  });
});

describe('updateNote', () => {
  it('replaces doc and text together and stamps updatedAt', async () => {
    const note = await createNote(db, { title: 'Draft' });
    vi.setSystemTime(5_000);
    const updated = await updateNote(db, note.id, { content: { doc: hello, text: 'Hello' } });
    expect(updated).toMatchObject({ title: 'Draft', doc: hello, text: 'Hello', createdAt: 1_000, updatedAt: 5_000 });
    expect(await db.notes.get(note.id)).toEqual(updated);
  });

  it('changes only what the patch names', async () => {
    const note = await createNote(db, { title: 'Draft', content: { doc: hello, text: 'Hello' }, tags: ['a'] });
    const updated = await updateNote(db, note.id, { title: ' Final ', aliases: ['F'] });
    expect(updated).toMatchObject({ title: 'Final', aliases: ['F'], tags: ['a'], doc: hello, text: 'Hello' });
  });

  it('throws not-found for an unknown id and creates nothing', async () => {
    await expect(updateNote(db, 'missing', { title: 'x' })).rejects.toMatchObject({ code: 'not-found' });
    expect(await db.notes.count()).toBe(0);
  });
});

describe('listNotesByUpdated', () => {
  it('lists the most recently edited first, up to the limit', async () => {
    const a = await createNote(db, { title: 'A' });
    vi.setSystemTime(2_000);
    await createNote(db, { title: 'B' });
    vi.setSystemTime(3_000);
    await createNote(db, { title: 'C' });
    expect((await listNotesByUpdated(db)).map((note) => note.title)).toEqual(['C', 'B', 'A']);
    vi.setSystemTime(4_000);
    await updateNote(db, a.id, { tags: ['touched'] });
    expect((await listNotesByUpdated(db, { limit: 2 })).map((note) => note.title)).toEqual(['A', 'C']);
  });
});
