import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocNode } from '../../shared/model';
import type { CommonplaceDb } from './db';
import { freshDatabaseForEachTest } from './migration-harness';
import { clearJournal, pendingJournal, recoverJournal, writeJournal } from './note-journal';
import { saveNoteContent } from './note-content';
import { createNote } from './notes';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened));
beforeEach(() => {
  localStorage.clear();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(1_000);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  localStorage.clear();
});

const body = (text: string): DocNode => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

describe('writeJournal, clearJournal, pendingJournal', () => {
  it('keeps the latest entry per note and lists them oldest first', () => {
    writeJournal(localStorage, { noteId: 'a', doc: body('a1'), at: 30 });
    writeJournal(localStorage, { noteId: 'b', doc: body('b1'), title: 'B', at: 20 });
    writeJournal(localStorage, { noteId: 'a', doc: body('a2'), at: 40 });
    localStorage.setItem('unrelated', 'kept');
    expect(pendingJournal(localStorage)).toEqual([
      { noteId: 'b', doc: body('b1'), title: 'B', at: 20 },
      { noteId: 'a', doc: body('a2'), at: 40 },
    ]);
    expect(localStorage.getItem('unrelated')).toBe('kept');
  });

  it('clears an entry a save covered, but not a keystroke that came in while the save ran', () => {
    writeJournal(localStorage, { noteId: 'a', doc: body('typed'), at: 100 });
    // The save of the state at 100 is running; another keystroke lands at 150.
    writeJournal(localStorage, { noteId: 'a', doc: body('typed more'), at: 150 });
    clearJournal(localStorage, 'a', 100);
    expect(pendingJournal(localStorage).map((entry) => entry.doc)).toEqual([body('typed more')]);
    clearJournal(localStorage, 'a', 150);
    expect(pendingJournal(localStorage)).toEqual([]);
    clearJournal(localStorage, 'never-written', 1);
  });

  it('drops unreadable entries with a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    localStorage.setItem('commonplace.journal:x', '{not json');
    localStorage.setItem('commonplace.journal:y', JSON.stringify({ noteId: 'y', at: 'soon', doc: {} }));
    localStorage.setItem('commonplace.journal:z', JSON.stringify({ noteId: 'other', at: 1, doc: {} }));
    writeJournal(localStorage, { noteId: 'ok', doc: body('fine'), at: 5 });
    expect(pendingJournal(localStorage).map((entry) => entry.noteId)).toEqual(['ok']);
    expect(warn).toHaveBeenCalledTimes(3);
    expect(localStorage.getItem('commonplace.journal:x')).toBeNull();
    expect(localStorage.length).toBe(1);
  });
});

describe('recoverJournal', () => {
  it('replays what the database missed, skips what it has, drops entries of deleted notes, and clears all', async () => {
    const missed = await createNote(db, { title: 'Missed' });
    const saved = await createNote(db, { title: 'Saved', doc: body('already saved') });
    const renamed = await createNote(db, { title: 'Renamed' });
    writeJournal(localStorage, { noteId: missed.id, doc: body('typed before the crash'), at: 2_000 });
    writeJournal(localStorage, { noteId: saved.id, doc: body('older than the save'), at: 500 });
    writeJournal(localStorage, { noteId: renamed.id, doc: body('body'), title: 'New name', at: 2_000 });
    writeJournal(localStorage, { noteId: 'deleted-note', doc: body('orphan'), at: 2_000 });

    vi.setSystemTime(5_000);
    expect(await recoverJournal(db, localStorage)).toBe(2);
    // Stamped with when it was typed, not when it was replayed.
    expect(await db.notes.get(missed.id)).toMatchObject({ text: 'typed before the crash', updatedAt: 2_000 });
    expect(await db.notes.get(saved.id)).toMatchObject({ text: 'already saved', updatedAt: 1_000 });
    expect(await db.notes.get(renamed.id)).toMatchObject({ title: 'New name', text: 'body' });
    expect(pendingJournal(localStorage)).toEqual([]);
  });

  it('replays a keystroke typed while the last save ran, even though that save finished after it', async () => {
    const note = await createNote(db, { title: 'Racing', doc: body('a') });
    // The editor saves what was typed up to t=1600; the user types again at t=1601, before the save ends
    // at t=1603; the window dies before the next save.
    writeJournal(localStorage, { noteId: note.id, doc: body('ab'), at: 1_601 });
    vi.setSystemTime(1_603);
    await saveNoteContent(db, note.id, { doc: body('a (saved)') }, { at: 1_600 });
    vi.setSystemTime(9_000);
    expect(await recoverJournal(db, localStorage)).toBe(1);
    expect((await db.notes.get(note.id))?.text).toBe('ab');
  });

  it('saves the body even when the journaled title has been taken meanwhile', async () => {
    const note = await createNote(db, { title: 'Mine' });
    await createNote(db, { title: 'Taken' });
    writeJournal(localStorage, { noteId: note.id, doc: body('words'), title: 'Taken', at: 2_000 });
    vi.setSystemTime(3_000);
    expect(await recoverJournal(db, localStorage)).toBe(1);
    expect(await db.notes.get(note.id)).toMatchObject({ title: 'Mine', text: 'words' });
  });
});
