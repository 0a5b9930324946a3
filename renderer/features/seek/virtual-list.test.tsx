import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { scrollTopFor, visibleRange, VirtualList } from './virtual-list';

afterEach(cleanup);

describe('visibleRange', () => {
  it.each([
    [0, 0, 0],
    [100_000, 0, 13 + 5],
    [100_000, 72 * 50_000, 50_000 + 13 + 5 - (50_000 - 5)],
  ])('renders a bounded window for %i rows at scrollTop %i', (count, scrollTop, expectedRows) => {
    const range = visibleRange(count, 72, scrollTop, 900, 5);
    expect(range.last - range.first).toBe(expectedRows);
  });

  it('never runs past either end', () => {
    expect(visibleRange(10, 72, 0, 900, 5)).toEqual({ first: 0, last: 10 });
    expect(visibleRange(100, 72, 72 * 98, 900, 5)).toEqual({ first: 93, last: 100 });
  });
});

describe('scrollTopFor', () => {
  it('scrolls only when the row is out of view, by as little as needed', () => {
    expect(scrollTopFor(2, 72, 0, 720)).toBeUndefined();
    expect(scrollTopFor(10, 72, 0, 720)).toBe(72 * 11 - 720);
    expect(scrollTopFor(3, 72, 72 * 5, 720)).toBe(72 * 3);
  });
});

describe('VirtualList', () => {
  const renderRows = (count: number, scrollToIndex?: number) =>
    render(
      <VirtualList
        role="listbox"
        aria-label="Rows"
        count={count}
        rowHeight={72}
        overscan={6}
        scrollToIndex={scrollToIndex}
        renderRow={(index, top) => (
          <div key={index} role="option" aria-selected={false} style={{ top }}>
            Row {index}
          </div>
        )}
      />,
    );

  it('renders a bounded number of rows for 10,000 items, with a spacer as tall as all of them', () => {
    renderRows(10_000);
    const rows = screen.getAllByRole('option');
    // jsdom has no layout: the list assumes a 720px viewport → 10 rows + 6 overscan below.
    expect(rows.length).toBeLessThanOrEqual(30);
    expect(rows[0]?.textContent).toBe('Row 0');
    const spacer = screen.getByRole('listbox').firstElementChild as HTMLElement;
    expect(spacer.style.height).toBe(`${10_000 * 72}px`);
  });

  it('renders the rows in view after scrolling, and still a bounded number', () => {
    renderRows(10_000);
    const list = screen.getByRole('listbox');
    list.scrollTop = 72 * 5_000;
    fireEvent.scroll(list);
    const rows = screen.getAllByRole('option');
    expect(rows.length).toBeLessThanOrEqual(30);
    expect(rows.map((row) => row.textContent)).toContain('Row 5000');
    expect(screen.queryByText('Row 0')).toBeNull();
    expect((rows.find((row) => row.textContent === 'Row 5000') as HTMLElement).style.top).toBe(`${72 * 5_000}px`);
  });

  it('scrolls a far row into view when asked', () => {
    const { rerender } = renderRows(10_000);
    const list = screen.getByRole('listbox');
    rerender(
      <VirtualList role="listbox" aria-label="Rows" count={10_000} rowHeight={72} scrollToIndex={400} renderRow={(index, top) => <div key={index} style={{ top }} />} />,
    );
    expect(list.scrollTop).toBe(72 * 401 - 720);
  });
});
