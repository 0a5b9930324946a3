// The search service over a real (fake-indexeddb) library with the index in-process: first build, live
// updates after writes, a start that loads the saved index and catches up, and recovery from damage.
import { describe, expect, it } from 'vitest';
import type { DocNode, Item } from '../../../../shared/model';
import { createNote, deleteNote, saveArticle, saveNoteContent, type CommonplaceDb } from '../../../data';
import { freshDatabaseForEachTest } from '../../../data/migration-harness';
import { requestSearchRebuild } from '../rebuild-request';
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

  it('rebuilds at the next start after a backup was restored, once', async () => {
    await createNote(db, { title: 'Restored', doc: body('from the backup') });
    const first = service();
    await first.search.start();
    await first.search.settle();
    first.search.stop();
    requestSearchRebuild(db.name);
    const second = service();
    let reason = '';
    second.search.subscribe((status) => {
      if (status.state === 'building') reason = status.reason;
    });
    await second.search.start();
    expect(reason).toMatch(/restored from a backup/);
    expect(await titles(second.search, 'backup')).toEqual(['Restored']);
    second.search.stop();
    const third = service();
    await third.search.start();
    expect(third.seen).not.toContain('building');
    third.search.stop();
  });

  it('answers from the saved index at once, and what changed while it was closed appears when caught up', async () => {
    await createNote(db, { title: 'Kept', doc: body('persisted words') });
    const first = service();
    await first.search.start();
    await first.search.settle();
    first.search.stop();
    await createNote(db, { title: 'Added later', doc: body('fresh persisted words') });

    const second = service();
    const early: Array<Promise<string[]>> = [];
    second.search.subscribe((status) => {
      // Asked the moment it is searchable: answered before catch-up has read anything.
      if (status.state === 'catching-up') early.push(titles(second.search, 'persisted'));
    });
    await second.search.start();
    expect(await Promise.all(early)).toEqual([['Kept']]);
    expect((await titles(second.search, 'persisted')).sort()).toEqual(['Added later', 'Kept']);
    second.search.stop();
  });

  it('saves no bodies, and makes snippets after a restart from the texts in the library', async () => {
    await createNote(db, { title: 'Kept', doc: body('Words that were persisted long ago.') });
    const first = service();
    await first.search.start();
    await first.search.settle();
    first.search.stop();
    const saved = JSON.stringify(await db.searchIndex.toArray(), (_key, value: unknown) => (ArrayBuffer.isView(value) ? undefined : value));
    expect(saved).toContain('Kept');
    expect(saved).not.toContain('long ago');

    const second = service();
    await second.search.start();
    const [hit] = (await second.search.search('persist')).hits;
    expect(hit!.snippet).toBe('Words that were persisted long ago.');
    expect(hit!.marks.map(([start, end]) => hit!.snippet.slice(start, end))).toEqual(['persisted']);
    second.search.stop();
  });

  it('takes deletions and edits after a load, and after the next save and start', async () => {
    const gone = await createNote(db, { title: 'Doomed', doc: body('ephemeral words') });
    const edited = await createNote(db, { title: 'Draft', doc: body('ephemeral draft') });
    const first = service();
    await first.search.start();
    await first.search.settle();
    first.search.stop();

    const second = service();
    await second.search.start();
    await deleteNote(db, gone.id);
    await saveNoteContent(db, edited.id, { doc: body('settled prose') });
    await second.search.settle();
    expect(await titles(second.search, 'ephemeral')).toEqual([]);
    expect(await titles(second.search, 'settled')).toEqual(['Draft']);
    second.search.stop();

    const third = service();
    await third.search.start();
    expect(third.seen).not.toContain('building');
    expect(await titles(third.search, 'ephemeral')).toEqual([]);
    expect(await titles(third.search, 'settled')).toEqual(['Draft']);
    third.search.stop();
  });

  it('catches up a note deleted and an article extracted while it was closed', async () => {
    const gone = await createNote(db, { title: 'Doomed', doc: body('ephemeral words') });
    const story: Item = { id: 'story', dedupeKey: 'guid:story', sourceIds: [], title: 'A story', publishedAt: 1, firstSeenAt: 1, summaryHtml: '<p>Teaser only.</p>', read: 0, starred: 0, later: 0, archived: 0 };
    await db.items.put(story);
    const first = service();
    await first.search.start();
    await first.search.settle();
    first.search.stop();
    await deleteNote(db, gone.id);
    // Stamped long before the save: only the article's presence, not its time, can tell catch-up.
    await saveArticle(db, 'story', { html: '<p>The whole article about lighthouses.</p>', text: 'The whole article about lighthouses.' }, 1);

    const second = service();
    await second.search.start();
    expect(await titles(second.search, 'ephemeral')).toEqual([]);
    expect(await titles(second.search, 'lighthouses')).toEqual(['A story']);
    second.search.stop();
  });

  it('rebuilds an index saved in an older format, saying so', async () => {
    await createNote(db, { title: 'Survivor', doc: body('still findable') });
    const oldDump = { format: 'commonplace-search-index', version: 1, documents: 1, terms: 0, postings: 0, chunks: 1 };
    await db.searchIndex.bulkPut([{ key: 'meta', data: { format: 1, savedAt: 1, documents: 1, chunks: 1 } }, { key: 'chunk:0', data: oldDump }]);
    const { search } = service();
    let reason = '';
    search.subscribe((status) => {
      if (status.state === 'building') reason = status.reason;
    });
    await search.start();
    expect(reason).toMatch(/older version/);
    expect(await titles(search, 'findable')).toEqual(['Survivor']);
    search.stop();
  });

  it('rebuilds an index whose parts are missing', async () => {
    await createNote(db, { title: 'Survivor', doc: body('still findable') });
    const first = service();
    await first.search.start();
    await first.search.settle();
    first.search.stop();
    await db.searchIndex.delete('chunk:1');
    const { search } = service();
    let reason = '';
    search.subscribe((status) => {
      if (status.state === 'building') reason = status.reason;
    });
    await search.start();
    expect(reason).toMatch(/damaged.*missing/);
    expect(await titles(search, 'findable')).toEqual(['Survivor']);
    search.stop();
  });
});
