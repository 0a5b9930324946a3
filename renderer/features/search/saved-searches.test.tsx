// Saved searches as the sidebar shows them: live counts that follow the library, and one click putting
// the query in the search box with its results.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DocNode } from '../../../shared/model';
import { addSavedSearch, createNote, DatabaseContext, type CommonplaceDb } from '../../data';
import { freshDatabaseForEachTest } from '../../data/migration-harness';
import { inProcessIndexHost } from './engine/index-host';
import { SavedSearches, SearchBox, SearchProvider } from '.';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened), { beforeDelete: cleanup });

const body = (text: string): DocNode => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

function show() {
  return render(
    <DatabaseContext.Provider value={db}>
      <SearchProvider makeHost={inProcessIndexHost}>
        <SearchBox commandHint="Ctrl K" />
        <SavedSearches />
      </SearchProvider>
    </DatabaseContext.Provider>,
  );
}

describe('saved searches', () => {
  it('shows each with its live count, and runs it in the search box', async () => {
    await createNote(db, { title: 'Garden', doc: body('tending a digital garden') });
    await addSavedSearch(db, 'garden', 'Gardens');
    show();
    const list = await screen.findByRole('region', { name: 'Saved searches' });
    await within(list).findByRole('button', { name: 'Gardens, 1 matching' });

    await createNote(db, { title: 'Second garden', doc: body('another garden') });
    await within(list).findByRole('button', { name: 'Gardens, 2 matching' }, { timeout: 8_000 });

    fireEvent.click(within(list).getByRole('button', { name: 'Gardens, 2 matching' }));
    const box = screen.getByRole('combobox', { name: 'Search' }) as HTMLInputElement;
    await waitFor(() => expect(box.value).toBe('garden'));
    const results = await screen.findByRole('listbox', { name: 'Results for garden' });
    expect(within(results).getAllByRole('option')).toHaveLength(2);
  });

  it('saves the query typed in the box, and removes a saved search', async () => {
    await createNote(db, { title: 'Zettel', doc: body('slip box') });
    show();
    const box = screen.getByRole('combobox', { name: 'Search' });
    box.focus();
    fireEvent.change(box, { target: { value: 'slip' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Save this search' }));
    const list = await screen.findByRole('region', { name: 'Saved searches' });
    await within(list).findByRole('button', { name: /^slip/ });
    fireEvent.click(within(list).getByRole('button', { name: 'Remove saved search slip' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Saved searches' })).toBeNull());
  });
});
