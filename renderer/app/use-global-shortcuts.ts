import { useEffect, useRef } from 'react';
import { shortcutFor, type ShortcutAction } from './keyboard-shortcuts';

/** Listens on the document so shortcuts work wherever focus is; the latest handler always runs. */
export function useGlobalShortcuts(onShortcut: (action: ShortcutAction) => void, doc: Document = document): void {
  const handler = useRef(onShortcut);
  useEffect(() => {
    handler.current = onShortcut;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = shortcutFor(event);
      if (!action) return;
      // Keep `/` from typing into the field it just focused, and Ctrl+K from reaching the browser.
      event.preventDefault();
      handler.current(action);
    };
    doc.addEventListener('keydown', onKeyDown);
    return () => doc.removeEventListener('keydown', onKeyDown);
  }, [doc]);
}
