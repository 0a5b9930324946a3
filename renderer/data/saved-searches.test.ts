import { describe, expect, it } from 'vitest';
import type { CommonplaceDb } from './db';
import { freshDatabaseForEachTest } from './migration-harness';
import { addSavedSearch, listSavedSearches, removeSavedSearch } from './saved-searches';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened));

describe('saved searches', () => {
  it('saves, lists in order, refuses duplicates and empty queries, and removes with the entry returned for Undo', async () => {
    const first = await addSavedSearch(db, '  tag:pkm  ');
    const second = await addSavedSearch(db, 'spaced repetition', 'Memory');
    expect(await addSavedSearch(db, 'tag:pkm')).toEqual(first);
    await expect(addSavedSearch(db, '   ')).rejects.toThrow(/Type something/);
    expect((await listSavedSearches(db)).map(({ name, query }) => [name, query])).toEqual([
      ['tag:pkm', 'tag:pkm'],
      ['Memory', 'spaced repetition'],
    ]);
    expect(await removeSavedSearch(db, first.id)).toEqual(first);
    expect(await listSavedSearches(db)).toEqual([second]);
  });
});
