import { describe, expect, it } from 'vitest';
import type { DocNode, Id } from '../../shared/model';
import { citationNode, type CitationAttrs } from '../../shared/notes/doc-nodes';
import type { CommonplaceDb } from './db';
import {
  appendHighlightToNote,
  citationForItem,
  createHighlight,
  createNoteFromItem,
  deleteHighlight,
  listHighlightsForItem,
  numberedTitle,
  restoreHighlight,
  setHighlightComment,
} from './highlights';
import { upsertItems } from './items';
import { freshDatabaseForEachTest } from './migration-harness';
import { saveNoteContent } from './note-content';
import { createNote } from './notes';
import { addSource } from './sources';
import { saveArticle } from './articles';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened));

const published = Date.UTC(2026, 10, 20);

async function item(overrides: { title?: string; link?: string; author?: string; dedupeKey?: string } = {}): Promise<Id> {
  const source = await addSource(db, { kind: 'feed', url: `https://blog.example/${crypto.randomUUID()}`, title: 'The Example Blog' });
  const { addedIds } = await upsertItems(db, [
    { dedupeKey: overrides.dedupeKey ?? 'k1', sourceIds: [source.id], title: 'On Reading', link: 'https://blog.example/reading', author: 'Feed Author', publishedAt: published, ...overrides },
  ]);
  return addedIds[0]!;
}

const quote = { exact: 'the quoted words', prefix: 'Before ', suffix: ' after.' };

describe('createHighlight', () => {
  it('stores the quote selector, yellow unless told, with a trimmed comment', async () => {
    const itemId = await item();
    const plain = await createHighlight(db, { itemId, ...quote }, 1_000);
    expect(plain).toEqual({ id: plain.id, itemId, ...quote, color: 'yellow', createdAt: 1_000 });
    expect(await db.highlights.get(plain.id)).toEqual(plain);
    const green = await createHighlight(db, { itemId, ...quote, color: 'green', comment: '  why  ' });
    expect(green).toMatchObject({ color: 'green', comment: 'why' });
    expect(await createHighlight(db, { itemId, ...quote, comment: '   ' })).not.toHaveProperty('comment');
  });

  it('refuses an item that is gone, and a quote without words', async () => {
    await expect(createHighlight(db, { itemId: 'missing', ...quote })).rejects.toMatchObject({ code: 'not-found' });
    const itemId = await item();
    await expect(createHighlight(db, { itemId, exact: '  ', prefix: '', suffix: '' })).rejects.toThrow();
    expect(await db.highlights.count()).toBe(0);
  });
});

describe('listHighlightsForItem', () => {
  it("lists only the item's highlights, oldest first", async () => {
    const a = await item();
    const b = await item({ dedupeKey: 'k2', link: 'https://blog.example/other' });
    const second = await createHighlight(db, { itemId: a, ...quote, exact: 'second' }, 2_000);
    const first = await createHighlight(db, { itemId: a, ...quote, exact: 'first' }, 1_000);
    await createHighlight(db, { itemId: b, ...quote }, 500);
    expect((await listHighlightsForItem(db, a)).map((h) => h.id)).toEqual([first.id, second.id]);
  });
});

describe('deleteHighlight and restoreHighlight', () => {
  it('returns the deleted highlight, and Undo puts it back exactly', async () => {
    const highlight = await createHighlight(db, { itemId: await item(), ...quote, comment: 'keep me' });
    const removed = await deleteHighlight(db, highlight.id);
    expect(removed).toEqual(highlight);
    expect(await db.highlights.get(highlight.id)).toBeUndefined();
    await restoreHighlight(db, removed!);
    expect(await db.highlights.get(highlight.id)).toEqual(highlight);
    expect(await deleteHighlight(db, 'missing')).toBeUndefined();
  });
});

describe('setHighlightComment', () => {
  it('sets, replaces and (when blank) removes the comment', async () => {
    const highlight = await createHighlight(db, { itemId: await item(), ...quote });
    expect(await setHighlightComment(db, highlight.id, ' A thought ')).toMatchObject({ comment: 'A thought' });
    expect(await db.highlights.get(highlight.id)).toMatchObject({ comment: 'A thought' });
    expect(await setHighlightComment(db, highlight.id, '')).not.toHaveProperty('comment');
    expect(await db.highlights.get(highlight.id)).not.toHaveProperty('comment');
    await expect(setHighlightComment(db, 'missing', 'x')).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('citationForItem', () => {
  const expected = (itemId: Id, patch: Partial<CitationAttrs> = {}): CitationAttrs => ({
    highlightId: null,
    itemId,
    title: 'On Reading',
    author: 'Feed Author',
    sourceTitle: 'The Example Blog',
    link: 'https://blog.example/reading',
    publishedAt: published,
    ...patch,
  });

  it("names the item's title, author, first source, web link and date", async () => {
    const itemId = await item();
    expect(await citationForItem(db, itemId)).toEqual(expected(itemId));
  });

  it("prefers the extracted article's byline to the feed's author", async () => {
    const itemId = await item();
    await saveArticle(db, itemId, { html: '<p>x</p>', text: 'x', byline: 'Ada Byline' });
    expect(await citationForItem(db, itemId)).toEqual(expected(itemId, { author: 'Ada Byline' }));
  });

  it.each([
    { name: 'a javascript: link', overrides: { link: 'javascript:alert(1)' }, patch: { link: null } },
    { name: 'no author and no title', overrides: { author: '', title: '  ' }, patch: { author: null, title: 'Untitled' } },
  ])('leaves out what is unsafe or empty: $name', async ({ overrides, patch }) => {
    const itemId = await item(overrides);
    expect(await citationForItem(db, itemId)).toEqual(expected(itemId, patch));
  });

  it('throws not-found for an item that is gone', async () => {
    await expect(citationForItem(db, 'missing')).rejects.toMatchObject({ code: 'not-found' });
  });
});

const paragraph = (text: string): DocNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });

describe('appendHighlightToNote', () => {
  it('appends the quote with its citation and an empty paragraph, links the item, and remembers the note', async () => {
    const itemId = await item();
    const highlight = await createHighlight(db, { itemId, ...quote });
    const note = await createNote(db, { title: 'Reading notes' });
    await createNote(db, { title: 'Other' });
    // An earlier body, ending in the empty paragraph an editor leaves.
    await saveNoteContent(db, note.id, { doc: { type: 'doc', content: [paragraph('My thoughts'), { type: 'paragraph' }] } });

    const saved = await appendHighlightToNote(db, highlight.id, note.id);
    const citation = citationNode({ ...(await citationForItem(db, itemId)), highlightId: highlight.id }, 'the quoted words');
    expect(saved.doc.content).toEqual([paragraph('My thoughts'), citation, { type: 'paragraph' }]);
    expect((await db.notes.get(note.id))!.doc).toEqual(saved.doc);
    expect(saved.text).toContain('the quoted words');
    expect(await db.links.get([note.id, itemId])).toMatchObject({ kind: 'item' });
    expect(await db.highlights.get(highlight.id)).toMatchObject({ noteId: note.id });
  });

  it('keeps earlier quotes when another is added', async () => {
    const itemId = await item();
    const one = await createHighlight(db, { itemId, ...quote, exact: 'one' });
    const two = await createHighlight(db, { itemId, ...quote, exact: 'two' });
    const note = await createNote(db, { title: 'Quotes' });
    await appendHighlightToNote(db, one.id, note.id);
    const saved = await appendHighlightToNote(db, two.id, note.id);
    expect(saved.doc.content?.map((node) => [node.type, (node.attrs as CitationAttrs | undefined)?.highlightId ?? null])).toEqual([
      ['citation', one.id],
      ['citation', two.id],
      ['paragraph', null],
    ]);
  });

  it('throws not-found for a missing highlight or note, changing nothing', async () => {
    const highlight = await createHighlight(db, { itemId: await item(), ...quote });
    const note = await createNote(db, { title: 'Quotes' });
    await expect(appendHighlightToNote(db, 'missing', note.id)).rejects.toMatchObject({ code: 'not-found' });
    await expect(appendHighlightToNote(db, highlight.id, 'missing')).rejects.toMatchObject({ code: 'not-found' });
    expect(await db.highlights.get(highlight.id)).not.toHaveProperty('noteId');
    expect((await db.notes.get(note.id))!.doc).toEqual(note.doc);
  });
});

describe('createNoteFromItem', () => {
  it("starts a note titled after the item, citing it, with an empty paragraph to write on", async () => {
    const itemId = await item();
    const note = await createNoteFromItem(db, itemId);
    expect(note.title).toBe('On Reading');
    expect(note.doc).toEqual({ type: 'doc', content: [citationNode(await citationForItem(db, itemId), ''), { type: 'paragraph' }] });
    expect(note.doc.content![0]!.content).toEqual([{ type: 'paragraph' }]);
    expect(await db.notes.get(note.id)).toMatchObject({ title: 'On Reading', doc: note.doc });
    expect(await db.links.get([note.id, itemId])).toMatchObject({ kind: 'item' });
  });

  it('quotes the highlight it starts from, and remembers the note on it', async () => {
    const itemId = await item();
    const highlight = await createHighlight(db, { itemId, ...quote });
    const note = await createNoteFromItem(db, itemId, { highlightId: highlight.id });
    expect(note.doc.content![0]).toEqual(citationNode({ ...(await citationForItem(db, itemId)), highlightId: highlight.id }, 'the quoted words'));
    expect(await db.highlights.get(highlight.id)).toMatchObject({ noteId: note.id });
  });

  it('numbers the title when a note already has it, whatever its case', async () => {
    const itemId = await item();
    await createNote(db, { title: 'on reading' });
    expect((await createNoteFromItem(db, itemId)).title).toBe('On Reading (2)');
    expect((await createNoteFromItem(db, itemId)).title).toBe('On Reading (3)');
  });

  it('throws not-found for a missing item or highlight, creating no note', async () => {
    const itemId = await item();
    await expect(createNoteFromItem(db, 'missing')).rejects.toMatchObject({ code: 'not-found' });
    await expect(createNoteFromItem(db, itemId, { highlightId: 'missing' })).rejects.toMatchObject({ code: 'not-found' });
    expect(await db.notes.count()).toBe(0);
  });
});

describe('numberedTitle', () => {
  it.each([
    [1, 'Title'],
    [2, 'Title (2)'],
    [10, 'Title (10)'],
  ])('attempt %i → %s', (attempt, title) => {
    expect(numberedTitle('Title', attempt)).toBe(title);
  });
});
