import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import type { SearchHit } from '../../../shared/search/search-types';
import { SearchPanel } from '.';

afterEach(cleanup);

const hit = (over: Partial<SearchHit> = {}): SearchHit => ({
  id: 'n1',
  kind: 'note',
  title: 'Spaced repetition',
  date: Date.UTC(2026, 10, 20),
  score: 3,
  snippet: 'Reviewing <at> growing intervals',
  marks: [[0, 9]],
  ...over,
});

const done = (hits: SearchHit[], warnings: string[] = [], query = 'review') => ({ state: 'done' as const, query, answer: { hits, warnings, tookMs: 1 } });

it('lists results with kind, title, date and the snippet with its matched words marked (as text, never markup)', () => {
  render(<SearchPanel id="p" query="review" status={{ state: 'ready', documents: 2 }} results={done([hit(), hit({ id: 'i1', kind: 'item', title: 'Item' })])} active={1} onOpen={vi.fn()} onRebuild={vi.fn()} />);
  const list = screen.getByRole('listbox', { name: 'Results for review' });
  const options = within(list).getAllByRole('option');
  expect(options.map((option) => option.getAttribute('aria-selected'))).toEqual(['false', 'true']);
  expect(options[0]!.textContent).toContain('Note');
  expect(options[0]!.querySelector('mark')?.textContent).toBe('Reviewing');
  expect(options[0]!.textContent).toContain('<at>');
  expect(options[0]!.querySelector('at')).toBeNull();
});

it('opens a result on click and offers to rebuild the index', () => {
  const onOpen = vi.fn();
  const onRebuild = vi.fn();
  render(<SearchPanel id="p" query="review" status={{ state: 'ready', documents: 1 }} results={done([hit()])} active={0} onOpen={onOpen} onRebuild={onRebuild} />);
  fireEvent.click(screen.getByRole('option'));
  expect(onOpen).toHaveBeenCalledWith(hit());
  fireEvent.click(screen.getByRole('button', { name: 'Rebuild search index' }));
  expect(onRebuild).toHaveBeenCalled();
});

it('says when nothing matches, shows query warnings, and shows build progress in words', () => {
  render(
    <SearchPanel
      id="p"
      query="zzz"
      status={{ state: 'building', done: 120, total: 400, reason: 'Building the search index for the first time.' }}
      results={done([], ['before:2026-13-40 is not a date; it was ignored.'])}
      active={0}
      onOpen={vi.fn()}
      onRebuild={vi.fn()}
    />,
  );
  expect(screen.getByRole('status').textContent).toContain('120 of 400 done');
  expect(screen.getByText(/Nothing matches/)).toBeTruthy();
  expect(screen.getByText('before:2026-13-40 is not a date; it was ignored.')).toBeTruthy();
  expect((screen.getByRole('button', { name: 'Rebuild search index' }) as HTMLButtonElement).disabled).toBe(true);
});

it('names the query its results answer, and is busy while a newer query is on its way', () => {
  render(<SearchPanel id="p" query="reviewing" status={{ state: 'ready', documents: 1 }} results={{ state: 'done', query: 'review', answer: { hits: [hit()], warnings: [], tookMs: 1 } }} active={0} onOpen={vi.fn()} onRebuild={vi.fn()} />);
  const list = screen.getByRole('listbox', { name: 'Results for review' });
  expect(list.getAttribute('aria-busy')).toBe('true');
});
