/**
 * Sanitises extracted article HTML before it is stored (handbook §6). Readability does not sanitise
 * (its README says so), so everything it returns passes through DOMPurify with an allow-list of
 * article markup, then every link and image address is made absolute against the page's final URL
 * — stored articles are read offline, far from the page that gave relative links their meaning.
 */
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';
import { JSDOM } from 'jsdom';

const allowedTags = [
  // text blocks and structure
  'p', 'div', 'span', 'section', 'article', 'header', 'footer', 'aside', 'main', 'details', 'summary',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'hr', 'br', 'wbr',
  // lists
  'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  // inline
  'a', 'em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sup', 'sub', 'abbr', 'cite',
  'q', 'time', 'kbd', 'samp', 'var', 'dfn', 'bdi', 'bdo',
  // media that is only a picture
  'figure', 'figcaption', 'img', 'picture', 'source',
  // tables
  'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
];

// No id/name (they could clobber the reader's DOM), no class/style (the reader styles articles itself;
// style is also where `expression()` and `url(javascript:)` live), no event handlers, no srcdoc.
const allowedAttributes = [
  'href', 'src', 'srcset', 'sizes', 'media', 'alt', 'title', 'width', 'height',
  'colspan', 'rowspan', 'scope', 'datetime', 'cite', 'lang', 'dir', 'start', 'reversed', 'type',
];

const sanitizeConfig = {
  ALLOWED_TAGS: allowedTags,
  ALLOWED_ATTR: allowedAttributes,
  // http(s), mailto and relative addresses only; relative ones are resolved below. `data:` images still
  // pass DOMPurify (it always allows them on img), so the address pass below removes them too.
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  WHOLE_DOCUMENT: false,
  RETURN_DOM: true,
} satisfies Config;

let purifier: DOMPurify | undefined;

/**
 * One DOMPurify bound to one empty jsdom window for the life of the process: creating a window per
 * article costs more than the sanitising, and this window never holds page content or runs scripts.
 */
function getPurifier(): DOMPurify {
  purifier ??= createDOMPurify(new JSDOM('<!doctype html><html><body></body></html>').window);
  return purifier;
}

/** Sanitises `html` and returns the cleaned `<body>`, with absolute URLs, for callers that read it. */
export function sanitizeArticleDom(html: string, baseUrl: string): HTMLElement {
  // With RETURN_DOM, DOMPurify hands back the <body> of the document it cleaned (typed only as Node).
  const body = getPurifier().sanitize(html, sanitizeConfig) as HTMLElement;
  absolutiseAddresses(body, baseUrl);
  return body;
}

/** Sanitised HTML with absolute http(s) addresses: safe to store, still sanitised again when shown. */
export function sanitizeArticleHtml(html: string, baseUrl: string): string {
  return sanitizeArticleDom(html, baseUrl).innerHTML;
}

function absolutiseAddresses(root: HTMLElement, baseUrl: string): void {
  for (const element of root.querySelectorAll('[href], [src], [cite], [srcset]')) {
    for (const name of ['href', 'src', 'cite'] as const) {
      const value = element.getAttribute(name);
      if (value === null) continue;
      const absolute = absoluteAddress(value, baseUrl, name === 'href');
      if (absolute) element.setAttribute(name, absolute);
      else element.removeAttribute(name);
    }
    const srcset = element.getAttribute('srcset');
    if (srcset !== null) {
      const cleaned = absoluteSrcset(srcset, baseUrl);
      if (cleaned) element.setAttribute('srcset', cleaned);
      else element.removeAttribute('srcset');
    }
    // An image left with no address is an empty box in the reader.
    if (element.localName === 'img' && !element.hasAttribute('src') && !element.hasAttribute('srcset')) element.remove();
  }
}

/** The absolute form of an address, or undefined when it is empty, unparsable or not http(s)/mailto. */
export function absoluteAddress(value: string, baseUrl: string, allowMailto = false): string | undefined {
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed, baseUrl);
  } catch {
    return undefined;
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  if (allowMailto && url.protocol === 'mailto:') return url.href;
  return undefined;
}

/**
 * Rewrites a srcset candidate by candidate (DOMPurify checks only the start of the attribute, so a
 * `javascript:` or `data:` candidate after the first would otherwise survive). Follows the HTML
 * parsing rule: a candidate's URL is a run of non-space characters, its descriptors run to the comma.
 */
export function absoluteSrcset(value: string, baseUrl: string): string {
  const candidates: string[] = [];
  let index = 0;
  while (index < value.length) {
    while (index < value.length && /[\s,]/.test(value[index]!)) index += 1;
    if (index >= value.length) break;
    let start = index;
    while (index < value.length && !/\s/.test(value[index]!)) index += 1;
    let address = value.slice(start, index);
    let descriptor = '';
    if (address.endsWith(',')) {
      address = address.replace(/,+$/, '');
    } else {
      start = index;
      while (index < value.length && value[index] !== ',') index += 1;
      descriptor = value.slice(start, index).trim();
    }
    const absolute = absoluteAddress(address, baseUrl);
    if (!absolute) continue;
    // Only width/density descriptors ("640w", "2x") are meaningful; anything else is dropped.
    const validDescriptor = /^\d+(?:\.\d+)?[wx]$/.test(descriptor) ? descriptor : '';
    candidates.push(validDescriptor ? `${encodeSrcsetUrl(absolute)} ${validDescriptor}` : encodeSrcsetUrl(absolute));
  }
  return candidates.join(', ');
}

/** A comma at the end of a srcset URL would be read as a separator; percent-encode it. */
function encodeSrcsetUrl(url: string): string {
  return url.replace(/,$/, '%2C');
}
