/** Notes: the user's own writing. */
import type { DocNode, Id, LocalDate, Note } from '../../shared/model';
import type { CommonplaceDb } from './db';
import { StoreError } from './store-error';

/**
 * The doc and its plain-text copy always travel together, so the text that search and
 * previews read can never fall behind the doc (the editor gives both: `getJSON()`, `getText()`).
 */
export interface NoteContent {
  doc: DocNode;
  text: string;
}

/** What an empty Tiptap editor holds. */
export function emptyDoc(): DocNode {
  return { type: 'doc', content: [{ type: 'paragraph' }] };
}

export interface NewNote {
  title: string;
  content?: NoteContent;
  aliases?: string[];
  tags?: string[];
  dailyDate?: LocalDate;
}

export async function createNote(db: CommonplaceDb, input: NewNote): Promise<Note> {
  const now = Date.now();
  const note: Note = {
    id: crypto.randomUUID(),
    title: input.title.trim(),
    aliases: input.aliases ?? [],
    tags: input.tags ?? [],
    doc: input.content?.doc ?? emptyDoc(),
    text: input.content?.text ?? '',
    createdAt: now,
    updatedAt: now,
  };
  if (input.dailyDate !== undefined) note.dailyDate = input.dailyDate;
  await db.notes.add(note);
  return note;
}

export interface NotePatch {
  title?: string;
  content?: NoteContent;
  aliases?: string[];
  tags?: string[];
}

/** Applies an edit and stamps `updatedAt`; returns the note as stored. */
export async function updateNote(db: CommonplaceDb, id: Id, patch: NotePatch): Promise<Note> {
  return db.transaction('rw', db.notes, async () => {
    const note = await db.notes.get(id);
    if (!note) throw new StoreError('not-found', 'That note no longer exists.');
    const next: Note = { ...note, updatedAt: Date.now() };
    if (patch.title !== undefined) next.title = patch.title.trim();
    if (patch.content !== undefined) {
      next.doc = patch.content.doc;
      next.text = patch.content.text;
    }
    if (patch.aliases !== undefined) next.aliases = patch.aliases;
    if (patch.tags !== undefined) next.tags = patch.tags;
    await db.notes.put(next);
    return next;
  });
}

/** Most recently edited first, served by the `updatedAt` index. */
export async function listNotesByUpdated(db: CommonplaceDb, { limit = 50 }: { limit?: number } = {}): Promise<Note[]> {
  return db.notes.orderBy('updatedAt').reverse().limit(limit).toArray();
}
