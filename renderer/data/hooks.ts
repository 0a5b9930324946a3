/**
 * React hooks that read the database live: each wraps a data function in `useLiveQuery`, so a
 * component re-renders when a write touches what it shows. `undefined` means "still loading".
 * Writes never happen here; components call the data functions.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useContext } from 'react';
import type { Item, JsonValue, Note, Source } from '../../shared/model';
import type { CommonplaceDb } from './db';
import { listRiver, type RiverQuery } from './items';
import { listNotesByUpdated } from './notes';
import { listSources } from './sources';

/** The app provides the opened database once, near the root: `<DatabaseContext value={db}>`. */
export const DatabaseContext = createContext<CommonplaceDb | null>(null);

export function useDatabase(): CommonplaceDb {
  const db = useContext(DatabaseContext);
  if (!db) throw new Error('useDatabase() needs a <DatabaseContext> with an opened database above it.');
  return db;
}

export function useSources(): Source[] | undefined {
  const db = useDatabase();
  return useLiveQuery(() => listSources(db), [db]);
}

export function useRiver({ unreadOnly = false, limit = 100 }: RiverQuery = {}): Item[] | undefined {
  const db = useDatabase();
  return useLiveQuery(() => listRiver(db, { unreadOnly, limit }), [db, unreadOnly, limit]);
}

export function useNotes({ limit = 50 }: { limit?: number } = {}): Note[] | undefined {
  const db = useDatabase();
  return useLiveQuery(() => listNotesByUpdated(db, { limit }), [db, limit]);
}

/**
 * A setting's value, `fallback` when it was never set, `undefined` while loading; the type
 * argument is required, as for `getSetting`. The row is
 * wrapped so "loading" and "not set" stay distinct; `fallback` is applied outside the query so
 * an inline object literal does not restart the query on every render.
 */
export function useSetting<T extends JsonValue = never>(key: string, fallback: NoInfer<T>): T | undefined {
  const db = useDatabase();
  const found = useLiveQuery(async () => ({ row: await db.settings.get(key) }), [db, key]);
  if (found === undefined) return undefined;
  return found.row === undefined ? fallback : (found.row.value as T);
}
