import { describe, expect, it, vi } from 'vitest';
import type { DocNode } from '../../shared/model';
import { citationNode, wikiLinkNode } from '../../shared/notes/doc-nodes';
import type { CommonplaceDb } from './db';
import { freshDatabaseForEachTest } from './migration-harness';
import { canonicalTitle, getNoteGraph, linkRows, resolveTitle, suggestTitles } from './note-links';
import { createNote } from './notes';
import { saveNoteContent } from './note-content';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened), { fixedTime: 1_000 });

const paragraph = (...parts: Array<string | DocNode>): DocNode => ({
  type: 'paragraph',
  content: parts.map((part) => (typeof part === 'string' ? { type: 'text', text: part } : part)),
});
const doc = (...blocks: DocNode[]): DocNode => ({ type: 'doc', content: blocks });
const link = (target: string) => wikiLinkNode({ target });

describe('canonicalTitle', () => {
  it.each([
    ['  Deep   work ', 'Deep work'],
    ['tab\tand\nnewline', 'tab and newline'],
    ['Cafe\u0301', 'Café'],
    ['', ''],
  ])('%j → %j', (input, expected) => expect(canonicalTitle(input)).toBe(expected));
});

describe('linkRows', () => {
  it('derives one row per target from a doc, given where keys resolve', () => {
    const body = doc(
      paragraph(link('Known'), link('known'), link('Unknown  Thing')),
      citationNode({ highlightId: null, itemId: 'item-9', title: 'Cited', author: null, sourceTitle: null, link: null, publishedAt: null }, 'q'),
    );
    expect(linkRows('s', body, new Map([['known', 'n1']]))).toEqual([
      { sourceId: 's', targetId: 'n1', targetTitle: 'Known', kind: 'note' },
      { sourceId: 's', targetId: 'unresolved:unknown thing', targetTitle: 'Unknown  Thing', kind: 'note' },
      { sourceId: 's', targetId: 'item-9', targetTitle: 'Cited', kind: 'item' },
    ]);
  });
});

describe('resolveTitle', () => {
  it('finds a note by title ignoring case and spacing, or by alias; a title beats an alias', async () => {
    const deep = await createNote(db, { title: 'Deep Work', aliases: ['Focus', 'Later'] });
    vi.setSystemTime(2_000);
    const other = await createNote(db, { title: 'Other', aliases: ['Shared'] });
    vi.setSystemTime(3_000);
    const later = await createNote(db, { title: 'Later', aliases: ['shared'] });
    expect((await resolveTitle(db, 'deep   work'))?.id).toBe(deep.id);
    expect((await resolveTitle(db, 'FOCUS'))?.id).toBe(deep.id);
    // 'Later' is an alias of the older note but the title of a newer one: the title wins.
    expect((await resolveTitle(db, 'later'))?.id).toBe(later.id);
    // An alias several notes share goes to the oldest note.
    expect((await resolveTitle(db, 'shared'))?.id).toBe(other.id);
    expect(await resolveTitle(db, 'Nothing')).toBeUndefined();
    expect(await resolveTitle(db, '  ')).toBeUndefined();
  });

  it('never resolves to an untitled note', async () => {
    await createNote(db, { title: '' });
    expect(await resolveTitle(db, '')).toBeUndefined();
  });
});

describe('suggestTitles', () => {
  it('lists prefix matches before substring matches, each most recently updated first', async () => {
    const old = await createNote(db, { title: 'Reading list' });
    vi.setSystemTime(2_000);
    await createNote(db, { title: 'Speed reading' });
    vi.setSystemTime(3_000);
    await createNote(db, { title: 'Réaction' });
    vi.setSystemTime(4_000);
    await createNote(db, { title: 'Unrelated' });
    vi.setSystemTime(5_000);
    await createNote(db, { title: 'Notes', aliases: ['Reading notes'] });
    vi.setSystemTime(6_000);
    await saveNoteContent(db, old.id, { doc: doc(paragraph('touched')) });

    expect(await suggestTitles(db, 're')).toEqual([
      { noteId: old.id, title: 'Reading list', alias: null },
      { noteId: expect.any(String), title: 'Notes', alias: 'Reading notes' },
      { noteId: expect.any(String), title: 'Réaction', alias: null },
      // Substring matches: 'Unrelated' (changed at 4 000) before 'Speed reading' (2 000).
      { noteId: expect.any(String), title: 'Unrelated', alias: null },
      { noteId: expect.any(String), title: 'Speed reading', alias: null },
    ]);
    expect((await suggestTitles(db, 'REA', 2)).map((entry) => entry.title)).toEqual(['Reading list', 'Notes']);
    expect((await suggestTitles(db, 'ding')).map((entry) => entry.title)).toEqual(['Reading list', 'Notes', 'Speed reading']);
    expect(await suggestTitles(db, 'zzz')).toEqual([]);
  });

  it('prefers the title to an alias of the same note, and lists a note once', async () => {
    const note = await createNote(db, { title: 'Alpha', aliases: ['Alphabet', 'Alpine'] });
    expect(await suggestTitles(db, 'alp')).toEqual([{ noteId: note.id, title: 'Alpha', alias: null }]);
  });

  it('names the alias that matched, with notes holding several aliases', async () => {
    const a = await createNote(db, { title: 'First', aliases: ['Zed', 'Apple', 'Kiwi'] });
    const b = await createNote(db, { title: 'Second', aliases: ['Mango', 'Banana'] });
    expect(await suggestTitles(db, 'man')).toEqual([{ noteId: b.id, title: 'Second', alias: 'Mango' }]);
    expect(await suggestTitles(db, 'kiw')).toEqual([{ noteId: a.id, title: 'First', alias: 'Kiwi' }]);
    expect(await suggestTitles(db, 'ban')).toEqual([{ noteId: b.id, title: 'Second', alias: 'Banana' }]);
  });

  it('offers recent titled notes for an empty query', async () => {
    await createNote(db, { title: '' });
    await createNote(db, { title: 'One' });
    vi.setSystemTime(2_000);
    await createNote(db, { title: 'Two' });
    expect((await suggestTitles(db, '')).map((entry) => entry.title)).toEqual(['Two', 'One']);
  });
});

describe('getNoteGraph', () => {
  it('has every note, resolved note-to-note edges only, and degrees', async () => {
    const a = await createNote(db, { title: 'A' });
    const b = await createNote(db, { title: 'B', doc: doc(paragraph(link('A'), link('Missing'), link('B'))) });
    const c = await createNote(db, {
      title: 'C',
      doc: doc(
        paragraph(link('A'), link('B')),
        citationNode({ highlightId: null, itemId: 'item', title: 'T', author: null, sourceTitle: null, link: null, publishedAt: null }, 'q'),
      ),
    });
    const lonely = await createNote(db, { title: '' });
    const graph = await getNoteGraph(db);
    const degree = Object.fromEntries(graph.nodes.map((node) => [node.id, node.links]));
    expect(degree).toEqual({ [a.id]: 2, [b.id]: 2, [c.id]: 2, [lonely.id]: 0 });
    expect(graph.nodes.find((node) => node.id === c.id)?.title).toBe('C');
    expect(graph.edges).toHaveLength(3);
    expect(graph.edges).toEqual(
      expect.arrayContaining([
        { source: b.id, target: a.id },
        { source: c.id, target: a.id },
        { source: c.id, target: b.id },
      ]),
    );
  });
});
