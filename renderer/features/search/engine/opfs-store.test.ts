// The index and its bodies saved in the origin-private file system, over an in-memory stand-in for it (jsdom
// has no OPFS; the real one is exercised by tests/e2e/search.test.ts and the search-ui benchmark).
import { describe, expect, it } from 'vitest';
import { SearchIndex, type SearchDoc } from '../../../../shared/search/search-index';
import type { TextRef, TextSource } from '../../../../shared/search/text-source';
import { MemoryTexts } from '../../../../shared/search/text-source';
import type { FileEntry, Folder, SyncFile } from './opfs-files';
import { opfsIndexStore } from './opfs-store';
import { StoredTexts } from './stored-texts';

const notFound = () => Object.assign(new Error('not found'), { name: 'NotFoundError' });

class MemoryFolder implements Folder {
  readonly files = new Map<string, { bytes: Uint8Array; locked: boolean }>();

  async getFileHandle(name: string, options: { create?: boolean } = {}): Promise<FileEntry> {
    if (!this.files.has(name)) {
      if (!options.create) throw notFound();
      this.files.set(name, { bytes: new Uint8Array(0), locked: false });
    }
    const files = this.files;
    const entry = () => files.get(name) ?? (() => { throw notFound(); })();
    return {
      getFile: async () => {
        const snapshot = entry().bytes.slice();
        return { size: snapshot.length, slice: (start: number, end: number) => ({ arrayBuffer: async () => snapshot.slice(start, end).buffer }) };
      },
      createSyncAccessHandle: async (): Promise<SyncFile> => {
        const file = entry();
        if (file.locked) throw Object.assign(new Error('locked'), { name: 'NoModificationAllowedError' });
        file.locked = true;
        return {
          getSize: () => file.bytes.length,
          read: (buffer, { at }) => {
            const part = file.bytes.subarray(at, at + buffer.length);
            buffer.set(part);
            return part.length;
          },
          write: (buffer, { at }) => {
            if (at + buffer.length > file.bytes.length) {
              const grown = new Uint8Array(at + buffer.length);
              grown.set(file.bytes);
              file.bytes = grown;
            }
            file.bytes.set(buffer, at);
            return buffer.length;
          },
          truncate: (size) => (file.bytes = file.bytes.slice(0, size)),
          flush: () => undefined,
          close: () => (file.locked = false),
        };
      },
      move: async (to: string) => {
        files.set(to, entry());
        files.delete(name);
      },
    };
  }

  async getDirectoryHandle(): Promise<Folder> {
    throw new Error('not needed');
  }

  async removeEntry(name: string): Promise<void> {
    if (!this.files.delete(name)) throw notFound();
  }

  async *keys(): AsyncIterable<string> {
    yield* [...this.files.keys()];
  }

  text(name: string): string {
    return new TextDecoder().decode(this.files.get(name)?.bytes);
  }
}

/** The library's texts, counting what it is asked for (what OPFS did not answer). */
class Library implements TextSource {
  asked: string[] = [];
  constructor(private readonly memory: MemoryTexts) {}
  read(refs: readonly TextRef[]) {
    this.asked.push(...refs.map((ref) => ref.id));
    return this.memory.read(refs);
  }
}

function docs(count: number, word: string): SearchDoc[] {
  return Array.from({ length: count }, (_, n) => ({ id: `d${n}`, kind: 'note', title: `Note ${n}`, body: `${word} body ${n} of the café, written plainly.`, date: n }));
}

async function saveAll(folder: MemoryFolder, index: SearchIndex, texts: StoredTexts): Promise<void> {
  const chunks = index.exportIndex();
  await opfsIndexStore(folder).save(chunks, index.size, await texts.save());
  await texts.removeOthers();
}

describe('the index in OPFS', () => {
  it('saves the index with its bodies and loads it back to the same answers, snippets read from its own file', async () => {
    const folder = new MemoryFolder();
    const reference = new SearchIndex();
    const texts = new StoredTexts(folder, new Library(new MemoryTexts()), undefined, { flushChars: 500 });
    const index = new SearchIndex({ texts });
    for (const doc of docs(60, 'lantern')) {
      reference.add(doc);
      index.add(doc);
      await texts.flushIfLarge();
    }
    await saveAll(folder, index, texts);
    expect([...folder.files.keys()].sort()).toEqual(['index.bin', expect.stringMatching(/^texts-/)]);
    expect(folder.text('index.bin')).not.toContain('written plainly');

    const loaded = await opfsIndexStore(folder).load();
    if (loaded.status !== 'ok') throw new Error(loaded.status);
    const library = new Library(new MemoryTexts());
    const restored = SearchIndex.importIndex(loaded.chunks, { texts: new StoredTexts(folder, library, loaded.texts) });
    for (const query of ['lantern', 'caf', 'body 7', '"of the café"']) expect(await restored.searchAsync(query), query).toEqual(reference.search(query));
    expect(library.asked).toEqual([]);
  });

  it('keeps edits, removals and additions across saves, and writes a mostly dead file afresh', async () => {
    const folder = new MemoryFolder();
    const texts = new StoredTexts(folder, new Library(new MemoryTexts()), undefined, { compactMinBytes: 100 });
    const index = new SearchIndex({ texts });
    for (const doc of docs(20, 'first')) index.add(doc);
    await saveAll(folder, index, texts);
    const firstFile = [...folder.files.keys()].find((name) => name.startsWith('texts-'))!;
    // Every body replaced or removed: the first file is now mostly dead.
    for (const doc of docs(20, 'second').slice(0, 15)) index.add(doc);
    for (let n = 15; n < 20; n += 1) index.remove(`d${n}`);
    index.add({ id: 'new', kind: 'item', title: 'New', body: 'second coming', date: 99 });
    await saveAll(folder, index, texts);
    const files = [...folder.files.keys()].filter((name) => name.startsWith('texts-'));
    expect(files).toHaveLength(1);
    expect(files[0]).not.toBe(firstFile);
    expect(folder.text(files[0]!)).not.toContain('first');

    const loaded = await opfsIndexStore(folder).load();
    if (loaded.status !== 'ok') throw new Error(loaded.status);
    const library = new Library(new MemoryTexts());
    const restored = SearchIndex.importIndex(loaded.chunks, { texts: new StoredTexts(folder, library, loaded.texts) });
    const hits = await restored.searchAsync('second', { limit: 50 });
    expect(hits.map((hit) => hit.id).sort()).toEqual([...docs(15, '').map((doc) => doc.id), 'new'].sort());
    for (const hit of hits) expect(hit.snippet).toContain('second');
    expect(await restored.searchAsync('first')).toEqual([]);
    expect(library.asked).toEqual([]);
  });

  it('reads a body from the library when its texts file is gone', async () => {
    const folder = new MemoryFolder();
    const memory = new MemoryTexts();
    const texts = new StoredTexts(folder, new Library(memory), undefined);
    const index = new SearchIndex({ texts });
    index.add({ id: 'a', kind: 'note', title: 'A', body: 'walnut grove', date: 1 });
    await saveAll(folder, index, texts);
    for (const name of folder.files.keys()) if (name.startsWith('texts-')) folder.files.delete(name);
    memory.remember('a', 'walnut grove, as the library has it');
    const loaded = await opfsIndexStore(folder).load();
    if (loaded.status !== 'ok') throw new Error(loaded.status);
    const library = new Library(memory);
    const restored = SearchIndex.importIndex(loaded.chunks, { texts: new StoredTexts(folder, library, loaded.texts) });
    const [hit] = await restored.searchAsync('walnut');
    expect(hit!.snippet).toBe('walnut grove, as the library has it');
    expect(library.asked).toEqual(['a']);
  });

  it('reads the bodies from a snapshot while another tab holds the texts file open', async () => {
    const folder = new MemoryFolder();
    const texts = new StoredTexts(folder, new Library(new MemoryTexts()));
    const index = new SearchIndex({ texts });
    for (const doc of docs(5, 'harbour')) index.add(doc);
    await saveAll(folder, index, texts);
    const loaded = await opfsIndexStore(folder).load();
    if (loaded.status !== 'ok') throw new Error(loaded.status);
    const library = new Library(new MemoryTexts());
    const restored = SearchIndex.importIndex(loaded.chunks, { texts: new StoredTexts(folder, library, loaded.texts) });
    const file = [...folder.files].find(([name]) => name.startsWith('texts-'))![1];
    file.locked = true;
    const hits = await restored.searchAsync('harbour');
    expect(hits).toHaveLength(5);
    for (const hit of hits) expect(hit.snippet).toMatch(/^harbour body \d of the café/);
    expect(library.asked).toEqual([]);
  });

  it('starts a new texts file when its file was removed under it, and reads the lost bodies from the library', async () => {
    const folder = new MemoryFolder();
    const memory = new MemoryTexts();
    const library = new Library(memory);
    const texts = new StoredTexts(folder, library);
    const index = new SearchIndex({ texts });
    for (const doc of docs(3, 'meadow')) {
      index.add(doc);
      memory.remember(doc.id, doc.body);
    }
    await saveAll(folder, index, texts);
    for (const name of folder.files.keys()) if (name.startsWith('texts-')) folder.files.delete(name);
    index.add({ id: 'late', kind: 'note', title: 'Late', body: 'meadow late', date: 9 });
    await saveAll(folder, index, texts);
    const hits = await index.searchAsync('meadow');
    expect(hits.map((hit) => hit.snippet).sort()).toEqual(['meadow body 0 of the café, written plainly.', 'meadow body 1 of the café, written plainly.', 'meadow body 2 of the café, written plainly.', 'meadow late']);
    expect(library.asked.sort()).toEqual(['d0', 'd1', 'd2']);
  });

  it('loads the index while another tab holds its file open', async () => {
    const folder = new MemoryFolder();
    const index = new SearchIndex();
    index.add({ id: 'a', kind: 'note', title: 'Locked out', body: 'b', date: 1 });
    await opfsIndexStore(folder).save(index.exportIndex(), 1);
    folder.files.get('index.bin')!.locked = true;
    const loaded = await opfsIndexStore(folder).load();
    expect(loaded).toMatchObject({ status: 'ok', meta: { documents: 1 } });
  });

  it('says when there is no index, and when the file is damaged', async () => {
    const folder = new MemoryFolder();
    expect(await opfsIndexStore(folder).load()).toEqual({ status: 'none' });
    folder.files.set('index.bin', { bytes: new TextEncoder().encode('not an index at all'), locked: false });
    expect(await opfsIndexStore(folder).load()).toMatchObject({ status: 'damaged', reason: expect.stringMatching(/damaged/) });
    const index = new SearchIndex();
    index.add({ id: 'a', kind: 'note', title: 'A', body: 'b', date: 1 });
    await opfsIndexStore(folder).save(index.exportIndex(), 1);
    const bytes = folder.files.get('index.bin')!.bytes;
    folder.files.get('index.bin')!.bytes = bytes.slice(0, bytes.length - 8);
    expect((await opfsIndexStore(folder).load()).status).toBe('damaged');
  });
});
