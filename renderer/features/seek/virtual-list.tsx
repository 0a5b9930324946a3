/**
 * A windowed list with fixed row heights: a spacer as tall as every row together keeps the
 * scrollbar honest, and only the rows in view (plus `overscan` either side) exist in the DOM, so
 * 100,000 rows cost what 30 do. Row offsets are style props (CSSOM), which the CSP allows.
 */
import { useEffect, useLayoutEffect, useRef, useState, type HTMLAttributes, type ReactNode, type RefObject } from 'react';

export interface VirtualRange {
  first: number;
  /** Exclusive. */
  last: number;
}

/** The rows to render for a scroll position: pure, so the bound is testable without layout. */
export function visibleRange(count: number, rowHeight: number, scrollTop: number, viewportHeight: number, overscan: number): VirtualRange {
  if (count === 0) return { first: 0, last: 0 };
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan);
  return { first, last: Math.max(first, last) };
}

/** The scrollTop that brings `index` fully into view, or undefined when it already is. */
export function scrollTopFor(index: number, rowHeight: number, scrollTop: number, viewportHeight: number): number | undefined {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return undefined;
}

/** jsdom (unit tests) lays nothing out; assume a typical window until a real size is known. */
const fallbackViewportHeight = 720;

interface VirtualListProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  count: number;
  rowHeight: number;
  overscan?: number;
  /** Renders one row; `top` is its offset, to put in its style. */
  renderRow: (index: number, top: number) => ReactNode;
  /** Kept in view whenever it changes (keyboard selection). */
  scrollToIndex?: number;
  /** The scrolling element, for callers that focus it or check what it contains. */
  listRef?: RefObject<HTMLDivElement | null>;
}

export function VirtualList({ count, rowHeight, overscan = 6, renderRow, scrollToIndex, listRef, className, ...rest }: VirtualListProps) {
  const own = useRef<HTMLDivElement | null>(null);
  const scroller = listRef ?? own;
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(fallbackViewportHeight);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => setViewportHeight(element.clientHeight || fallbackViewportHeight);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [scroller]);

  useEffect(() => {
    const element = scroller.current;
    if (!element || scrollToIndex === undefined || scrollToIndex < 0) return;
    const target = scrollTopFor(scrollToIndex, rowHeight, element.scrollTop, viewportHeight);
    // The scroll event this causes updates the rendered window (onScroll below).
    if (target !== undefined) element.scrollTop = target;
  }, [scroller, scrollToIndex, rowHeight, viewportHeight]);

  // A shorter list (a filter changed) may leave the scroll position past its end.
  const maxTop = Math.max(0, count * rowHeight - viewportHeight);
  const range = visibleRange(count, rowHeight, Math.min(scrollTop, maxTop), viewportHeight, overscan);
  const rows: ReactNode[] = [];
  for (let index = range.first; index < range.last; index += 1) rows.push(renderRow(index, index * rowHeight));

  return (
    <div {...rest} ref={scroller} className={`virtual-list ${className ?? ''}`} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
      <div className="virtual-list__spacer" style={{ height: count * rowHeight }}>
        {rows}
      </div>
    </div>
  );
}
