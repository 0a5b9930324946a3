/**
 * The note editor's formatting buttons. Markdown shortcuts (`# `, `- `, `[ ] `, `> `, ``` and `---`)
 * do the same from the keyboard; the toolbar is for discovering them and for pointer users.
 */
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { isAllowedImageSrc, isAllowedLinkHref } from './safe-urls';

interface ToolbarButton {
  label: string;
  /** Name (and attrs) for editor.isActive; absent for buttons that do not toggle. */
  active?: [string, Record<string, unknown>?];
  run: (editor: Editor) => void;
}

/** `example.com` means the web address; anything else with no scheme, or with another scheme, is refused. */
export function normalizeLinkInput(input: string): string | null {
  const value = input.trim();
  if (value === '') return null;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return isAllowedLinkHref(value) ? value : null;
  const guessed = `https://${value}`;
  return /^[^\s/]+\.[^\s/]+/.test(value) && isAllowedLinkHref(guessed) ? guessed : null;
}

function editLink(editor: Editor): void {
  const current = (editor.getAttributes('link').href as string | undefined) ?? '';
  const answer = window.prompt('Link address (leave empty to remove the link)', current);
  if (answer === null) return;
  if (answer.trim() === '') {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    return;
  }
  const href = normalizeLinkInput(answer);
  if (!href) {
    window.alert('Links can point to web (http, https) and mail (mailto) addresses only.');
    return;
  }
  if (editor.state.selection.empty && !editor.isActive('link')) {
    editor.chain().focus().insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
  } else {
    editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
  }
}

function insertImage(editor: Editor): void {
  const answer = window.prompt('Image address (https://…)');
  if (answer === null || answer.trim() === '') return;
  const src = answer.trim();
  if (!isAllowedImageSrc(src)) {
    window.alert('Images can come from web (http, https) addresses only.');
    return;
  }
  editor.chain().focus().setImage({ src }).run();
}

const buttons: ToolbarButton[] = [
  { label: 'Bold', active: ['bold'], run: (e) => e.chain().focus().toggleBold().run() },
  { label: 'Italic', active: ['italic'], run: (e) => e.chain().focus().toggleItalic().run() },
  { label: 'Heading', active: ['heading', { level: 2 }], run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run() },
  { label: 'Bullet list', active: ['bulletList'], run: (e) => e.chain().focus().toggleBulletList().run() },
  { label: 'Task list', active: ['taskList'], run: (e) => e.chain().focus().toggleTaskList().run() },
  { label: 'Quote', active: ['blockquote'], run: (e) => e.chain().focus().toggleBlockquote().run() },
  { label: 'Code block', active: ['codeBlock'], run: (e) => e.chain().focus().toggleCodeBlock().run() },
  { label: 'Link', active: ['link'], run: editLink },
  { label: 'Image by URL', run: insertImage },
  { label: 'Horizontal rule', run: (e) => e.chain().focus().setHorizontalRule().run() },
];

export function NoteToolbar({ editor }: { editor: Editor }) {
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => buttons.map((button) => (button.active ? current.isActive(...button.active) : null)),
    equalityFn: (a, b) => b !== null && a.length === b.length && a.every((value, i) => value === b[i]),
  });
  return (
    <div className="note-editor__toolbar" role="toolbar" aria-label="Formatting">
      {buttons.map((button, index) => (
        <button
          key={button.label}
          type="button"
          className="note-editor__tool"
          aria-pressed={button.active ? Boolean(active[index]) : undefined}
          // Keep the editor's selection: the button acts on it.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => button.run(editor)}
        >
          {button.label}
        </button>
      ))}
    </div>
  );
}
