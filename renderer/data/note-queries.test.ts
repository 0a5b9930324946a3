import { describe, expect, it, vi } from 'vitest';
import type { DocNode } from '../../shared/model';
import type { CommonplaceDb } from './db';
import { freshDatabaseForEachTest } from './migration-harness';
import { saveNoteContent } from './note-content';
import { listNotes, listNoteTags } from './note-queries';
import { createNote } from './notes';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened), { fixedTime: 1_000 });

const body = (text: string): DocNode => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

async function seed() {
  const a = await createNote(db, { title: 'A', doc: body('#area #other') });
  vi.setSystemTime(2_000);
  const b = await createNote(db, { title: 'B', doc: body('#area/topic') });
  vi.setSystemTime(3_000);
  const c = await createNote(db, { title: 'C', doc: body('#Area/topic/deep #areas'), frontMatter: { tags: ['yaml-tag'] } });
  vi.setSystemTime(4_000);
  const d = await createNote(db, { title: 'D' });
  return { a, b, c, d };
}

describe('listNotes', () => {
  it('lists newest change first, up to the limit', async () => {
    const { a } = await seed();
    vi.setSystemTime(5_000);
    await saveNoteContent(db, a.id, { doc: body('#area #other edited') });
    expect((await listNotes(db)).map((note) => note.title)).toEqual(['A', 'D', 'C', 'B']);
    expect((await listNotes(db, { limit: 2 })).map((note) => note.title)).toEqual(['A', 'D']);
  });

  it('filters by tag including nested tags, ignoring case, but not tags that merely start alike', async () => {
    await seed();
    expect((await listNotes(db, { tag: 'area' })).map((note) => note.title)).toEqual(['C', 'B', 'A']);
    expect((await listNotes(db, { tag: '#AREA/topic' })).map((note) => note.title)).toEqual(['C', 'B']);
    expect((await listNotes(db, { tag: 'areas' })).map((note) => note.title)).toEqual(['C']);
    expect((await listNotes(db, { tag: 'yaml-tag' })).map((note) => note.title)).toEqual(['C']);
    expect((await listNotes(db, { tag: 'area', limit: 1 })).map((note) => note.title)).toEqual(['C']);
    expect(await listNotes(db, { tag: 'none' })).toEqual([]);
  });
});

describe('listNoteTags', () => {
  it('counts each note once under every tag it falls under, parents included, sorted by tag', async () => {
    await seed();
    expect(await listNoteTags(db)).toEqual([
      { tag: 'Area', count: 3 },
      { tag: 'Area/topic', count: 2 },
      { tag: 'Area/topic/deep', count: 1 },
      { tag: 'areas', count: 1 },
      { tag: 'other', count: 1 },
      { tag: 'yaml-tag', count: 1 },
    ]);
  });

  it('is empty without tags', async () => {
    await createNote(db, { title: 'Plain' });
    expect(await listNoteTags(db)).toEqual([]);
  });
});
