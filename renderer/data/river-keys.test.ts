import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Id } from '../../shared/model';
import type { CommonplaceDb } from './db';
import { setItemState, upsertItems } from './items';
import { openFreshDatabase } from './migration-harness';
import { countUnread, itemsByIds, markAllRead, markUnread, riverHead, riverKeys, unreadCounts } from './river-keys';

let db: CommonplaceDb;
const ids: Record<string, Id> = {};
const title = async (keys: Id[]) => (await itemsByIds(db, keys)).map((item) => item.title);

beforeEach(async () => {
  db = await openFreshDatabase();
  await upsertItems(db, [
    { dedupeKey: '1', sourceIds: ['a'], title: 'One', publishedAt: 1 },
    { dedupeKey: '2', sourceIds: ['a', 'b'], title: 'Two', publishedAt: 2 },
    { dedupeKey: '3', sourceIds: ['b'], title: 'Three', publishedAt: 3 },
    { dedupeKey: '4', sourceIds: ['c'], title: 'Four', publishedAt: 4 },
  ]);
  for (const item of await db.items.toArray()) ids[item.title] = item.id;
  await setItemState(db, ids.Two!, { read: true, starred: true });
  await setItemState(db, ids.Three!, { later: true });
  await setItemState(db, ids.Four!, { archived: true, starred: true });
});
afterEach(async () => {
  await db.delete();
});

describe('riverKeys', () => {
  it.each([
    ['all', ['Three', 'Two', 'One']],
    ['unread', ['Three', 'One']],
    ['starred', ['Two']],
    ['later', ['Three']],
    ['archived', ['Four']],
  ] as const)('%s: newest first, archived stories only under archived', async (filter, expected) => {
    expect(await title(await riverKeys(db, filter))).toEqual(expected);
  });

  it('narrows to the stories seen in given sources', async () => {
    expect(await title(await riverKeys(db, 'all', ['a']))).toEqual(['Two', 'One']);
    expect(await title(await riverKeys(db, 'unread', ['b']))).toEqual(['Three']);
    expect(await riverKeys(db, 'all', [])).toEqual([]);
  });
});

describe('riverHead', () => {
  it.each(['all', 'unread', 'starred', 'later', 'archived'] as const)('%s: the first ids of the full list, in its order', async (filter) => {
    const full = await riverKeys(db, filter);
    expect(await riverHead(db, filter, 2)).toEqual(full.slice(0, 2));
  });
});

describe('countUnread', () => {
  it('intersects each source with the unread set', () => {
    const counts = countUnread(new Map([['a', ['1', '2']], ['b', []]]), new Set(['2', '3']));
    expect(counts.total).toBe(2);
    expect(Object.fromEntries(counts.bySource)).toEqual({ a: 1, b: 0 });
  });
});

describe('unreadCounts', () => {
  it('counts unread, unarchived stories per source and in total', async () => {
    const counts = await unreadCounts(db, ['a', 'b', 'c', 'none']);
    expect(counts.total).toBe(2);
    expect(Object.fromEntries(counts.bySource)).toEqual({ a: 1, b: 1, c: 0, none: 0 });
  });
});

describe('markAllRead', () => {
  it('marks the given stories read and returns only those it changed, so Undo restores exactly them', async () => {
    const shown = await riverKeys(db, 'all');
    const changed = await markAllRead(db, shown);
    expect(new Set(changed)).toEqual(new Set([ids.One, ids.Three]));
    expect(await riverKeys(db, 'unread')).toEqual([]);
    await markUnread(db, changed);
    expect(await title(await riverKeys(db, 'unread'))).toEqual(['Three', 'One']);
    expect((await db.items.get(ids.Two!))?.read).toBe(1);
  });
});
