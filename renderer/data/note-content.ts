/**
 * Saving what the editor holds. One transaction writes the doc, the text and tags derived from it,
 * and the note's links rows, so no reader ever sees a doc whose backlinks or tags are out of step.
 */
import type { DocNode, EpochMs, Id, Note } from '../../shared/model';
import { renameWikiLinkTargets } from '../../shared/notes/doc-links';
import { titleKey } from '../../shared/notes/wiki-link-syntax';
import type { CommonplaceDb } from './db';
import { canonicalTitle, relinkNote, TitleResolver } from './note-links';
import { renameInTransaction } from './note-rename';
import { derivedFields } from './notes';
import { StoreError } from './store-error';

export interface NoteContentUpdate {
  doc: DocNode;
  /** A new title goes through the rename path: links to the note follow it. */
  title?: string;
}

/** Tiptap's JSON is produced in a fixed key order, so equal docs serialise equally. */
export function sameDoc(a: DocNode, b: DocNode): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Saves a note's doc (and title). An unchanged doc and title write nothing and return the stored
 * note, so an autosave of what is already stored does not move the note up the recent list.
 * Throws `not-found` for a deleted note and `duplicate-title` (writing nothing) for a taken title.
 */
export async function saveNoteContent(
  db: CommonplaceDb,
  noteId: Id,
  content: NoteContentUpdate,
  /**
   * `at`: when the saved state was typed. The editor passes it so that `updatedAt` is the time of the last
   * keystroke the save contains: a keystroke made while the save runs is then newer than the note, and
   * crash recovery (note-journal.ts) knows the database does not have it yet.
   */
  { at }: { at?: EpochMs } = {},
): Promise<Note> {
  return db.transaction('rw', db.notes, db.links, async () => {
    let note = await db.notes.get(noteId);
    if (!note) throw new StoreError('not-found', 'That note no longer exists.');
    let doc = content.doc;
    const title = content.title === undefined ? undefined : canonicalTitle(content.title);
    if (title !== undefined && title !== note.title) {
      const oldKey = titleKey(note.title);
      note = (await renameInTransaction(db, note, title)).note;
      // The doc being saved may link to this note by its old title too; it follows like the others.
      if (oldKey !== '' && titleKey(title) !== '' && titleKey(title) !== oldKey) doc = renameWikiLinkTargets(doc, new Set([oldKey]), title) ?? doc;
    }
    if (sameDoc(doc, note.doc)) return note;
    const next: Note = { ...note, doc, ...derivedFields(doc, note.frontMatter), updatedAt: at ?? Date.now() };
    await db.notes.put(next);
    await relinkNote(db, noteId, new TitleResolver(db), { note: next });
    return next;
  });
}
