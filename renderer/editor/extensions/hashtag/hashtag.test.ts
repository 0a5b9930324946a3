import { Editor } from '@tiptap/core';
import { MarkdownManager } from '@tiptap/markdown';
import StarterKit from '@tiptap/starter-kit';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocNode } from '../../../../shared/model';
import { extractTags } from '../../../../shared/notes/tags';
import { findHashtags, Hashtag } from './hashtag';

const editors: Editor[] = [];
function makeEditor(content: DocNode | string): Editor {
  const editor = new Editor({ extensions: [StarterKit, Hashtag], content, injectCSS: false });
  editors.push(editor);
  return editor;
}
afterEach(() => {
  while (editors.length) editors.pop()!.destroy();
});

const shown = (editor: Editor) => [...editor.view.dom.querySelectorAll('span.note-hashtag')].map((span) => span.textContent);

describe('findHashtags', () => {
  it.each([
    ['a #tag here', ['#tag']],
    ['#start and #nested/tag/', ['#start', '#nested/tag']],
    ['not a#tag, not #1984, but #y1984', ['#y1984']],
    ['https://x.com/#frag and (#inparens)', ['#inparens']],
    ['## heading-ish and &#39;', []],
    ['#Émile #日本語', ['#Émile', '#日本語']],
    ['#dup and #DUP', ['#dup', '#DUP']],
  ])('%s', (text, expected) => {
    expect(findHashtags(text).map(([from, to]) => text.slice(from, to))).toEqual(expected);
  });

  it('agrees with extractTags on what the tags are', () => {
    const text = 'see #one, #two/three and x#no https://a.b/#no #1234';
    const found = findHashtags(text).map(([from, to]) => text.slice(from + 1, to).toLowerCase());
    expect(new Set(found)).toEqual(new Set(extractTags(text).map((tag) => tag.toLowerCase())));
  });
});

describe('Hashtag', () => {
  it('wraps tags in span.note-hashtag without changing the document', () => {
    const doc: DocNode = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'idea #learning and #a/b' }] }] };
    const editor = makeEditor(doc);
    expect(shown(editor)).toEqual(['#learning', '#a/b']);
    expect(editor.getJSON()).toEqual(doc);
    expect(editor.getHTML()).not.toContain('note-hashtag');
  });

  it('follows edits', () => {
    const editor = makeEditor('<p>plain</p>');
    expect(shown(editor)).toEqual([]);
    editor.commands.insertContentAt(6, ' #new');
    expect(shown(editor)).toEqual(['#new']);
  });

  it('keeps decorations right through many edits, matching a fresh editor', () => {
    const editor = makeEditor('<p>one #a</p><p>two</p><p>three #c</p>');
    editor.commands.insertContentAt(13, ' #b');
    editor.commands.insertContentAt(1, '#z ');
    editor.commands.deleteRange({ from: 4, to: 10 });
    editor.commands.splitBlock();
    editor.commands.setTextSelection({ from: 1, to: 3 });
    editor.commands.toggleCode();
    const fresh = makeEditor(editor.getJSON() as DocNode);
    expect(shown(editor)).toEqual(shown(fresh));
    expect(shown(editor)).toEqual(['#b', '#c']);
  });

  it('ignores code blocks and inline code', () => {
    const editor = makeEditor('<pre><code>#include</code></pre><p><code>#define</code> #real</p>');
    expect(shown(editor)).toEqual(['#real']);
  });

  it('leaves Markdown untouched', () => {
    const manager = new MarkdownManager({ extensions: [StarterKit, Hashtag] });
    expect(manager.serialize(manager.parse('a #tag and #x/y'))).toBe('a #tag and #x/y');
  });
});
