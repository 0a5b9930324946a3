/** Triage: what each action does to the river, and the document-wide keys that trigger them. */
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { Id } from '../../../shared/model';
import { markAllRead, markUnread, setItemState, type CommonplaceDb } from '../../data';
import { errorWords } from '../../ui/error-words';
import type { SeekServices } from './seek-context';
import { select, step } from './selection';
import { triageActionFor, type TriageAction } from './triage-keys';
import type { Notify } from '../../ui/undo-toast';

interface TriageDeps {
  db: CommonplaceDb;
  /** What the river shows now (perhaps only its first rows, while the rest loads). */
  ids: readonly Id[] | undefined;
  /** Everything the river holds; undefined while loading. Mark-all-read acts on this, never on a part. */
  allIds: readonly Id[] | undefined;
  seek: Pick<SeekServices, 'view' | 'setView' | 'refreshAll'>;
  notify: Notify;
}

export function useTriage({ db, ids, allIds, seek, notify }: TriageDeps): (action: TriageAction) => Promise<void> {
  const { view, setView, refreshAll } = seek;
  return useCallback(
    async (action: TriageAction) => {
      const list = ids ?? [];
      const target = view.selection.id ?? view.openId;
      try {
        switch (action) {
          case 'next':
          case 'previous':
            // Functional, so keys pressed faster than React renders each still move one step.
            setView((current) => ({ selection: step(list, current.selection, action === 'next' ? 1 : -1) }));
            return;
          case 'open': {
            const id = view.selection.id ?? list[0];
            if (id === undefined) return;
            setView({ selection: view.selection.id ? view.selection : select(list, id), openId: id });
            await setItemState(db, id, { read: true });
            return;
          }
          case 'toggle-read':
          case 'toggle-star':
          case 'toggle-later':
          case 'toggle-archive': {
            if (target === undefined) return;
            const item = await db.items.get(target);
            if (!item) return;
            if (action === 'toggle-read') await setItemState(db, target, { read: !item.read });
            if (action === 'toggle-star') await setItemState(db, target, { starred: !item.starred });
            if (action === 'toggle-later') await setItemState(db, target, { later: !item.later });
            // Archiving says "done with this", so it also counts as read.
            if (action === 'toggle-archive') await setItemState(db, target, item.archived ? { archived: false } : { archived: true, read: true });
            return;
          }
          case 'mark-all-read': {
            if (allIds === undefined) {
              notify({ text: 'The river is still loading; try again in a moment.' });
              return;
            }
            const changed = await markAllRead(db, allIds);
            if (changed.length === 0) notify({ text: 'Nothing here is unread.' });
            else notify({ text: `Marked ${changed.length} ${changed.length === 1 ? 'item' : 'items'} read.`, undo: () => markUnread(db, changed) });
            return;
          }
          case 'refresh-all':
            void refreshAll();
            return;
        }
      } catch (error) {
        notify({ text: errorWords(error).message });
      }
    },
    [db, ids, allIds, view, setView, refreshAll, notify],
  );
}

/** Listens on the document, so triage keys work wherever focus is, except in fields and dialogs. */
export function useTriageKeys(perform: (action: TriageAction) => Promise<void>, river: RefObject<HTMLElement | null>, doc: Document = document): void {
  const latest = useRef(perform);
  useEffect(() => {
    latest.current = perform;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = triageActionFor(event, river.current);
      if (!action) return;
      event.preventDefault();
      void latest.current(action);
    };
    doc.addEventListener('keydown', onKeyDown);
    return () => doc.removeEventListener('keydown', onKeyDown);
  }, [doc, river]);
}
