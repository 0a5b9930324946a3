/**
 * Notes: the user's own writing. A note's `text`, `tags` and links rows are derived from its doc
 * (and front matter), always in the same transaction as the doc, so search, the tag pane and
 * backlinks never fall behind what was written. Titles are unique (ignoring case and spacing)
 * among notes that have one, so a `[[Title]]` link always means one note.
 */
import { Dexie } from 'dexie';
import type { DocNode, Highlight, Id, JsonValue, Link, LocalDate, Note, NoteVersion } from '../../shared/model';
import { docText } from '../../shared/notes/doc-text';
import { frontMatterList } from '../../shared/notes/front-matter';
import { docTags } from '../../shared/notes/doc-tags';
import { titleKey } from '../../shared/notes/wiki-link-syntax';
import type { CommonplaceDb } from './db';
import {
  assertTitleFree,
  canonicalTitle,
  noteKeys,
  outgoingRows,
  relinkAll,
  relinkClaimedKeys,
  relinkNote,
  sourcesLinkingTo,
  TitleResolver,
} from './note-links';
import { StoreError } from './store-error';

/** What an empty Tiptap editor holds. */
export function emptyDoc(): DocNode {
  return { type: 'doc', content: [{ type: 'paragraph' }] };
}

/**
 * The fields derived from a doc: its plain text (exactly what the editor's `getText()` gives) and
 * its tags, the `#tags` in the text together with the front matter's `tags`, deduplicated ignoring
 * case (the first spelling wins, text before front matter).
 */
export function derivedFields(doc: DocNode, frontMatter: Note['frontMatter']): Pick<Note, 'text' | 'tags'> {
  const text = docText(doc);
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const tag of [...docTags(doc), ...frontMatterList(frontMatter?.tags)]) {
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return { text, tags };
}

/** The stored form of a new note, with its derived text and tags; `createNote` and the bulk import both build it here. */
export function newNoteRecord(input: NewNote, now: number): Note {
  const doc = input.doc ?? emptyDoc();
  const note: Note = {
    id: crypto.randomUUID(),
    title: canonicalTitle(input.title),
    aliases: cleanAliases(input.aliases ?? []),
    tags: [],
    doc,
    text: '',
    createdAt: now,
    updatedAt: now,
  };
  if (input.dailyDate !== undefined) note.dailyDate = input.dailyDate;
  if (input.frontMatter !== undefined) note.frontMatter = input.frontMatter;
  if (input.folder !== undefined) note.folder = input.folder;
  return Object.assign(note, derivedFields(doc, note.frontMatter));
}

/** Aliases as stored: canonical spacing, no empty ones, no repeats (ignoring case). */
export function cleanAliases(aliases: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const alias of aliases) {
    const clean = canonicalTitle(alias);
    const key = titleKey(clean);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    kept.push(clean);
  }
  return kept;
}

export interface NewNote {
  /** '' for an untitled note; several notes may be untitled. */
  title: string;
  doc?: DocNode;
  aliases?: string[];
  dailyDate?: LocalDate;
  frontMatter?: Record<string, JsonValue>;
  folder?: string;
}

/**
 * Stores a new note with its derived text, tags and links rows; links other notes wrote to its
 * title or aliases before it existed now point at it. Throws `duplicate-title` for a taken title.
 */
export async function createNote(db: CommonplaceDb, input: NewNote): Promise<Note> {
  return db.transaction('rw', db.notes, db.links, async () => {
    const title = canonicalTitle(input.title);
    if (title !== '') await assertTitleFree(db, title);
    const note = newNoteRecord(input, Date.now());
    await db.notes.add(note);
    await relinkNote(db, note.id, new TitleResolver(db), { note });
    await relinkClaimedKeys(db, noteKeys(note), note.id, true);
    return note;
  });
}

/**
 * Replaces a note's aliases. Links written with a dropped alias no longer reach the note (they dangle,
 * or find another note with that name); dangling links written with a new alias now reach it.
 */
export async function setNoteAliases(db: CommonplaceDb, id: Id, aliases: readonly string[]): Promise<Note> {
  return db.transaction('rw', db.notes, db.links, async () => {
    const note = await db.notes.get(id);
    if (!note) throw new StoreError('not-found', 'That note no longer exists.');
    const next: Note = { ...note, aliases: cleanAliases(aliases), updatedAt: Date.now() };
    if (JSON.stringify(next.aliases) === JSON.stringify(note.aliases)) return note;
    const before = noteKeys(note);
    const after = noteKeys(next);
    await db.notes.put(next);
    if ([...before].some((key) => !after.has(key))) {
      await relinkAll(db, await sourcesLinkingTo(db, [id]), new Set([id]));
    }
    const added = [...after].filter((key) => !before.has(key));
    if (added.length > 0) await relinkClaimedKeys(db, added, id, false);
    return next;
  });
}

/** Everything deleteNote removed, for Undo (restoreDeletedNote). */
export interface DeletedNote {
  note: Note;
  versions: NoteVersion[];
  /** Its outgoing rows as they were; a restore derives them again, since titles may have changed since. */
  links: Link[];
  /** Highlights that had been turned into this note; the delete cleared their `noteId`. */
  highlightIds: Id[];
}

function versionRange(db: CommonplaceDb, noteId: Id) {
  return db.noteVersions.where('[noteId+savedAt]').between([noteId, Dexie.minKey], [noteId, Dexie.maxKey]);
}

/**
 * Deletes a note with its versions and outgoing links; links to it from other notes dangle again
 * (or find another note with that name). Returns what Undo needs.
 */
export async function deleteNote(db: CommonplaceDb, id: Id): Promise<DeletedNote> {
  return db.transaction('rw', [db.notes, db.noteVersions, db.links, db.highlights], async () => {
    const note = await db.notes.get(id);
    if (!note) throw new StoreError('not-found', 'That note no longer exists.');
    const versions = await versionRange(db, id).toArray();
    const links = await outgoingRows(db, id);
    const highlightIds = (await db.highlights.where('noteId').equals(id).primaryKeys()) as Id[];
    const linkingSources = await sourcesLinkingTo(db, [id]);
    linkingSources.delete(id);
    await db.notes.delete(id);
    await db.noteVersions.bulkDelete(versions.map((version) => version.id));
    await db.links.bulkDelete(links.map((row): [Id, Id] => [row.sourceId, row.targetId]));
    await db.highlights
      .where('noteId')
      .equals(id)
      .modify((highlight: Highlight) => void delete highlight.noteId);
    await relinkAll(db, linkingSources, new Set([id]));
    return { note, versions, links, highlightIds };
  });
}

/**
 * Undo of deleteNote: the note comes back with its id, versions and highlights, and the links that
 * dangled when it went reach it again. Throws `duplicate-title` if a note took its title meanwhile.
 */
export async function restoreDeletedNote(db: CommonplaceDb, snapshot: DeletedNote): Promise<Note> {
  return db.transaction('rw', [db.notes, db.noteVersions, db.links, db.highlights], async () => {
    const present = await db.notes.get(snapshot.note.id);
    if (present) return present;
    const { note } = snapshot;
    if (note.title !== '') await assertTitleFree(db, note.title, note.id);
    await db.notes.add(note);
    await db.noteVersions.bulkPut(snapshot.versions);
    await relinkNote(db, note.id, new TitleResolver(db), { note, distrust: 'all' });
    for (const highlight of await db.highlights.bulkGet(snapshot.highlightIds)) {
      if (highlight && highlight.noteId === undefined) await db.highlights.update(highlight.id, { noteId: note.id });
    }
    await relinkClaimedKeys(db, noteKeys(note), note.id, true);
    return note;
  });
}

/** Most recently edited first, served by the `updatedAt` index. */
export async function listNotesByUpdated(db: CommonplaceDb, { limit = 50 }: { limit?: number } = {}): Promise<Note[]> {
  return db.notes.orderBy('updatedAt').reverse().limit(limit).toArray();
}
