/**
 * The search index thread's own connection to the library's IndexedDB database: it reads the saved index,
 * writes it back, and reads the texts of the hits it shows, without the main thread decoding or copying
 * any of it. Raw IndexedDB rather than Dexie: the database is opened without a version, as the app left it,
 * and this connection never upgrades anything; it steps aside (closes) when the app asks for a new version
 * or deletes the database, and opens again at the next need.
 */
export class LibraryConnection {
  private opening: Promise<IDBDatabase> | undefined;

  constructor(readonly database: string) {}

  open(): Promise<IDBDatabase> {
    this.opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(this.database);
      request.onerror = () => reject(request.error ?? new Error('The library could not be opened for search.'));
      // The app creates the library before search starts; never create one here (an empty version 1 would
      // stand in the app's way).
      request.onupgradeneeded = () => request.transaction?.abort();
      request.onsuccess = () => {
        const connection = request.result;
        connection.onversionchange = () => {
          connection.close();
          this.opening = undefined;
        };
        resolve(connection);
      };
    }).catch((error: unknown) => {
      this.opening = undefined;
      throw error;
    });
    return this.opening;
  }

  /** A transaction over the stores of `names` that exist (an older library may lack some), or undefined when none does. */
  async transaction(names: readonly string[], mode: IDBTransactionMode): Promise<IDBTransaction | undefined> {
    const connection = await this.open();
    const present = names.filter((name) => connection.objectStoreNames.contains(name));
    return present.length === 0 ? undefined : connection.transaction(present, mode);
  }

  close(): void {
    const opening = this.opening;
    this.opening = undefined;
    void opening?.then((connection) => connection.close(), () => undefined);
  }
}

/** Resolves when the transaction commits, rejects when it fails or is aborted. */
export function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('A library transaction failed.'));
    transaction.onabort = () => reject(transaction.error ?? new Error('A library transaction was aborted.'));
  });
}

export function requested<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('A library read failed.'));
  });
}
