/**
 * Live hooks for Seek, in the style of hooks.ts: `undefined` means "still loading". Row reads use
 * `useLiveQuery`; the big key reads (the river's ids, unread sets) use `useIndexQuery`, which skips
 * Dexie's per-key bookkeeping. Array arguments are keyed by their content, so a new array with the
 * same ids does not restart the query.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Article, Id, Item } from '../../shared/model';
import { getArticle } from './articles';
import { useDatabase } from './hooks';
import { countUnread, itemsByIds, openUnreadKeys, riverHead, riverIndexes, riverKeys, sourceItemKeys, unreadIndexes, type RiverFilter, type UnreadCounts } from './river-keys';
import { useIndexQuery } from './use-index-query';

export function useRiverKeys(filter: RiverFilter, sourceIds?: readonly Id[]): Id[] | undefined {
  const db = useDatabase();
  const key = `${filter}\n${sourceIds === undefined ? '*' : sourceIds.join('\n')}`;
  return useIndexQuery(db, 'items', riverIndexes(filter, sourceIds !== undefined), () => riverKeys(db, filter, sourceIds), key);
}

/** The river's first rows across the library while the full id list loads; null when `enabled` is false. */
export function useRiverHead(filter: RiverFilter, enabled: boolean): Id[] | null | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => (enabled ? riverHead(db, filter) : null), [db, filter, enabled]);
}

/**
 * Unread counts per source. Two live queries: the per-source ids (rerun only when stories arrive
 * or leave) and the unread set (rerun on every read/unread), combined in memory.
 */
export function useUnreadCounts(sourceIds: readonly Id[] | undefined): UnreadCounts | undefined {
  const db = useDatabase();
  const key = sourceIds?.join('\n');
  const keys = useIndexQuery(db, 'items', ['sourceIds'], async () => (sourceIds === undefined ? undefined : sourceItemKeys(db, sourceIds)), key ?? '');
  const open = useIndexQuery(db, 'items', unreadIndexes, () => openUnreadKeys(db), 'unread');
  return useMemo(() => (keys && open ? countUnread(keys, open) : undefined), [keys, open]);
}

/** The rows of a window of the river, live (read and star marks update in place). */
export function useItemsByIds(ids: readonly Id[]): Item[] | undefined {
  const db = useDatabase();
  const key = ids.join('\n');
  return useLiveQuery(() => itemsByIds(db, ids), [db, key]);
}

/** One item, `null` when it is not (or no longer) in the library. */
export function useItem(id: Id | undefined): Item | null | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => (id === undefined ? null : ((await db.items.get(id)) ?? null)), [db, id]);
}

/** The stored full text of an item, `null` when none was extracted yet. */
export function useArticle(itemId: Id | undefined): Article | null | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => (itemId === undefined ? null : ((await getArticle(db, itemId)) ?? null)), [db, itemId]);
}
