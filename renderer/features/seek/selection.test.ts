import { describe, expect, it } from 'vitest';
import { noSelection, select, selectedIndex, step } from './selection';

const ids = ['a', 'b', 'c', 'd'];

describe('step', () => {
  it('starts at the top with j and at the bottom with k', () => {
    expect(step(ids, noSelection, 1)).toEqual({ id: 'a', anchor: 0 });
    expect(step(ids, noSelection, -1)).toEqual({ id: 'd', anchor: 3 });
  });

  it('moves one at a time and stops at the ends', () => {
    expect(step(ids, { id: 'b', anchor: 1 }, 1)).toEqual({ id: 'c', anchor: 2 });
    expect(step(ids, { id: 'b', anchor: 1 }, -1)).toEqual({ id: 'a', anchor: 0 });
    expect(step(ids, { id: 'd', anchor: 3 }, 1)).toEqual({ id: 'd', anchor: 3 });
    expect(step(ids, { id: 'a', anchor: 0 }, -1)).toEqual({ id: 'a', anchor: 0 });
  });

  it('when the selected story left the list, j lands on the one that took its place', () => {
    const after = ['a', 'c', 'd']; // 'b' was marked read in the Unread view
    expect(step(after, { id: 'b', anchor: 1 }, 1)).toEqual({ id: 'c', anchor: 1 });
    expect(step(after, { id: 'b', anchor: 1 }, -1)).toEqual({ id: 'a', anchor: 0 });
    expect(step(['a'], { id: 'z', anchor: 5 }, 1)).toEqual({ id: 'a', anchor: 0 });
  });

  it('selects nothing in an empty list', () => {
    expect(step([], { id: 'a', anchor: 0 }, 1)).toEqual(noSelection);
  });
});

describe('select and selectedIndex', () => {
  it('remembers where a story was chosen, and finds it again', () => {
    expect(select(ids, 'c')).toEqual({ id: 'c', anchor: 2 });
    expect(selectedIndex(ids, { id: 'c', anchor: 0 })).toBe(2);
    expect(selectedIndex(ids, { id: 'x', anchor: 0 })).toBe(-1);
    expect(selectedIndex(ids, noSelection)).toBe(-1);
  });
});
