/**
 * HTML of the user's own notes as it goes onto their published pages. Sanitised like anything the app
 * shows (no script, handlers, frames, forms or styles), with one difference from feed content: links
 * between posts stay relative (`other-post.html`), so the site works from file://, at a domain root and
 * under a sub-path alike. Any other link must be absolute http(s) or mailto.
 */
import DOMPurify from 'dompurify';
import { forbiddenAttributes, forbiddenTags, safeUrl } from '../../seek';

const imageProtocols = new Set(['http:', 'https:', 'data:']);

/** A sibling post page, exactly as site-posts.ts writes it. */
const postLink = /^[a-z0-9][a-z0-9-]*\.html(#[A-Za-z0-9_-]+)?$/;

let purifier: { window: Window; instance: ReturnType<typeof DOMPurify> } | undefined;

/** One purifier per window: the app has one; the publishing benchmark replaces jsdom's now and then (see there). */
function getPurifier(): ReturnType<typeof DOMPurify> {
  if (purifier?.window === window) return purifier.instance;
  const instance = DOMPurify(window);
  instance.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      const raw = node.getAttribute('href');
      const href = raw && postLink.test(raw) ? raw : safeUrl(raw);
      if (href) node.setAttribute('href', href);
      else node.removeAttribute('href');
    }
    if (node.nodeName === 'IMG') {
      const src = safeUrl(node.getAttribute('src'), imageProtocols);
      if (src) node.setAttribute('src', src);
      else node.removeAttribute('src');
      node.removeAttribute('srcset');
    }
  });
  purifier = { window, instance };
  return instance;
}

export function publishableHtml(html: string): string {
  return getPurifier().sanitize(html, { FORBID_TAGS: forbiddenTags, FORBID_ATTR: [...forbiddenAttributes, 'target'], ALLOW_DATA_ATTR: false, ALLOW_UNKNOWN_PROTOCOLS: false, RETURN_TRUSTED_TYPE: false });
}
