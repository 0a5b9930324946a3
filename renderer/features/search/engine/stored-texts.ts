/**
 * The bodies of indexed documents, kept with the index in OPFS (see opfs-files.ts), so making a hit's snippet
 * never waits for the library's IndexedDB, which the app keeps busy (most of all while it starts, and while
 * feeds are refreshed). Bodies are appended to a texts file as they are indexed; the saved index records where
 * each lies. A body replaced or removed leaves dead bytes: at a save where most of a large file is dead, the
 * live bodies are written to a new file. A document whose body is not here (say, indexed in a session where
 * OPFS failed) is read from the library instead.
 */
import type { TextRef, TextSource } from '../../../../shared/search/text-source';
import { fileNames, type Folder, removeFile, type SyncFile, withSyncFile } from './opfs-files';

/** Where each saved body lies in `file`: ids sorted, UTF-8 byte ranges. */
export interface TextLocations {
  file: string;
  ids: string[];
  starts: Float64Array;
  lengths: Uint32Array;
}

const TEXTS_FILE = /^texts-[0-9a-z]+\.bin$/;
/** Bodies held in memory before they are appended to the file (a first build indexes hundreds of megabytes). */
const FLUSH_CHARS = 8_000_000;
const COMPACT_MIN_BYTES = 32 * 2 ** 20;
const KEPT = 512;
/** How long the read handle stays open after the last read: longer than a pause between keystrokes. */
const READER_IDLE_MS = 2_000;

let serial = 0;
const newFileName = () => `texts-${Date.now().toString(36)}${(serial++).toString(36)}.bin`;

/** Whether saved locations are usable: parallel arrays, ids sorted (they are found by bisection). */
export function validLocations(value: unknown): value is TextLocations {
  if (typeof value !== 'object' || value === null) return false;
  const { file, ids, starts, lengths } = value as Partial<TextLocations>;
  if (typeof file !== 'string' || !TEXTS_FILE.test(file) || !Array.isArray(ids) || !(starts instanceof Float64Array) || !(lengths instanceof Uint32Array)) return false;
  if (starts.length !== ids.length || lengths.length !== ids.length) return false;
  for (let at = 1; at < ids.length; at += 1) if (!(ids[at - 1]! < ids[at]!)) return false;
  return ids.every((id) => typeof id === 'string');
}

export class StoredTexts implements TextSource {
  private file: string;
  /** Locations as of the last save. */
  private base: Omit<TextLocations, 'file'>;
  /** Bodies appended since the last save. */
  private readonly written = new Map<string, [start: number, length: number]>();
  /** Bodies not yet appended. */
  private readonly pending = new Map<string, string>();
  private pendingChars = 0;
  private readonly kept = new Map<string, string>();
  /** Ids whose location in `base` no longer holds their body (replaced or removed since). */
  private readonly stale = new Set<string>();
  private reader: { file: string; sync: SyncFile; timer: ReturnType<typeof setTimeout> | undefined } | undefined;
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder();

  private readonly flushChars: number;
  private readonly compactMinBytes: number;

  constructor(
    private readonly folder: Folder,
    private readonly fallback: TextSource,
    saved?: TextLocations,
    options: { flushChars?: number; compactMinBytes?: number } = {},
  ) {
    this.flushChars = options.flushChars ?? FLUSH_CHARS;
    this.compactMinBytes = options.compactMinBytes ?? COMPACT_MIN_BYTES;
    this.file = saved?.file ?? newFileName();
    this.base = saved ?? { ids: [], starts: new Float64Array(0), lengths: new Uint32Array(0) };
  }

  private locate(id: string): [start: number, length: number] | undefined {
    const written = this.written.get(id);
    if (written !== undefined || this.stale.has(id)) return written;
    const { ids } = this.base;
    let low = 0;
    let high = ids.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (ids[middle]! < id) low = middle + 1;
      else high = middle;
    }
    return ids[low] === id ? [this.base.starts[low]!, this.base.lengths[low]!] : undefined;
  }

  async read(refs: readonly TextRef[]): Promise<Array<string | undefined>> {
    const out = new Array<string | undefined>(refs.length);
    const inFile: Array<[at: number, start: number, length: number]> = [];
    const inLibrary: number[] = [];
    refs.forEach((ref, at) => {
      const body = this.pending.get(ref.id) ?? this.kept.get(ref.id);
      if (body !== undefined) {
        out[at] = body;
        return;
      }
      const where = this.locate(ref.id);
      if (where === undefined) inLibrary.push(at);
      else inFile.push([at, ...where]);
    });
    if (inFile.length > 0) {
      try {
        const bodies = await this.readRanges(inFile.map(([, start, length]) => [start, length]));
        inFile.forEach(([at], index) => {
          out[at] = bodies[index]!;
          this.keep(refs[at]!.id, bodies[index]!);
        });
      } catch {
        for (const [at] of inFile) inLibrary.push(at);
      }
    }
    if (inLibrary.length > 0) {
      const bodies = await this.fallback.read(inLibrary.map((at) => refs[at]!));
      inLibrary.forEach((at, index) => (out[at] = bodies[index]));
    }
    return out;
  }

  /**
   * The byte ranges as text: through a synchronous handle (reads that cost microseconds), or, when another tab
   * holds the file open, through a snapshot of it (a few milliseconds a range).
   */
  private async readRanges(ranges: ReadonlyArray<[start: number, length: number]>): Promise<string[]> {
    const sync = await this.readHandle();
    if (sync === undefined) {
      const file = await (await this.folder.getFileHandle(this.file)).getFile();
      const bodies = await Promise.all(ranges.map(([start, length]) => file.slice(start, start + length).arrayBuffer()));
      return bodies.map((body) => this.decoder.decode(new Uint8Array(body)));
    }
    return ranges.map(([start, length]) => {
      const bytes = new Uint8Array(length);
      sync.read(bytes, { at: start });
      return this.decoder.decode(bytes);
    });
  }

  /**
   * The texts file's handle for reading, kept open while keystrokes come: opening one costs a few milliseconds
   * (a round trip to the browser process), which was most of a search's time in the worker. It is closed after
   * a moment without reads, and before anything writes, since a synchronous handle is exclusive.
   */
  private async readHandle(): Promise<SyncFile | undefined> {
    if (this.reader?.file !== this.file) {
      this.closeReader();
      try {
        const sync = await (await this.folder.getFileHandle(this.file)).createSyncAccessHandle();
        this.reader = { file: this.file, sync, timer: undefined };
      } catch {
        return undefined;
      }
    }
    const reader = this.reader!;
    clearTimeout(reader.timer);
    reader.timer = setTimeout(() => this.closeReader(), READER_IDLE_MS);
    return reader.sync;
  }

  private closeReader(): void {
    if (!this.reader) return;
    clearTimeout(this.reader.timer);
    this.reader.sync.close();
    this.reader = undefined;
  }

  /** Recently read bodies, least recently used first: the next letter typed mostly finds the same documents. */
  private keep(id: string, body: string): void {
    this.kept.delete(id);
    this.kept.set(id, body);
    if (this.kept.size > KEPT) this.kept.delete(this.kept.keys().next().value!);
  }

  remember(id: string, body: string): void {
    this.forget(id);
    this.pending.set(id, body);
    this.pendingChars += body.length;
  }

  forget(id: string): void {
    const pending = this.pending.get(id);
    if (pending !== undefined) {
      this.pendingChars -= pending.length;
      this.pending.delete(id);
    }
    this.written.delete(id);
    this.kept.delete(id);
    this.stale.add(id);
  }

  /** Appends the bodies held in memory once there are many (while a build indexes thousands). */
  async flushIfLarge(): Promise<void> {
    if (this.pendingChars >= this.flushChars) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    this.closeReader();
    const encoded = [...this.pending].map(([id, body]) => [id, this.encoder.encode(body)] as const);
    const bytes = new Uint8Array(encoded.reduce((sum, [, body]) => sum + body.byteLength, 0));
    let offset = 0;
    for (const [, body] of encoded) {
      bytes.set(body, offset);
      offset += body.byteLength;
    }
    const append = (file: SyncFile) => {
      let at = file.getSize();
      file.write(bytes, { at });
      file.flush();
      for (const [id, body] of encoded) {
        this.written.set(id, [at, body.byteLength]);
        at += body.byteLength;
      }
    };
    const holdsBodies = this.base.ids.length > 0 || this.written.size > 0;
    try {
      // Never created again once it holds bodies: appending to an empty file of the same name would
      // leave every recorded location pointing at the wrong bytes.
      await withSyncFile(this.folder, this.file, !holdsBodies, append);
    } catch (error) {
      if (!(error instanceof Error && error.name === 'NotFoundError')) throw error;
      // Removed under us (another tab compacted): those bodies are read from the library from now on.
      this.base = { ids: [], starts: new Float64Array(0), lengths: new Uint32Array(0) };
      this.written.clear();
      this.file = newFileName();
      await withSyncFile(this.folder, this.file, true, append);
    }
    this.pending.clear();
    this.pendingChars = 0;
  }

  /**
   * Writes what is held in memory and returns the locations the saved index must record; a file mostly dead
   * is first rewritten with the live bodies only. The file the locations name is never changed afterwards,
   * only appended to, so the index saved with them stays right until the next.
   */
  async save(): Promise<TextLocations> {
    await this.flush();
    this.closeReader();
    const entries: Array<[id: string, start: number, length: number]> = [];
    const { ids, starts, lengths } = this.base;
    for (let at = 0; at < ids.length; at += 1) if (!this.stale.has(ids[at]!)) entries.push([ids[at]!, starts[at]!, lengths[at]!]);
    for (const [id, [start, length]] of this.written) entries.push([id, start, length]);
    entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const live = entries.reduce((sum, [, , length]) => sum + length, 0);
    const size = entries.length === 0 ? 0 : await withSyncFile(this.folder, this.file, true, (file) => file.getSize());
    if (size > this.compactMinBytes && live < size / 2) await this.compact(entries);
    this.base = { ids: entries.map(([id]) => id), starts: Float64Array.from(entries, ([, start]) => start), lengths: Uint32Array.from(entries, ([, , length]) => length) };
    this.written.clear();
    this.stale.clear();
    return { file: this.file, ...this.base };
  }

  /** Copies the live bodies to a new file, in id order, and updates `entries` to point into it. */
  private async compact(entries: Array<[id: string, start: number, length: number]>): Promise<void> {
    const old = await withSyncFile(this.folder, this.file, false, (file) => {
      const bytes = new Uint8Array(file.getSize());
      file.read(bytes, { at: 0 });
      return bytes;
    });
    const fresh = new Uint8Array(entries.reduce((sum, [, , length]) => sum + length, 0));
    let at = 0;
    for (const entry of entries) {
      fresh.set(old.subarray(entry[1], entry[1] + entry[2]), at);
      entry[1] = at;
      at += entry[2];
    }
    const name = newFileName();
    await withSyncFile(this.folder, name, true, (file) => {
      file.truncate(0);
      file.write(fresh, { at: 0 });
      file.flush();
    });
    this.file = name;
  }

  /** Once the index naming the current file is saved: removes the texts files nothing names any more. */
  async removeOthers(): Promise<void> {
    this.closeReader();
    for (const name of await fileNames(this.folder)) if (TEXTS_FILE.test(name) && name !== this.file) await removeFile(this.folder, name);
  }
}
