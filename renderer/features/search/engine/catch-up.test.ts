import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../../shared/search/search-index';
import { compareWithLibrary } from './catch-up';

function indexed(): SearchIndex {
  const index = new SearchIndex();
  index.add({ id: 'note-same', kind: 'note', title: 'N', body: '', date: 10 });
  index.add({ id: 'note-edited', kind: 'note', title: 'N', body: '', date: 10 });
  index.add({ id: 'note-deleted', kind: 'note', title: 'N', body: '', date: 10 });
  index.add({ id: 'item-summary', kind: 'item', title: 'I', body: '', date: 1 });
  index.add({ id: 'item-article', kind: 'item', title: 'I', body: '', date: 1, hasArticle: true });
  index.add({ id: 'item-extracted', kind: 'item', title: 'I', body: '', date: 1 });
  index.add({ id: 'item-article-gone', kind: 'item', title: 'I', body: '', date: 1, hasArticle: true });
  index.add({ id: 'highlight', kind: 'highlight', title: 'H', body: '', date: 1 });
  index.add({ id: 'highlight-deleted', kind: 'highlight', title: 'H', body: '', date: 1 });
  return index;
}

describe('compareWithLibrary', () => {
  it('finds what is gone and what to index again from the keys alone', () => {
    const { gone, stale } = compareWithLibrary(indexed(), {
      // Edited at 9: earlier than indexed, as a save stamped with when it was typed can be; still a change.
      notes: { ids: ['note-same', 'note-edited', 'note-new'], updatedAt: [10, 9, 20] },
      items: ['item-summary', 'item-article', 'item-extracted', 'item-article-gone', 'item-new'],
      highlights: ['highlight', 'highlight-new'],
      articles: ['item-article', 'item-extracted'],
    });
    expect(gone.sort()).toEqual(['highlight-deleted', 'note-deleted']);
    expect(stale.sort()).toEqual([
      ['highlight-new', 'highlight'],
      ['item-article-gone', 'item'],
      ['item-extracted', 'item'],
      ['item-new', 'item'],
      ['note-edited', 'note'],
      ['note-new', 'note'],
    ]);
  });

  it('finds nothing when the index is up to date', () => {
    const index = indexed();
    for (const id of ['note-deleted', 'highlight-deleted']) index.remove(id);
    expect(compareWithLibrary(index, {
      notes: { ids: ['note-same', 'note-edited'], updatedAt: [10, 10] },
      items: ['item-summary', 'item-article', 'item-extracted', 'item-article-gone'],
      highlights: ['highlight'],
      articles: ['item-article', 'item-article-gone'],
    })).toEqual({ gone: [], stale: [] });
  });
});
