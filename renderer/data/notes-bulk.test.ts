import { describe, expect, it } from 'vitest';
import type { DocNode } from '../../shared/model';
import { wikiLinkNode } from '../../shared/notes/doc-nodes';
import { createNote, type CommonplaceDb, type NewNote } from './index';
import { freshDatabaseForEachTest, openFreshDatabase } from './migration-harness';
import { isUnresolvedId } from './note-links';
import { createNotesInBulk } from './notes-bulk';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened));

const doc = (...links: Array<Parameters<typeof wikiLinkNode>[0]>): DocNode => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'See #topic ' }, ...links.map(wikiLinkNode)] }],
});

/** Notes already stored: a dangling link to a title about to arrive, and a link by an alias a new title takes over. */
async function storeExisting(database: CommonplaceDb) {
  await createNote(database, { title: 'Holder', aliases: ['Nick', 'Shared'] });
  await createNote(database, { title: 'Old', doc: doc({ target: 'Alpha' }, { target: 'nick' }, { target: 'Shared' }) });
}

const incoming: NewNote[] = [
  { title: 'Alpha', doc: doc({ target: 'Beta' }, { target: 'Shared' }, { target: 'gamma alias', heading: 'h' }, { target: 'Alpha' }), frontMatter: { tags: ['fm'] }, folder: 'f' },
  { title: 'Beta', doc: doc({ target: 'alpha', label: 'x' }, { target: 'Missing' }, { target: 'Later' }) },
  { title: 'Gamma', aliases: ['Gamma alias', 'Shared', 'gamma ALIAS'], doc: doc({ target: 'Old' }) },
  { title: ' Nick ', doc: doc() },
  { title: 'old', doc: doc({ target: 'Beta' }) }, // taken by a stored note
  { title: 'Beta', doc: doc() }, // taken earlier in the list
  { title: '', doc: doc({ target: 'Gamma' }) },
  { title: 'Later', doc: doc() },
];

/** The database as a reader sees it: notes by title, links as "source → target (as written)". */
async function snapshot(database: CommonplaceDb) {
  const notes = await database.notes.toArray();
  const titleOf = new Map(notes.map((note) => [note.id, note.title || '(untitled)']));
  const links = (await database.links.toArray())
    .map((row) => `${titleOf.get(row.sourceId)} → ${isUnresolvedId(row.targetId) ? row.targetId : titleOf.get(row.targetId)} (${row.targetTitle}, ${row.kind})`)
    .sort();
  const fields = notes
    .map(({ title, aliases, tags, text, frontMatter, folder, doc: body }) => ({ title, aliases, tags, text, frontMatter, folder, doc: body }))
    .sort((a, b) => (a.title < b.title ? -1 : 1));
  return { fields, links };
}

describe('createNotesInBulk', () => {
  it('stores the same notes and the same links index as createNote one note at a time', async () => {
    await storeExisting(db);
    const progress: number[] = [];
    const result = await createNotesInBulk(db, incoming, (stored) => progress.push(stored));
    expect(result.refused).toEqual([4, 5]);
    expect(result.created.map((note) => note.title)).toEqual(['Alpha', 'Beta', 'Gamma', 'Nick', '', 'Later']);
    expect(progress).toEqual([6]);

    const oneByOne = await openFreshDatabase();
    try {
      await storeExisting(oneByOne);
      for (const [index, input] of incoming.entries()) {
        if (index === 4 || index === 5) await expect(createNote(oneByOne, input)).rejects.toMatchObject({ code: 'duplicate-title' });
        else await createNote(oneByOne, input);
      }
      const expected = await snapshot(oneByOne);
      const actual = await snapshot(db);
      expect(actual).toEqual(expected);
      // What the equivalence covers, spelled out.
      expect(actual.links).toEqual(
        expect.arrayContaining([
          'Old → Alpha (Alpha, note)', // a dangling link now reaches the new note
          'Old → Nick (nick, note)', // a new title beats the stored note's alias
          'Old → Holder (Shared, note)', // a stored alias beats a new one
          'Alpha → Gamma (gamma alias, note)',
          'Beta → Later (Later, note)', // a link to a note later in the list
          'Beta → unresolved:missing (Missing, note)',
        ]),
      );
    } finally {
      await oneByOne.delete();
    }
  });

  it('stores nothing when given nothing', async () => {
    expect(await createNotesInBulk(db, [])).toEqual({ created: [], refused: [] });
    expect(await db.notes.count()).toBe(0);
  });
});
