import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { SearchPanel } from '.';

afterEach(cleanup);

it('says search is coming and shows the query as typed, never results', () => {
  render(<SearchPanel id="panel" query={'<b>"notes"</b>'} />);
  const panel = screen.getByRole('region', { name: 'Search results' });
  expect(panel.textContent).toMatch(/arrives with the search index/);
  // The query is text, not markup.
  expect(within(panel).getByText('<b>"notes"</b>')).toBeTruthy();
  expect(panel.querySelector('b')).toBeNull();
  expect(within(panel).queryAllByRole('link')).toEqual([]);
  expect(within(panel).queryAllByRole('listitem')).toEqual([]);
});
