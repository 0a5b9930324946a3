/**
 * A note's history: snapshots taken now and then while writing (at most one per interval) and when
 * the note is left, so an unwanted edit can be undone long after the editor's own undo is gone.
 * Only states that differ from the newest snapshot are stored.
 */
import { Dexie } from 'dexie';
import type { EpochMs, Id, Note, NoteVersion } from '../../shared/model';
import type { CommonplaceDb } from './db';
import { sameDoc, saveNoteContent } from './note-content';
import { StoreError } from './store-error';

export const defaultSnapshotIntervalMs = 5 * 60_000;
/**
 * Versions kept per note; the oldest beyond this are deleted at each new snapshot. Fifty snapshots
 * at most five minutes apart cover several hours of writing, and keep a long-edited note's history
 * from growing without bound.
 */
export const maxVersionsPerNote = 50;

function versionsOf(db: CommonplaceDb, noteId: Id) {
  return db.noteVersions.where('[noteId+savedAt]').between([noteId, Dexie.minKey], [noteId, Dexie.maxKey]);
}

function sameState(version: NoteVersion, note: Note): boolean {
  return version.title === note.title && version.text === note.text && sameDoc(version.doc, note.doc);
}

/** Stores the note's state unless it equals the newest version (or the interval has not passed), then prunes. */
async function snapshot(db: CommonplaceDb, noteId: Id, now: EpochMs, minIntervalMs: number): Promise<NoteVersion | undefined> {
  return db.transaction('rw', db.notes, db.noteVersions, async () => {
    const note = await db.notes.get(noteId);
    if (!note) return undefined;
    const newest = await versionsOf(db, noteId).last();
    if (newest && minIntervalMs > 0 && now - newest.savedAt < minIntervalMs) return undefined;
    if (newest && sameState(newest, note)) return undefined;
    // Keep versions in order even if the clock went back; the key [noteId+savedAt] sorts them.
    const savedAt = newest && now <= newest.savedAt ? newest.savedAt + 1 : now;
    const version: NoteVersion = { id: crypto.randomUUID(), noteId, doc: note.doc, text: note.text, title: note.title, savedAt };
    await db.noteVersions.add(version);
    const ids = (await versionsOf(db, noteId).primaryKeys()) as Id[];
    if (ids.length > maxVersionsPerNote) await db.noteVersions.bulkDelete(ids.slice(0, ids.length - maxVersionsPerNote));
    return version;
  });
}

/** While writing: a snapshot when the newest is older than `minIntervalMs` (5 minutes) and differs. */
export async function snapshotIfDue(
  db: CommonplaceDb,
  noteId: Id,
  { now = Date.now(), minIntervalMs = defaultSnapshotIntervalMs }: { now?: EpochMs; minIntervalMs?: number } = {},
): Promise<NoteVersion | undefined> {
  return snapshot(db, noteId, now, minIntervalMs);
}

/** On leaving a note: a snapshot whenever the state differs from the newest version. */
export async function snapshotNow(db: CommonplaceDb, noteId: Id): Promise<NoteVersion | undefined> {
  return snapshot(db, noteId, Date.now(), 0);
}

/** Newest first. */
export async function listNoteVersions(db: CommonplaceDb, noteId: Id): Promise<NoteVersion[]> {
  return versionsOf(db, noteId).reverse().toArray();
}

/**
 * Puts a version's title and doc back. The current state is snapshotted first, so the restore can
 * itself be undone from the history. All in one transaction: a title another note has taken since
 * (`duplicate-title`) leaves everything as it was.
 */
export async function restoreNoteVersion(db: CommonplaceDb, versionId: Id): Promise<Note> {
  return db.transaction('rw', [db.notes, db.noteVersions, db.links], async () => {
    const version = await db.noteVersions.get(versionId);
    if (!version) throw new StoreError('not-found', 'That version no longer exists.');
    await snapshotNow(db, version.noteId);
    return saveNoteContent(db, version.noteId, { doc: version.doc, title: version.title });
  });
}
