import { describe, expect, it } from 'vitest';
import { formatVersionTime, wordsLabel } from './version-time';

// Local times, so the expectations hold in whatever time zone the tests run.
const now = new Date(2026, 2, 14, 12, 0).getTime();

describe('formatVersionTime', () => {
  it.each([
    { name: 'earlier today', savedAt: new Date(2026, 2, 14, 10, 42), expected: 'Today 10:42' },
    { name: 'just after midnight today', savedAt: new Date(2026, 2, 14, 0, 1), expected: 'Today 00:01' },
    { name: 'late yesterday', savedAt: new Date(2026, 2, 13, 23, 59), expected: 'Yesterday 23:59' },
    { name: 'early yesterday', savedAt: new Date(2026, 2, 13, 6, 5), expected: 'Yesterday 06:05' },
    { name: 'two days ago', savedAt: new Date(2026, 2, 12, 18, 30), expected: '12 Mar, 18:30' },
    { name: 'earlier this year', savedAt: new Date(2026, 0, 3, 9, 15), expected: '3 Jan, 09:15' },
    { name: 'another year', savedAt: new Date(2025, 11, 31, 22, 0), expected: '31 Dec 2025, 22:00' },
  ])('$name: $expected', ({ savedAt, expected }) => {
    expect(formatVersionTime(savedAt.getTime(), now, 'en-GB')).toBe(expected);
  });

  it('counts "yesterday" in calendar days across a month boundary', () => {
    const firstOfApril = new Date(2026, 3, 1, 8, 0).getTime();
    expect(formatVersionTime(new Date(2026, 2, 31, 20, 0).getTime(), firstOfApril, 'en-GB')).toBe('Yesterday 20:00');
  });
});

describe('wordsLabel', () => {
  it.each([
    [0, '0 words'],
    [1, '1 word'],
    [2, '2 words'],
  ])('%d → %s', (count, expected) => expect(wordsLabel(count)).toBe(expected));
});
