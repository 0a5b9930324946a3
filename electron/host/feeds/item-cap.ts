/**
 * How many items one feed document may bring. The byte cap (15 MiB) alone leaves room for 100,000 tiny
 * items, and sanitising their HTML costs a millisecond or two each: minutes of host time for one refresh.
 * The largest real feed in the corpora (a podcast's full archive) has 730 items; past the cap, the
 * newest are kept — feeds list newest first, but a few list oldest first, so the ends' dates decide which
 * end to keep — and the cut is reported among the repairs.
 */
import type { ParsedItem } from '../../../shared/feeds/feed-schemas';
import { parseFeedDate } from '../../../shared/feeds/dates';

export const maxFeedItems = 2_000;

export interface CappedItems {
  /** Index of the first item kept; `count` items are kept from there. */
  start: number;
  count: number;
  /** In words, when items were dropped. */
  repair?: string;
}

const dateOf = (item: ParsedItem, now: number) => parseFeedDate(item.published ?? item.updated, now);

export function capItems(items: readonly ParsedItem[], max = maxFeedItems, now = Date.now()): CappedItems {
  if (items.length <= max) return { start: 0, count: items.length };
  const first = dateOf(items[0]!, now);
  const last = dateOf(items[items.length - 1]!, now);
  const oldestFirst = first !== undefined && last !== undefined && last > first;
  const dropped = items.length - max;
  return {
    start: oldestFirst ? dropped : 0,
    count: max,
    repair: `Read the newest ${max.toLocaleString('en')} of ${items.length.toLocaleString('en')} items; the ${dropped.toLocaleString('en')} older ones were left out.`,
  };
}
