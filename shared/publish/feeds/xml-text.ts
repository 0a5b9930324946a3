/**
 * Text as the feed writers put it into XML (and JSON): characters XML 1.0 cannot carry dropped, markup
 * characters escaped, HTML wrapped in CDATA, times in the two date formats feeds use. Titles and
 * commentary are copied from strangers' pages, so any of this may hold a NUL or `]]>`.
 */
import type { EpochMs } from '../../model';

/**
 * C0 controls other than tab, LF and CR; U+FFFE and U+FFFF; and UTF-16 surrogates that are not part of
 * a pair. XML 1.0 (§2.2 Char) forbids them all, even as character references, so one of them would make
 * the whole feed unreadable to a strict parser. Lone surrogates also cannot be encoded as UTF-8.
 */
// eslint-disable-next-line no-control-regex -- the control characters are what must go.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(FORBIDDEN, '');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * For element text and attribute values alike (all five characters, so one function serves both).
 * `&#39;` rather than `&apos;`: the result is also used as HTML, where HTML 4 readers lack `&apos;`.
 */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/**
 * A CDATA section holding `text` exactly. A section cannot contain `]]>`, so each one is split between
 * two sections (`]]` ends the first, `>` starts the next): a parser joins them back.
 */
export function cdata(text: string): string {
  return `<![CDATA[${xmlSafe(text).replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/**
 * Dates come from our own records; a value no feed format can express (NaN, or outside years 0–9999,
 * which RFC 3339 cannot write) is a bug upstream, better reported than written as a wrong date.
 */
function validDate(ms: EpochMs): Date {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  if (!Number.isFinite(ms) || year < 0 || year > 9999) throw new RangeError(`Not a date a feed can carry: ${ms}`);
  return date;
}

/** RFC 3339 in UTC (`2026-11-20T09:30:00Z`), with milliseconds only when there are some. */
export function rfc3339(ms: EpochMs): string {
  return validDate(ms).toISOString().replace('.000Z', 'Z');
}

/** RFC 822 as RSS 2.0 wants it, with a four-digit year and GMT (`Fri, 20 Nov 2026 09:30:00 GMT`). */
export function rfc822(ms: EpochMs): string {
  return validDate(ms).toUTCString();
}
