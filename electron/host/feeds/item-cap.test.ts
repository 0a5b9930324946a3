import { describe, expect, it } from 'vitest';
import type { ParsedItem } from '../../../shared/feeds/feed-schemas';
import { capItems, maxFeedItems } from './item-cap';

const now = Date.UTC(2026, 0, 31);
const item = (day?: number): ParsedItem => ({
  enclosures: [],
  categories: [],
  extras: {},
  ...(day === undefined ? {} : { published: new Date(Date.UTC(2026, 0, day)).toUTCString() }),
});
const days = (from: number, to: number) => Array.from({ length: Math.abs(to - from) + 1 }, (_, index) => item(from < to ? from + index : from - index));

describe('capItems', () => {
  it('keeps a feed within the cap whole, and says nothing', () => {
    expect(capItems(days(1, 5), 5, now)).toEqual({ start: 0, count: 5 });
  });

  it('keeps the first items of a newest-first feed, and says how many were left out', () => {
    expect(capItems(days(30, 21), 4, now)).toEqual({ start: 0, count: 4, repair: 'Read the newest 4 of 10 items; the 6 older ones were left out.' });
  });

  it('keeps the last items of an oldest-first feed: they are the newest', () => {
    expect(capItems(days(21, 30), 4, now)).toMatchObject({ start: 6, count: 4 });
  });

  it('keeps the first items when the dates cannot tell', () => {
    expect(capItems([item(), ...days(21, 28), item()], 4, now)).toMatchObject({ start: 0, count: 4 });
  });

  it('leaves room for the largest real feeds (a podcast archive of 730)', () => {
    expect(maxFeedItems).toBeGreaterThanOrEqual(1_000);
  });
});
