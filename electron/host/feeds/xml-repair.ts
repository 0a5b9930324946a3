/**
 * Make real-world feed XML acceptable to a strict XML parser (rss-parser → xml2js → sax in strict mode),
 * without changing what a well-formed feed means. Each fix is one that readers have broken on
 * (LESSONS, "Where readers broke on real feeds"): a BOM or junk before the prolog (rss-parser 95, 194),
 * control characters (MF 52, 569), bare `&` and HTML entities such as `&nbsp;` (MF 320, 416).
 * Entity declarations are never expanded: an internal DTD subset is dropped whole, so a
 * "billion laughs" document costs one linear scan and its references end up as literal text.
 * Every fix is reported in words, for the fetch response's `repairs`.
 */

import { namedEntityCodePoint } from '../../../shared/html-entities';

export interface RepairedXml {
  xml: string;
  repairs: string[];
}

/** The five entities XML predefines: kept as written. */
const xmlEntities = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/**
 * Code points for HTML named entities (the HTML 4 set, which RSS 0.91's DTD declared and feeds use
 * unescaped), with that DTD's values for the angle brackets where the shared table has HTML5's.
 */
const rss091Brackets: ReadonlyMap<string, number> = new Map([
  ['lang', 0x2329],
  ['rang', 0x232a],
]);

function htmlEntityCodePoint(name: string): number | undefined {
  return rss091Brackets.get(name) ?? namedEntityCodePoint(name);
}

/** Characters XML 1.0 forbids anywhere, even in CDATA: C0 controls but tab/LF/CR, and U+FFFE/U+FFFF. */
// eslint-disable-next-line no-control-regex
const illegalChars = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Skips the prolog, comments, PIs and a doctype to read the name of the first element. */
const rootPattern =
  /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\]\s*)?>)*<([A-Za-z_][\w.:-]*)/i;

/** The document element's name, e.g. "rss", "feed", "rdf:RDF", "html"; undefined when there is none. */
export function rootElementName(xml: string): string | undefined {
  return rootPattern.exec(xml.slice(0, 65_536))?.[1];
}

export function repairXml(input: string): RepairedXml {
  const repairs: string[] = [];
  let xml = input;

  if (xml.startsWith('\uFEFF')) {
    xml = xml.slice(1);
    repairs.push('Removed a byte-order mark before the XML.');
  }

  const controls = xml.match(illegalChars)?.length ?? 0;
  if (controls > 0) {
    xml = xml.replace(illegalChars, '');
    repairs.push(`Removed ${plural(controls, 'control character')} that XML does not allow.`);
  }

  xml = trimLeadingJunk(xml, repairs);
  xml = dropInternalSubset(xml, repairs);
  xml = trimTrailingJunk(xml, repairs);
  xml = fixEntities(xml, repairs);
  return { xml, repairs };
}

/** Whitespace, a stray newline or a PHP warning before `<?xml` makes a strict parser give up. */
function trimLeadingJunk(xml: string, repairs: string[]): string {
  const prolog = xml.indexOf('<?xml');
  const start = prolog >= 0 && prolog < 4096 ? prolog : xml.search(/<[A-Za-z!?]/);
  if (start <= 0) return xml;
  if (xml.slice(0, start).trim() === '') repairs.push('Removed whitespace before the start of the XML.');
  else repairs.push(`Removed ${plural(start, 'stray character')} before the start of the XML.`);
  return xml.slice(start);
}

/** A general entity whose value is plain text (no reference, no markup), short: safe to expand, once. */
const simpleEntity = /<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:"([^"&%<]{0,1024})"|'([^'&%<]{0,1024})')\s*>/g;
const expansionBudget = 1_000_000;

/**
 * `<!DOCTYPE x [ … ]>` may declare entities, including exponential ones. The whole doctype goes. Entities
 * whose value is plain text are expanded (one level, bounded in total); references to anything else
 * declared there become literal text below. Only that is reported: a subset of plain-text entities and
 * parameter entities (which a non-validating parser need not read) loses nothing.
 */
function dropInternalSubset(xml: string, repairs: string[]): string {
  const start = xml.search(/<!DOCTYPE\b/i);
  if (start < 0 || start > 4096) return xml;
  const firstClose = xml.indexOf('>', start);
  const bracket = xml.indexOf('[', start);
  if (bracket < 0 || (firstClose >= 0 && firstClose < bracket)) return xml;
  const end = /\]\s*>/g;
  end.lastIndex = bracket;
  const close = end.exec(xml);
  const stop = close ? close.index + close[0].length : xml.length;
  const subset = xml.slice(bracket, close ? close.index : xml.length);
  const values = new Map<string, string>();
  for (const match of subset.matchAll(simpleEntity)) if (!xmlEntities.has(match[1]!)) values.set(match[1]!, match[2] ?? match[3] ?? '');
  const general = subset.match(/<!ENTITY\s+(?!%)/g)?.length ?? 0;
  let rest = xml.slice(stop);
  let spent = 0;
  let complete = general === values.size;
  if (values.size) {
    rest = rest
      .split(/(<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->)/)
      .map((part, index) =>
        index % 2 === 1
          ? part
          : part.replace(/&([A-Za-z_][\w.-]*);/g, (whole, name: string) => {
              const value = values.get(name);
              if (value === undefined) return whole;
              spent += value.length;
              if (spent > expansionBudget) {
                complete = false;
                return whole;
              }
              return value;
            }),
      )
      .join('');
  }
  if (!complete) repairs.push('Ignored the document type declarations (entities declared there are never expanded).');
  return xml.slice(0, start) + rest;
}

/** Analytics snippets or a second document after `</rss>` make sax fail with "text outside root". */
function trimTrailingJunk(xml: string, repairs: string[]): string {
  const root = rootElementName(xml);
  if (!root) return xml;
  const closeTag = `</${root}`;
  const at = xml.lastIndexOf(closeTag);
  if (at < 0) return xml;
  const end = xml.indexOf('>', at + closeTag.length);
  if (end < 0) return xml;
  const rest = xml.slice(end + 1);
  if (rest.replace(/<!--[\s\S]*?-->/g, '').trim() === '') return xml;
  repairs.push('Removed content after the end of the feed.');
  return xml.slice(0, end + 1);
}

/**
 * Outside CDATA sections and comments: bare `&` → `&amp;`; HTML named entities → numeric references
 * (strict XML knows only the five predefined ones); unknown names → literal text; references to
 * characters XML forbids → dropped.
 */
function fixEntities(xml: string, repairs: string[]): string {
  let bare = 0;
  let named = 0;
  let unknown = 0;
  let invalid = 0;
  let upper = 0;
  const fixSegment = (segment: string): string =>
    segment.replace(/&(?:(#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)?/g, (whole, ref: string | undefined) => {
      if (ref === undefined) {
        bare += 1;
        return '&amp;';
      }
      if (ref.startsWith('#')) {
        const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        // XML spells the hexadecimal form `&#x…;` only; HTML (and feeds) also write `&#X…;`.
        if (isXmlChar(code) && ref[1] === 'X') {
          upper += 1;
          return `&#x${ref.slice(2)};`;
        }
        if (isXmlChar(code)) return whole;
        invalid += 1;
        return '';
      }
      if (xmlEntities.has(ref)) return whole;
      const code = htmlEntityCodePoint(ref);
      if (code !== undefined) {
        named += 1;
        return `&#${code};`;
      }
      unknown += 1;
      return `&amp;${ref};`;
    });

  const fixed = xml
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->)/)
    .map((part, index) => (index % 2 === 1 ? part : fixSegment(part)))
    .join('');

  if (bare) repairs.push(`Escaped ${plural(bare, 'bare ampersand')} ("&" not starting an entity).`);
  if (named) repairs.push(`Replaced ${plural(named, 'HTML entity', 'HTML entities')} (such as &nbsp;) with character references.`);
  if (unknown) repairs.push(`Kept ${plural(unknown, 'undefined entity', 'undefined entities')} as literal text.`);
  if (upper) repairs.push(`Rewrote ${plural(upper, 'character reference')} written "&#X…;" as "&#x…;".`);
  if (invalid) repairs.push(`Removed ${plural(invalid, 'character reference')} to characters XML does not allow.`);
  return fixed;
}

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
