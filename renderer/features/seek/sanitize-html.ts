/**
 * The last gate before feed and article HTML reaches the page. The host sanitised it before it was
 * stored, but stored HTML is never trusted: a bug or an older version may have let something by.
 * Besides DOMPurify's defaults (no script, no event handlers, no javascript: URLs), it drops what
 * could act, frame, submit or restyle the app, keeps only http(s)/mailto links and http(s)/data
 * images, and makes every link open outside the app without telling the site where it came from.
 */
import DOMPurify, { type Config } from 'dompurify';

export const forbiddenTags = [
  'script', 'style', 'link', 'meta', 'base', 'noscript', 'template',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal',
  'form', 'input', 'button', 'textarea', 'select', 'option',
  'svg', 'math',
];
// Inline styles would be refused by the CSP anyway. id, name and class are the page's, not the
// feed's: a story must not take over an id the app labels with, or dress itself in the app's classes.
export const forbiddenAttributes = ['style', 'class', 'id', 'name', 'action', 'formaction', 'ping', 'srcdoc', 'background'];

const config: Config = {
  FORBID_TAGS: forbiddenTags,
  FORBID_ATTR: forbiddenAttributes,
  ALLOW_DATA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
};

const linkProtocols = new Set(['http:', 'https:', 'mailto:']);
const imageProtocols = new Set(['http:', 'https:', 'data:']);

/** The URL if it is absolute and uses one of `protocols`; relative URLs would point into the app. */
export function safeUrl(raw: string | null | undefined, protocols: ReadonlySet<string> = linkProtocols): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw.trim());
    if (!protocols.has(url.protocol)) return undefined;
    if (url.protocol === 'data:' && !/^data:image\/(png|gif|jpe?g|webp|avif);/i.test(url.href)) return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

export function isWebUrl(raw: string | null | undefined): raw is string {
  return safeUrl(raw, new Set(['http:', 'https:'])) !== undefined;
}

let purifier: ReturnType<typeof DOMPurify> | undefined;

function getPurifier(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  // A private instance, so these hooks never affect anyone else's use of DOMPurify.
  const instance = DOMPurify(window);
  instance.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      const href = safeUrl(node.getAttribute('href'));
      if (href) {
        node.setAttribute('href', href);
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer nofollow');
      } else {
        node.removeAttribute('href');
        node.removeAttribute('target');
      }
    }
    if (node.nodeName === 'IMG') {
      const src = safeUrl(node.getAttribute('src'), imageProtocols);
      if (src) node.setAttribute('src', src);
      else node.removeAttribute('src');
      node.removeAttribute('srcset');
      node.setAttribute('loading', 'lazy');
      node.setAttribute('referrerpolicy', 'no-referrer');
    }
    for (const attribute of ['src', 'poster'] as const) {
      if (node.nodeName !== 'IMG' && node.hasAttribute(attribute) && !safeUrl(node.getAttribute(attribute), imageProtocols)) {
        node.removeAttribute(attribute);
      }
    }
  });
  purifier = instance;
  return instance;
}

/** Sanitised HTML, safe to hand to `dangerouslySetInnerHTML`. */
export function sanitizeHtml(html: string): string {
  return getPurifier().sanitize(html, { ...config, RETURN_TRUSTED_TYPE: false });
}
