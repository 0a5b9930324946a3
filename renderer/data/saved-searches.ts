/**
 * Saved searches: a query the user wants to come back to, listed in the sidebar with how many documents
 * match it now. Kept as one setting (a short list, read whole), newest last.
 */
import type { Id } from '../../shared/model';
import type { CommonplaceDb } from './db';
import { getSetting, setSetting } from './settings';

// A type, not an interface, so a list of them is a JsonValue the settings table can hold.
export type SavedSearch = {
  id: Id;
  name: string;
  query: string;
};

export const savedSearchesKey = 'search.saved';

export async function listSavedSearches(db: CommonplaceDb): Promise<SavedSearch[]> {
  return getSetting<SavedSearch[]>(db, savedSearchesKey, []);
}

/** Saves a query (trimmed); saving one that is already saved returns the saved one instead of a copy. */
export async function addSavedSearch(db: CommonplaceDb, query: string, name = query): Promise<SavedSearch> {
  return db.transaction('rw', db.settings, async () => {
    const text = query.trim();
    if (text === '') throw new Error('Type something to search for before saving the search.');
    const saved = await listSavedSearches(db);
    const existing = saved.find((entry) => entry.query === text);
    if (existing) return existing;
    const entry: SavedSearch = { id: crypto.randomUUID(), name: name.trim() || text, query: text };
    await setSetting(db, savedSearchesKey, [...saved, entry]);
    return entry;
  });
}

/** Removes it and returns it, so the caller can offer Undo (addSavedSearch puts it back). */
export async function removeSavedSearch(db: CommonplaceDb, id: Id): Promise<SavedSearch | undefined> {
  return db.transaction('rw', db.settings, async () => {
    const saved = await listSavedSearches(db);
    const removed = saved.find((entry) => entry.id === id);
    await setSetting(db, savedSearchesKey, saved.filter((entry) => entry.id !== id));
    return removed;
  });
}
