/** Live hooks for highlights, in the style of hooks.ts: `undefined` means "still loading". */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Highlight, Id } from '../../shared/model';
import { listHighlightsForItem } from './highlights';
import { useDatabase } from './hooks';

/** The highlights of one item, oldest first; an empty list when no item is given. */
export function useItemHighlights(itemId: Id | undefined): Highlight[] | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => (itemId === undefined ? [] : listHighlightsForItem(db, itemId)), [db, itemId]);
}
