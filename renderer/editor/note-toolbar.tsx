/**
 * The note editor's formatting buttons. Markdown shortcuts (`# `, `- `, `[ ] `, `> `, ``` and `---`)
 * do the same from the keyboard; the toolbar is for discovering them and for pointer users.
 */
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useState, type FormEvent } from 'react';
import { isAllowedImageSrc, isAllowedLinkHref } from './safe-urls';

interface ToolbarButton {
  label: string;
  /** Name (and attrs) for editor.isActive; absent for buttons that do not toggle. */
  active?: [string, Record<string, unknown>?];
  /** Acts at once… */
  run?: (editor: Editor) => void;
  /** …or first asks for an address. */
  ask?: Ask;
}

/** `example.com` means the web address; anything else with no scheme, or with another scheme, is refused. */
export function normalizeLinkInput(input: string): string | null {
  const value = input.trim();
  if (value === '') return null;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return isAllowedLinkHref(value) ? value : null;
  const guessed = `https://${value}`;
  return /^[^\s/]+\.[^\s/]+/.test(value) && isAllowedLinkHref(guessed) ? guessed : null;
}

/** Applies a typed link address to the selection (or inserts it); an empty answer removes the link. Returns a problem in words. */
function applyLink(editor: Editor, answer: string): string | null {
  if (answer.trim() === '') {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    return null;
  }
  const href = normalizeLinkInput(answer);
  if (!href) return 'Links can point to web (http, https) and mail (mailto) addresses only.';
  if (editor.state.selection.empty && !editor.isActive('link')) {
    editor.chain().focus().insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
  } else {
    editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
  }
  return null;
}

function applyImage(editor: Editor, answer: string): string | null {
  const src = answer.trim();
  if (src === '') return 'Type the address of the image.';
  if (!isAllowedImageSrc(src)) return 'Images can come from web (http, https) addresses only.';
  editor.chain().focus().setImage({ src }).run();
  return null;
}

type Ask = 'link' | 'image';

const asks: Record<Ask, { label: string; placeholder: string; apply: (editor: Editor, answer: string) => string | null }> = {
  link: { label: 'Link address', placeholder: 'https://… (empty removes the link)', apply: applyLink },
  image: { label: 'Image address', placeholder: 'https://…/picture.png', apply: applyImage },
};

const buttons: ToolbarButton[] = [
  { label: 'Bold', active: ['bold'], run: (e) => e.chain().focus().toggleBold().run() },
  { label: 'Italic', active: ['italic'], run: (e) => e.chain().focus().toggleItalic().run() },
  { label: 'Heading', active: ['heading', { level: 2 }], run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run() },
  { label: 'Bullet list', active: ['bulletList'], run: (e) => e.chain().focus().toggleBulletList().run() },
  { label: 'Task list', active: ['taskList'], run: (e) => e.chain().focus().toggleTaskList().run() },
  { label: 'Quote', active: ['blockquote'], run: (e) => e.chain().focus().toggleBlockquote().run() },
  { label: 'Code block', active: ['codeBlock'], run: (e) => e.chain().focus().toggleCodeBlock().run() },
  { label: 'Link', active: ['link'], ask: 'link' },
  { label: 'Image by URL', ask: 'image' },
  { label: 'Horizontal rule', run: (e) => e.chain().focus().setHorizontalRule().run() },
];

/**
 * Asks for an address in a small form under the toolbar (not window.prompt, which Electron does not
 * support); Enter applies, Escape cancels, a refused address is explained in place.
 */
function AddressForm({ editor, ask, onDone }: { editor: Editor; ask: Ask; onDone: () => void }) {
  const { label, placeholder, apply } = asks[ask];
  const [value, setValue] = useState(() => (ask === 'link' ? ((editor.getAttributes('link').href as string | undefined) ?? '') : ''));
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const refused = apply(editor, value);
    if (refused) setProblem(refused);
    else onDone();
  };
  return (
    <form className="note-editor__ask" onSubmit={submit}>
      <label className="note-editor__ask-label">
        {label}
        <input
          type="text"
          inputMode="url"
          autoFocus
          value={value}
          placeholder={placeholder}
          aria-invalid={problem ? true : undefined}
          onChange={(event) => setValue(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              onDone();
              editor.commands.focus();
            }
          }}
        />
      </label>
      <button type="submit" className="note-editor__tool">
        Apply
      </button>
      <button type="button" className="note-editor__tool" onClick={onDone}>
        Cancel
      </button>
      {problem && (
        <p role="alert" className="note-editor__ask-problem">
          {problem}
        </p>
      )}
    </form>
  );
}

export function NoteToolbar({ editor }: { editor: Editor }) {
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => buttons.map((button) => (button.active ? current.isActive(...button.active) : null)),
    equalityFn: (a, b) => b !== null && a.length === b.length && a.every((value, i) => value === b[i]),
  });
  const [asking, setAsking] = useState<Ask | null>(null);
  return (
    <>
      <div className="note-editor__toolbar" role="toolbar" aria-label="Formatting">
        {buttons.map((button, index) => (
          <button
            key={button.label}
            type="button"
            className="note-editor__tool"
            aria-pressed={button.active ? Boolean(active[index]) : undefined}
            // Keep the editor's selection: the button acts on it.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => (button.ask ? setAsking(button.ask) : button.run?.(editor))}
          >
            {button.label}
          </button>
        ))}
      </div>
      {asking && <AddressForm key={asking} editor={editor} ask={asking} onDone={() => setAsking(null)} />}
    </>
  );
}
