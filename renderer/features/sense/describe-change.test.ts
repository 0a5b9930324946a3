import { describe, expect, it } from 'vitest';
import { describeChange } from './describe-change';

describe('describeChange', () => {
  const now = new Date(2026, 10, 22, 15, 0, 0).getTime();
  it.each([
    [now - 10_000, 'just now'],
    [now - 5 * 60_000, '5 min ago'],
    [now - 59 * 60_000, '59 min ago'],
  ])('%i → %s', (at, words) => {
    expect(describeChange(at, now)).toBe(words);
  });

  it('names today and yesterday, and dates before that', () => {
    expect(describeChange(new Date(2026, 10, 22, 9, 30).getTime(), now)).toMatch(/^today /);
    expect(describeChange(new Date(2026, 10, 21, 23, 0).getTime(), now)).toBe('yesterday');
    expect(describeChange(new Date(2026, 10, 12, 12, 0).getTime(), now)).toMatch(/2026/);
  });
});
