import { describe, expect, it, vi } from 'vitest';
import type { DocNode } from '../../shared/model';
import { citationNode, wikiLinkNode, type CitationAttrs } from '../../shared/notes/doc-nodes';
import type { CommonplaceDb } from './db';
import { freshDatabaseForEachTest } from './migration-harness';
import { saveNoteContent } from './note-content';
import { outgoingRows } from './note-links';
import { createNote } from './notes';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened), { fixedTime: 1_000 });

const paragraph = (...parts: Array<string | DocNode>): DocNode => ({
  type: 'paragraph',
  content: parts.map((part) => (typeof part === 'string' ? { type: 'text', text: part } : part)),
});
const doc = (...blocks: DocNode[]): DocNode => ({ type: 'doc', content: blocks });
const link = (target: string) => wikiLinkNode({ target });
const cited: CitationAttrs = {
  highlightId: 'h1',
  itemId: 'item-1',
  title: 'The Source',
  author: null,
  sourceTitle: null,
  link: null,
  publishedAt: null,
};

describe('saveNoteContent', () => {
  it('writes doc, text, tags and updatedAt together', async () => {
    const note = await createNote(db, { title: 'Draft', frontMatter: { tags: 'from-yaml' } });
    vi.setSystemTime(5_000);
    const body = doc(paragraph('Hello #world'), paragraph('Second'));
    const saved = await saveNoteContent(db, note.id, { doc: body });
    expect(saved).toMatchObject({ doc: body, text: 'Hello #world\n\nSecond', tags: ['world', 'from-yaml'], createdAt: 1_000, updatedAt: 5_000 });
    expect(await db.notes.get(note.id)).toEqual(saved);
  });

  it('keeps the links index in step: a link added, a citation added, a link removed', async () => {
    const note = await createNote(db, { title: 'Source' });
    const target = await createNote(db, { title: 'Target' });

    await saveNoteContent(db, note.id, { doc: doc(paragraph('See ', link('target'), ' and ', link('Missing'))) });
    expect(await outgoingRows(db, note.id)).toEqual(
      expect.arrayContaining([
        { sourceId: note.id, targetId: target.id, targetTitle: 'target', kind: 'note' },
        { sourceId: note.id, targetId: 'unresolved:missing', targetTitle: 'Missing', kind: 'note' },
      ]),
    );

    await saveNoteContent(db, note.id, { doc: doc(paragraph('See ', link('target')), citationNode(cited, 'quoted words')) });
    expect(await outgoingRows(db, note.id)).toEqual(
      expect.arrayContaining([
        { sourceId: note.id, targetId: target.id, targetTitle: 'target', kind: 'note' },
        { sourceId: note.id, targetId: 'item-1', targetTitle: 'The Source', kind: 'item' },
      ]),
    );
    expect(await db.links.count()).toBe(2);

    await saveNoteContent(db, note.id, { doc: doc(paragraph('No links any more')) });
    expect(await db.links.count()).toBe(0);
    expect(await db.links.where('targetId').equals(target.id).count()).toBe(0);
  });

  it('writes one row per target however often it is linked', async () => {
    const note = await createNote(db, { title: 'Source' });
    const target = await createNote(db, { title: 'Target', aliases: ['T'] });
    await saveNoteContent(db, note.id, { doc: doc(paragraph(link('Target'), ' ', link('T'), ' ', link('TARGET'))) });
    expect(await outgoingRows(db, note.id)).toEqual([{ sourceId: note.id, targetId: target.id, targetTitle: 'Target', kind: 'note' }]);
  });

  it('writes nothing for an unchanged doc and title, so autosave does not bump updatedAt', async () => {
    const body = doc(paragraph('Same'));
    const note = await createNote(db, { title: 'Steady', doc: body });
    vi.setSystemTime(9_000);
    const saved = await saveNoteContent(db, note.id, { doc: structuredClone(body), title: ' Steady ' });
    expect(saved).toEqual(note);
    expect((await db.notes.get(note.id))?.updatedAt).toBe(1_000);
  });

  it('saves a new title through the rename path: links to the note follow it', async () => {
    const note = await createNote(db, { title: 'Old', doc: doc(paragraph('Me: ', link('Old'))) });
    const other = await createNote(db, { title: 'Other', doc: doc(paragraph('Link to ', link('Old'))) });
    vi.setSystemTime(2_000);
    const saved = await saveNoteContent(db, note.id, { doc: doc(paragraph('Me: ', link('Old'), ' edited')), title: 'New' });
    expect(saved.title).toBe('New');
    // The doc being saved followed the rename too.
    expect(saved.text).toBe('Me: New edited');
    expect((await db.notes.get(other.id))?.text).toBe('Link to New');
    expect(await db.links.get([other.id, note.id])).toMatchObject({ targetTitle: 'New' });
    expect(await db.links.get([note.id, note.id])).toMatchObject({ targetTitle: 'New' });
  });

  it('refuses a taken title and then writes nothing at all', async () => {
    await createNote(db, { title: 'Taken' });
    const note = await createNote(db, { title: 'Mine' });
    await expect(saveNoteContent(db, note.id, { doc: doc(paragraph('body')), title: 'taken' })).rejects.toMatchObject({
      code: 'duplicate-title',
    });
    expect(await db.notes.get(note.id)).toEqual(note);
  });

  it('throws not-found for a deleted note', async () => {
    await expect(saveNoteContent(db, 'missing', { doc: doc() })).rejects.toMatchObject({ code: 'not-found' });
  });
});
