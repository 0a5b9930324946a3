/**
 * What a fetched body is, and how to turn its bytes into text. Kept apart from the HTTP code so the
 * rules (which types are web pages, which charset wins) are plain functions with table tests.
 */
import { decodeBytes, latin1 } from '../net/charset';

const htmlMediaTypes = new Set(['text/html', 'application/xhtml+xml']);

const feedMediaTypes = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/feed+json',
  'application/rdf+xml',
  'text/xml',
  'application/xml',
]);

/** The bare media type of a Content-Type header value, lower-cased ('' when absent). */
export function mediaTypeOf(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

export function isHtmlMediaType(mediaType: string): boolean {
  return htmlMediaTypes.has(mediaType);
}

/**
 * The sentence a user sees when an address answers with something other than a web page. Written per
 * family because "application/octet-stream" means nothing to most people.
 */
export function notAWebPageMessage(mediaType: string): string {
  const what = describeMediaType(mediaType);
  if (what === 'a feed') return 'This address is a feed, not a web page. Add it as a feed instead.';
  return `This address is ${what}, not a web page.`;
}

function describeMediaType(mediaType: string): string {
  if (mediaType === 'application/pdf') return 'a PDF';
  if (mediaType.startsWith('image/')) return 'an image';
  if (mediaType.startsWith('video/')) return 'a video';
  if (mediaType.startsWith('audio/')) return 'an audio file';
  if (feedMediaTypes.has(mediaType)) return 'a feed';
  if (mediaType === 'application/json' || mediaType.endsWith('+json')) return 'data (JSON)';
  if (mediaType === 'text/plain') return 'a plain text file';
  if (mediaType.startsWith('font/')) return 'a font';
  if (/zip|tar|gzip|compressed|octet-stream/.test(mediaType)) return 'a file to download';
  return 'a file of another kind';
}

/** Servers that send no Content-Type: accept the body only if it opens like HTML. */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  // The UTF-8 byte-order mark reads as "ï»¿" in Latin-1.
  const head = latin1(bytes, 1024).replace(/^\u00ef\u00bb\u00bf/, '').trimStart().toLowerCase();
  return /^<(?:!doctype html|html|head|body|!--)/.test(head) || /<(?:html|head|body|title|p)[\s>]/.test(head);
}

/**
 * Decodes an HTML body with the shared decoder (../net/charset.ts: byte-order mark, then valid UTF-8,
 * then the Content-Type charset, an XML prolog, `<meta charset>`). Where no label helps and the bytes are
 * not valid UTF-8, a page is read as UTF-8 with U+FFFD for the bad bytes, so a broken page shows where it
 * is broken; a page cannot truthfully declare UTF-16 inside itself, so that label means UTF-8 too.
 */
export function decodeHtml(bytes: Uint8Array, contentType: string | null | undefined): string {
  return decodeBytes(bytes, contentType, { fallback: 'utf-8' }).text;
}
