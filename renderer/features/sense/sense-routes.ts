/**
 * Where in Sense the user is, from the hash route's path: `#/sense` (notes list), `#/sense/note/<id>`,
 * `#/sense/graph`. Kept as data so links from other areas (the reader's "Open note") and Back/Forward
 * land on the same page.
 */
import type { Id } from '../../../shared/model';

export type SensePage = { kind: 'home' } | { kind: 'note'; id: Id } | { kind: 'graph' };

export function sensePageOf(path: readonly string[]): SensePage {
  const [first, second] = path;
  if (first === 'note' && second) return { kind: 'note', id: second };
  if (first === 'graph') return { kind: 'graph' };
  return { kind: 'home' };
}

export function sensePath(page: SensePage): string[] {
  switch (page.kind) {
    case 'note':
      return ['note', page.id];
    case 'graph':
      return ['graph'];
    case 'home':
      return [];
  }
}
