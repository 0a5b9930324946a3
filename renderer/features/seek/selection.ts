/**
 * Moving through the river with j/k. The selection is an id, plus the index where it was last seen:
 * when the selected story leaves the list (marked read in Unread, archived), the next j lands on
 * the story that took its place rather than skipping one or jumping to the top.
 */
import type { Id } from '../../../shared/model';

export interface Selection {
  id: Id | undefined;
  /** Where `id` was last seen in the list. */
  anchor: number;
}

export const noSelection: Selection = Object.freeze({ id: undefined, anchor: 0 });

function clamp(index: number, length: number): number {
  return Math.min(Math.max(index, 0), length - 1);
}

/** The index to highlight: the selected id, else the story now standing where it was, else none. */
export function selectedIndex(ids: readonly Id[], selection: Selection): number {
  if (selection.id === undefined || ids.length === 0) return -1;
  return ids.indexOf(selection.id);
}

export function step(ids: readonly Id[], selection: Selection, delta: 1 | -1): Selection {
  if (ids.length === 0) return noSelection;
  const current = selection.id === undefined ? -1 : ids.indexOf(selection.id);
  let next: number;
  if (current >= 0) next = clamp(current + delta, ids.length);
  else if (selection.id === undefined) next = delta > 0 ? 0 : ids.length - 1;
  // Gone from the list: the story after it now stands at the anchor.
  else next = clamp(delta > 0 ? selection.anchor : selection.anchor - 1, ids.length);
  return { id: ids[next], anchor: next };
}

export function select(ids: readonly Id[], id: Id): Selection {
  const index = ids.indexOf(id);
  return { id, anchor: index >= 0 ? index : 0 };
}
