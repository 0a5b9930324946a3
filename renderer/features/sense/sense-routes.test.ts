import { describe, expect, it } from 'vitest';
import { sensePageOf, sensePath, type SensePage } from './sense-routes';

describe('sense routes', () => {
  it.each<[string[], SensePage]>([
    [[], { kind: 'home' }],
    [['note', 'abc'], { kind: 'note', id: 'abc' }],
    [['note'], { kind: 'home' }],
    [['graph'], { kind: 'graph' }],
    [['nonsense', 'x'], { kind: 'home' }],
  ])('%j is %j', (path, page) => {
    expect(sensePageOf(path)).toEqual(page);
  });

  it('round-trips every page', () => {
    for (const page of [{ kind: 'home' }, { kind: 'note', id: 'n 1' }, { kind: 'graph' }] as SensePage[]) {
      expect(sensePageOf(sensePath(page))).toEqual(page);
    }
  });
});
