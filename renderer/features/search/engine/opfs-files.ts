/**
 * The search index's files in the origin-private file system (OPFS), one folder per library.
 *
 * Why not IndexedDB, where the index used to be saved: IndexedDB serves one origin's requests one after
 * another, and a start is when the app asks it the most (Seek reads 100,000 keys several times over). Measured
 * in Chromium with 100,000 items: any IndexedDB request made after the first quarter second of a start waited
 * about 2 s, the saved index (65 MB) 3–5 s, while reading the same bytes from OPFS in the worker took 45–100 ms.
 * OPFS is storage of the same origin (same quota, same persistence), just not behind that queue.
 *
 * Only the handles' methods this module needs are declared (the DOM typings lack the worker-only ones).
 */

export interface SyncFile {
  getSize(): number;
  read(buffer: Uint8Array, options: { at: number }): number;
  write(buffer: Uint8Array, options: { at: number }): number;
  truncate(size: number): void;
  flush(): void;
  close(): void;
}

export interface FileEntry {
  getFile(): Promise<{ size: number; slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> } }>;
  /** Exclusive while open; only in dedicated workers. */
  createSyncAccessHandle(): Promise<SyncFile>;
  move(name: string): Promise<void>;
}

export interface Folder {
  getFileHandle(name: string, options?: { create?: boolean }): Promise<FileEntry>;
  getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<Folder>;
  removeEntry(name: string): Promise<void>;
  keys(): AsyncIterable<string>;
}

const isNotFound = (error: unknown) => error instanceof Error && error.name === 'NotFoundError';

/**
 * The folder of the library's search index, or undefined where OPFS with synchronous access is missing (no
 * worker: unit tests, or an old engine), where the index stays in IndexedDB instead.
 */
export async function searchFolder(database: string): Promise<Folder | undefined> {
  const storage = (globalThis as { navigator?: { storage?: { getDirectory?: () => Promise<unknown> } } }).navigator?.storage;
  const fileHandle = (globalThis as { FileSystemFileHandle?: { prototype: object } }).FileSystemFileHandle;
  if (typeof storage?.getDirectory !== 'function' || fileHandle === undefined || !('createSyncAccessHandle' in fileHandle.prototype)) return undefined;
  try {
    const root = (await storage.getDirectory()) as Folder;
    const all = await root.getDirectoryHandle('search-index', { create: true });
    return await all.getDirectoryHandle(encodeURIComponent(database), { create: true });
  } catch {
    return undefined;
  }
}

/** Runs `work` with the file open for synchronous access, closing it whatever happens. */
export async function withSyncFile<T>(folder: Folder, name: string, create: boolean, work: (file: SyncFile) => T): Promise<T> {
  const entry = await folder.getFileHandle(name, { create });
  const file = await entry.createSyncAccessHandle();
  try {
    return work(file);
  } finally {
    file.close();
  }
}

/**
 * The whole file, or undefined when there is none: through a synchronous handle (the fastest read there is),
 * or, while another tab holds the file open, through a snapshot of it.
 */
export async function readWholeFile(folder: Folder, name: string): Promise<Uint8Array | undefined> {
  let entry: FileEntry;
  try {
    entry = await folder.getFileHandle(name);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
  let file: SyncFile;
  try {
    file = await entry.createSyncAccessHandle();
  } catch {
    const snapshot = await entry.getFile();
    return new Uint8Array(await snapshot.slice(0, snapshot.size).arrayBuffer());
  }
  try {
    const bytes = new Uint8Array(file.getSize());
    const read = file.read(bytes, { at: 0 });
    return read === bytes.byteLength ? bytes : bytes.subarray(0, read);
  } finally {
    file.close();
  }
}

/** Replaces the file at once: written beside it, then moved over it, so a crash leaves the old file or the new, never half. */
export async function replaceFile(folder: Folder, name: string, bytes: Uint8Array): Promise<void> {
  const next = `${name}.next`;
  await withSyncFile(folder, next, true, (file) => {
    file.truncate(0);
    file.write(bytes, { at: 0 });
    file.flush();
  });
  const written = await folder.getFileHandle(next);
  try {
    await written.move(name);
  } catch {
    // An engine whose move() will not replace a file: the old one goes first (a crash right here leaves no
    // index, which is rebuilt; never a wrong one).
    await removeFile(folder, name);
    await written.move(name);
  }
}

export async function removeFile(folder: Folder, name: string): Promise<void> {
  try {
    await folder.removeEntry(name);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

export async function fileNames(folder: Folder): Promise<string[]> {
  const names: string[] = [];
  for await (const name of folder.keys()) names.push(name);
  return names;
}
