/**
 * Test helpers that feed an editor the way a browser would: text goes through the `handleTextInput`
 * props first (so input rules and the suggestion plugin see it), keys go to the editor's DOM element.
 * Only test files import this module.
 */
import type { Editor } from '@tiptap/core';

/** Types `text` one character at a time at the selection. */
export function typeText(editor: Editor, text: string): void {
  const { view } = editor;
  for (const char of text) {
    const { from, to } = view.state.selection;
    const handled = view.someProp('handleTextInput', (handle) => handle(view, from, to, char, () => view.state.tr.insertText(char, from, to)));
    if (!handled) view.dispatch(view.state.tr.insertText(char, from, to));
  }
}

export function pressKey(editor: Editor, key: string, init: KeyboardEventInit = {}): boolean {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  editor.view.dom.dispatchEvent(event);
  return event.defaultPrevented;
}

/** Lets the suggestion plugin's async item fetch (and its view updates) finish. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}
