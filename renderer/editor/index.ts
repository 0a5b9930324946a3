// The note editor's public entry: the React editor, its extension list, and Markdown both ways.
export { NoteEditor, type NoteEditorHandle, type NoteEditorProps } from './note-editor';
export { noteExtensions, type NoteExtensionOptions } from './note-extensions';
export { docToMarkdown, markdownToDoc } from './markdown';
export type { WikiLinkItem, WikiLinkSuggestion } from './extensions/wiki-link/wiki-link';
export type { WikiLinkOptions } from './extensions/wiki-link/wiki-link';
export type { CitationOptions } from './extensions/citation/citation';
export type { HashtagOptions } from './extensions/hashtag/hashtag';
export type { ImagePasteOptions } from './extensions/image-paste/image-paste';
