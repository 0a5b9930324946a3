/**
 * Renaming a note, with the links to it following: every `[[Old title]]` in the notes that link here
 * becomes `[[New title]]` (heading and label kept), so no link breaks and none silently changes target.
 * Links written with one of the note's aliases are left as written: they still reach it.
 */
import type { Id, Note } from '../../shared/model';
import { renameWikiLinkTargets } from '../../shared/notes/doc-links';
import { titleKey } from '../../shared/notes/wiki-link-syntax';
import type { CommonplaceDb } from './db';
import { assertTitleFree, canonicalTitle, relinkAll, relinkClaimedKeys, sourcesLinkingTo } from './note-links';
import { derivedFields } from './notes';
import { StoreError } from './store-error';

export interface RenameResult {
  note: Note;
  /** Other notes whose text was rewritten to the new title. */
  updatedNotes: number;
}

/**
 * The rename itself, for callers already inside a rw transaction over notes and links
 * (saveNoteContent saves a title with the body this way). `note` is the stored note.
 */
export async function renameInTransaction(db: CommonplaceDb, note: Note, newTitle: string): Promise<RenameResult> {
  const title = canonicalTitle(newTitle);
  if (title === note.title) return { note, updatedNotes: 0 };
  if (title !== '') await assertTitleFree(db, title, note.id);
  const oldKey = titleKey(note.title);
  const newKey = titleKey(title);
  const now = Date.now();
  let renamed: Note = { ...note, title, updatedAt: now };
  await db.notes.put(renamed);
  let updatedNotes = 0;

  if (oldKey !== newKey && oldKey !== '' && newKey === '') {
    // Untitled now: links to the old title have nothing to follow, so they dangle (or find a note
    // with that alias) rather than being rewritten to nothing.
    await relinkAll(db, await sourcesLinkingTo(db, [note.id]), new Set([note.id]));
  } else if (oldKey !== newKey && oldKey !== '') {
    // Every `[[Old]]` resolved here (a title beats an alias), so the rows pointing here name every
    // note to rewrite. Each row keeps its target; only its written title follows the rename.
    const fromKeys = new Set([oldKey]);
    const rows = await db.links.where('targetId').equals(note.id).toArray();
    const sources = await db.notes.bulkGet(rows.map((row) => row.sourceId));
    const rewritten: Note[] = [];
    sources.forEach((source, index) => {
      const row = rows[index]!;
      if (titleKey(row.targetTitle) === oldKey) row.targetTitle = title;
      if (!source) return;
      const current = source.id === note.id ? renamed : source;
      const doc = renameWikiLinkTargets(current.doc, fromKeys, title);
      if (!doc) return;
      const next: Note = { ...current, doc, ...derivedFields(doc, current.frontMatter), updatedAt: now };
      if (source.id === note.id) renamed = next;
      else updatedNotes += 1;
      rewritten.push(next);
    });
    await db.notes.bulkPut(rewritten);
    await db.links.bulkPut(rows);
  }
  // A case-only change keeps the key: links still resolve and keep the spelling they were written with.
  if (newKey !== '' && newKey !== oldKey) await relinkClaimedKeys(db, [newKey], note.id, false);
  return { note: renamed, updatedNotes };
}

/** Renames a note and rewrites the links to it, in one transaction. Throws `duplicate-title` for a taken title. */
export async function renameNote(db: CommonplaceDb, noteId: Id, newTitle: string): Promise<RenameResult> {
  return db.transaction('rw', db.notes, db.links, async () => {
    const note = await db.notes.get(noteId);
    if (!note) throw new StoreError('not-found', 'That note no longer exists.');
    return renameInTransaction(db, note, newTitle);
  });
}
