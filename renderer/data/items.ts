/** Items: the river of stories, deduplicated across sources. */
import { Dexie } from 'dexie';
import type { Id, Item, ItemStateName } from '../../shared/model';
import type { CommonplaceDb } from './db';
import { StoreError } from './store-error';

/** A story as a fetch produced it: no id, no reading state yet. */
export type IncomingItem = Omit<Item, 'id' | 'firstSeenAt' | ItemStateName>;

export interface UpsertResult {
  /** New stories, for the search index and "n new" counts. */
  addedIds: Id[];
  /** Stored stories that changed (new source or edited content), to re-index. */
  updatedIds: Id[];
}

const contentFields = ['title', 'link', 'author', 'publishedAt', 'summaryHtml', 'imageUrl'] as const;

/**
 * Merges an incoming copy into the stored one; undefined when nothing changed.
 * The reader's state, id and first-seen time are always kept. Content follows the incoming copy
 * only when it comes from a source that already carried the story (the feed edited it);
 * a copy from another source only fills fields the stored one lacks, so a second feed's
 * poorer copy never overwrites a better one.
 */
function merge(stored: Item, incoming: IncomingItem): Item | undefined {
  const next: Item = { ...stored };
  let changed = false;
  const sameSource = incoming.sourceIds.some((id) => stored.sourceIds.includes(id));
  for (const field of contentFields) {
    const value = incoming[field];
    if (value === undefined || value === stored[field]) continue;
    if (sameSource || stored[field] === undefined || stored[field] === '') {
      Object.assign(next, { [field]: value });
      changed = true;
    }
  }
  const newSources = incoming.sourceIds.filter((id) => !stored.sourceIds.includes(id));
  if (newSources.length > 0) {
    next.sourceIds = [...stored.sourceIds, ...newSources];
    changed = true;
  }
  return changed ? next : undefined;
}

/** Optional fields are left out rather than stored as `undefined` (see shared/model.ts). */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

/**
 * Stores fetched stories in one transaction: new dedupe keys become items, known ones merge
 * into the stored item (see `merge`). Duplicates inside one batch merge too.
 */
export async function upsertItems(db: CommonplaceDb, incoming: readonly IncomingItem[]): Promise<UpsertResult> {
  if (incoming.length === 0) return { addedIds: [], updatedIds: [] };
  return db.transaction('rw', db.items, async () => {
    const keys = [...new Set(incoming.map((item) => item.dedupeKey))];
    const stored = await db.items.where('dedupeKey').anyOf(keys).toArray();
    const byKey = new Map(stored.map((item) => [item.dedupeKey, item]));
    const added = new Set<Id>();
    const dirty = new Map<Id, Item>();
    const now = Date.now();

    for (const copy of incoming) {
      const current = byKey.get(copy.dedupeKey);
      if (current) {
        const merged = merge(current, copy);
        if (merged) {
          byKey.set(copy.dedupeKey, merged);
          dirty.set(merged.id, merged);
        }
        continue;
      }
      const item: Item = {
        ...withoutUndefined(copy),
        sourceIds: [...new Set(copy.sourceIds)],
        id: crypto.randomUUID(),
        firstSeenAt: now,
        read: 0,
        starred: 0,
        later: 0,
        archived: 0,
      };
      byKey.set(item.dedupeKey, item);
      dirty.set(item.id, item);
      added.add(item.id);
    }

    await db.items.bulkPut([...dirty.values()]);
    return {
      addedIds: [...added],
      updatedIds: [...dirty.keys()].filter((id) => !added.has(id)),
    };
  });
}

export interface RiverQuery {
  unreadOnly?: boolean;
  limit?: number;
}

/**
 * The river, newest first. Both forms read an index already sorted by date, so a page costs
 * `limit` rows however large the table grows. Archived items are not filtered out here:
 * what "archived" hides is the Seek feature's call.
 */
export async function listRiver(db: CommonplaceDb, { unreadOnly = false, limit = 100 }: RiverQuery = {}): Promise<Item[]> {
  const collection = unreadOnly
    ? db.items.where('[read+publishedAt]').between([0, Dexie.minKey], [0, Dexie.maxKey])
    : db.items.orderBy('publishedAt');
  return collection.reverse().limit(limit).toArray();
}

export type ItemStatePatch = Partial<Record<ItemStateName, boolean>>;

/** Sets reading-state flags; callers speak booleans, the table stores 0/1 (see `Flag`). */
export async function setItemState(db: CommonplaceDb, id: Id, patch: ItemStatePatch): Promise<void> {
  const changes: Partial<Pick<Item, ItemStateName>> = {};
  for (const [name, value] of Object.entries(patch) as [ItemStateName, boolean | undefined][]) {
    if (value !== undefined) changes[name] = value ? 1 : 0;
  }
  const updated = await db.items.update(id, changes);
  if (updated === 0 && !(await db.items.get(id))) {
    throw new StoreError('not-found', 'That item is no longer in your library.');
  }
}
