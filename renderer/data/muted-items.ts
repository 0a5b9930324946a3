/**
 * Which stories the mute rules hide, kept as an in-memory set of ids beside the river.
 *
 * Why not a stored field on each item: the item model, the upsert path and the indexes belong to
 * other work, and a stored verdict would need rewriting 100,000 rows on every rule edit anyway.
 * Instead, when there is at least one enabled mute rule, a background pass reads the stored rows
 * in chunks of `chunkSize`, newest first (so the rows on screen are settled first), classifies them
 * with the compiled rules and publishes the muted ids after each chunk; the UI never waits for it.
 * After that only rows a write touched are re-read: new stories, merged sources, edited content.
 * With no mute rule nothing is read at all (keep rules need no pass: a row checks its own story).
 * While a new pass runs, ids it has not reached yet keep their previous verdict, so editing a rule
 * does not make every muted story flash back.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { IntervalTree, IntervalTreeNode, ObservabilitySet } from 'dexie';
import { Dexie } from 'dexie';
import { classify, type RuleMatcher } from '../../shared/feeds/mute-rules';
import type { Id } from '../../shared/model';
import type { CommonplaceDb } from './db';
import { useDatabase } from './hooks';
import { countUnread, openUnreadKeys, sourceItemKeys, unreadIndexes, type UnreadCounts } from './river-keys';
import { useIndexQuery } from './use-index-query';

export const chunkSize = 500;
/** A write touching more rows than this and no content index is bulk triage (mark all read): no content changed. */
const triageBurst = 500;
const emptySet: ReadonlySet<Id> = new Set();

/** All item ids, newest first, from the date index (keys only, no row read). */
async function newestFirst(db: CommonplaceDb): Promise<Id[]> {
  const keys = await db.items.orderBy('publishedAt').primaryKeys();
  return keys.reverse();
}

/**
 * Classifies stored rows by id, a chunk at a time, yielding to the event loop between chunks.
 * `onChunk` gets each chunk's verdicts (`undefined`: the row is gone); returning false stops.
 */
export async function classifyStored(
  db: CommonplaceDb,
  matcher: RuleMatcher,
  ids: readonly Id[],
  onChunk: (verdicts: Map<Id, boolean | undefined>) => boolean,
): Promise<void> {
  for (let start = 0; start < ids.length; start += chunkSize) {
    const chunk = ids.slice(start, start + chunkSize);
    const rows = await db.items.bulkGet(chunk);
    const verdicts = new Map<Id, boolean | undefined>();
    chunk.forEach((id, index) => {
      const row = rows[index];
      verdicts.set(id, row === undefined ? undefined : classify(row, row.sourceIds, matcher) === 'muted');
    });
    if (!onChunk(verdicts)) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** The single keys of a mutated-key tree; null when it holds a true range (a clear, a range delete). */
function singleKeys(tree: IntervalTree | undefined, into: Id[]): Id[] | null {
  if (tree === undefined || !('from' in tree)) return into;
  const walk = (node: IntervalTreeNode | null | undefined): boolean => {
    if (!node) return true;
    if (typeof node.from !== 'string' || node.from !== node.to) return false;
    into.push(node.from);
    return walk(node.l) && walk(node.r);
  };
  return walk(tree) ? into : null;
}

/** The ids of stored stories an enabled mute rule hides; empty while there is none. */
export function useMutedIds(matcher: RuleMatcher): ReadonlySet<Id> {
  const db = useDatabase();
  // Not keyed by matcher on purpose: until a new pass publishes, the previous verdicts stand.
  const [state, setState] = useState<ReadonlySet<Id>>(emptySet);
  const last = useRef<ReadonlySet<Id>>(emptySet);

  useEffect(() => {
    if (!matcher.mutes) {
      last.current = emptySet;
      return;
    }
    let live = true;
    let running = false;
    let full = true;
    let pending = new Set<Id>();
    const muted = new Set(last.current);
    const publish = () => {
      const snapshot: ReadonlySet<Id> = new Set(muted);
      last.current = snapshot;
      setState(snapshot);
    };
    const apply = (verdicts: Map<Id, boolean | undefined>) => {
      if (!live) return false;
      let changed = false;
      for (const [id, isMuted] of verdicts) {
        if (isMuted === true && !muted.has(id)) {
          muted.add(id);
          changed = true;
        } else if (isMuted !== true && muted.has(id)) {
          muted.delete(id);
          changed = true;
        }
      }
      if (changed) publish();
      return true;
    };
    const run = async () => {
      if (running) return;
      running = true;
      try {
        while (live && (full || pending.size > 0)) {
          if (full) {
            full = false;
            pending = new Set();
            const ids = await newestFirst(db);
            const present = new Set(ids);
            // Forget verdicts of stories no longer stored (deleted since the last pass).
            const gone = [...muted].filter((id) => !present.has(id));
            for (const id of gone) muted.delete(id);
            publish();
            await classifyStored(db, matcher, ids, apply);
          } else {
            const ids = [...pending];
            pending = new Set();
            await classifyStored(db, matcher, ids, apply);
          }
        }
      } catch {
        // The database closed (shutdown, or a test ended); nothing to classify.
      } finally {
        running = false;
      }
    };
    const base = `idb://${db.name}/items/`;
    const touched = (mutated: ObservabilitySet, index: string) => {
      const ranges = mutated[`${base}${index}`];
      return ranges !== undefined && 'from' in ranges;
    };
    const onMutated = (mutated: ObservabilitySet) => {
      const keys = singleKeys(mutated[base], []);
      const deleted = singleKeys(mutated[`${base}:dels`], []);
      if (keys === null || deleted === null) full = true;
      else {
        // Content arrives with new stories (dedupeKey), merged sources (sourceIds) or feed edits;
        // a big write that touches none of them is triage, which changes no text a rule reads.
        const content = touched(mutated, 'dedupeKey') || touched(mutated, 'sourceIds') || touched(mutated, 'publishedAt');
        if (keys.length + deleted.length === 0 || (!content && keys.length > triageBurst)) return;
        for (const id of [...keys, ...deleted]) pending.add(id);
      }
      void run();
    };
    Dexie.on.storagemutated.subscribe(onMutated);
    void run();
    return () => {
      live = false;
      Dexie.on.storagemutated.unsubscribe(onMutated);
    };
  }, [db, matcher]);

  return matcher.mutes ? state : emptySet;
}

/**
 * Unread counts with `hidden` stories left out: the same two live key reads as `useUnreadCounts`,
 * with the unread set filtered in memory (one pass over at most the unread ids).
 */
export function useUnreadCountsWithout(sourceIds: readonly Id[] | undefined, hidden: ReadonlySet<Id>): UnreadCounts | undefined {
  const db = useDatabase();
  const key = sourceIds?.join('\n');
  const keys = useIndexQuery(db, 'items', ['sourceIds'], async () => (sourceIds === undefined ? undefined : sourceItemKeys(db, sourceIds)), key ?? '');
  const open = useIndexQuery(db, 'items', unreadIndexes, () => openUnreadKeys(db), 'unread');
  return useMemo(() => {
    if (!keys || !open) return undefined;
    const visible = hidden.size === 0 ? open : new Set([...open].filter((id) => !hidden.has(id)));
    return countUnread(keys, visible);
  }, [keys, open, hidden]);
}
