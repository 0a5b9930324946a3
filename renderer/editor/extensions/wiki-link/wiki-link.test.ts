import { Editor } from '@tiptap/core';
import { MarkdownManager } from '@tiptap/markdown';
import { NodeSelection } from '@tiptap/pm/state';
import StarterKit from '@tiptap/starter-kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocNode } from '../../../../shared/model';
import { wikiLinkNode, type WikiLinkAttrs } from '../../../../shared/notes/doc-nodes';
import { pressKey, settle, typeText } from '../../testing/editor-input';
import { WikiLink, type WikiLinkOptions } from './wiki-link';

const editors: Editor[] = [];

function makeEditor(options: Partial<WikiLinkOptions> = {}, content: DocNode | string = { type: 'doc', content: [{ type: 'paragraph' }] }): Editor {
  const editor = new Editor({
    extensions: [StarterKit.configure({ undoRedo: false }), WikiLink.configure(options)],
    content,
    injectCSS: false,
  });
  editors.push(editor);
  return editor;
}

afterEach(() => {
  while (editors.length) editors.pop()!.destroy();
  document.body.replaceChildren();
});

function paragraph(...content: DocNode[]): DocNode {
  return { type: 'doc', content: [{ type: 'paragraph', content }] };
}

function text(value: string): DocNode {
  return { type: 'text', text: value };
}

function inlineContent(editor: Editor): DocNode[] {
  return (editor.getJSON().content?.[0]?.content ?? []) as DocNode[];
}

const forms: Array<[string, WikiLinkAttrs, string]> = [
  ['[[Plain]]', { target: 'Plain', heading: null, label: null, embed: false }, 'Plain'],
  ['[[Target|Shown]]', { target: 'Target', heading: null, label: 'Shown', embed: false }, 'Shown'],
  ['[[Target#Part]]', { target: 'Target', heading: 'Part', label: null, embed: false }, 'Target > Part'],
  ['[[Target#Part|Shown]]', { target: 'Target', heading: 'Part', label: 'Shown', embed: false }, 'Shown'],
  ['![[Picture.png]]', { target: 'Picture.png', heading: null, label: null, embed: true }, 'Picture.png'],
  ['[[A title with spaces & "quotes"]]', { target: 'A title with spaces & "quotes"', heading: null, label: null, embed: false }, 'A title with spaces & "quotes"'],
];

describe('WikiLink HTML and text', () => {
  it.each(forms)('%s renders as an anchor and parses back to the same attrs', (_md, attrs, shown) => {
    const editor = makeEditor({}, paragraph(text('see '), wikiLinkNode(attrs)));
    const html = editor.getHTML();
    const anchor = new DOMParser().parseFromString(html, 'text/html').querySelector('a[data-wiki-link]')!;
    expect(anchor.getAttribute('data-target')).toBe(attrs.target);
    expect(anchor.getAttribute('data-heading')).toBe(attrs.heading);
    expect(anchor.getAttribute('href')).toBe('#');
    expect(anchor.textContent).toBe(shown);
    expect(editor.getText()).toBe(`see ${shown}`);

    const reparsed = makeEditor({}, html);
    expect(inlineContent(reparsed)[1]).toEqual(wikiLinkNode(attrs));
  });

  it('parses a wiki anchor as the node and an ordinary anchor as a link mark', () => {
    const editor = makeEditor({}, '<p><a data-wiki-link="" data-target="Note" href="#">Note</a> <a href="https://example.com">web</a></p>');
    const [first, , third] = inlineContent(editor);
    expect(first).toEqual(wikiLinkNode({ target: 'Note' }));
    expect(third?.marks?.[0]?.type).toBe('link');
  });
});

describe('WikiLink Markdown', () => {
  const manager = () => new MarkdownManager({ extensions: [StarterKit, WikiLink] });

  it.each(forms)('%s parses to a node and renders back unchanged', (md, attrs) => {
    const doc = manager().parse(`before ${md} after`);
    expect(doc.content?.[0]?.content).toEqual([text('before '), wikiLinkNode(attrs), text(' after')]);
    expect(manager().serialize(doc)).toBe(`before ${md} after`);
  });

  it('leaves malformed links as text', () => {
    const doc = manager().parse('[[|label]] and [[ ]]');
    expect(JSON.stringify(doc)).not.toContain('wikiLink');
  });

  it('does not read a link inside inline code', () => {
    const doc = manager().parse('`[[Not a link]]`');
    expect(JSON.stringify(doc)).not.toContain('wikiLink');
  });
});

describe('WikiLink typing', () => {
  it('turns a hand-typed [[title]] into a link when the second ] is typed', () => {
    const editor = makeEditor();
    typeText(editor, 'go [[Some title]]');
    expect(inlineContent(editor)).toEqual([text('go '), wikiLinkNode({ target: 'Some title' })]);
  });

  it('keeps heading and label from a hand-typed [[target#heading|label]]', () => {
    const editor = makeEditor();
    typeText(editor, '[[Target#Part|shown]]');
    expect(inlineContent(editor)).toEqual([wikiLinkNode({ target: 'Target', heading: 'Part', label: 'shown' })]);
  });

  it('does not convert inside a code block', () => {
    const editor = makeEditor({}, { type: 'doc', content: [{ type: 'codeBlock' }] });
    editor.commands.focus('end');
    typeText(editor, '[[x]]');
    expect(editor.getJSON().content?.[0]?.content).toEqual([text('[[x]]')]);
  });
});

describe('WikiLink suggestions', () => {
  const notes = [
    { title: 'Spaced repetition', alias: null },
    { title: 'Memory palace', alias: 'Method of loci' },
  ];
  const suggest = vi.fn(async (query: string) =>
    notes.filter((n) => `${n.title} ${n.alias ?? ''}`.toLowerCase().includes(query.toLowerCase())),
  );

  function listbox() {
    return document.querySelector<HTMLElement>('[role="listbox"][aria-label="Link suggestions"]');
  }
  function options() {
    return [...document.querySelectorAll<HTMLElement>('[role="option"]')].map((o) => o.textContent);
  }

  it('opens on [[, filters as you type (spaces allowed), and inserts the highlighted title on Enter', async () => {
    const editor = makeEditor({ suggest });
    typeText(editor, 'see [[');
    await settle();
    expect(listbox()).not.toBeNull();
    expect(editor.view.dom.getAttribute('aria-expanded')).toBe('true');
    expect(options()).toEqual(['Spaced repetition', 'Method of loci → Memory palace']);

    typeText(editor, 'spaced rep');
    await settle();
    expect(suggest).toHaveBeenLastCalledWith('spaced rep');
    expect(options()).toEqual(['Spaced repetition', 'Create “spaced rep”']);

    const active = editor.view.dom.getAttribute('aria-activedescendant');
    expect(document.getElementById(active!)?.textContent).toBe('Spaced repetition');
    expect(pressKey(editor, 'Enter')).toBe(true);
    await settle();

    expect(inlineContent(editor)).toEqual([text('see '), wikiLinkNode({ target: 'Spaced repetition' }), text(' ')]);
    expect(listbox()).toBeNull();
    expect(editor.view.dom.hasAttribute('aria-expanded')).toBe(false);
  });

  it('inserts an alias suggestion as target=title, label=alias on Tab', async () => {
    const editor = makeEditor({ suggest });
    typeText(editor, '[[loci');
    await settle();
    expect(options()).toEqual(['Method of loci → Memory palace', 'Create “loci”']);
    pressKey(editor, 'Tab');
    await settle();
    expect(inlineContent(editor)[0]).toEqual(wikiLinkNode({ target: 'Memory palace', label: 'Method of loci' }));
  });

  it('offers "Create" first when nothing matches, and links to what was typed', async () => {
    const editor = makeEditor({ suggest });
    typeText(editor, '[[Brand new idea');
    await settle();
    expect(options()).toEqual(['Create “Brand new idea”']);
    pressKey(editor, 'Enter');
    await settle();
    expect(inlineContent(editor)[0]).toEqual(wikiLinkNode({ target: 'Brand new idea' }));
  });

  it('does not offer "Create" when the typed text is an existing title', async () => {
    const editor = makeEditor({ suggest });
    typeText(editor, '[[memory palace');
    await settle();
    expect(options()).toEqual(['Method of loci → Memory palace']);
  });

  it('makes an embed when ![[ was typed', async () => {
    const editor = makeEditor({ suggest });
    typeText(editor, '![[Memory');
    await settle();
    pressKey(editor, 'Enter');
    await settle();
    expect(inlineContent(editor)[0]).toEqual(wikiLinkNode({ target: 'Memory palace', label: 'Method of loci', embed: true }));
  });

  it('closes on Escape and leaves the typed text alone', async () => {
    const editor = makeEditor({ suggest });
    typeText(editor, '[[Spa');
    await settle();
    expect(listbox()).not.toBeNull();
    pressKey(editor, 'Escape');
    await settle();
    expect(listbox()).toBeNull();
    expect(editor.getText()).toBe('[[Spa');
  });

  it('closes when ]] is typed, and the input rule makes the link', async () => {
    const editor = makeEditor({ suggest });
    typeText(editor, '[[Spaced repetition');
    await settle();
    expect(listbox()).not.toBeNull();
    typeText(editor, ']]');
    await settle();
    expect(listbox()).toBeNull();
    expect(inlineContent(editor)).toEqual([wikiLinkNode({ target: 'Spaced repetition' })]);
  });

  it('inserts the option that is clicked', async () => {
    const editor = makeEditor({ suggest });
    typeText(editor, '[[');
    await settle();
    const option = [...document.querySelectorAll<HTMLElement>('[role="option"]')].find((o) => o.textContent === 'Spaced repetition')!;
    option.click();
    await settle();
    expect(inlineContent(editor)[0]).toEqual(wikiLinkNode({ target: 'Spaced repetition' }));
  });

  it('does not open inside inline code', async () => {
    const editor = makeEditor({ suggest }, paragraph({ type: 'text', text: 'x', marks: [{ type: 'code' }] }));
    editor.commands.setTextSelection(2);
    typeText(editor, '[[a');
    await settle();
    expect(inlineContent(editor)).toEqual([{ type: 'text', text: 'x[[a', marks: [{ type: 'code' }] }]);
    expect(listbox()).toBeNull();
  });

  it('positions the list under the caret from the suggestion rect', async () => {
    const rect = vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(new DOMRect(40, 100, 10, 20));
    try {
      const editor = makeEditor({ suggest });
      typeText(editor, '[[');
      await settle();
      expect(listbox()!.style.left).toBe('40px');
      expect(listbox()!.style.top).toBe('124px');
    } finally {
      rect.mockRestore();
    }
  });
});

describe('WikiLink following', () => {
  it('calls onFollow on Enter and Mod-Enter when the link is selected, and on click', () => {
    const onFollow = vi.fn();
    const editor = makeEditor({ onFollow }, paragraph(text('a '), wikiLinkNode({ target: 'T', heading: 'H' }), text(' b')));
    const expected = { target: 'T', heading: 'H', label: null, embed: false };

    editor.view.dispatch(editor.state.tr.setSelection(NodeSelection.create(editor.state.doc, 3)));
    pressKey(editor, 'Enter');
    expect(onFollow).toHaveBeenLastCalledWith(expected);
    expect(inlineContent(editor)).toHaveLength(3);

    editor.commands.setTextSelection(4);
    const mac = /Mac|iP(hone|[oa]d)/.test(navigator.platform);
    pressKey(editor, 'Enter', mac ? { metaKey: true } : { ctrlKey: true });
    expect(onFollow).toHaveBeenCalledTimes(2);

    const anchor = editor.view.dom.querySelector('a[data-wiki-link]')!;
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    anchor.dispatchEvent(click);
    expect(onFollow).toHaveBeenCalledTimes(3);
    expect(onFollow).toHaveBeenLastCalledWith(expected);
    expect(click.defaultPrevented).toBe(true);
  });

  it('lets Enter split the paragraph when the caret is merely next to a link', () => {
    const onFollow = vi.fn();
    const editor = makeEditor({ onFollow }, paragraph(wikiLinkNode({ target: 'T' }), text(' b')));
    editor.commands.setTextSelection(2);
    pressKey(editor, 'Enter');
    expect(onFollow).not.toHaveBeenCalled();
    expect(editor.getJSON().content).toHaveLength(2);
  });
});
