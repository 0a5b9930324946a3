import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { useLayoutEffect } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseHash, toHash, useHashRouter, type Route } from './router';

describe('parseHash', () => {
  const cases: Array<[hash: string, expected: Route]> = [
    ['', { area: 'seek', path: [] }],
    ['#', { area: 'seek', path: [] }],
    ['#/', { area: 'seek', path: [] }],
    ['#/seek', { area: 'seek', path: [] }],
    ['#/sense', { area: 'sense', path: [] }],
    ['#/share/', { area: 'share', path: [] }],
    ['#/SHARE', { area: 'share', path: [] }],
    ['#sense', { area: 'sense', path: [] }],
    ['#/nowhere', { area: 'seek', path: [] }],
    ['#main-content', { area: 'seek', path: [] }],
    ['#/seek/item/a%20b', { area: 'seek', path: ['item', 'a b'] }],
    ['#/sense//note//x', { area: 'sense', path: ['note', 'x'] }],
    ['#/sense/100%', { area: 'sense', path: ['100%'] }],
  ];
  it.each(cases)('%j → %j', (hash, expected) => {
    expect(parseHash(hash)).toEqual(expected);
  });
});

describe('toHash', () => {
  it('serialises an area and encodes path segments', () => {
    expect(toHash({ area: 'sense' })).toBe('#/sense');
    expect(toHash({ area: 'share', path: ['a b', 'c/d'] })).toBe('#/share/a%20b/c%2Fd');
  });

  it('round-trips through parseHash', () => {
    const route: Route = { area: 'sense', path: ['notes', 'Ideas & drafts', 'ü/ß'] };
    expect(parseHash(toHash(route))).toEqual(route);
  });
});

describe('useHashRouter', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/');
  });
  afterEach(cleanup);

  it('defaults to Seek and shows the canonical hash without adding history', () => {
    const lengthBefore = window.history.length;
    const { result } = renderHook(() => useHashRouter());
    expect(result.current.route.area).toBe('seek');
    expect(window.location.hash).toBe('#/seek');
    expect(window.history.length).toBe(lengthBefore);
  });

  it('follows hashchange from outside (links, typed URLs)', async () => {
    const { result } = renderHook(() => useHashRouter());
    act(() => {
      window.location.hash = '#/share';
    });
    await waitFor(() => expect(result.current.route.area).toBe('share'));
  });

  it('never undoes a navigation that lands between a render and its effects', async () => {
    // A link click sets the hash at once and fires hashchange a task later. If that lands after a
    // render but before its passive effects, canonicalising the rendered (older) route would write
    // `#/seek` back over `#/sense` without an event, and the app would never show Sense.
    let navigateDuringCommit = false;
    const { result, rerender } = renderHook(() => {
      const router = useHashRouter();
      useLayoutEffect(() => {
        if (!navigateDuringCommit) return;
        navigateDuringCommit = false;
        window.location.hash = '#/sense';
      });
      return router;
    });
    // The first effect rewrote '' to '#/seek' without an event, so this render sees a new hash.
    expect(window.location.hash).toBe('#/seek');
    navigateDuringCommit = true;
    act(() => rerender());
    expect(window.location.hash).toBe('#/sense');
    await waitFor(() => expect(result.current.route.area).toBe('sense'));
    expect(window.location.hash).toBe('#/sense');
  });

  it('canonicalises a hash typed later, without adding history', async () => {
    const { result } = renderHook(() => useHashRouter());
    const lengthBefore = window.history.length;
    act(() => {
      window.location.hash = '#/SHARE/';
    });
    await waitFor(() => expect(window.location.hash).toBe('#/share'));
    expect(result.current.route).toEqual({ area: 'share', path: [] });
    expect(window.history.length).toBe(lengthBefore + 1);
  });

  it('navigates with a history entry, so Back returns', async () => {
    const { result } = renderHook(() => useHashRouter());
    act(() => result.current.navigate({ area: 'sense' }));
    await waitFor(() => expect(result.current.route.area).toBe('sense'));
    expect(window.location.hash).toBe('#/sense');

    act(() => window.history.back());
    await waitFor(() => expect(result.current.route.area).toBe('seek'));

    act(() => window.history.forward());
    await waitFor(() => expect(result.current.route.area).toBe('sense'));
  });
});
