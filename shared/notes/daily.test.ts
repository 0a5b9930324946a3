import { describe, expect, test } from 'vitest';
import { dailyNoteTitle, isLocalDate, localDateOf } from './daily';

describe('localDateOf', () => {
  test.each<[string, Date, string]>([
    ['ordinary day', new Date(2026, 10, 20, 12, 0), '2026-11-20'],
    ['just after local midnight', new Date(2026, 0, 1, 0, 0, 1), '2026-01-01'],
    ['just before local midnight', new Date(2025, 11, 31, 23, 59, 59), '2025-12-31'],
    ['single digits padded', new Date(2026, 2, 5), '2026-03-05'],
    ['leap day', new Date(2028, 1, 29, 8), '2028-02-29'],
  ])('%s', (_name, date, expected) => {
    expect(localDateOf(date)).toBe(expected);
  });

  test('uses local time, not UTC', () => {
    const date = new Date(2026, 5, 15, 23, 30);
    expect(localDateOf(date)).toBe(`2026-06-15`);
    expect(localDateOf(date)).toBe([date.getFullYear(), date.getMonth() + 1, date.getDate()].map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0')).join('-'));
  });
});

describe('dailyNoteTitle', () => {
  test.each([['2026-11-20'], ['1999-01-01']])('%s is its own title', (date) => {
    expect(dailyNoteTitle(date)).toBe(date);
  });
});

describe('isLocalDate', () => {
  test.each<[string, boolean]>([
    ['2026-11-20', true],
    ['2028-02-29', true],
    ['0050-01-01', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-1-1', false],
    ['2026-11-20 ', false],
    ['Meeting notes', false],
  ])('%s → %s', (text, expected) => {
    expect(isLocalDate(text)).toBe(expected);
  });
});
