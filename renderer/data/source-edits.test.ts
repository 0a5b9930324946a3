import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Source } from '../../shared/model';
import { saveArticle } from './articles';
import type { CommonplaceDb } from './db';
import { setItemState, upsertItems } from './items';
import { openFreshDatabase } from './migration-harness';
import { moveSource, parseTagList, renameSource, setSourceTags, undoSourceChange, unsubscribe } from './source-edits';
import { addSource } from './sources';

let db: CommonplaceDb;
let source: Source;
let other: Source;
beforeEach(async () => {
  db = await openFreshDatabase();
  source = await addSource(db, { kind: 'feed', url: 'https://a.example/feed', title: 'Alpha', folder: 'Tech' });
  other = await addSource(db, { kind: 'feed', url: 'https://b.example/feed', title: 'Beta' });
  await upsertItems(db, [
    { dedupeKey: 'only-a', sourceIds: [source.id], title: 'Only in A', publishedAt: 1 },
    { dedupeKey: 'starred-a', sourceIds: [source.id], title: 'Starred in A', publishedAt: 2 },
    { dedupeKey: 'both', sourceIds: [source.id, other.id], title: 'In both', publishedAt: 3 },
    { dedupeKey: 'only-b', sourceIds: [other.id], title: 'Only in B', publishedAt: 4 },
  ]);
  const starred = await db.items.where('dedupeKey').equals('starred-a').first();
  await setItemState(db, starred!.id, { starred: true });
  const onlyA = await db.items.where('dedupeKey').equals('only-a').first();
  await saveArticle(db, onlyA!.id, { html: '<p>Full</p>', text: 'Full' });
});
afterEach(async () => {
  await db.delete();
});

const titles = async () => (await db.items.toArray()).map((item) => item.title).sort();

describe('rename and move', () => {
  it('renames, and undo restores the old name', async () => {
    const snapshot = await renameSource(db, source.id, '  Alpha Blog ');
    expect((await db.sources.get(source.id))?.title).toBe('Alpha Blog');
    await undoSourceChange(db, snapshot);
    expect((await db.sources.get(source.id))?.title).toBe('Alpha');
  });

  it('falls back to the address for an empty name', async () => {
    await renameSource(db, source.id, '   ');
    expect((await db.sources.get(source.id))?.title).toBe(source.url);
  });

  it('moves to a folder and out of every folder, undoably', async () => {
    const snapshot = await moveSource(db, source.id, 'Reading');
    expect((await db.sources.get(source.id))?.folder).toBe('Reading');
    await moveSource(db, source.id, '');
    expect(await db.sources.get(source.id)).not.toHaveProperty('folder');
    await undoSourceChange(db, snapshot);
    expect((await db.sources.get(source.id))?.folder).toBe('Tech');
  });
});

describe('tags', () => {
  it('stores tags trimmed, without repeats or empty ones, in the order given', async () => {
    await setSourceTags(db, source.id, ['  news ', '', 'area/topic', 'news', '   ', 'News']);
    expect((await db.sources.get(source.id))?.tags).toEqual(['news', 'area/topic', 'News']);
  });

  it('finds sources by tag through the index, and forgets a tag once it is removed', async () => {
    await setSourceTags(db, source.id, ['news', 'rust']);
    await setSourceTags(db, other.id, ['news']);
    expect((await db.sources.where('tags').equals('news').primaryKeys()).sort()).toEqual([source.id, other.id].sort());
    await setSourceTags(db, source.id, ['news']);
    expect(await db.sources.where('tags').equals('rust').count()).toBe(0);
  });

  it('clears tags, and undo restores the old ones', async () => {
    await setSourceTags(db, source.id, ['a', 'b']);
    const snapshot = await setSourceTags(db, source.id, []);
    expect((await db.sources.get(source.id))?.tags).toEqual([]);
    await undoSourceChange(db, snapshot);
    expect((await db.sources.get(source.id))?.tags).toEqual(['a', 'b']);
  });

  it('refuses a source that is gone', async () => {
    await unsubscribe(db, other.id, 'keep');
    await expect(setSourceTags(db, other.id, ['x'])).rejects.toMatchObject({ code: 'not-found' });
  });

  it('reads a comma-separated list as typed', () => {
    expect(parseTagList(' news,, area/topic ,news , ')).toEqual(['news', 'area/topic']);
    expect(parseTagList('   ')).toEqual([]);
  });
});

describe('unsubscribe', () => {
  it('keeping items leaves every story in place', async () => {
    const before = await db.items.toArray();
    await unsubscribe(db, source.id, 'keep');
    expect(await db.sources.get(source.id)).toBeUndefined();
    expect(await db.items.toArray()).toEqual(before);
  });

  it("deleting items removes only this feed's stories and their full text, and keeps the user's own", async () => {
    const snapshot = await unsubscribe(db, source.id, 'delete');
    expect(await titles()).toEqual(['In both', 'Only in B', 'Starred in A']);
    expect(await db.articles.count()).toBe(0);
    const both = await db.items.where('dedupeKey').equals('both').first();
    expect(both?.sourceIds).toEqual([other.id]);

    await undoSourceChange(db, snapshot);
    expect(await db.sources.get(source.id)).toEqual(source);
    expect(await titles()).toEqual(['In both', 'Only in A', 'Only in B', 'Starred in A']);
    expect((await db.items.where('dedupeKey').equals('both').first())?.sourceIds).toEqual([source.id, other.id]);
    expect(await db.articles.count()).toBe(1);
  });

  it('refuses to undo when the address was subscribed again meanwhile', async () => {
    const snapshot = await unsubscribe(db, source.id, 'keep');
    await addSource(db, { kind: 'feed', url: source.url, title: 'Again' });
    await expect(undoSourceChange(db, snapshot)).rejects.toMatchObject({ code: 'duplicate-url' });
  });
});
