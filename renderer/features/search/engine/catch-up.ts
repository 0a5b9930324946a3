/**
 * What a loaded index lacks compared with the library, computed in the index's thread from the library's keys
 * alone (no row is read): ids that are gone, and ids to index again. A note is re-indexed when its last change
 * differs from the one indexed (compared exactly: a note's updatedAt is when it was typed, which can be earlier
 * than when it was written or the index saved); an item when it is new or its article appeared or went since
 * it was indexed (an item indexed from the feed's summary is indexed again with the full text); a highlight
 * when it is new.
 */
import type { SearchIndex } from '../../../../shared/search/search-index';
import type { SearchDoc } from '../../../../shared/search/search-types';

export interface LibraryKeys {
  notes: { ids: readonly string[]; updatedAt: readonly number[] };
  items: readonly string[];
  highlights: readonly string[];
  /** Ids of the items that have an extracted article. */
  articles: readonly string[];
}

export interface CatchUp {
  gone: string[];
  stale: Array<[id: string, kind: SearchDoc['kind']]>;
}

export function compareWithLibrary(index: SearchIndex, library: LibraryKeys): CatchUp {
  const present = new Set<string>([...library.notes.ids, ...library.items, ...library.highlights]);
  const gone = index.ids().filter((id) => !present.has(id));
  const stale: CatchUp['stale'] = [];
  library.notes.ids.forEach((id, at) => {
    if (index.describe(id)?.date !== library.notes.updatedAt[at]) stale.push([id, 'note']);
  });
  const withArticle = new Set(library.articles);
  for (const id of library.items) {
    const indexed = index.describe(id);
    if (indexed === undefined || indexed.hasArticle !== withArticle.has(id)) stale.push([id, 'item']);
  }
  for (const id of library.highlights) if (!index.has(id)) stale.push([id, 'highlight']);
  return { gone, stale };
}
