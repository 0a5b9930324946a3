import { describe, expect, it, vi } from 'vitest';
import type { DocNode } from '../../shared/model';
import { wikiLinkNode } from '../../shared/notes/doc-nodes';
import type { CommonplaceDb } from './db';
import { freshDatabaseForEachTest } from './migration-harness';
import { outgoingRows } from './note-links';
import { renameNote } from './note-rename';
import { createNote } from './notes';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened), { fixedTime: 1_000 });

const paragraph = (...parts: Array<string | DocNode>): DocNode => ({
  type: 'paragraph',
  content: parts.map((part) => (typeof part === 'string' ? { type: 'text', text: part } : part)),
});
const doc = (...blocks: DocNode[]): DocNode => ({ type: 'doc', content: blocks });
const link = (target: string, extra: { label?: string; heading?: string } = {}) => wikiLinkNode({ target, ...extra });

/** The wiki link attrs in a stored note's doc, in order. */
async function linkTargets(id: string): Promise<unknown[]> {
  const note = await db.notes.get(id);
  const found: unknown[] = [];
  const visit = (node: DocNode) => {
    if (node.type === 'wikiLink') found.push(node.attrs);
    node.content?.forEach(visit);
  };
  if (note) visit(note.doc);
  return found;
}

describe('renameNote', () => {
  it('rewrites every link to the old title in every linking note, keeping headings and labels; alias links stay', async () => {
    const target = await createNote(db, { title: 'Old title', aliases: ['Nick'] });
    const a = await createNote(db, {
      title: 'A',
      doc: doc(paragraph('Plain ', link('Old title'), ', sectioned ', link('old  TITLE', { heading: 'Part', label: 'see part' }), '.')),
    });
    const b = await createNote(db, { title: 'B', doc: doc(paragraph('Heading only ', link('Old title', { heading: 'Intro' })), paragraph(link('Nick'))) });
    const bystander = await createNote(db, { title: 'C', doc: doc(paragraph(link('A'))) });
    vi.setSystemTime(2_000);

    const { note, updatedNotes } = await renameNote(db, target.id, '  New   title ');
    expect(note).toMatchObject({ id: target.id, title: 'New title', aliases: ['Nick'], updatedAt: 2_000 });
    expect(updatedNotes).toBe(2);

    expect(await linkTargets(a.id)).toEqual([
      { target: 'New title', heading: null, label: null, embed: false },
      { target: 'New title', heading: 'Part', label: 'see part', embed: false },
    ]);
    expect((await db.notes.get(a.id))?.text).toBe('Plain New title, sectioned see part.');
    expect(await linkTargets(b.id)).toEqual([
      { target: 'New title', heading: 'Intro', label: null, embed: false },
      { target: 'Nick', heading: null, label: null, embed: false },
    ]);
    expect((await db.notes.get(b.id))?.text).toBe('Heading only New title > Intro\n\nNick');
    expect((await db.notes.get(b.id))?.updatedAt).toBe(2_000);
    expect((await db.notes.get(bystander.id))?.updatedAt).toBe(1_000);

    // Rows keep pointing at the note, now named as the links are written.
    expect(await db.links.get([a.id, target.id])).toMatchObject({ targetTitle: 'New title' });
    expect(await db.links.get([b.id, target.id])).toMatchObject({ targetTitle: 'New title' });
  });

  it('keeps an alias-written row as written', async () => {
    const target = await createNote(db, { title: 'Old', aliases: ['Nick'] });
    const writer = await createNote(db, { title: 'W', doc: doc(paragraph(link('Nick'))) });
    await renameNote(db, target.id, 'New');
    expect(await linkTargets(writer.id)).toEqual([{ target: 'Nick', heading: null, label: null, embed: false }]);
    expect(await db.links.get([writer.id, target.id])).toMatchObject({ targetTitle: 'Nick' });
  });

  it('lets dangling links to the new title resolve to the renamed note', async () => {
    const waiting = await createNote(db, { title: 'Waiting', doc: doc(paragraph(link('Someday'))) });
    expect(await outgoingRows(db, waiting.id)).toEqual([{ sourceId: waiting.id, targetId: 'unresolved:someday', targetTitle: 'Someday', kind: 'note' }]);
    const note = await createNote(db, { title: 'Draft' });
    await renameNote(db, note.id, 'Someday');
    expect(await outgoingRows(db, waiting.id)).toEqual([{ sourceId: waiting.id, targetId: note.id, targetTitle: 'Someday', kind: 'note' }]);
  });

  it('refuses a taken title, in words, and changes nothing', async () => {
    await createNote(db, { title: 'Taken' });
    const note = await createNote(db, { title: 'Mine' });
    const writer = await createNote(db, { title: 'W', doc: doc(paragraph(link('Mine'))) });
    await expect(renameNote(db, note.id, 'TAKEN')).rejects.toMatchObject({ code: 'duplicate-title', message: expect.stringContaining('Taken') });
    expect((await db.notes.get(note.id))?.title).toBe('Mine');
    expect((await db.notes.get(writer.id))?.text).toBe('Mine');
  });

  it('is a no-op for the same title, and a case-only change keeps links as written', async () => {
    const note = await createNote(db, { title: 'Case' });
    const writer = await createNote(db, { title: 'W', doc: doc(paragraph(link('case'))) });
    vi.setSystemTime(3_000);
    expect(await renameNote(db, note.id, ' Case ')).toEqual({ note, updatedNotes: 0 });
    const { note: recased, updatedNotes } = await renameNote(db, note.id, 'CASE');
    expect(recased.title).toBe('CASE');
    expect(updatedNotes).toBe(0);
    expect(await linkTargets(writer.id)).toEqual([{ target: 'case', heading: null, label: null, embed: false }]);
    expect(await db.links.get([writer.id, note.id])).toBeDefined();
  });

  it('leaves links dangling when a note loses its title', async () => {
    const note = await createNote(db, { title: 'Named' });
    const writer = await createNote(db, { title: 'W', doc: doc(paragraph(link('Named'))) });
    await renameNote(db, note.id, '');
    expect(await linkTargets(writer.id)).toEqual([{ target: 'Named', heading: null, label: null, embed: false }]);
    expect(await outgoingRows(db, writer.id)).toEqual([{ sourceId: writer.id, targetId: 'unresolved:named', targetTitle: 'Named', kind: 'note' }]);
  });

  it('throws not-found for a note that is not there', async () => {
    await expect(renameNote(db, 'missing', 'x')).rejects.toMatchObject({ code: 'not-found' });
  });
});
