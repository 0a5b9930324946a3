/**
 * How a quote names its source, in the editor's footer, in Markdown exports and in published posts:
 * "Title — Author, Source, 20 November 2026". Dates are written in UTC with English month names,
 * so the same citation reads the same on every machine and in every export.
 */
import type { CitationAttrs } from './doc-nodes';

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function formatCitationDate(epochMs: number): string {
  const date = new Date(epochMs);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** The parts after the title, in reading order, without empty ones. */
export function citationDetails(attrs: CitationAttrs): string[] {
  const parts: string[] = [];
  if (attrs.author?.trim()) parts.push(attrs.author.trim());
  if (attrs.sourceTitle?.trim() && attrs.sourceTitle.trim() !== attrs.author?.trim()) parts.push(attrs.sourceTitle.trim());
  if (attrs.publishedAt !== null && Number.isFinite(attrs.publishedAt)) {
    const date = formatCitationDate(attrs.publishedAt);
    if (date) parts.push(date);
  }
  return parts;
}

/** Plain text: `Title — Author, Source, 20 November 2026`. */
export function formatCitation(attrs: CitationAttrs): string {
  const title = attrs.title.trim() || 'Untitled';
  const details = citationDetails(attrs);
  return details.length > 0 ? `${title} — ${details.join(', ')}` : title;
}

/** Markdown: `— [Title](link), Author, Source, 20 November 2026` (no link when there is none). */
export function formatCitationMarkdown(attrs: CitationAttrs): string {
  const title = (attrs.title.trim() || 'Untitled').replace(/([[\]\\])/g, '\\$1');
  // Angle brackets let the address hold spaces and parentheses; `<`, `>` and line breaks would end it early.
  const address = attrs.link?.replace(/[<>\r\n]/g, (character) => encodeURIComponent(character));
  const linked = address && /^https?:\/\//i.test(address) ? `[${title}](<${address}>)` : title;
  return ['— ' + linked, ...citationDetails(attrs)].join(', ');
}
