/**
 * A live query for big key reads. Dexie's useLiveQuery records every key a keys-only index read
 * returns (to notice deletions), and at 100,000 keys that bookkeeping costs seconds of main-thread
 * time per run. Here the query runs untracked, and reruns when a write touches one of the indexes
 * it reads, as Dexie reports them (`storagemutated`, also fired for other windows' writes).
 * Reruns coalesce: at most one runs at a time, and a burst of writes costs one more run.
 */
import { Dexie, type ObservabilitySet } from 'dexie';
import { useEffect, useRef, useState } from 'react';
import type { CommonplaceDb } from './db';

export function useIndexQuery<T>(
  db: CommonplaceDb,
  table: string,
  indexes: readonly string[],
  query: () => Promise<T>,
  /** Changes whenever the query's inputs change; the result of another key is never shown. */
  key: string,
): T | undefined {
  const [state, setState] = useState<{ key: string; value: T }>();
  const latest = useRef(query);
  useEffect(() => {
    latest.current = query;
  });
  const watchedKey = indexes.join('\n');

  useEffect(() => {
    let live = true;
    let running = false;
    let again = false;
    const run = async () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          const value = await latest.current();
          if (live) setState({ key, value });
        } while (again && live);
      } catch {
        // The database closed (the app is shutting down, or a test ended); nothing to show.
      } finally {
        running = false;
      }
    };
    const parts = watchedKey.split('\n').map((index) => `idb://${db.name}/${table}/${index}`);
    // Dexie lists every index of a written row, with an empty range set for those the write left
    // unchanged (an empty set has no `from`); only a non-empty one means this query may change.
    const touched = (mutated: ObservabilitySet, part: string) => {
      const ranges = mutated[part];
      return ranges !== undefined && 'from' in ranges;
    };
    const onMutated = (mutated: ObservabilitySet) => {
      if (parts.some((part) => touched(mutated, part))) void run();
    };
    Dexie.on.storagemutated.subscribe(onMutated);
    void run();
    return () => {
      live = false;
      Dexie.on.storagemutated.unsubscribe(onMutated);
    };
  }, [db, table, watchedKey, key]);

  return state?.key === key ? state.value : undefined;
}
