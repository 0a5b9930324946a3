// OPML import: text in, subscriptions out. Lenient with what real readers export (see repair-markup.ts
// for the markup repairs), strict about what it accepts as a feed address.
import { XMLParser } from 'fast-xml-parser';
import { OpmlError, type OpmlImport, type OpmlSkipped, type OpmlSubscription } from './opml-types';
import { repairMarkup } from './repair-markup';
import { cleanText, decodeEntities, splitCategories } from './opml-text';

const NOT_OPML = 'This file is not an OPML subscription list.';
const NOT_OPML_BUT_FEED = 'This file is a feed, not an OPML subscription list: add its address as a subscription instead.';
const FEED_ROOTS = new Set(['rss', 'feed', 'rdf:rdf']);
const FEED_TYPES = new Set(['rss', 'atom', 'feed']);
const DETAIL_LIMIT = 300; // a hostile file should not make the import report unreadable

// fast-xml-parser refuses these names outright (prototype pollution); renamed, they are merely ignored.
const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype']);
const safeName = (name: string): string => {
  const lower = name.toLowerCase();
  return RESERVED_NAMES.has(lower) ? `x-${lower}` : lower;
};

// Entity processing off: no document can define or expand an entity (billion laughs, external files);
// decodeEntities handles references afterwards from a closed table. Names are lower-cased so `xmlurl`,
// `XMLURL` and `<Outline>` all read alike. Order is preserved because folders and feeds interleave.
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Real folder trees are a few levels deep; past this the file is hostile and refused (the default, 100,
  // would refuse a merely odd one). It also bounds the recursion in OutlineWalker.
  maxNestedTags: 1_000,
  transformTagName: safeName,
  transformAttributeName: safeName,
});

/** A node of fast-xml-parser's order-preserving output: `{ [tag]: children, ':@'?: attributes }`. */
type XmlNode = Record<string, unknown>;

function tagOf(node: XmlNode): string | undefined {
  return Object.keys(node).find((key) => key !== ':@' && key !== '#text');
}

function childrenOf(node: XmlNode, tag = tagOf(node)): XmlNode[] {
  const children = tag === undefined ? undefined : node[tag];
  return Array.isArray(children) ? (children as XmlNode[]) : [];
}

function elements(nodes: XmlNode[], tag: string): XmlNode[] {
  return nodes.filter((node) => tagOf(node) === tag);
}

/** Attribute values, decoded; only own string properties, so no name can reach Object.prototype. */
function attributesOf(node: XmlNode): Map<string, string> {
  const raw = node[':@'];
  const attributes = new Map<string, string>();
  if (raw && typeof raw === 'object') {
    for (const [name, value] of Object.entries(raw)) {
      if (typeof value === 'string') attributes.set(name, decodeEntities(value));
    }
  }
  return attributes;
}

function textOf(nodes: XmlNode[]): string {
  return cleanText(decodeEntities(nodes.map((node) => (typeof node['#text'] === 'string' ? node['#text'] : '')).join('')));
}

// shared/ compiles without DOM or Node typings, yet every runtime we target has the WHATWG URL class.
interface WhatwgUrl {
  readonly href: string;
  readonly protocol: string;
  readonly hostname: string;
}
const WhatwgURL = (globalThis as unknown as { URL: new (input: string) => WhatwgUrl }).URL;

/** An absolute http(s) URL in normal form, or undefined. `feed:` URLs (Apple's scheme) mean http(s). */
export function normaliseFeedUrl(raw: string): string | undefined {
  const trimmed = cleanText(raw).replace(/^feed:(?:\/\/)?(?=https?:)/i, '').replace(/^feed:\/\//i, 'http://');
  try {
    const url = new WhatwgURL(trimmed);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function describeOutline(name: string, rawUrl: string | undefined): string {
  const url = cleanText(rawUrl ?? '');
  const detail = name && url ? `${name} (${url})` : name || url || 'an outline without a name';
  return detail.length > DETAIL_LIMIT ? `${detail.slice(0, DETAIL_LIMIT - 1)}…` : detail;
}

class OutlineWalker {
  readonly subscriptions: OpmlSubscription[] = [];
  readonly skipped: OpmlSkipped[] = [];
  private readonly seen = new Set<string>();

  walk(nodes: XmlNode[], folderPath: string[]): void {
    for (const node of elements(nodes, 'outline')) {
      const attributes = attributesOf(node);
      const children = childrenOf(node, 'outline');
      const type = (attributes.get('type') ?? '').trim().toLowerCase();
      const name = cleanText(attributes.get('text') ?? '') || cleanText(attributes.get('title') ?? '');
      // Some exporters write a feed's address as `url`; for type="link" that is a web page instead.
      const rawUrl = attributes.get('xmlurl') ?? (FEED_TYPES.has(type) ? attributes.get('url') : undefined);
      if (rawUrl !== undefined) {
        this.addFeed(attributes, name, rawUrl, folderPath);
        this.walk(children, folderPath); // a feed outline with children: keep them, at the same level
      } else if (children.length > 0) {
        this.walk(children, name ? [...folderPath, name] : folderPath); // a nameless folder adds no level
      } else if (type === 'link' || type === 'include' || attributes.has('url')) {
        // A web page, another outline to include, or an address of unknown kind: say so, import nothing.
        this.skipped.push({ reason: 'unsupported-type', detail: describeOutline(name, attributes.get('url')) });
      } else if (FEED_TYPES.has(type)) {
        this.skipped.push({ reason: 'invalid-url', detail: describeOutline(name, undefined) });
      }
      // Anything else is an empty folder or a note: nothing to import, nothing worth reporting.
    }
  }

  private addFeed(attributes: Map<string, string>, name: string, rawUrl: string, folderPath: string[]): void {
    const xmlUrl = normaliseFeedUrl(rawUrl);
    if (xmlUrl === undefined) {
      this.skipped.push({ reason: 'invalid-url', detail: describeOutline(name, rawUrl) });
      return;
    }
    if (this.seen.has(xmlUrl)) {
      this.skipped.push({ reason: 'duplicate', detail: describeOutline(name, xmlUrl) });
      return;
    }
    this.seen.add(xmlUrl);
    // Each subscription gets its own folderPath array: callers may well edit one of them.
    const subscription: OpmlSubscription = { title: name || new WhatwgURL(xmlUrl).hostname, xmlUrl, folderPath: [...folderPath] };
    const htmlUrl = normaliseFeedUrl(attributes.get('htmlurl') ?? '');
    if (htmlUrl !== undefined) subscription.htmlUrl = htmlUrl;
    const tags = splitCategories(attributes.get('category') ?? '');
    if (tags.length > 0) subscription.tags = tags;
    const description = cleanText(attributes.get('description') ?? '');
    if (description) subscription.description = description;
    this.subscriptions.push(subscription);
  }
}

function readXml(text: string): XmlNode[] {
  try {
    const nodes: unknown = parser.parse(repairMarkup(text));
    return Array.isArray(nodes) ? (nodes as XmlNode[]) : [];
  } catch (cause) {
    // fast-xml-parser's messages name positions and internals; the user gets one plain sentence.
    throw new OpmlError(NOT_OPML, { cause });
  }
}

/**
 * Reads an OPML subscription list. Throws OpmlError (with a message for the user) when the text is not
 * OPML at all; anything OPML-shaped yields a result, with what could not be imported listed in `skipped`.
 */
export function parseOpml(text: string): OpmlImport {
  const top = readXml(text);
  const root = top.find((node) => tagOf(node) !== undefined);
  const rootTag = root && tagOf(root);
  if (!root || rootTag !== 'opml') throw new OpmlError(rootTag && FEED_ROOTS.has(rootTag) ? NOT_OPML_BUT_FEED : NOT_OPML);

  const sections = childrenOf(root);
  const heads = elements(sections, 'head').flatMap((head) => childrenOf(head));
  const [titleElement] = elements(heads, 'title');
  const title = titleElement ? textOf(childrenOf(titleElement)) : '';
  const walker = new OutlineWalker();
  // Outlines belong in <body>, but some exporters leave it out (or close it early): take both.
  for (const node of sections) {
    const tag = tagOf(node);
    if (tag === 'body') walker.walk(childrenOf(node), []);
    else if (tag === 'outline') walker.walk([node], []);
  }
  const result: OpmlImport = { subscriptions: walker.subscriptions, skipped: walker.skipped };
  if (title) result.title = title;
  return result;
}
