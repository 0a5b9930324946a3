/**
 * Plain text out of feed strings, without a DOM: titles (`cleanTitle`) and rough text for hashing
 * and snippets (`htmlToText`). Neither output is HTML; the UI escapes it when it shows it.
 */

import { decodeEntities as decodeHtmlEntities } from '../html-entities';

/**
 * Decodes named and numeric character references as browsers do in HTML text. Unknown names stay as
 * written. A few names are also decoded without their semicolon, because feeds write "&nbsp" and
 * "AT&amp T" (Miniflux 320, 416); others without one stay literal ("R&Damp" is text). Numbers may
 * lack their semicolon too, and &#128;–&#159; mean the Windows-1252 characters (&#146; is ’).
 */
export function decodeEntities(text: string): string {
  return decodeHtmlEntities(text, { lenient: true });
}

/** Elements whose tags a title may carry. Anything else in angle brackets is text: "Vec<T>", "a <b" or "x<y>z". */
const INLINE_TAGS =
  'a|abbr|acronym|b|bdi|bdo|big|blink|br|cite|code|del|dfn|em|font|i|img|ins|kbd|mark|nobr|q|s|samp|small|span|strike|strong|sub|sup|time|tt|u|var|wbr|p|div|h[1-6]';
const TITLE_TAG = new RegExp(`</?(?:${INLINE_TAGS})(?:\\s[^<>]*)?/?>`, 'gi');

function collapse(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/**
 * A title as plain text: known HTML tags stripped (only known ones, so "Vec<T> in Rust" survives),
 * entities decoded once (a title that says "&lt;div&gt;" shows "<div>"), whitespace collapsed.
 */
export function cleanTitle(raw: string | undefined): string {
  if (!raw) return '';
  return collapse(decodeEntities(raw.replace(TITLE_TAG, ' ').replace(/<!--[\s\S]*?-->/g, '')));
}

const BLOCK_TAGS = /<\/?(?:address|article|aside|blockquote|br|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|ol|p|pre|section|table|td|th|tr|ul)\b[^>]*>/gi;

/**
 * Rough plain text of an HTML fragment, for content hashes, snippets and search: comments, scripts,
 * styles and templates removed with their content, block boundaries turned into spaces so words do
 * not run together, all other tags dropped, entities decoded, whitespace collapsed. Not a sanitiser.
 */
export function htmlToText(html: string | undefined): string {
  if (!html) return '';
  const text = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<(script|style|template|noscript)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(BLOCK_TAGS, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, '');
  return collapse(decodeEntities(text));
}

/** The first `max` characters of `text`, cut at a word boundary when one is near, with an ellipsis. */
export function snippet(text: string, max = 80): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Plain text shown in a line or two: whitespace collapsed, then cut as `snippet` cuts. */
export function excerpt(text: string, max = 200): string {
  return snippet(collapse(text), max);
}
