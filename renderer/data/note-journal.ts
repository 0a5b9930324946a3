/**
 * Crash safety for the editor. Every change is written synchronously to localStorage before the
 * debounced IndexedDB save (which may not run if the window dies first); a successful save clears
 * the entry it covered; at the next start recoverJournal replays what the database missed.
 * One entry per note, the latest state, under `commonplace.journal:<noteId>`.
 */
import type { DocNode, EpochMs, Id } from '../../shared/model';
import type { CommonplaceDb } from './db';
import { saveNoteContent } from './note-content';
import { isStoreError } from './store-error';

export interface JournalEntry {
  noteId: Id;
  doc: DocNode;
  title?: string;
  /** When the change was made (Date.now()); compared with the note's `updatedAt` and the save's time. */
  at: EpochMs;
}

const prefix = 'commonplace.journal:';

const keyOf = (noteId: Id): string => `${prefix}${noteId}`;

/** Throws when storage is full or refused; the caller (the editor) keeps typing and saving regardless. */
export function writeJournal(storage: Storage, entry: JournalEntry): void {
  storage.setItem(keyOf(entry.noteId), JSON.stringify(entry));
}

function isEntry(value: unknown): value is JournalEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.noteId === 'string' &&
    typeof entry.at === 'number' &&
    Number.isFinite(entry.at) &&
    typeof entry.doc === 'object' &&
    entry.doc !== null &&
    !Array.isArray(entry.doc) &&
    (entry.title === undefined || typeof entry.title === 'string')
  );
}

function readEntry(storage: Storage, key: string): JournalEntry | undefined {
  const raw = storage.getItem(key);
  if (raw === null) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (isEntry(parsed) && keyOf(parsed.noteId) === key) return parsed;
  } catch {
    // Handled below with the other unreadable entries.
  }
  console.warn(`Dropped an unreadable note journal entry (${key}).`);
  storage.removeItem(key);
  return undefined;
}

/**
 * After a save of the state written at `savedAt`: removes the entry unless it is newer, i.e. a
 * keystroke came in while the save ran; that one stays until its own save.
 */
export function clearJournal(storage: Storage, noteId: Id, savedAt: EpochMs): void {
  const entry = readEntry(storage, keyOf(noteId));
  if (entry && entry.at <= savedAt) storage.removeItem(keyOf(noteId));
}

/** The unsaved state of one note, if the journal holds one (an earlier save failed, or is still running). */
export function journalEntryFor(storage: Storage, noteId: Id): JournalEntry | undefined {
  return readEntry(storage, keyOf(noteId));
}

/** Every readable entry, oldest change first; unreadable ones are dropped with a warning. */
export function pendingJournal(storage: Storage): JournalEntry[] {
  const keys: string[] = [];
  for (let index = 0; index < storage.length; index += 1) {
    const key = storage.key(index);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  const entries = keys.map((key) => readEntry(storage, key)).filter((entry): entry is JournalEntry => entry !== undefined);
  return entries.sort((a, b) => a.at - b.at);
}

/**
 * At start-up: saves each entry newer than the stored note, then clears it; entries for deleted
 * notes or already saved are just cleared. A title another note took meanwhile is not forced; the
 * body is still saved. Returns how many entries changed a note.
 */
export async function recoverJournal(db: CommonplaceDb, storage: Storage): Promise<number> {
  let applied = 0;
  for (const entry of pendingJournal(storage)) {
    const note = await db.notes.get(entry.noteId);
    // The editor stamps a saved note's updatedAt with the time of the last keystroke the save held, so an
    // entry newer than the note is work the database never got (typed during the last save, or after it).
    if (note && entry.at > note.updatedAt) {
      const content = entry.title === undefined ? { doc: entry.doc } : { doc: entry.doc, title: entry.title };
      let saved;
      try {
        saved = await saveNoteContent(db, entry.noteId, content, { at: entry.at });
      } catch (error) {
        if (!isStoreError(error, 'duplicate-title')) throw error;
        saved = await saveNoteContent(db, entry.noteId, { doc: entry.doc }, { at: entry.at });
      }
      // An entry equal to what is stored writes nothing and is not counted.
      if (saved.updatedAt !== note.updatedAt) applied += 1;
    }
    storage.removeItem(keyOf(entry.noteId));
  }
  return applied;
}
