import { expect, it } from 'vitest';
import { getArticle, saveArticle } from './articles';
import type { CommonplaceDb } from './db';
import { upsertItems } from './items';
import { freshDatabaseForEachTest } from './migration-harness';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened));

it('stores the full text of an item once, with its length and byline, and reads it back', async () => {
  const { addedIds } = await upsertItems(db, [{ dedupeKey: 'a', sourceIds: ['s'], title: 'A', publishedAt: 1 }]);
  const itemId = addedIds[0]!;
  expect(await getArticle(db, itemId)).toBeUndefined();
  await saveArticle(db, itemId, { html: '<p>Hello world</p>', text: 'Hello world', byline: 'Ada' }, 42);
  expect(await getArticle(db, itemId)).toEqual({ itemId, html: '<p>Hello world</p>', text: 'Hello world', byline: 'Ada', length: 11, extractedAt: 42 });
});

it('refuses the full text of an item that is gone', async () => {
  await expect(saveArticle(db, 'missing', { html: '', text: '' })).rejects.toMatchObject({ code: 'not-found' });
});
