// The search service over a real (fake-indexeddb) library with the index in-process: first build, live
// updates after writes, a start that loads the saved index and catches up, and recovery from damage.
import { describe, expect, it } from 'vitest';
import type { DocNode } from '../../../../shared/model';
import { createNote, deleteNote, saveNoteContent, type CommonplaceDb } from '../../../data';
import { freshDatabaseForEachTest } from '../../../data/migration-harness';
import { inProcessIndexHost } from './index-host';
import { SearchService, type IndexStatus } from './search-service';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened));

const body = (text: string): DocNode => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

function service(): { search: SearchService; seen: IndexStatus['state'][] } {
  const search = new SearchService(db, inProcessIndexHost, { applyDelayMs: 0, saveDelayMs: 0 });
  const seen: IndexStatus['state'][] = [];
  search.subscribe((status) => seen.push(status.state));
  return { search, seen };
}

const titles = async (search: SearchService, query: string) => (await search.search(query)).hits.map((hit) => hit.title);

describe('SearchService', () => {
  it('builds the index at the first start and finds notes by their words', async () => {
    await createNote(db, { title: 'Spaced repetition', doc: body('Reviewing at growing intervals fixes memory.') });
    await createNote(db, { title: 'Groceries', doc: body('Milk and bread.') });
    const { search, seen } = service();
    await search.start();
    expect(seen).toContain('building');
    expect(search.current).toEqual({ state: 'ready', documents: 2 });
    expect(await titles(search, 'intervals')).toEqual(['Spaced repetition']);
    expect(await titles(search, 'interv')).toEqual(['Spaced repetition']);
    search.stop();
  });

  it('follows every write: a new note, an edit, a deletion', async () => {
    const { search } = service();
    await search.start();
    const note = await createNote(db, { title: 'Evergreen', doc: body('notes that grow') });
    await search.settle();
    expect(await titles(search, 'grow')).toEqual(['Evergreen']);
    await saveNoteContent(db, note.id, { doc: body('notes that compound') });
    await search.settle();
    expect(await titles(search, 'grow')).toEqual([]);
    expect(await titles(search, 'compound')).toEqual(['Evergreen']);
    await deleteNote(db, note.id);
    await search.settle();
    expect(await titles(search, 'compound')).toEqual([]);
    search.stop();
  });

  it('starts from the saved index without rebuilding, and catches up with what changed while it was closed', async () => {
    await createNote(db, { title: 'Kept', doc: body('persisted words') });
    const first = service();
    await first.search.start();
    await first.search.settle();
    first.search.stop();
    // Written while no search service ran: only catch-up can find these.
    await createNote(db, { title: 'Added later', doc: body('fresh words') });

    const second = service();
    await second.search.start();
    expect(second.seen).not.toContain('building');
    expect(second.seen).toContain('catching-up');
    expect(await titles(second.search, 'persisted')).toEqual(['Kept']);
    expect(await titles(second.search, 'fresh')).toEqual(['Added later']);
    second.search.stop();
  });

  it('catches up a note edited while it was closed even when the edit is stamped before the save (typed, then written)', async () => {
    const note = await createNote(db, { title: 'Draft', doc: body('first words') });
    const first = service();
    await first.search.start();
    await first.search.settle();
    first.search.stop();
    // The editor stamps a save with when it was typed, which can be earlier than when the index was saved.
    await saveNoteContent(db, note.id, { doc: body('second thoughts') }, { at: note.updatedAt + 1 });

    const second = service();
    await second.search.start();
    expect(await titles(second.search, 'thoughts')).toEqual(['Draft']);
    expect(await titles(second.search, 'first')).toEqual([]);
    second.search.stop();
  });

  it('rebuilds a damaged index, saying why, and searches again', async () => {
    await createNote(db, { title: 'Survivor', doc: body('still findable') });
    await db.searchIndex.bulkPut([{ key: 'meta', data: { format: 1, savedAt: 1, documents: 1, chunks: 1 } }, { key: 'chunk:0', data: 'garbage' }]);
    const { search, seen } = service();
    let reason = '';
    search.subscribe((status) => {
      if (status.state === 'building') reason = status.reason;
    });
    await search.start();
    expect(seen).toContain('building');
    expect(reason).toMatch(/damaged/);
    expect(await titles(search, 'findable')).toEqual(['Survivor']);
    search.stop();
  });

  it('rebuilds on request', async () => {
    await createNote(db, { title: 'Once', doc: body('alpha') });
    const { search, seen } = service();
    await search.start();
    seen.length = 0;
    await search.rebuild();
    expect(seen[0]).toBe('building');
    expect(search.current.state).toBe('ready');
    expect(await titles(search, 'alpha')).toEqual(['Once']);
    search.stop();
  });
});
