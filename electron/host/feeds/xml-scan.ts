/**
 * A light pass over feed XML for what rss-parser (xml2js underneath) loses:
 *  - xml:base, on the root, the channel, each entry and its content. Fluent Reader ignored it and
 *    resolved relative links wrongly (FR 692); ParsedItem.baseUrl carries it to the normaliser.
 *  - the markup inside Atom text constructs (title, subtitle/tagline, summary, content) that are xhtml
 *    (`type="xhtml"`, Atom 0.3's application/xhtml+xml or mode="xml") or carry unescaped elements, and of
 *    an RSS item's XHTML `<body>`: xml2js turns mixed content into objects and loses the order of text
 *    and elements, so the original inner XML is cut out of the source here instead.
 * It is a tag tokenizer with a stack, not a parser: CDATA, comments and PIs are skipped whole, and
 * only the elements a feed has at known depths are recorded. If its entry count disagrees with the
 * parser's, the caller ignores the per-entry results rather than misattribute them.
 */

export interface ScannedEntry {
  /** xml:base in effect for the entry (absolute), if any xml:base applied. */
  base?: string;
  /** xml:base in effect for the entry's content/summary when it differs (Atom allows it per element). */
  contentBase?: string;
  /** Inner markup of children written as markup, keyed by local name (content, summary, title; RSS body). */
  xhtml: Partial<Record<MarkupKey, string>>;
  /** RSS: the item has a <summary> before any <description> (feedparser then takes the summary as summary). */
  summaryFirst?: boolean;
}

type MarkupKey = 'content' | 'summary' | 'title' | 'body' | 'subtitle' | 'tagline' | 'description';

/** Children of an Atom entry, of an Atom feed, and of an RSS item whose markup is worth keeping. */
const entryMarkup: readonly string[] = ['content', 'summary', 'title'];
const itemMarkup: readonly string[] = ['description', 'summary', 'body'];
const feedMarkup: readonly string[] = ['title', 'subtitle', 'tagline'];

export interface XmlScan {
  /** Base for feed-level links: document URL, then xml:base on the root and channel. */
  feedBase?: string;
  /** Set only when the root or channel declared an xml:base: feed-level links resolve against it. */
  declaredFeedBase?: string;
  /** xml:lang on the root or channel. */
  language?: string;
  /** Inner markup of the Atom feed's own title, subtitle or tagline, when written as markup. */
  feedMarkup?: Partial<Record<MarkupKey, string>>;
  entries: ScannedEntry[];
}

interface Open {
  local: string;
  base?: string;
  entry?: ScannedEntry;
  /** For a child being captured: where its inner markup starts, and how it is typed. */
  captureFrom?: number;
  /** `xhtml` (Atom 1.0: unwrap its div), `xml` (Atom 0.3 xhtml, RSS body: keep as is), `text`/`html` (only if it has elements). */
  captureAs?: 'xhtml' | 'xml' | 'text' | 'html';
  /** An RSS item: whether a <description> has been seen yet. */
  seenDescription?: boolean;
}

const tokens =
  /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w.:-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g;

const attrPattern = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * `full`: scan even when no quick sign says there is something to find (the caller has seen an item whose
 * description holds elements).
 */
export function scanXml(xml: string, documentUrl?: string, full = false): XmlScan {
  // Cheap exit for the common case: nothing this pass would find. Every Atom feed is scanned (a text
  // construct may hold unescaped markup); RSS only when it shows a sign of what the pass looks for.
  if (!full && !/xml:base|xml:lang|xhtml|<feed[\s>]|<(?:[\w.-]+:)?body[\s>]|<summary[\s>]/.test(xml)) {
    return { feedBase: documentUrl, entries: [] };
  }

  const stack: Open[] = [];
  const entries: ScannedEntry[] = [];
  let feedBase = documentUrl;
  let declaredFeedBase: string | undefined;
  let language: string | undefined;
  let feedMarkupFound: XmlScan['feedMarkup'];

  tokens.lastIndex = 0;
  for (let match = tokens.exec(xml); match; match = tokens.exec(xml)) {
    const [whole, slash, name, rawAttrs = ''] = match;
    if (!name) continue; // CDATA, comment, PI or doctype
    const local = localName(name);

    if (slash) {
      // Tolerant close: pop to the nearest element of that name, if any.
      const at = findLast(stack, local);
      if (at < 0) continue;
      const closing = stack[at];
      if (closing?.captureFrom !== undefined) {
        const owner = at === 1 ? (feedMarkupFound ??= {}) : stack[at - 1]?.entry?.xhtml;
        const markup = capturedMarkup(xml.slice(closing.captureFrom, match.index), closing.captureAs);
        if (owner && markup !== undefined) owner[closing.local as MarkupKey] = markup;
      }
      stack.length = at;
      continue;
    }

    const attrs = parseAttributes(rawAttrs);
    const parent = stack[stack.length - 1];
    const base = resolveBase(parent ? parent.base : documentUrl, attrs['xml:base']);
    const selfClosing = rawAttrs.trimEnd().endsWith('/');
    const depth = stack.length;
    const open: Open = { local, base };

    if (depth === 0 || (depth === 1 && local === 'channel')) {
      feedBase = base;
      if (attrs['xml:base'] !== undefined) declaredFeedBase = base;
      language = attrs['xml:lang'] ?? language;
    } else if (isEntry(local, stack)) {
      open.entry = { base, xhtml: {} };
      entries.push(open.entry);
    } else if (parent?.entry && parent.local === 'item' && itemMarkup.includes(local)) {
      if (base !== parent.base) parent.entry.contentBase = base;
      if (local === 'summary' && !parent.seenDescription) parent.entry.summaryFirst = true;
      if (local === 'description') parent.seenDescription = true;
      if (!selfClosing) Object.assign(open, capture(local === 'body' ? { type: 'application/xhtml+xml' } : {}, match.index + whole.length));
    } else if (parent?.entry && entryMarkup.includes(local)) {
      if (local !== 'title' && base !== parent.base) parent.entry.contentBase = base;
      if (!selfClosing) Object.assign(open, capture(attrs, match.index + whole.length));
    } else if (depth === 1 && stack[0]?.local === 'feed' && feedMarkup.includes(local) && !selfClosing) {
      Object.assign(open, capture(attrs, match.index + whole.length));
    }
    if (!selfClosing) stack.push(open);
  }
  return { feedBase, declaredFeedBase, language, ...(feedMarkupFound ? { feedMarkup: feedMarkupFound } : {}), entries };
}

/** How a text construct's inner markup is to be read, by its type (Atom 1.0) or its type and mode (Atom 0.3). */
function capture(attrs: Record<string, string>, from: number): Pick<Open, 'captureFrom' | 'captureAs'> {
  const type = attrs.type?.trim().toLowerCase();
  const mode = attrs.mode?.trim().toLowerCase();
  if (mode === 'base64' || mode === 'escaped') return {};
  if (type === 'html' || type === 'text/html') return { captureFrom: from, captureAs: 'html' };
  if (type === 'xhtml') return { captureFrom: from, captureAs: 'xhtml' };
  if (type === 'application/xhtml+xml' || mode === 'xml') return { captureFrom: from, captureAs: 'xml' };
  return { captureFrom: from, captureAs: 'text' };
}

/** The markup to keep: xhtml unwrapped from its div, other xhtml as written; text only when it holds elements. */
function capturedMarkup(inner: string, as: Open['captureAs']): string | undefined {
  if (as === 'xhtml') return innerOfDiv(inner);
  if (as === 'xml') return dropXhtmlPrefix(inner).trim();
  const hasElements = /<[A-Za-z_]/.test(inner.replace(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g, ''));
  if (!hasElements) return undefined;
  // TypePad: type="html" around an xhtml div that holds escaped HTML only; the HTML is the div's text.
  if (as === 'html' && /^\s*<(?:[\w.-]+:)?div\b[^>]*>[^<]*<\/(?:[\w.-]+:)?div>\s*$/.test(inner)) return undefined;
  return dropXhtmlPrefix(inner).trim();
}

/** `<xhtml:p>` would not render as HTML: drop the prefix of the elements, if they all share one. */
function dropXhtmlPrefix(markup: string): string {
  const prefix = /^\s*<([\w.-]+):[\w.-]/.exec(markup)?.[1];
  return prefix ? markup.replace(new RegExp(`<(/?)${prefix}:`, 'g'), '<$1') : markup;
}

/** `item` under a channel (RSS) or the root (RSS 1.0), `entry` under the root (Atom). */
function isEntry(local: string, stack: Open[]): boolean {
  const parent = stack[stack.length - 1];
  if (local === 'item') return stack.length === 1 || (stack.length === 2 && parent?.local === 'channel');
  return local === 'entry' && stack.length === 1;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function findLast(stack: Open[], local: string): number {
  for (let index = stack.length - 1; index >= 0; index -= 1) if (stack[index]?.local === local) return index;
  return -1;
}

function parseAttributes(raw: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  attrPattern.lastIndex = 0;
  for (let match = attrPattern.exec(raw); match; match = attrPattern.exec(raw)) {
    if (match[1]) attrs[match[1]] = decodeXmlEntities(match[2] ?? match[3] ?? '');
  }
  return attrs;
}

/** A base resolves against its parent's; an unusable one leaves the parent's in effect. */
function resolveBase(parent: string | undefined, value: string | undefined): string | undefined {
  if (value === undefined) return parent;
  try {
    return new URL(value.trim(), parent).href;
  } catch {
    return parent;
  }
}

/** Atom puts xhtml content inside one xhtml <div>; the content is what is inside it. */
function innerOfDiv(markup: string): string {
  const match = /^\s*<(?:([\w.-]+):)?div\b[^>]*>([\s\S]*)<\/(?:[\w.-]+:)?div>\s*$/.exec(markup);
  if (!match) return markup.trim();
  const [, prefix, inner = ''] = match;
  // A prefixed xhtml namespace (<h:div><h:p>) would not render as HTML: drop that prefix.
  return prefix ? inner.replace(new RegExp(`<(/?)${prefix}:`, 'g'), '<$1') : inner;
}

function decodeXmlEntities(value: string): string {
  return value.replace(/&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g, (whole, dec, hex, named) => {
    if (dec || hex) {
      const code = dec ? Number(dec) : parseInt(hex as string, 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named as 'amp'];
  });
}
