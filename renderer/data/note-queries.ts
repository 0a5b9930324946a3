/** Lists of notes for the sidebar: recent notes, notes under a tag, and the tag tree with counts. */
import type { Id, Note } from '../../shared/model';
import { tagAndAncestors, tagMatches } from '../../shared/notes/tags';
import type { CommonplaceDb } from './db';

export interface NoteListOptions {
  /** Only notes with this tag or a tag nested under it ('area' includes 'area/topic'). */
  tag?: string;
  limit?: number;
}

/** Most recently changed first. A tag filter reads only the tagged notes, through the `tags` index. */
export async function listNotes(db: CommonplaceDb, { tag, limit = 200 }: NoteListOptions = {}): Promise<Note[]> {
  const filter = tag?.trim().replace(/^#/, '') ?? '';
  if (filter === '') return db.notes.orderBy('updatedAt').reverse().limit(limit).toArray();
  const tagged = await db.notes
    .where('tags')
    .equalsIgnoreCase(filter)
    .or('tags')
    .startsWithIgnoreCase(`${filter}/`)
    .filter((note) => note.tags.some((noteTag) => tagMatches(noteTag, filter)))
    .toArray();
  const unique = [...new Map(tagged.map((note) => [note.id, note])).values()];
  return unique.sort((a, b) => b.updatedAt - a.updatedAt).slice(0, limit);
}

export interface TagCount {
  tag: string;
  /** Notes with this tag or one nested under it, each counted once. */
  count: number;
}

/**
 * Every tag with the number of notes under it, parents included ('a' counts notes tagged 'a/b'),
 * sorted by tag. Tags differing only in case are one tag, spelled as first met in index order.
 * Reads only the `tags` index keys, not the notes.
 */
export async function listNoteTags(db: CommonplaceDb): Promise<TagCount[]> {
  const notesByTag = new Map<string, { tag: string; notes: Set<Id> }>();
  await db.notes.orderBy('tags').eachKey((key, cursor) => {
    const noteId = cursor.primaryKey as Id;
    for (const tag of tagAndAncestors(String(key))) {
      const folded = tag.toLowerCase();
      let entry = notesByTag.get(folded);
      if (!entry) notesByTag.set(folded, (entry = { tag, notes: new Set() }));
      entry.notes.add(noteId);
    }
  });
  return [...notesByTag.values()]
    .map(({ tag, notes }) => ({ tag, count: notes.size }))
    .sort((a, b) => {
      const x = a.tag.toLowerCase();
      const y = b.tag.toLowerCase();
      return x < y ? -1 : x > y ? 1 : 0;
    });
}
