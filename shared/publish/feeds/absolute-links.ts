/**
 * A post's HTML links relatively (`../images/x.png`, `other-note.html`) so the site works from any address;
 * a feed reader has no page to resolve them against, so feeds carry them absolute. String processing rather
 * than a DOM, since shared/ has none: the HTML comes from our own sanitiser, so tags are well-formed and
 * attributes quoted. Only the values of href and src change; every other byte is kept.
 */
import { decodeEntities } from '../../html-entities';

interface ParsedUrl {
  href: string;
  protocol: string;
}
/** The WHATWG URL global; declared here because shared/ compiles without DOM or Node typings. */
declare const URL: new (url: string, base?: string) => ParsedUrl;

/** A comment is skipped whole (a tag written inside one is text); otherwise a start tag and its attributes. */
const MARKUP = /<!--[\s\S]*?-->|<([A-Za-z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g;
const URL_ATTRIBUTES = new Set(['href', 'src']);
/** Has a scheme (`https:`, `mailto:`, `data:`…): already absolute, or not a location at all. */
const HAS_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

export function absolutizeHtml(html: string, baseUrl: string): string {
  const base = parse(baseUrl);
  if (!base) return html;
  return html.replace(MARKUP, (tag: string, name: string | undefined, attributes: string | undefined) => {
    if (name === undefined || !attributes) return tag;
    const rewritten = attributes.replace(ATTRIBUTE, (whole, attribute: string, equals: string, double?: string, single?: string, bare?: string) => {
      if (!URL_ATTRIBUTES.has(attribute.toLowerCase())) return whole;
      const written = double ?? single ?? bare ?? '';
      const absolute = resolve(decodeEntities(written), base);
      if (absolute === undefined) return whole;
      // Quotes are kept as written; a bare value gains double quotes, since a URL may now need them.
      if (single !== undefined) return `${attribute}${equals}'${absolute.replace(/&/g, '&amp;').replace(/'/g, '&#39;')}'`;
      return `${attribute}${equals}"${absolute.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
    });
    return `<${name}${rewritten}>`;
  });
}

/** The absolute form of a relative reference, or undefined when it must stay as written. */
function resolve(value: string, base: ParsedUrl): string | undefined {
  const reference = value.trim();
  // A fragment names a place on the page the reader is showing; a scheme means nothing to resolve.
  if (reference === '' || reference.startsWith('#') || HAS_SCHEME.test(reference)) return undefined;
  // `//host/path` under a file: base would become file://host/path; the web is what such a link meant.
  const webBase = base.protocol === 'http:' || base.protocol === 'https:';
  const absolute = parse(reference.startsWith('//') && !webBase ? `https:${reference}` : reference, base.href);
  return absolute?.href;
}

function parse(url: string, base?: string): ParsedUrl | undefined {
  try {
    return new URL(url, base);
  } catch {
    return undefined;
  }
}
