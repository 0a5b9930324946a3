/**
 * Where in Share the user is: `#/share` (digests and what is published), `#/share/digest/<id>` (composing
 * one), `#/share/note/<id>` (a note published as a post). Kept in the hash so Back and links land there.
 */
import type { Id } from '../../../shared/model';

export type SharePage = { kind: 'home' } | { kind: 'digest'; id: Id } | { kind: 'note'; id: Id };

export function sharePageOf(path: readonly string[]): SharePage {
  const [first, second] = path;
  if (first === 'digest' && second) return { kind: 'digest', id: second };
  if (first === 'note' && second) return { kind: 'note', id: second };
  return { kind: 'home' };
}

export function sharePath(page: SharePage): string[] {
  return page.kind === 'home' ? [] : [page.kind, page.id];
}
