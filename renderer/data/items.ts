/** Items: the river of stories, deduplicated across sources. */
import { Dexie } from 'dexie';
import { canonicalUrl } from '../../shared/feeds/urls';
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

const contentFields = ['title', 'link', 'canonicalLink', 'author', 'publishedAt', 'summaryHtml', 'imageUrl', 'enclosures', 'extras'] as const;

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
    if (value === undefined || sameValue(value, stored[field])) continue;
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

/** Enclosures and extras are arrays and objects: compare what they hold, not their identity. */
function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && a !== null && JSON.stringify(a) === JSON.stringify(b));
}

/** Optional fields are left out rather than stored as `undefined` (see shared/model.ts). */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

/** The incoming copy's canonical link: the one it carries, else its link's canonical form. */
function canonicalLinkOf(copy: IncomingItem): string | undefined {
  return copy.canonicalLink ?? (copy.link === undefined ? undefined : canonicalUrl(copy.link));
}

/**
 * The stored item an incoming copy with an unknown dedupe key joins because it has the same
 * canonical link, if any. A feed's own entries are never merged with each other by link: when the
 * item was first stored from one of the copy's sources (it is `sourceIds[0]`), two different keys
 * from that feed are two stories that share a link (a feed whose entries all point at its home page).
 * Among several candidates, the one that already lists the copy's source wins (a re-fetch of a copy
 * merged earlier), then the first seen.
 */
function linkMatch(candidates: readonly Item[], copy: IncomingItem): Item | undefined {
  const eligible = candidates.filter((item) => !copy.sourceIds.includes(item.sourceIds[0] ?? ''));
  const rank = (item: Item) => (copy.sourceIds.some((id) => item.sourceIds.includes(id)) ? 0 : 1);
  return [...eligible].sort((a, b) => rank(a) - rank(b) || a.firstSeenAt - b.firstSeenAt)[0];
}

/**
 * Stores fetched stories in one transaction: new dedupe keys become items, known ones merge
 * into the stored item (see `merge`). A copy whose key is unknown but whose canonical link is a
 * stored item's merges into that item the same way (feeds namespace their GUIDs, so the same story
 * from two feeds has two keys; see `linkMatch`). Duplicates inside one batch merge too.
 */
export async function upsertItems(db: CommonplaceDb, incoming: readonly IncomingItem[]): Promise<UpsertResult> {
  if (incoming.length === 0) return { addedIds: [], updatedIds: [] };
  const copies = incoming.map((copy) => {
    const canonicalLink = canonicalLinkOf(copy);
    return canonicalLink === undefined ? copy : { ...copy, canonicalLink };
  });
  return db.transaction('rw', db.items, async () => {
    const keys = [...new Set(copies.map((item) => item.dedupeKey))];
    const stored = await db.items.where('dedupeKey').anyOf(keys).toArray();
    const byKey = new Map(stored.map((item) => [item.dedupeKey, item]));
    const links = [...new Set(copies.flatMap((item) => (item.canonicalLink === undefined ? [] : [item.canonicalLink])))];
    const sameLink = await db.items.where('canonicalLink').anyOf(links).toArray();
    /** Current version of every item seen by id, so a merge always starts from the latest copy. */
    const byId = new Map([...sameLink, ...stored].map((item) => [item.id, item]));
    const byLink = new Map<string, Id[]>();
    const remember = (item: Item) => {
      byId.set(item.id, item);
      byKey.set(item.dedupeKey, item);
      if (item.canonicalLink === undefined) return;
      const ids = byLink.get(item.canonicalLink) ?? [];
      if (!ids.includes(item.id)) byLink.set(item.canonicalLink, [...ids, item.id]);
    };
    for (const item of sameLink) remember(item);
    for (const item of stored) remember(item);
    const added = new Set<Id>();
    const dirty = new Map<Id, Item>();
    const now = Date.now();

    for (const copy of copies) {
      const byDedupeKey = byKey.get(copy.dedupeKey);
      const current =
        byDedupeKey === undefined
          ? copy.canonicalLink === undefined
            ? undefined
            : linkMatch((byLink.get(copy.canonicalLink) ?? []).flatMap((id) => byId.get(id) ?? []), copy)
          : (byId.get(byDedupeKey.id) ?? byDedupeKey);
      if (current) {
        // Later copies in this batch with the same key find the item without its link.
        byKey.set(copy.dedupeKey, current);
        const merged = merge(current, copy);
        if (merged) {
          remember(merged);
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
      remember(item);
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
  const changes: Partial<Pick<Item, ItemStateName | 'starredAt'>> = {};
  for (const [name, value] of Object.entries(patch) as [ItemStateName, boolean | undefined][]) {
    if (value !== undefined) changes[name] = value ? 1 : 0;
  }
  // A digest gathers what was starred in its period, so the moment matters (Dexie removes a key set to undefined).
  if (patch.starred !== undefined) changes.starredAt = patch.starred ? Date.now() : undefined;
  const updated = await db.items.update(id, changes);
  if (updated === 0 && !(await db.items.get(id))) {
    throw new StoreError('not-found', 'That item is no longer in your library.');
  }
}
