/**
 * The river as ordered ids, not rows. A windowed list needs the order and the count of everything
 * (100,000 items) but the content of only the rows on screen, so these queries read keys straight
 * from the date-sorted compound indexes (`getAllKeys`, no row is deserialised) and rows are fetched
 * by id for the visible window only.
 */
import { Dexie } from 'dexie';
import type { Id, Item } from '../../shared/model';
import type { CommonplaceDb } from './db';

export const riverFilters = ['all', 'unread', 'starred', 'later', 'archived'] as const;
export type RiverFilter = (typeof riverFilters)[number];

type FlagIndex = '[read+publishedAt]' | '[starred+publishedAt]' | '[later+publishedAt]' | '[archived+publishedAt]';

/**
 * Ids whose flag has `value`, newest first, straight from the index. Read ascending and reversed
 * here: IndexedDB's batched getAllKeys() only reads forwards, so Dexie would serve `.reverse()`
 * with a cursor, one callback per key (seconds at 100,000 items instead of a few hundred ms).
 */
async function keysByFlag(db: CommonplaceDb, index: FlagIndex, value: 0 | 1): Promise<Id[]> {
  const keys = await db.items.where(index).between([value, Dexie.minKey], [value, Dexie.maxKey]).primaryKeys();
  return keys.reverse();
}

/**
 * Item ids for a filter, newest first. Archived items leave every view but 'archived' (archiving
 * is how triage says "done with this"). `sourceIds` narrows to stories seen in any of those sources.
 */
export async function riverKeys(db: CommonplaceDb, filter: RiverFilter, sourceIds?: readonly Id[]): Promise<Id[]> {
  return db.transaction('r', db.items, async () => {
    let keys: Id[];
    const [index, value] = filterIndex(filter);
    if (filter === 'all' || filter === 'archived') keys = await keysByFlag(db, index, value);
    else {
      const [matching, archived] = await Promise.all([keysByFlag(db, index, value), keysByFlag(db, '[archived+publishedAt]', 1)]);
      const hidden = new Set(archived);
      keys = hidden.size === 0 ? matching : matching.filter((id) => !hidden.has(id));
    }
    if (sourceIds === undefined) return keys;
    if (sourceIds.length === 0) return [];
    const inScope = new Set(await db.items.where('sourceIds').anyOf([...sourceIds]).primaryKeys());
    return keys.filter((id) => inScope.has(id));
  });
}

/**
 * The first `limit` ids of a filter across the whole library, newest first: a short cursor read,
 * so the river can show its top rows while the full id list (100,000 keys) is still being read.
 */
export async function riverHead(db: CommonplaceDb, filter: RiverFilter, limit = 60): Promise<Id[]> {
  const [index, value] = filterIndex(filter);
  let collection = db.items.where(index).between([value, Dexie.minKey], [value, Dexie.maxKey]).reverse();
  if (filter !== 'all' && filter !== 'archived') collection = collection.and((item) => item.archived === 0);
  return collection.limit(limit).primaryKeys();
}

function filterIndex(filter: RiverFilter): [FlagIndex, 0 | 1] {
  switch (filter) {
    case 'all':
      return ['[archived+publishedAt]', 0];
    case 'archived':
      return ['[archived+publishedAt]', 1];
    case 'unread':
      return ['[read+publishedAt]', 0];
    case 'starred':
      return ['[starred+publishedAt]', 1];
    case 'later':
      return ['[later+publishedAt]', 1];
  }
}

/** The indexes `riverKeys` reads: a write touching none of them cannot change its answer. */
export function riverIndexes(filter: RiverFilter, scoped: boolean): string[] {
  const indexes = [filterIndex(filter)[0], '[archived+publishedAt]'];
  if (scoped) indexes.push('sourceIds');
  return [...new Set(indexes)];
}

/** The indexes `openUnreadKeys` reads. */
export const unreadIndexes: readonly string[] = Object.freeze(['[read+publishedAt]', '[archived+publishedAt]']);

export interface UnreadCounts {
  /** Unread, unarchived stories across the whole library. */
  total: number;
  bySource: Map<Id, number>;
}

/**
 * Each source's story ids: one batched key read per source. Kept apart from the unread set because
 * it changes only when stories arrive or leave, not on every read/unread, so the live query that
 * holds it does not rerun while the user triages.
 */
export async function sourceItemKeys(db: CommonplaceDb, sourceIds: readonly Id[]): Promise<Map<Id, Id[]>> {
  return db.transaction('r', db.items, async () => {
    const perSource = await Promise.all(sourceIds.map((id) => db.items.where('sourceIds').equals(id).primaryKeys()));
    return new Map(sourceIds.map((id, index) => [id, perSource[index] ?? []]));
  });
}

/** Ids of unread, unarchived stories. */
export async function openUnreadKeys(db: CommonplaceDb): Promise<Set<Id>> {
  return db.transaction('r', db.items, async () => {
    const [unread, archived] = await Promise.all([keysByFlag(db, '[read+publishedAt]', 0), keysByFlag(db, '[archived+publishedAt]', 1)]);
    if (archived.length === 0) return new Set(unread);
    const hidden = new Set(archived);
    return new Set(unread.filter((id) => !hidden.has(id)));
  });
}

/** Combines the two: pure, so it can run in a render. */
export function countUnread(bySourceKeys: ReadonlyMap<Id, readonly Id[]>, open: ReadonlySet<Id>): UnreadCounts {
  const bySource = new Map<Id, number>();
  for (const [id, keys] of bySourceKeys) {
    let count = 0;
    for (const key of keys) if (open.has(key)) count += 1;
    bySource.set(id, count);
  }
  return { total: open.size, bySource };
}

/** Unread counts for the sidebar, in one call (the hooks read the two halves separately). */
export async function unreadCounts(db: CommonplaceDb, sourceIds: readonly Id[]): Promise<UnreadCounts> {
  const [keys, open] = await Promise.all([sourceItemKeys(db, sourceIds), openUnreadKeys(db)]);
  return countUnread(keys, open);
}

/** Rows for the visible window, in the order asked; ids deleted meanwhile are left out. */
export async function itemsByIds(db: CommonplaceDb, ids: readonly Id[]): Promise<Item[]> {
  const rows = await db.items.bulkGet([...ids]);
  return rows.filter((row): row is Item => row !== undefined);
}

/** Marks these stories read; returns the ids that were unread, which is what Undo needs. */
export async function markAllRead(db: CommonplaceDb, ids: readonly Id[]): Promise<Id[]> {
  return db.transaction('rw', db.items, async () => {
    const wanted = new Set(ids);
    const unread = await keysByFlag(db, '[read+publishedAt]', 0);
    const changed = unread.filter((id) => wanted.has(id));
    await db.items.bulkUpdate(changed.map((key) => ({ key, changes: { read: 1 as const } })));
    return changed;
  });
}

/** Undo for markAllRead: exactly the stories it changed become unread again. */
export async function markUnread(db: CommonplaceDb, ids: readonly Id[]): Promise<void> {
  await db.items.bulkUpdate(ids.map((key) => ({ key, changes: { read: 0 as const } })));
}
