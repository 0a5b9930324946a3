/**
 * A quote with its source (shared/notes/doc-nodes.ts): a blockquote of editable paragraphs and a
 * footer, not editable, naming where the words came from, with "Open in reader" when the quoted item
 * is in the library. The footer is drawn from the attrs, never stored as text, so editor.getText()
 * (and shared docText) holds only the quoted words.
 */
import { Node, mergeAttributes } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { citationNodeName, type CitationAttrs } from '../../../../shared/notes/doc-nodes';
import { formatCitation, formatCitationMarkdown } from '../../../../shared/notes/citation-format';

export interface CitationOptions {
  /** "Open in reader" was pressed on a citation whose item is in the library. */
  onOpenItem: (itemId: string) => void;
  HTMLAttributes: Record<string, string>;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export function citationAttrsOf(node: ProseMirrorNode | { attrs?: Record<string, unknown> }): CitationAttrs {
  const attrs = (node.attrs ?? {}) as Record<string, unknown>;
  const publishedAt = typeof attrs.publishedAt === 'number' && Number.isFinite(attrs.publishedAt) ? attrs.publishedAt : null;
  return {
    highlightId: stringOrNull(attrs.highlightId),
    itemId: stringOrNull(attrs.itemId),
    title: typeof attrs.title === 'string' ? attrs.title : '',
    author: stringOrNull(attrs.author),
    sourceTitle: stringOrNull(attrs.sourceTitle),
    link: stringOrNull(attrs.link),
    publishedAt,
  };
}

/** The attrs as data-* attributes, so copied HTML pastes back as the same citation. */
const dataNames: Record<keyof CitationAttrs, string> = {
  highlightId: 'data-highlight-id',
  itemId: 'data-item-id',
  title: 'data-title',
  author: 'data-author',
  sourceTitle: 'data-source-title',
  link: 'data-link',
  publishedAt: 'data-published-at',
};

function dataAttributes(attrs: CitationAttrs): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, name] of Object.entries(dataNames) as Array<[keyof CitationAttrs, string]>) {
    const value = attrs[key];
    if (value !== null) out[name] = String(value);
  }
  return out;
}

function fillFooter(footer: HTMLElement, attrs: CitationAttrs, onOpenItem: ((itemId: string) => void) | null): void {
  const source = document.createElement('cite');
  source.className = 'note-citation__source';
  source.textContent = formatCitation(attrs);
  const parts: HTMLElement[] = [source];
  if (attrs.itemId && onOpenItem) {
    const itemId = attrs.itemId;
    const open = document.createElement('button');
    open.type = 'button';
    open.className = 'note-citation__open';
    open.textContent = 'Open in reader';
    open.addEventListener('click', (event) => {
      event.preventDefault();
      onOpenItem(itemId);
    });
    parts.push(open);
  }
  footer.replaceChildren(...parts);
}

export const Citation = Node.create<CitationOptions>({
  name: citationNodeName,
  group: 'block',
  content: 'paragraph+',
  defining: true,

  addOptions() {
    return { onOpenItem: () => undefined, HTMLAttributes: {} };
  },

  addAttributes() {
    const text = (name: string) => ({ default: null, rendered: false, parseHTML: (el: HTMLElement) => el.getAttribute(name) || null });
    return {
      highlightId: text(dataNames.highlightId),
      itemId: text(dataNames.itemId),
      title: { default: '', rendered: false, parseHTML: (el: HTMLElement) => el.getAttribute(dataNames.title) ?? '' },
      author: text(dataNames.author),
      sourceTitle: text(dataNames.sourceTitle),
      link: text(dataNames.link),
      publishedAt: {
        default: null,
        rendered: false,
        parseHTML: (el: HTMLElement) => {
          const value = Number(el.getAttribute(dataNames.publishedAt) ?? NaN);
          return Number.isFinite(value) ? value : null;
        },
      },
    };
  },

  parseHTML() {
    // Only the quote's paragraphs are content; the footer is derived from the attrs.
    return [{ tag: 'blockquote[data-citation]', contentElement: '.note-citation__quote', priority: 60 }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const attrs = citationAttrsOf(node);
    return [
      'blockquote',
      mergeAttributes({ class: 'note-citation' }, this.options.HTMLAttributes, HTMLAttributes, { 'data-citation': '' }, dataAttributes(attrs)),
      ['div', { class: 'note-citation__quote' }, 0],
      ['footer', { contenteditable: 'false', class: 'note-citation__footer' }, ['cite', { class: 'note-citation__source' }, formatCitation(attrs)]],
    ];
  },

  /**
   * Export: a blockquote whose last line names the source. Import has no rule back: a Markdown
   * blockquote stays a blockquote, because the JSON is the canonical form and this Markdown is for
   * other apps; guessing a citation from a "— Title" line would misread ordinary quotes.
   */
  renderMarkdown(node, helpers) {
    const attrs = citationAttrsOf(node);
    const quote = (node.content ?? []).map((child, index) => helpers.renderChild?.(child, index) ?? helpers.renderChildren([child]));
    const lines = [...quote, formatCitationMarkdown(attrs)]
      .join('\n\n')
      .split('\n')
      .map((line) => (line.trim() === '' ? '>' : `> ${line}`));
    return lines.join('\n');
  },

  addNodeView() {
    return ({ node, HTMLAttributes }) => {
      let current = node;
      const dom = document.createElement('blockquote');
      const attributes = mergeAttributes({ class: 'note-citation' }, this.options.HTMLAttributes, HTMLAttributes, { 'data-citation': '' });
      for (const [name, value] of Object.entries(attributes)) dom.setAttribute(name, String(value));
      const contentDOM = document.createElement('div');
      contentDOM.className = 'note-citation__quote';
      const footer = document.createElement('footer');
      footer.className = 'note-citation__footer';
      footer.setAttribute('contenteditable', 'false');
      fillFooter(footer, citationAttrsOf(node), this.options.onOpenItem);
      dom.append(contentDOM, footer);
      return {
        dom,
        contentDOM,
        update: (updated) => {
          if (updated.type !== current.type) return false;
          if (JSON.stringify(updated.attrs) !== JSON.stringify(current.attrs)) fillFooter(footer, citationAttrsOf(updated), this.options.onOpenItem);
          current = updated;
          return true;
        },
        // The footer is ours: clicks on its button and its DOM changes are not editing.
        stopEvent: (event) => event.target instanceof globalThis.Node && footer.contains(event.target),
        ignoreMutation: (mutation) => mutation.type !== 'selection' && footer.contains(mutation.target),
      };
    };
  },
});
