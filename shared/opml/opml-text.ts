// Text in and out of OPML attributes, and the normal form of every text field. The XML parser runs
// with entity processing off, so that no document can define or expand entities; references are
// decoded here instead, from a closed table.

import { decodeEntities as decodeHtmlEntities } from '../html-entities';

/**
 * Decodes character references in one pass (so `&amp;lt;` stays `&lt;`): the HTML 4 names real exports
 * are full of (&nbsp; &eacute; &mdash;, which XML does not define) and numeric references (code points as
 * written: &#146; is U+0092), only with their semicolon. Unknown names and a bare `&` are kept as written: `?a=1&b=2` in a URL is the common
 * case of the latter, and must survive intact.
 */
export function decodeEntities(text: string): string {
  return decodeHtmlEntities(text);
}

// C0 and C1 controls (tab, newline and carriage return become spaces first) and DEL: XML 1.0 forbids most
// of them, and none belongs in a title, a folder name or a URL.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * The one normal form for every text field: no control characters, whitespace runs collapsed, trimmed.
 * Both the parser and the writer apply it, which is what makes parse(write(x)) equal x.
 */
export function cleanText(text: string): string {
  return text.replace(CONTROL, '').replace(/\s+/g, ' ').trim();
}

/** Escapes an attribute value or element text for a double-quoted XML attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(CONTROL, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // XML normalises raw tab / newline in attributes to spaces: write them as references to keep them.
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** Tags from `category`: comma-separated entries, each a slash-delimited path whose parts all become tags. */
export function splitCategories(category: string): string[] {
  const tags = category.split(/[,/]/).map(cleanText).filter((tag) => tag !== '');
  return [...new Set(tags)];
}
