import { describe, expect, it } from 'vitest';
import { openDailyNote } from './daily-note';
import { openDatabase, type CommonplaceDb } from './db';
import { freshDatabaseForEachTest } from './migration-harness';
import { createNote } from './notes';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened));

// Local time: the day is the one on the user's calendar, whatever the UTC date.
const sunday = new Date(2026, 10, 22, 23, 30);

describe('openDailyNote', () => {
  it('creates the day’s note once, titled by its date, then opens the same note', async () => {
    const note = await openDailyNote(db, sunday);
    expect(note).toMatchObject({ title: '2026-11-22', dailyDate: '2026-11-22' });
    expect(await openDailyNote(db, new Date(2026, 10, 22, 8, 0))).toEqual(note);
    expect((await openDailyNote(db, new Date(2026, 10, 23, 0, 5))).dailyDate).toBe('2026-11-23');
    expect(await db.notes.count()).toBe(2);
  });

  it('gives two callers racing in one window the same note', async () => {
    const [a, b, c] = await Promise.all([openDailyNote(db, sunday), openDailyNote(db, sunday), openDailyNote(db, sunday)]);
    expect(b?.id).toBe(a?.id);
    expect(c?.id).toBe(a?.id);
    expect(await db.notes.count()).toBe(1);
  });

  it('gives two windows (two connections) racing the same note', async () => {
    const other = await openDatabase(db.name);
    try {
      const [a, b] = await Promise.all([openDailyNote(db, sunday), openDailyNote(other, sunday)]);
      expect(b.id).toBe(a.id);
      expect(await db.notes.where('dailyDate').equals('2026-11-22').count()).toBe(1);
    } finally {
      other.close();
    }
  });

  it('adopts a note that already has the day’s title', async () => {
    const existing = await createNote(db, { title: '2026-11-22' });
    const daily = await openDailyNote(db, sunday);
    expect(daily).toMatchObject({ id: existing.id, dailyDate: '2026-11-22' });
    expect(await db.notes.count()).toBe(1);
  });
});
