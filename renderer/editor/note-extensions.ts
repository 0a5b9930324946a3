/**
 * The one extension list of a note: the React editor and the Markdown converter (markdown.ts) both use
 * it, so a note's schema, its HTML and its Markdown cannot drift apart.
 */
import type { AnyExtension } from '@tiptap/core';
import Image from '@tiptap/extension-image';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import { Markdown } from '@tiptap/markdown';
import StarterKit from '@tiptap/starter-kit';
import { Marked, type marked } from 'marked';
import type { WikiLinkAttrs } from '../../shared/notes/doc-nodes';
import { Citation } from './extensions/citation/citation';
import { Hashtag } from './extensions/hashtag/hashtag';
import { ImagePaste } from './extensions/image-paste/image-paste';
import { WikiLink, type WikiLinkSuggestion } from './extensions/wiki-link/wiki-link';
import { MarkdownParagraph } from './markdown-paragraph';
import { isAllowedImageSrc, isAllowedLinkHref } from './safe-urls';

export interface NoteExtensionOptions {
  /** Notes matching what was typed after `[[`. */
  suggest?: (query: string) => Promise<WikiLinkSuggestion[]>;
  /** A wiki link was followed (click, Enter on it, Mod-Enter next to it). */
  onFollowLink?: (attrs: WikiLinkAttrs) => void;
  /** "Open in reader" on a citation. */
  onOpenItem?: (itemId: string) => void;
  /** An image could not be added (too big, unreadable). */
  onImageError?: (message: string) => void;
}

export function noteExtensions(options: NoteExtensionOptions = {}): AnyExtension[] {
  return [
    StarterKit.configure({
      paragraph: false,
      link: {
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        defaultProtocol: 'https',
        // Notes hold web and mail addresses only: no javascript:, file:, or app-internal URLs.
        isAllowedUri: (url) => isAllowedLinkHref(url),
      },
    }),
    MarkdownParagraph,
    TaskList,
    TaskItem.configure({ nested: true }),
    Image.extend({
      // Tiptap's Image renders `![alt](src)` as is; a src with spaces or brackets needs `<…>` to survive.
      renderMarkdown: (node) => {
        const src = typeof node.attrs?.src === 'string' ? node.attrs.src : '';
        const alt = (typeof node.attrs?.alt === 'string' ? node.attrs.alt : '').replace(/([[\]\\])/g, '\\$1');
        const title = typeof node.attrs?.title === 'string' && node.attrs.title !== '' ? ` "${node.attrs.title.replace(/"/g, '\\"')}"` : '';
        const target = /[\s()<>]/.test(src) ? `<${src.replace(/[<>]/g, encodeURIComponent)}>` : src;
        return `![${alt}](${target}${title})`;
      },
      parseHTML() {
        return [{ tag: 'img[src]', getAttrs: (el) => (isAllowedImageSrc(el.getAttribute('src') ?? '') ? null : false) }];
      },
    }).configure({ allowBase64: true }),
    WikiLink.configure({
      ...(options.suggest ? { suggest: options.suggest } : {}),
      ...(options.onFollowLink ? { onFollow: options.onFollowLink } : {}),
    }),
    Citation.configure(options.onOpenItem ? { onOpenItem: options.onOpenItem } : {}),
    Hashtag,
    ImagePaste.configure(options.onImageError ? { onError: options.onImageError } : {}),
    // A private marked instance per list: Tiptap registers each custom tokenizer with the instance it is
    // given, and the shared global one would collect another copy for every editor ever opened.
    Markdown.configure({ marked: new Marked() as unknown as typeof marked }),
  ];
}
