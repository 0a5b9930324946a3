/**
 * App-wide keyboard shortcuts, decided by a pure function so the rules are testable without a DOM
 * event loop. The rule of thumb: single keys and Alt+digit never fire while the user is typing
 * (so `/` and `?` still type in a field); Ctrl/Cmd+K always works, as in most modern apps.
 */
import { areas, type Area } from './router';

export type ShortcutAction = { type: 'focus-search' } | { type: 'show-help' } | { type: 'go'; area: Area };

export interface KeyPress {
  key: string;
  /** Physical key: Alt+1 on a Mac produces `¡` as `key`, but `code` stays `Digit1`. */
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  isComposing?: boolean;
  defaultPrevented?: boolean;
  target: EventTarget | null;
}

const nonTextInputTypes = new Set(['button', 'checkbox', 'color', 'file', 'hidden', 'image', 'radio', 'range', 'reset', 'submit']);

/** True when keys pressed at this target are the user's text, not commands for the app. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('[contenteditable]:not([contenteditable="false"])')) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !nonTextInputTypes.has(target.type);
  return false;
}

export function shortcutFor(press: KeyPress): ShortcutAction | null {
  if (press.defaultPrevented || press.isComposing) return null;
  const commandKey = press.ctrlKey || press.metaKey;

  if (commandKey && !press.altKey && !press.shiftKey && press.key.toLowerCase() === 'k') return { type: 'focus-search' };
  if (isTextEntry(press.target)) return null;

  if (press.altKey && !commandKey && !press.shiftKey) {
    const digit = /^Digit([1-9])$/.exec(press.code)?.[1];
    const area = digit === undefined ? undefined : areas[Number(digit) - 1];
    return area ? { type: 'go', area } : null;
  }
  if (commandKey || press.altKey) return null;
  // Shift is allowed: on many keyboard layouts `/` and `?` are themselves shifted keys.
  if (press.key === '/') return { type: 'focus-search' };
  if (press.key === '?') return { type: 'show-help' };
  return null;
}

/** Whether to label shortcuts with ⌘/⌥ (Apple) or Ctrl/Alt (everyone else). */
export function isApplePlatform(userAgent: string): boolean {
  return /Mac|iPhone|iPad/.test(userAgent);
}

export interface ShortcutLabels {
  search: string;
  area: (area: Area) => string;
}

export function shortcutLabels(apple: boolean): ShortcutLabels {
  return {
    search: apple ? '⌘ K' : 'Ctrl K',
    area: (area) => `${apple ? '⌥' : 'Alt'} ${areas.indexOf(area) + 1}`,
  };
}

/** The ARIA form of an area shortcut (`aria-keyshortcuts`), independent of how it is drawn. */
export function areaKeyShortcut(area: Area): string {
  return `Alt+${areas.indexOf(area) + 1}`;
}
