/**
 * Many new notes at once, with the same result as calling createNote for each (the equivalence test
 * beside this file checks it), in one transaction: titles, aliases, derived text and tags, the links
 * index, and the notes already stored whose links the new titles and aliases now answer.
 *
 * Why not createNote in a loop: it resolves every link and every claimed key with index queries that
 * read whole notes, which makes 10,000 notes take minutes. Here every title and alias is read once,
 * from the indexes' keys, and links are resolved in memory. It reads the data layer's own link
 * helpers, so the rules (a title beats an alias, the oldest alias wins) stay written once.
 */
import type { Id, Link, Note } from '../../shared/model';
import { titleKey } from '../../shared/notes/wiki-link-syntax';
import type { CommonplaceDb } from './db';
import { linkedKeys, linkRows, noteKeys, relinkAll, resolveTitle, sourcesLinkingTo, unresolvedId } from './note-links';
import { newNoteRecord, type NewNote } from './notes';

export interface BulkResult {
  created: Note[];
  /** Inputs not stored because another note (stored, or earlier in the list) has the title. */
  refused: number[];
}

const chunkSize = 500;

export async function createNotesInBulk(db: CommonplaceDb, inputs: readonly NewNote[], onStored?: (stored: number) => void): Promise<BulkResult> {
  const now = Date.now();
  const built = inputs.map((input) => newNoteRecord(input, now));
  return db.transaction('rw', db.notes, db.links, async () => {
    // Keys only: the indexes answer without reading a single doc.
    const titleOwner = new Map<string, Id>();
    await db.notes.orderBy('title').eachKey((key, cursor) => {
      const clean = titleKey(String(key));
      if (clean !== '') titleOwner.set(clean, cursor.primaryKey as Id);
    });
    const storedAliasOwners = new Map<string, Id[]>();
    await db.notes.orderBy('aliases').eachKey((key, cursor) => {
      const clean = titleKey(String(key));
      storedAliasOwners.set(clean, [...(storedAliasOwners.get(clean) ?? []), cursor.primaryKey as Id]);
    });

    const created: Note[] = [];
    const refused: number[] = [];
    for (const [index, note] of built.entries()) {
      const key = titleKey(note.title);
      if (key !== '' && titleOwner.has(key)) {
        refused.push(index);
        continue;
      }
      if (key !== '') titleOwner.set(key, note.id);
      created.push(note);
    }
    // Among new notes with the same alias, the one the database calls oldest (same createdAt: lowest id).
    const newAliasOwner = new Map<string, Id>();
    for (const note of [...created].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      for (const alias of note.aliases) if (!newAliasOwner.has(titleKey(alias))) newAliasOwner.set(titleKey(alias), note.id);
    }

    for (let start = 0; start < created.length; start += chunkSize) {
      await db.notes.bulkAdd(created.slice(start, start + chunkSize));
      onStored?.(Math.min(created.length, start + chunkSize));
    }

    // Stored notes are older than these, so a stored alias beats a new one; the database picks among them.
    // Only those few keys are looked up; everything else resolves in memory, with no await, since awaiting
    // anything but Dexie's own work inside a transaction can let Dexie lose track of it (PrematureCommitError).
    const fromDatabase = new Map<string, Id | undefined>();
    for (const note of created) {
      for (const key of linkedKeys(note.doc)) if (!titleOwner.has(key) && storedAliasOwners.has(key)) fromDatabase.set(key, undefined);
    }
    for (const key of fromDatabase.keys()) fromDatabase.set(key, (await resolveTitle(db, key))?.id);
    const resolve = (key: string): Id => titleOwner.get(key) ?? fromDatabase.get(key) ?? newAliasOwner.get(key) ?? unresolvedId(key);
    const rows: Link[] = [];
    for (const note of created) {
      const targets = new Map<string, Id>();
      for (const key of linkedKeys(note.doc)) targets.set(key, resolve(key));
      rows.push(...linkRows(note.id, note.doc, targets));
    }
    for (let start = 0; start < rows.length; start += chunkSize * 10) await db.links.bulkPut(rows.slice(start, start + chunkSize * 10));

    // Stored notes whose links the new keys now answer: dangling ones, and links to a note that held a
    // new title only as an alias (a title beats an alias). Their rows are derived again, as createNote does.
    const claimed = new Set<string>();
    for (const note of created) for (const key of noteKeys(note)) claimed.add(key);
    const targets: Id[] = [];
    for (const key of claimed) {
      targets.push(unresolvedId(key));
      if (titleOwner.get(key) !== undefined) for (const owner of storedAliasOwners.get(key) ?? []) targets.push(owner);
    }
    const sources = await sourcesLinkingTo(db, targets);
    for (const note of created) sources.delete(note.id);
    await relinkAll(db, sources);
    return { created, refused };
  });
}
