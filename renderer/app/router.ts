/**
 * A tiny hash router. Hash URLs need no server support, so the same build works from Electron's
 * app:// protocol and from the web host, and back/forward come from the browser for free.
 * Routes look like `#/seek`, `#/sense/some/deeper/path`; anything else means Seek, the default.
 */
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';

export const areas = ['seek', 'sense', 'share'] as const;
export type Area = (typeof areas)[number];
export const defaultArea: Area = 'seek';

export interface Route {
  area: Area;
  /** Decoded path segments after the area, for views that grow sub-pages later. */
  path: readonly string[];
}

export function isArea(value: unknown): value is Area {
  return typeof value === 'string' && (areas as readonly string[]).includes(value);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A hand-typed `%` must not crash the app; keep the raw text instead.
    return segment;
  }
}

/** `'#/share/a%20b'` → `{ area: 'share', path: ['a b'] }`; unknown or empty hashes → Seek. */
export function parseHash(hash: string): Route {
  const body = hash.replace(/^#/, '').replace(/^\/+/, '');
  const [first = '', ...rest] = body.split('/').filter((segment) => segment !== '');
  const area = decodeSegment(first).toLowerCase();
  if (!isArea(area)) return { area: defaultArea, path: [] };
  return { area, path: rest.map(decodeSegment) };
}

/** The canonical hash of a route: `parseHash(toHash(route))` gives the route back. */
export function toHash(route: Pick<Route, 'area'> & Partial<Pick<Route, 'path'>>): string {
  const segments = [route.area, ...(route.path ?? [])].map(encodeURIComponent);
  return `#/${segments.join('/')}`;
}

export interface HashRouter {
  route: Route;
  /** Pushes a history entry, so Back returns to where the user was. */
  navigate: (route: Pick<Route, 'area'> & Partial<Pick<Route, 'path'>>) => void;
}

/** Subscribes to the window's hash; re-renders on every hashchange (links, back, forward, typing). */
export function useHashRouter(win: Window = window): HashRouter {
  const subscribe = useCallback(
    (onChange: () => void) => {
      win.addEventListener('hashchange', onChange);
      return () => win.removeEventListener('hashchange', onChange);
    },
    [win],
  );
  const hash = useSyncExternalStore(subscribe, () => win.location.hash);
  // Keyed by the canonical hash, so quietly rewriting `''` to `#/seek` below does not make a new route.
  const canonicalHash = toHash(parseHash(hash));
  const route = useMemo(() => parseHash(canonicalHash), [canonicalHash]);

  // Show the canonical URL (`#/seek` for an empty or unknown hash) without adding a history entry,
  // so Back does not land on a URL that only redirects.
  // Canonicalise the hash the window has now, never the one this render saw: a link or Back can move
  // the hash between a render and its effects (its hashchange is still queued), and writing the
  // rendered route back would undo that navigation without an event, so the app would never follow it.
  useEffect(() => {
    const current = win.location.hash;
    const canonical = toHash(parseHash(current));
    if (current !== canonical) win.history.replaceState(win.history.state, '', canonical);
  }, [hash, win]);

  const navigate = useCallback<HashRouter['navigate']>(
    (next) => {
      const target = toHash(next);
      // A fragment-only assign pushes a history entry and fires hashchange, like clicking a link.
      if (win.location.hash !== target) win.location.assign(target);
    },
    [win],
  );

  return { route, navigate };
}
