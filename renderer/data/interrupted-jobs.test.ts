/**
 * Interrupted writes (issue 8, "Nothing lost"): each multi-table write is stopped midway by a write that
 * fails, as a full disk or a closed window would stop it; the database must then be as it was before, and
 * running the write again must complete it exactly. The refresh, subscription and OPML import jobs are tested in
 * features/seek/interrupted-refresh.test.ts, the vault import in features/sense/vault/.
 */
import { describe, expect, it } from 'vitest';
import type { DocNode, Id } from '../../shared/model';
import { wikiLinkNode } from '../../shared/notes/doc-nodes';
import { saveArticle } from './articles';
import type { CommonplaceDb } from './db';
import { createDigest, deleteDigest } from './digests';
import { storeFetchResult } from './fetch-results';
import { createHighlight, createNoteFromItem } from './highlights';
import { consistencyProblems, failWrites, simulatedFailure } from './interruption-harness';
import { upsertItems, type IncomingItem } from './items';
import { freshDatabaseForEachTest } from './migration-harness';
import { saveNoteContent } from './note-content';
import { renameNote } from './note-rename';
import { restoreNoteVersion, snapshotNow } from './note-versions';
import { createNote, deleteNote } from './notes';
import { createNotesInBulk } from './notes-bulk';
import { recordPublication } from './publications';
import { addSource } from './sources';
import { unsubscribe } from './source-edits';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened));

const now = 1_700_000_000_000;
const doc = (...parts: Array<string | DocNode>): DocNode => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: parts.map((part) => (typeof part === 'string' ? { type: 'text', text: part } : part)) }],
});
const link = (target: string) => wikiLinkNode({ target });

/** Every table's rows, to compare the database before a failed write with after it. */
async function everything(database: CommonplaceDb) {
  return Object.fromEntries(await Promise.all(database.tables.map(async (table) => [table.name, await table.toArray()] as const)));
}

const stories = (sourceId: Id, keys: string[]): IncomingItem[] => keys.map((key) => ({ dedupeKey: `guid:${key}`, sourceIds: [sourceId], title: key, publishedAt: now }));

describe('the harness', () => {
  it('fails the write after `after` rows, aborting the whole transaction, until disarmed', async () => {
    const source = await addSource(db, { kind: 'feed', url: 'https://a.example/feed', title: 'A' });
    const fault = failWrites(db.items, { after: 2 });
    await expect(upsertItems(db, stories(source.id, ['a', 'b', 'c', 'd']))).rejects.toThrow(simulatedFailure);
    expect(fault.failures).toBe(1);
    expect(await db.items.count()).toBe(0);
    fault.disarm();
    await upsertItems(db, stories(source.id, ['a', 'b', 'c', 'd']));
    expect(await db.items.count()).toBe(4);
  });

  it('finds rows that disagree across tables', async () => {
    const note = await createNote(db, { title: 'A', doc: doc('see ', link('B')) });
    await db.links.clear();
    await db.articles.put({ itemId: 'gone', html: '', text: '', extractedAt: now, length: 0 });
    await db.notes.put({ ...note, text: 'stale' });
    expect(await consistencyProblems(db)).toEqual([
      'article of missing item gone',
      'note “A”: text or tags not derived from its doc',
      `link row missing: ${note.id} → unresolved:b (note, B)`,
    ]);
  });
});

describe('storing a fetch', () => {
  it('stores nothing, neither stories nor fetch state, when either write fails; the next try stores both', async () => {
    const source = await addSource(db, { kind: 'feed', url: 'https://a.example/feed', title: 'A' });
    const before = await everything(db);
    const result = { items: stories(source.id, ['a', 'b', 'c']), success: { at: now, etag: '"v1"' }, cursor: 'next' };

    const itemsFault = failWrites(db.items, { after: 1 });
    await expect(storeFetchResult(db, source.id, result)).rejects.toThrow(simulatedFailure);
    itemsFault.disarm();
    expect(await everything(db)).toEqual(before);

    const sourcesFault = failWrites(db.sources, { after: 1 }); // the cursor is written, the fetch state fails
    await expect(storeFetchResult(db, source.id, result)).rejects.toThrow(simulatedFailure);
    sourcesFault.disarm();
    expect(await everything(db)).toEqual(before);

    const stored = await storeFetchResult(db, source.id, result);
    expect(stored?.addedIds).toHaveLength(3);
    expect(await db.items.count()).toBe(3);
    expect(await db.sources.get(source.id)).toMatchObject({ etag: '"v1"', cursor: 'next', lastFetchedAt: now });
  });

  it('stores nothing for a source that is gone', async () => {
    const source = await addSource(db, { kind: 'feed', url: 'https://a.example/feed', title: 'A' });
    await unsubscribe(db, source.id, 'delete');
    expect(await storeFetchResult(db, source.id, { items: stories(source.id, ['a']), success: { at: now } })).toBeUndefined();
    expect(await db.items.count()).toBe(0);
  });
});

describe('full-text extraction', () => {
  it('leaves no article when storing it fails, and the next try stores it once', async () => {
    const source = await addSource(db, { kind: 'feed', url: 'https://a.example/feed', title: 'A' });
    const [itemId] = (await upsertItems(db, stories(source.id, ['a']))).addedIds;
    const fault = failWrites(db.articles);
    await expect(saveArticle(db, itemId!, { html: '<p>Full</p>', text: 'Full' }, now)).rejects.toThrow(simulatedFailure);
    fault.disarm();
    expect(await db.articles.count()).toBe(0);
    await saveArticle(db, itemId!, { html: '<p>Full</p>', text: 'Full' }, now);
    expect(await db.articles.toArray()).toEqual([{ itemId, html: '<p>Full</p>', text: 'Full', extractedAt: now, length: 4 }]);
  });

  it('stores no article for an item deleted while the text was being fetched', async () => {
    const source = await addSource(db, { kind: 'feed', url: 'https://a.example/feed', title: 'A' });
    const [itemId] = (await upsertItems(db, stories(source.id, ['a']))).addedIds;
    await unsubscribe(db, source.id, 'delete');
    await expect(saveArticle(db, itemId!, { html: '<p>Full</p>', text: 'Full' })).rejects.toMatchObject({ code: 'not-found' });
    expect(await db.articles.count()).toBe(0);
    expect(await consistencyProblems(db)).toEqual([]);
  });
});

describe('notes', () => {
  async function smallWeb() {
    const target = await createNote(db, { title: 'Target', doc: doc('links to ', link('Other')) });
    const other = await createNote(db, { title: 'Other', doc: doc('back to ', link('Target')) });
    await snapshotNow(db, target.id);
    const source = await addSource(db, { kind: 'feed', url: 'https://a.example/feed', title: 'A' });
    const [itemId] = (await upsertItems(db, stories(source.id, ['a']))).addedIds;
    const highlight = await createHighlight(db, { itemId: itemId!, exact: 'words', prefix: '', suffix: '' });
    await db.highlights.update(highlight.id, { noteId: target.id });
    return { target, other, highlight };
  }

  it('a delete stopped midway leaves the note, its versions, links and highlights; the next delete removes them all', async () => {
    const { target, other, highlight } = await smallWeb();
    const before = await everything(db);
    const fault = failWrites(db.highlights);
    await expect(deleteNote(db, target.id)).rejects.toThrow(simulatedFailure);
    fault.disarm();
    expect(await everything(db)).toEqual(before);

    await deleteNote(db, target.id);
    expect(await db.notes.get(target.id)).toBeUndefined();
    expect(await db.noteVersions.where('[noteId+savedAt]').between([target.id, 0], [target.id, Infinity]).count()).toBe(0);
    expect((await db.links.toArray()).filter((row) => row.sourceId === target.id || row.targetId === target.id)).toEqual([]);
    expect(await db.links.get([other.id, 'unresolved:target'])).toBeDefined();
    expect((await db.highlights.get(highlight.id))?.noteId).toBeUndefined();
    expect(await consistencyProblems(db)).toEqual([]);
  });

  it('a rename stopped while rewriting the linking notes changes nothing; the next rename rewrites them all', async () => {
    const { target, other } = await smallWeb();
    const before = await everything(db);
    const fault = failWrites(db.notes, { after: 1 }); // the renamed note is written, the linking one fails
    await expect(renameNote(db, target.id, 'Renamed')).rejects.toThrow(simulatedFailure);
    fault.disarm();
    expect(await everything(db)).toEqual(before);

    await renameNote(db, target.id, 'Renamed');
    expect((await db.notes.get(other.id))?.text).toBe('back to Renamed');
    expect(await consistencyProblems(db)).toEqual([]);
  });

  it('a save whose links fail to update keeps the old doc; saving again stores doc and links together', async () => {
    const { target } = await smallWeb();
    const before = await everything(db);
    const fault = failWrites(db.links);
    await expect(saveNoteContent(db, target.id, { doc: doc('now ', link('Elsewhere')) })).rejects.toThrow(simulatedFailure);
    fault.disarm();
    expect(await everything(db)).toEqual(before);
    await saveNoteContent(db, target.id, { doc: doc('now ', link('Elsewhere')) });
    expect(await consistencyProblems(db)).toEqual([]);
  });

  it('restoring a version that fails midway keeps both the note and its history as they were', async () => {
    const { target } = await smallWeb();
    await saveNoteContent(db, target.id, { doc: doc('rewritten') });
    const [version] = await db.noteVersions.toArray();
    const before = await everything(db);
    const fault = failWrites(db.links);
    await expect(restoreNoteVersion(db, version!.id)).rejects.toThrow(simulatedFailure);
    fault.disarm();
    expect(await everything(db)).toEqual(before);
    expect((await restoreNoteVersion(db, version!.id)).text).toBe('links to Other');
    expect(await consistencyProblems(db)).toEqual([]);
  });

  it('a bulk import stopped after some notes stores none of them; run again it stores each once', async () => {
    await createNote(db, { title: 'Stored', doc: doc('waits for ', link('N2')) });
    const before = await everything(db);
    const inputs = Array.from({ length: 6 }, (_, index) => ({ title: `N${index}`, doc: doc('see ', link(`N${(index + 1) % 6}`), ' and ', link('Stored')) }));
    const fault = failWrites(db.notes, { after: 3 });
    await expect(createNotesInBulk(db, inputs)).rejects.toThrow(simulatedFailure);
    fault.disarm();
    expect(await everything(db)).toEqual(before);

    expect((await createNotesInBulk(db, inputs)).created).toHaveLength(6);
    expect((await createNotesInBulk(db, inputs)).refused).toHaveLength(6);
    expect(await db.notes.count()).toBe(7);
    expect(await consistencyProblems(db)).toEqual([]);
  });
});

describe('a note started from a highlight', () => {
  it('is not stored when marking the highlight fails, so trying again makes one note, not a second numbered one', async () => {
    const source = await addSource(db, { kind: 'feed', url: 'https://a.example/feed', title: 'A' });
    const [itemId] = (await upsertItems(db, [{ dedupeKey: 'guid:a', sourceIds: [source.id], title: 'On Reading', publishedAt: now }])).addedIds;
    const highlight = await createHighlight(db, { itemId: itemId!, exact: 'the quoted words', prefix: '', suffix: '' });
    const before = await everything(db);
    const fault = failWrites(db.highlights);
    await expect(createNoteFromItem(db, itemId!, { highlightId: highlight.id })).rejects.toThrow(simulatedFailure);
    fault.disarm();
    expect(await everything(db)).toEqual(before);

    const note = await createNoteFromItem(db, itemId!, { highlightId: highlight.id });
    expect((await db.notes.toArray()).map((stored) => stored.title)).toEqual(['On Reading']);
    expect(await db.highlights.get(highlight.id)).toMatchObject({ noteId: note.id });
    expect(await consistencyProblems(db)).toEqual([]);
  });
});

describe('digests and publications', () => {
  it('a digest delete stopped midway keeps the digest and its log; a publication record that fails leaves the digest a draft', async () => {
    const published = await createDigest(db, { now });
    await recordPublication(db, { digestId: published.id }, { target: 'site', contentHash: 'h1' }, now);
    const draft = await createDigest(db, { now });
    const before = await everything(db);

    const digestFault = failWrites(db.digests);
    await expect(deleteDigest(db, published.id)).rejects.toThrow(simulatedFailure);
    await expect(recordPublication(db, { digestId: draft.id }, { target: 'atom', contentHash: 'h2' }, now)).rejects.toThrow(simulatedFailure);
    digestFault.disarm();
    expect(await everything(db)).toEqual(before);

    await recordPublication(db, { digestId: draft.id }, { target: 'atom', contentHash: 'h2' }, now);
    expect(await db.digests.get(draft.id)).toMatchObject({ status: 'published' });
    await deleteDigest(db, published.id);
    expect((await db.publications.toArray()).map((row) => row.digestId)).toEqual([draft.id]);
    expect(await consistencyProblems(db)).toEqual([]);
  });
});
