/**
 * The search index saved as one file in the origin-private file system (see opfs-files.ts for why not
 * IndexedDB): the chunks SearchIndex.exportIndex() made, a meta record (format, when, how many documents) and
 * where the bodies lie in the texts file (stored-texts.ts), in the binary form of shared/search/dump-file.ts.
 * Replaced whole at each save, so a crash leaves the previous index or the new one, never half of either.
 */
import { decodeDumpFile, encodeDumpFile } from '../../../../shared/search/dump-file';
import { indexMeta, type IndexStore, readMeta, type StoredIndex } from './index-store';
import { type Folder, readWholeFile, replaceFile } from './opfs-files';
import { type TextLocations, validLocations } from './stored-texts';

const INDEX_FILE = 'index.bin';

interface SavedFile {
  meta: unknown;
  chunks: unknown[];
  texts?: unknown;
}

export function opfsIndexStore(folder: Folder): IndexStore {
  return {
    async load(): Promise<StoredIndex> {
      const bytes = await readWholeFile(folder, INDEX_FILE);
      if (bytes === undefined) return { status: 'none' };
      let saved: SavedFile;
      try {
        saved = decodeDumpFile(bytes) as SavedFile;
      } catch (error) {
        return { status: 'damaged', reason: error instanceof Error ? error.message : 'it could not be read' };
      }
      if (typeof saved !== 'object' || saved === null || !Array.isArray(saved.chunks)) return { status: 'damaged', reason: 'the index file holds no index' };
      const meta = readMeta({ data: saved.meta });
      if ('status' in meta) return meta.status === 'none' ? { status: 'damaged', reason: 'the index has no readable description' } : meta;
      if (meta.chunks !== saved.chunks.length) return { status: 'damaged', reason: `part ${saved.chunks.length + 1} of ${meta.chunks} is missing` };
      // Locations that do not add up cost only speed: the bodies are then read from the library.
      return { status: 'ok', meta, chunks: saved.chunks, ...(validLocations(saved.texts) ? { texts: saved.texts } : {}) };
    },
    async save(chunks: readonly unknown[], documents: number, texts?: TextLocations): Promise<void> {
      await replaceFile(folder, INDEX_FILE, encodeDumpFile({ meta: indexMeta(chunks, documents), chunks, ...(texts ? { texts } : {}) }));
    },
  };
}
