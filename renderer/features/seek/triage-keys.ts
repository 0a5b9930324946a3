/**
 * Seek's single-key triage shortcuts, decided by a pure function as the app's own shortcuts are.
 * They pause while the user types, inside dialogs, and with Ctrl/Cmd/Alt (those belong to the app
 * and the browser). Enter opens only from the river itself, so Enter on a button still presses it.
 */
import { isTextEntry, type KeyPress } from '../../app/keyboard-shortcuts';

export type TriageAction =
  | 'next'
  | 'previous'
  | 'open'
  | 'toggle-read'
  | 'toggle-star'
  | 'toggle-later'
  | 'toggle-archive'
  | 'mark-all-read'
  | 'refresh-all';

const plainKeys: Readonly<Record<string, TriageAction>> = {
  j: 'next',
  k: 'previous',
  o: 'open',
  m: 'toggle-read',
  s: 'toggle-star',
  l: 'toggle-later',
  e: 'toggle-archive',
  r: 'refresh-all',
};

/** What the shortcut list shows, in the order it shows them. */
export const triageShortcuts: ReadonlyArray<readonly [keys: readonly string[], action: string]> = [
  [['j'], 'Next item'],
  [['k'], 'Previous item'],
  [['o', 'Enter'], 'Open in the reader (marks it read)'],
  [['m'], 'Mark read or unread'],
  [['s'], 'Star or unstar'],
  [['l'], 'Read later, or not'],
  [['e'], 'Archive, or bring back'],
  [['Shift A'], 'Mark everything shown as read (undoable)'],
  [['r'], 'Refresh all sources'],
  [['h'], 'Highlight the selected text in the reader'],
  [['/'], 'Search'],
  [['?'], 'Show the keyboard shortcuts'],
];

export function triageActionFor(press: KeyPress, riverElement: Element | null): TriageAction | null {
  if (press.defaultPrevented || press.isComposing) return null;
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (isTextEntry(press.target)) return null;
  if (press.target instanceof Element && press.target.closest('dialog')) return null;

  if (press.key === 'A' && press.shiftKey) return 'mark-all-read';
  if (press.shiftKey) return null;
  if (press.key === 'Enter') {
    const target = press.target;
    const fromRiver = target instanceof Element && riverElement !== null && riverElement.contains(target);
    const fromNowhere = target === null || target === document.body || target === document.documentElement;
    return fromRiver || fromNowhere ? 'open' : null;
  }
  return plainKeys[press.key] ?? null;
}
