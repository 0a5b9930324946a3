/** The daily note: one note per calendar day, opened (and created on first use) from "Today". */
import type { Note } from '../../shared/model';
import { dailyNoteTitle, localDateOf } from '../../shared/notes/daily';
import type { CommonplaceDb } from './db';
import { findNoteByTitle } from './note-links';
import { createNote } from './notes';
import { isStoreError } from './store-error';

/**
 * The note of `date`'s day in local time, created when there is none yet. A note that already has the
 * day's title (written before daily notes existed, or imported from a vault) becomes the daily note
 * rather than blocking it. Two windows opening the day at once get the same note: the `dailyDate`
 * index is unique, so the slower write fails, and then reads the winner.
 */
export async function openDailyNote(db: CommonplaceDb, date: Date = new Date()): Promise<Note> {
  const day = localDateOf(date);
  const stored = await db.notes.where('dailyDate').equals(day).first();
  if (stored) return stored;
  try {
    return await db.transaction('rw', db.notes, db.links, async () => {
      const created = await db.notes.where('dailyDate').equals(day).first();
      if (created) return created;
      const title = dailyNoteTitle(day);
      const titled = await findNoteByTitle(db, title);
      if (titled && titled.dailyDate === undefined) {
        const adopted: Note = { ...titled, dailyDate: day };
        await db.notes.put(adopted);
        return adopted;
      }
      return await createNote(db, { title, dailyDate: day });
    });
  } catch (error) {
    const lostRace = (error instanceof Error && error.name === 'ConstraintError') || isStoreError(error, 'duplicate-title');
    const winner = lostRace ? await db.notes.where('dailyDate').equals(day).first() : undefined;
    if (winner) return winner;
    throw error;
  }
}
