import { describe, expect, it, vi } from 'vitest';
import type { DocNode, Highlight, Link } from '../../shared/model';
import { wikiLinkNode } from '../../shared/notes/doc-nodes';
import type { CommonplaceDb } from './db';
import { freshDatabaseForEachTest } from './migration-harness';
import { createNote, deleteNote, emptyDoc, listNotesByUpdated, restoreDeletedNote, setNoteAliases } from './notes';
import { saveNoteContent } from './note-content';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened), { fixedTime: 1_000 });

const text = (value: string): DocNode => ({ type: 'text', text: value });
const paragraph = (...parts: Array<string | DocNode>): DocNode => ({
  type: 'paragraph',
  content: parts.map((part) => (typeof part === 'string' ? text(part) : part)),
});
const doc = (...blocks: DocNode[]): DocNode => ({ type: 'doc', content: blocks });
const link = (target: string, extra: { label?: string; heading?: string } = {}) => wikiLinkNode({ target, ...extra });

async function rows(): Promise<Array<Pick<Link, 'sourceId' | 'targetId' | 'targetTitle' | 'kind'>>> {
  return (await db.links.toArray()).sort((a, b) => (a.sourceId + a.targetId).localeCompare(b.sourceId + b.targetId));
}

describe('createNote', () => {
  it('stores an empty note with an editor-ready doc', async () => {
    const note = await createNote(db, { title: '  Ideas ' });
    expect(note).toMatchObject({ title: 'Ideas', aliases: [], tags: [], doc: emptyDoc(), text: '', createdAt: 1_000, updatedAt: 1_000 });
    expect(note).not.toHaveProperty('dailyDate');
    expect(await db.notes.get(note.id)).toEqual(note);
  });

  it('derives text and tags (from the text and the front matter) from the doc, findable by their indexes', async () => {
    const note = await createNote(db, {
      title: '2026-11-22',
      doc: doc(paragraph('Hello #journal and #Area/topic')),
      aliases: ['Today', ' today ', ''],
      dailyDate: '2026-11-22',
      frontMatter: { tags: ['JOURNAL', 'reading'], source: 'vault' },
      folder: 'Daily',
    });
    expect(note).toMatchObject({
      text: 'Hello #journal and #Area/topic',
      tags: ['journal', 'Area/topic', 'reading'],
      aliases: ['Today'],
      folder: 'Daily',
      frontMatter: { tags: ['JOURNAL', 'reading'], source: 'vault' },
    });
    expect(await db.notes.where('dailyDate').equals('2026-11-22').primaryKeys()).toEqual([note.id]);
    expect(await db.notes.where('aliases').equals('Today').primaryKeys()).toEqual([note.id]);
    expect(await db.notes.where('tags').equals('reading').primaryKeys()).toEqual([note.id]);
  });

  it('stores the title with canonical spacing', async () => {
    const note = await createNote(db, { title: ' Deep \t  work ' });
    expect(note.title).toBe('Deep work');
  });

  it('refuses a title another note has, ignoring case and spacing, in words', async () => {
    await createNote(db, { title: 'Deep work' });
    await expect(createNote(db, { title: 'deep  WORK' })).rejects.toMatchObject({
      name: 'StoreError',
      code: 'duplicate-title',
      message: expect.stringMatching(/already called “Deep work”/),
    });
    expect(await db.notes.count()).toBe(1);
  });

  it('lets any number of notes be untitled', async () => {
    await createNote(db, { title: '' });
    await createNote(db, { title: '  ' });
    expect(await db.notes.count()).toBe(2);
  });

  it('refuses a second daily note for the same day', async () => {
    await createNote(db, { title: 'Sunday', dailyDate: '2026-11-22' });
    await expect(createNote(db, { title: 'Sunday again', dailyDate: '2026-11-22' })).rejects.toMatchObject({ name: 'ConstraintError' });
    await createNote(db, { title: 'Not daily' });
    await createNote(db, { title: 'Also not daily' });
    expect(await db.notes.count()).toBe(3);
  });

  it('indexes its own links, and links written before it existed now reach it', async () => {
    const early = await createNote(db, { title: 'Early', doc: doc(paragraph('See ', link('later note'), ' and ', link('Nowhere'))) });
    expect(await rows()).toEqual([
      { sourceId: early.id, targetId: 'unresolved:later note', targetTitle: 'later note', kind: 'note' },
      { sourceId: early.id, targetId: 'unresolved:nowhere', targetTitle: 'Nowhere', kind: 'note' },
    ]);
    const later = await createNote(db, { title: 'Later Note', doc: doc(paragraph('Back to ', link('Early'))) });
    expect(await db.links.where('targetId').equals(later.id).toArray()).toEqual([
      { sourceId: early.id, targetId: later.id, targetTitle: 'later note', kind: 'note' },
    ]);
    expect(await db.links.where('targetId').equals(early.id).toArray()).toEqual([
      { sourceId: later.id, targetId: early.id, targetTitle: 'Early', kind: 'note' },
    ]);
    expect(await db.links.where('targetId').equals('unresolved:later note').count()).toBe(0);
    expect(await db.links.where('targetId').equals('unresolved:nowhere').count()).toBe(1);
  });

  it('claims dangling links written with one of its aliases', async () => {
    const writer = await createNote(db, { title: 'Writer', doc: doc(paragraph(link('PKM'))) });
    const target = await createNote(db, { title: 'Personal knowledge management', aliases: ['pkm'] });
    expect(await db.links.get([writer.id, target.id])).toMatchObject({ targetTitle: 'PKM' });
  });

  it('takes a title from a note that only had it as an alias: a title beats an alias', async () => {
    const aliased = await createNote(db, { title: 'Aliased', aliases: ['Zettel'] });
    const writer = await createNote(db, { title: 'Writer', doc: doc(paragraph(link('Aliased'), ' ', link('Zettel'))) });
    // Both links reach the same note, so they share one row.
    expect((await rows()).map((row) => [row.sourceId, row.targetId])).toEqual([[writer.id, aliased.id]]);
    const zettel = await createNote(db, { title: 'Zettel' });
    expect((await rows()).map((row) => [row.targetId, row.targetTitle]).sort()).toEqual(
      [
        [aliased.id, 'Aliased'],
        [zettel.id, 'Zettel'],
      ].sort(),
    );
  });
});

describe('setNoteAliases', () => {
  it('re-resolves links both ways: a dropped alias dangles, a new one is claimed', async () => {
    const target = await createNote(db, { title: 'Target', aliases: ['Old name'] });
    const writer = await createNote(db, { title: 'Writer', doc: doc(paragraph(link('Old name'), ' ', link('New name'))) });
    expect((await rows()).map((row) => row.targetId).sort()).toEqual([target.id, 'unresolved:new name'].sort());
    vi.setSystemTime(2_000);
    const updated = await setNoteAliases(db, target.id, ['New name']);
    expect(updated).toMatchObject({ aliases: ['New name'], updatedAt: 2_000 });
    expect(await rows()).toEqual(
      [
        { sourceId: writer.id, targetId: target.id, targetTitle: 'New name', kind: 'note' },
        { sourceId: writer.id, targetId: 'unresolved:old name', targetTitle: 'Old name', kind: 'note' },
      ].sort((a, b) => (a.sourceId + a.targetId).localeCompare(b.sourceId + b.targetId)),
    );
  });

  it('splits a row two links shared once the alias one of them used is dropped', async () => {
    const target = await createNote(db, { title: 'Target', aliases: ['Nick'] });
    const writer = await createNote(db, { title: 'Writer', doc: doc(paragraph(link('Target'), ' ', link('Nick'))) });
    expect((await rows()).map((row) => row.targetId)).toEqual([target.id]);
    await setNoteAliases(db, target.id, []);
    expect((await rows()).map((row) => [row.sourceId, row.targetId, row.targetTitle]).sort()).toEqual(
      [
        [writer.id, target.id, 'Target'],
        [writer.id, 'unresolved:nick', 'Nick'],
      ].sort(),
    );
  });

  it('changes nothing when the aliases are the same', async () => {
    const note = await createNote(db, { title: 'Same', aliases: ['A'] });
    vi.setSystemTime(2_000);
    expect(await setNoteAliases(db, note.id, [' A '])).toEqual(note);
  });
});

describe('deleteNote and restoreDeletedNote', () => {
  it('deletes the note with its versions and outgoing links, unlinks highlights, and undoes all of it', async () => {
    const gone = await createNote(db, { title: 'Gone', doc: doc(paragraph('Links to ', link('Other'))) });
    const other = await createNote(db, { title: 'Other', doc: doc(paragraph('Back to ', link('Gone', { label: 'it' }))) });
    await db.noteVersions.add({ id: 'v1', noteId: gone.id, doc: gone.doc, text: gone.text, title: gone.title, savedAt: 500 });
    const highlight: Highlight = { id: 'h1', itemId: 'i1', noteId: gone.id, exact: 'x', prefix: '', suffix: '', color: 'yellow', createdAt: 1 };
    await db.highlights.add(highlight);

    const snapshot = await deleteNote(db, gone.id);
    expect(snapshot).toMatchObject({ note: gone, highlightIds: ['h1'] });
    expect(snapshot.versions.map((version) => version.id)).toEqual(['v1']);
    expect(snapshot.links).toEqual([{ sourceId: gone.id, targetId: other.id, targetTitle: 'Other', kind: 'note' }]);
    expect(await db.notes.get(gone.id)).toBeUndefined();
    expect(await db.noteVersions.count()).toBe(0);
    expect(await db.highlights.get('h1')).not.toHaveProperty('noteId');
    // The link to it dangles again, waiting for a note of that name.
    expect(await rows()).toEqual([{ sourceId: other.id, targetId: 'unresolved:gone', targetTitle: 'Gone', kind: 'note' }]);

    const restored = await restoreDeletedNote(db, snapshot);
    expect(restored).toEqual(gone);
    expect(await db.notes.get(gone.id)).toEqual(gone);
    expect(await db.noteVersions.get('v1')).toBeDefined();
    expect(await db.highlights.get('h1')).toMatchObject({ noteId: gone.id });
    expect((await rows()).map((row) => [row.sourceId, row.targetId])).toEqual(
      [
        [gone.id, other.id],
        [other.id, gone.id],
      ].sort((a, b) => (a[0]! + a[1]!).localeCompare(b[0]! + b[1]!)),
    );
  });

  it('throws not-found for a note that is not there', async () => {
    await expect(deleteNote(db, 'missing')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('refuses to restore over a title taken meanwhile, and restoring twice is harmless', async () => {
    const note = await createNote(db, { title: 'Taken' });
    const snapshot = await deleteNote(db, note.id);
    const usurper = await createNote(db, { title: 'taken' });
    await expect(restoreDeletedNote(db, snapshot)).rejects.toMatchObject({ code: 'duplicate-title' });
    await deleteNote(db, usurper.id);
    await restoreDeletedNote(db, snapshot);
    expect(await restoreDeletedNote(db, snapshot)).toEqual(note);
    expect(await db.notes.count()).toBe(1);
  });
});

describe('listNotesByUpdated', () => {
  it('lists the most recently edited first, up to the limit', async () => {
    const a = await createNote(db, { title: 'A' });
    vi.setSystemTime(2_000);
    await createNote(db, { title: 'B' });
    vi.setSystemTime(3_000);
    await createNote(db, { title: 'C' });
    expect((await listNotesByUpdated(db)).map((note) => note.title)).toEqual(['C', 'B', 'A']);
    vi.setSystemTime(4_000);
    await saveNoteContent(db, a.id, { doc: doc(paragraph('touched')) });
    expect((await listNotesByUpdated(db, { limit: 2 })).map((note) => note.title)).toEqual(['A', 'C']);
  });
});
