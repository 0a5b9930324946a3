/**
 * `[[target#heading|label]]` as an inline atom node (shared/notes/doc-nodes.ts names its shape).
 * One node, four forms: HTML (`<a data-wiki-link>`), plain text (what the link shows, so
 * editor.getText() equals shared docText), Markdown (Obsidian syntax, both ways) and typing
 * (`[[` opens suggestions; a hand-typed `[[…]]` becomes a link when its `]]` is typed).
 */
import { InputRule, Node, mergeAttributes } from '@tiptap/core';
import type { Editor, Range } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { NodeSelection, Plugin, PluginKey } from '@tiptap/pm/state';
import Suggestion from '@tiptap/suggestion';
import { wikiLinkNodeName, type WikiLinkAttrs } from '../../../../shared/notes/doc-nodes';
import { formatWikiLink, parseWikiLinkInner, titleKey, wikiLinkText } from '../../../../shared/notes/wiki-link-syntax';
import { findWikiLinkQuery } from './wiki-link-match';
import { SuggestionPopup, suggestionItems, type WikiLinkItem, type WikiLinkSuggestion } from './suggestion-popup';

export type { WikiLinkItem, WikiLinkSuggestion };

export interface WikiLinkOptions {
  /** Notes whose title or alias matches what was typed after `[[` (best first). */
  suggest: (query: string) => Promise<WikiLinkSuggestion[]>;
  /** The user followed a link (click, or Enter / Mod-Enter on it); the UI resolves or creates the note. */
  onFollow: (attrs: WikiLinkAttrs) => void;
  HTMLAttributes: Record<string, string>;
}

export const wikiLinkSuggestionKey = new PluginKey('wikiLinkSuggestion');
const wikiLinkClickKey = new PluginKey('wikiLinkClick');

/** `[[…]]` or `![[…]]` at the start of the Markdown source; the inner text is parsed by the shared parser. */
const markdownPattern = /^(!?)\[\[([^[\]\n\r]+?)\]\]/;
/** The same, just typed: the rule fires on the second `]`. */
const inputPattern = /(!?)\[\[([^[\]\n\r]+)\]\]$/;

export function attrsOf(node: ProseMirrorNode | { attrs?: Record<string, unknown> }): WikiLinkAttrs {
  const attrs = (node.attrs ?? {}) as Partial<Record<keyof WikiLinkAttrs, unknown>>;
  return {
    target: typeof attrs.target === 'string' ? attrs.target : '',
    heading: typeof attrs.heading === 'string' && attrs.heading !== '' ? attrs.heading : null,
    label: typeof attrs.label === 'string' && attrs.label !== '' ? attrs.label : null,
    embed: attrs.embed === true,
  };
}

function insertLink(editor: Editor, range: Range, item: WikiLinkItem): void {
  // `![[` asks for an embed; the `!` sits just before the range the suggestion matched.
  const bang = range.from > 0 && editor.state.doc.textBetween(range.from - 1, range.from) === '!';
  const from = bang ? range.from - 1 : range.from;
  const attrs: WikiLinkAttrs = {
    target: item.title,
    heading: null,
    label: item.kind === 'note' && item.alias ? item.alias : null,
    embed: bang,
  };
  editor
    .chain()
    .focus()
    .insertContentAt({ from, to: range.to }, [
      { type: wikiLinkNodeName, attrs: { ...attrs } },
      { type: 'text', text: ' ' },
    ])
    .run();
}

export const WikiLink = Node.create<WikiLinkOptions>({
  name: wikiLinkNodeName,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,

  addOptions() {
    return {
      suggest: async () => [],
      onFollow: () => undefined,
      HTMLAttributes: {},
    };
  },

  addAttributes() {
    // Rendered by renderHTML below (all four together), parsed here one by one.
    return {
      target: { default: '', rendered: false, parseHTML: (el) => el.getAttribute('data-target') ?? el.textContent ?? '' },
      heading: { default: null, rendered: false, parseHTML: (el) => el.getAttribute('data-heading') || null },
      label: { default: null, rendered: false, parseHTML: (el) => el.getAttribute('data-label') || null },
      embed: { default: false, rendered: false, parseHTML: (el) => el.hasAttribute('data-embed') },
    };
  },

  parseHTML() {
    // Above Link's `a[href]` rule (priority 50), so our anchors parse as this node, not as a link mark.
    return [{ tag: 'a[data-wiki-link]', priority: 100 }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const attrs = attrsOf(node);
    const dataAttrs: Record<string, string> = { 'data-wiki-link': '', 'data-target': attrs.target };
    if (attrs.heading) dataAttrs['data-heading'] = attrs.heading;
    if (attrs.label) dataAttrs['data-label'] = attrs.label;
    if (attrs.embed) dataAttrs['data-embed'] = '';
    return [
      'a',
      mergeAttributes({ class: 'note-wiki-link' }, this.options.HTMLAttributes, HTMLAttributes, dataAttrs, { href: '#' }),
      wikiLinkText(attrs),
    ];
  },

  renderText({ node }) {
    return wikiLinkText(attrsOf(node));
  },

  markdownTokenName: wikiLinkNodeName,
  markdownTokenizer: {
    name: wikiLinkNodeName,
    level: 'inline',
    start: (src: string) => src.search(/!?\[\[/),
    tokenize: (src: string) => {
      const match = markdownPattern.exec(src);
      if (!match) return undefined;
      const parts = parseWikiLinkInner(match[2]!, match[1] === '!');
      if (!parts) return undefined;
      return { type: wikiLinkNodeName, raw: match[0], attrs: parts };
    },
  },
  parseMarkdown: (token, helpers) => helpers.createNode(wikiLinkNodeName, { ...(token.attrs as WikiLinkAttrs) }),
  renderMarkdown: (node) => formatWikiLink(attrsOf(node)),

  addInputRules() {
    return [
      new InputRule({
        find: inputPattern,
        handler: ({ state, range, match }) => {
          const parts = parseWikiLinkInner(match[2] ?? '', match[1] === '!');
          if (!parts) return null;
          state.tr.replaceWith(range.from, range.to, this.type.create({ ...parts }));
        },
      }),
    ];
  },

  addKeyboardShortcuts() {
    const followSelected = (allowAdjacent: boolean): boolean => {
      const { selection } = this.editor.state;
      if (selection instanceof NodeSelection && selection.node.type === this.type) {
        this.options.onFollow(attrsOf(selection.node));
        return true;
      }
      if (!allowAdjacent || !selection.empty) return false;
      // Mod-Enter also works with the caret just after (or before) a link.
      const near = [selection.$from.nodeBefore, selection.$from.nodeAfter].find((node) => node?.type === this.type);
      if (!near) return false;
      this.options.onFollow(attrsOf(near));
      return true;
    };
    return {
      Enter: () => followSelected(false),
      'Mod-Enter': () => followSelected(true),
    };
  },

  addProseMirrorPlugins() {
    const { editor, options, type } = this;
    return [
      new Plugin({
        key: wikiLinkClickKey,
        props: {
          handleDOMEvents: {
            // Follow on the DOM click of the link itself (not ProseMirror's handleClickOn, which works from
            // mouse coordinates and so misses synthetic and assistive-technology clicks); the anchor's
            // href="#" must never navigate the app.
            click: (view, event) => {
              const anchor = event.target instanceof Element ? event.target.closest('a[data-wiki-link]') : null;
              if (!anchor || !view.dom.contains(anchor)) return false;
              event.preventDefault();
              const node = view.state.doc.nodeAt(view.posAtDOM(anchor, 0));
              if (node?.type !== type) return false;
              options.onFollow(attrsOf(node));
              return true;
            },
          },
        },
      }),
      Suggestion<WikiLinkItem, WikiLinkItem>({
        editor,
        pluginKey: wikiLinkSuggestionKey,
        char: '[[',
        allowSpaces: true,
        allowedPrefixes: null,
        findSuggestionMatch: findWikiLinkQuery,
        // No suggestions inside code: `[[` there is code, not a link.
        allow: ({ state, range }) => {
          const $from = state.doc.resolve(range.from);
          if ($from.parent.type.spec.code) return false;
          return !$from.marks().some((mark) => mark.type.spec.code);
        },
        items: async ({ query }) => suggestionItems(query, await options.suggest(query), titleKey),
        command: ({ editor: commandEditor, range, props }) => insertLink(commandEditor, range, props),
        render: () => {
          let popup: SuggestionPopup | undefined;
          return {
            onStart: (props) => {
              popup = new SuggestionPopup(props.editor.view.dom);
              popup.update(props);
            },
            onUpdate: (props) => popup?.update(props),
            onKeyDown: (props) => popup?.onKeyDown(props) ?? false,
            onExit: () => {
              popup?.destroy();
              popup = undefined;
            },
          };
        },
      }),
    ];
  },
});
