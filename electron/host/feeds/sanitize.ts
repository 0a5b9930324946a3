/**
 * HTML from feeds is written by strangers (handbook §6): DOMPurify on a jsdom window turns it into
 * article markup only. No script, style, frame, form, embed or SVG survives; no event handler,
 * inline style, id/name (DOM clobbering), srcdoc, <meta> or <base>. URLs are the one policy point:
 * every href/src/srcset/poster/cite is made absolute against the entry's base (xml:base or the feed's
 * address; relative links resolved later in the renderer would point at the app itself, MF 899) and kept
 * only when it is http(s) (or mailto: and #fragment for links). data: URLs are dropped, images included: they can
 * carry megabytes or SVG, and a feed reader loses nothing worth having without them.
 */
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';
import { JSDOM } from 'jsdom';
import { htmlToText } from '../../../shared/feeds/text';
import { countStartTags, maxOpenDepth, openDepth } from '../net/markup-size';

const allowedTags = [
  'a', 'abbr', 'address', 'article', 'aside', 'audio', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'cite',
  'code', 'col', 'colgroup', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure',
  'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol',
  'p', 'picture', 'pre', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'section', 'small', 'source', 'span', 'strike',
  'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul',
  'var', 'video', 'wbr',
];

const allowedAttributes = [
  'abbr', 'alt', 'cite', 'colspan', 'controls', 'datetime', 'dir', 'headers', 'height', 'href', 'lang', 'loop',
  'muted', 'poster', 'preload', 'reversed', 'rowspan', 'scope', 'sizes', 'span', 'src', 'srcset', 'start',
  'title', 'type', 'width',
];

const config: Config = {
  ALLOWED_TAGS: allowedTags,
  ALLOWED_ATTR: allowedAttributes,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  KEEP_CONTENT: true,
  // Relative URLs must reach the hook to be resolved; the hook then keeps only http(s)/mailto.
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
};

const urlAttributes = ['href', 'src', 'poster', 'cite'] as const;

interface Purifier {
  purify: DOMPurify;
  document: Document;
}

let purifier: Purifier | undefined;
/** Calls made with the current window; see getPurifier for why it is replaced now and then. */
let callsOnWindow = 0;
const callsPerWindow = 100;
/** The base for the sanitize call in progress. Safe as module state: DOMPurify.sanitize is synchronous. */
let currentBase: URL | undefined;

/**
 * One jsdom window for the process (no scripts, no resource loading: jsdom's defaults), and no new
 * document per call either. DOMPurify's string mode parses every input into a fresh DOMParser
 * document, and a jsdom Document costs about 10 ms to create (measured: 10–14 ms per tiny summary,
 * against under 1 ms in place), so we parse into a detached <div> of this window and sanitise it in
 * place. Fragment parsing keeps all of the input inside that <div>, whatever closing tags it contains.
 */
function getPurifier(): Purifier {
  // jsdom keeps every NodeIterator DOMPurify creates on its document and walks them all on each node
  // removal, so a window's calls grow slower without bound (23 ms → 213 ms after 1,600 calls, measured
  // by `npm run bench`). A fresh window every hundred calls costs ~10 ms and keeps each call flat.
  if (purifier && callsOnWindow < callsPerWindow) {
    callsOnWindow += 1;
    return purifier;
  }
  (purifier?.document.defaultView as { close?: () => void } | null | undefined)?.close?.();
  callsOnWindow = 1;
  const { window } = new JSDOM('<!DOCTYPE html><html><head></head><body></body></html>');
  const instance = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
  instance.setConfig({ ...config, IN_PLACE: true }); // once: a per-call config is re-parsed on every call
  instance.addHook('afterSanitizeAttributes', (node) => {
    for (const name of urlAttributes) {
      const value = node.getAttribute(name);
      if (value === null) continue;
      const absolute = absoluteUrl(value, name === 'href');
      if (absolute === undefined) node.removeAttribute(name);
      else node.setAttribute(name, absolute);
    }
    const srcset = node.getAttribute('srcset');
    if (srcset !== null) {
      const rewritten = rewriteSrcset(srcset);
      if (rewritten) node.setAttribute('srcset', rewritten);
      else node.removeAttribute('srcset');
    }
    // Media never starts by itself.
    node.removeAttribute('autoplay');
  });
  purifier = { purify: instance, document: window.document as unknown as Document };
  return purifier;
}

function absoluteUrl(raw: string, allowMailto: boolean): string | undefined {
  const value = raw.trim();
  if (value === '') return undefined;
  // In-page links (footnotes) stay in-page; against the feed's URL they would point at the feed file.
  if (allowMailto && value.startsWith('#')) return value;
  let url: URL;
  try {
    url = currentBase ? new URL(value, currentBase) : new URL(value);
  } catch {
    return undefined; // relative with no usable base, or not a URL at all
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  if (allowMailto && url.protocol === 'mailto:') return url.href;
  return undefined;
}

/** `a.jpg 1x, /b.jpg 2x` → each candidate's URL made absolute; unsafe candidates dropped. */
function rewriteSrcset(srcset: string): string {
  return srcset
    .split(/,\s+|,(?=\S+\s)/)
    .map((candidate) => {
      const [url, ...descriptors] = candidate.trim().split(/\s+/);
      const absolute = url ? absoluteUrl(url, false) : undefined;
      return absolute ? [absolute, ...descriptors].join(' ') : undefined;
    })
    .filter((candidate): candidate is string => candidate !== undefined)
    .join(', ');
}

/**
 * More elements than a long post has, by far (a 10,000-word post has about a thousand). jsdom builds each
 * one in memory and DOMPurify's walk slows as they grow (5,000 take about a second here, 20,000 ten);
 * one item of 14 MB of tiny elements exhausted the host's heap. Such a field, or one nested deeper than
 * maxOpenDepth (../net/markup-size.ts), keeps its words, as text.
 */
export const maxFieldElements = 5_000;

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The words of an HTML fragment as one safe paragraph, without parsing it (shared/feeds/text.ts is regular expressions). */
export function htmlAsText(html: string): string {
  const text = htmlToText(html);
  return text ? `<p>${escapeText(text)}</p>` : '';
}

/** Sanitised HTML with absolute URLs; `baseUrl` should be http(s) (xml:base in effect, else the feed's URL). */
export function sanitizeHtml(html: string, baseUrl?: string): string {
  if (html.trim() === '') return '';
  // Without "<" no element can form: plain text is already safe HTML (and most summaries are plain text).
  if (!html.includes('<')) return html.trim();
  if (countStartTags(html, maxFieldElements) > maxFieldElements || openDepth(html, maxOpenDepth) > maxOpenDepth) return htmlAsText(html);
  const { purify, document } = getPurifier();
  const container = document.createElement('div');
  container.innerHTML = html;
  currentBase = toBase(baseUrl);
  try {
    purify.sanitize(container);
    return container.innerHTML.trim();
  } finally {
    currentBase = undefined;
  }
}

function toBase(baseUrl: string | undefined): URL | undefined {
  if (!baseUrl) return undefined;
  try {
    const url = new URL(baseUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}
