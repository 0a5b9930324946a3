/**
 * A rebuild asked for across a reload: restoring a backup replaces the whole library, and the saved index (in OPFS,
 * outside the library) would describe the archive that was replaced. Catch-up compares keys, not contents, so an
 * item whose flags differ in the backup would keep its old ones; the next start rebuilds instead. Kept in
 * localStorage (per origin, survives the reload), naming the library it is for.
 */
const key = 'commonplace.search.rebuild';

export function requestSearchRebuild(database: string, storage: Pick<Storage, 'setItem'> = window.localStorage): void {
  storage.setItem(key, database);
}

/** Whether a rebuild was asked for this library; the request is used up. */
export function takeSearchRebuildRequest(database: string, storage: Pick<Storage, 'getItem' | 'removeItem'> = window.localStorage): boolean {
  try {
    if (storage.getItem(key) !== database) return false;
    storage.removeItem(key);
    return true;
  } catch {
    // Storage refused (a private window's quota): the saved index and catch-up still work.
    return false;
  }
}
