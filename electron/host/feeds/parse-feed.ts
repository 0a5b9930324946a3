/**
 * Decoded text → ParsedFeed. JSON Feed goes to shared/feeds/json-feed.ts; XML is repaired (xml-repair.ts)
 * and read by rss-parser, which knows RSS 0.9x, RSS 1.0/RDF, RSS 2.0 and Atom 0.3/1.0. We keep its XML
 * layer and format dispatch, and map fields ourselves from raw custom fields (xml-feed-map.ts), because
 * its own item mapping throws on one bad Atom date (`new Date(x).toISOString()`) or one <link> without
 * attributes — losing the whole feed for one entry — and drops xml:base (captured by xml-scan.ts).
 * Anything that is not a feed is refused with words a user understands.
 */
import Parser from 'rss-parser';
import type { FeedFormat, ParsedFeed } from '../../../shared/feeds/feed-schemas';
import { JsonFeedError, parseJsonFeed } from '../../../shared/feeds/json-feed';
import { HostFailure } from '../../../shared/host-error';
import { feedFields, itemFields, list, mapFeed, type Raw } from './xml-feed-map';
import { repairXml, rootElementName } from './xml-repair';
import { scanXml } from './xml-scan';

export interface ParseOptions {
  /** The response's Content-Type, if any: `json` in it means JSON Feed. */
  contentType?: string;
  /** Where the document was read from: the base of last resort for relative URLs. */
  url?: string;
}

export interface ParsedDocument {
  feed: ParsedFeed;
  /** Recoveries made on the way (XML repairs), in words. */
  repairs: string[];
  /** Per item, the base to resolve URLs inside its HTML against (content's own xml:base if it has one). */
  htmlBases: (string | undefined)[];
}

const webPageMessage = 'This address does not point to a feed (it looks like a web page).';

export function notAFeed(message = 'This address does not point to a feed.'): HostFailure {
  return new HostFailure('not-a-feed', message);
}

export function looksLikeJson(text: string, contentType?: string): boolean {
  const first = text.replace(/^\uFEFF/, '').trimStart()[0];
  return first === '{' || (first !== '<' && /json/i.test(contentType ?? ''));
}

export async function parseFeedText(text: string, options: ParseOptions = {}): Promise<ParsedDocument> {
  if (text.replace(/^\uFEFF/, '').trim() === '') throw notAFeed('This address returned an empty document, not a feed.');
  if (looksLikeJson(text, options.contentType)) return parseJson(text, options.url);
  return parseXml(text, options.url);
}

function parseJson(text: string, url: string | undefined): ParsedDocument {
  let feed: ParsedFeed;
  try {
    feed = parseJsonFeed(text);
  } catch (error) {
    // JsonFeedError messages are written for the user already.
    throw notAFeed(error instanceof JsonFeedError ? error.message : 'This address returned JSON that is not a JSON Feed.');
  }
  return { feed, repairs: [], htmlBases: feed.items.map((item) => item.baseUrl ?? url) };
}

const feedRoots: Record<string, FeedFormat> = { rss: 'rss', feed: 'atom', 'rdf:rdf': 'rdf' };

async function parseXml(text: string, url: string | undefined): Promise<ParsedDocument> {
  const { xml: repaired, repairs } = repairXml(text);
  let xml = repaired;
  const root = rootElementName(xml);
  if (!root) {
    throw notAFeed(/^\s*<(?:!doctype\s+html|html)/i.test(xml) ? webPageMessage : 'This address does not point to a feed (it returned neither XML nor JSON).');
  }
  const lowered = root.toLowerCase();
  if (lowered === 'html' || lowered.endsWith(':html')) throw notAFeed(webPageMessage);
  let format = feedRoots[lowered];
  if (!format) {
    const unprefixed = unprefixAtom(xml, root);
    if (!unprefixed) {
      throw notAFeed(`This address returned an XML document (<${root}>) that is not a feed: Commonplace reads RSS, Atom, RDF and JSON Feed.`);
    }
    xml = unprefixed;
    format = 'atom';
    repairs.push('Read an Atom feed written with a namespace prefix.');
  }

  let result: Raw;
  try {
    result = (await createParser(false).parseString(xml)) as unknown as Raw;
  } catch (strictError) {
    // Truncated downloads and unclosed tags are common; sax's loose mode recovers most of such a feed,
    // once a truncated document is cut at its last complete tag and its root closed.
    const rootName = rootElementName(xml) ?? root;
    // A complete close tag: a download cut inside it (`</rss`) is truncated too.
    const truncated = !new RegExp(`</${rootName.replace(/[.]/g, '\\.')}\\s*>`).test(xml);
    const loose = truncated ? `${xml.slice(0, xml.lastIndexOf('>') + 1)}</${rootName}>` : xml;
    try {
      result = (await createParser(true).parseString(loose)) as unknown as Raw;
      repairs.push(`Read the feed leniently: ${brokenXmlMessage(strictError)}${truncated ? '; it looks cut off' : ''}.`);
      xml = loose;
    } catch {
      throw notAFeed(`This feed is broken: ${brokenXmlMessage(strictError)}, so it could not be read.`);
    }
  }
  const items = list(result.items).filter((item): item is Raw => typeof item === 'object' && item !== null);
  const scan = scanXml(xml, url, items.some(holdsMarkup));
  const feed = mapFeed(result, items, format, scan);
  const bases = scan.entries.length === items.length ? scan.entries : [];
  const htmlBases = feed.items.map((item, index) => bases[index]?.contentBase ?? item.baseUrl ?? scan.feedBase ?? url);
  return { feed, repairs, htmlBases };
}

/** An RSS item whose description or summary holds elements (naked markup), whose order xml2js has lost. */
function holdsMarkup(item: Raw): boolean {
  return [item.rawDescription, item.rawSummary].some((value) =>
    list(value).some((node) => typeof node === 'object' && node !== null && Object.keys(node).some((key) => key !== '_' && key !== '$')),
  );
}

/** `<a:feed xmlns:a="…/Atom">`: legal, rare, and invisible to rss-parser, which looks for `feed`. */
function unprefixAtom(xml: string, root: string): string | undefined {
  const [prefix, local] = root.split(':');
  if (!prefix || local !== 'feed') return undefined;
  const declared = new RegExp(`xmlns:${prefix}\\s*=\\s*["'](?:http://www\\.w3\\.org/2005/Atom|http://purl\\.org/atom/ns#)["']`);
  if (!declared.test(xml.slice(0, 4096))) return undefined;
  return xml.replace(new RegExp(`<(/?)${prefix}:`, 'g'), '<$1');
}

/** sax reports "Unexpected close tag\nLine: 12\nColumn: 4\nChar: >"; the line is worth passing on. */
function brokenXmlMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const line = /Line:\s*(\d+)/.exec(message)?.[1];
  const what = /^([A-Za-z][\w ]+?)\s*(?:\n|$)/.exec(message)?.[1]?.toLowerCase();
  const where = line ? ` near line ${Number(line) + 1}` : '';
  return `its XML is not well-formed${where}${what ? ` (${what})` : ''}`;
}

/** Loose sax upper-cases every name; these are the mixed-case ones rss-parser and the mapping look for. */
const mixedCaseNames = ['rdf:RDF', 'pubDate', 'lastBuildDate', 'managingEditor', 'webMaster', 'skipHours', 'skipDays',
  'itunes:episodeType', 'isPermaLink', 'fileSize'];
const canonicalNames = new Map(mixedCaseNames.map((name) => [name.toLowerCase(), name]));
const canonicalName = (name: string) => canonicalNames.get(name.toLowerCase()) ?? name.toLowerCase();

interface ParserInternals {
  buildAtomFeed(xmlObj: Raw): Raw;
  buildRSS2(xmlObj: Raw): Raw;
  buildRSS(channel: unknown, items: unknown): Raw;
  parseItemAtom(entry: Raw): Raw;
  setISODate(item: Raw): void;
}

interface XmlParser {
  parseString(xml: string, callback: (error: unknown, result: unknown) => void): void;
}

const asElement = (value: unknown): Raw => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : {});

/**
 * rss-parser assumes a channel: an empty `<rss></rss>` (xml2js makes it '') is "not recognized",
 * `<rss version="2.0"/>` without a <channel> is a TypeError. Both are well-formed, empty feeds.
 */
function withChannel(result: unknown): unknown {
  if (!result || typeof result !== 'object') return result;
  const document = result as Raw;
  for (const rootName of ['rss', 'rdf:RDF']) {
    if (!(rootName in document)) continue;
    const root = asElement(document[rootName]);
    const channels = list(root.channel);
    root.channel = channels.length ? channels.map(asElement) : [{}];
    if (rootName === 'rdf:RDF' && root.item !== undefined) root.item = list(root.item).map(asElement);
    for (const channel of root.channel as Raw[]) if (channel.item !== undefined) channel.item = list(channel.item).map(asElement);
    document[rootName] = root;
  }
  return document;
}

const keepArray = (fields: readonly (readonly [string, string])[]) => fields.map(([from, to]) => [from, to, { keepArray: true }]);

function copyFields(source: unknown, fields: readonly (readonly [string, string])[]): Raw {
  const target: Raw = {};
  if (!source || typeof source !== 'object') return target;
  for (const [from, to] of fields) {
    const value = (source as Raw)[from];
    if (value !== undefined) target[to] = value;
  }
  return target;
}

/**
 * One parser per document (xml2js keeps per-parse state). The overrides make rss-parser lenient:
 * entries are read raw (custom fields only), dates are left raw for the normaliser, and a crash in a
 * feed-level builder falls back to the plain structure instead of losing the feed.
 */
function createParser(lenient: boolean): Parser {
  const xml2js = lenient ? { strict: false, tagNameProcessors: [canonicalName], attrNameProcessors: [canonicalName] } : {};
  const options = { customFields: { feed: keepArray(feedFields), item: keepArray(itemFields) }, defaultRSS: 2, xml2js };
  const parser = new Parser(options as unknown as Parser.ParserOptions<Raw, Raw>);
  const original = Parser.prototype as unknown as ParserInternals;
  const internals = parser as unknown as ParserInternals;
  const xmlParser = (parser as unknown as { xmlParser: XmlParser }).xmlParser;
  const parseString = xmlParser.parseString.bind(xmlParser);
  xmlParser.parseString = (xml, callback) => parseString(xml, (error, result) => callback(error, error ? result : withChannel(result)));
  internals.setISODate = () => undefined;
  internals.parseItemAtom = (entry) => copyFields(entry, itemFields);
  internals.buildAtomFeed = (xmlObj) => {
    try {
      return original.buildAtomFeed.call(parser, xmlObj);
    } catch {
      const feed = xmlObj.feed as Raw;
      return { ...copyFields(feed, feedFields), items: list(feed.entry).map((entry) => copyFields(entry, itemFields)) };
    }
  };
  internals.buildRSS2 = (xmlObj) => {
    try {
      return original.buildRSS2.call(parser, xmlObj);
    } catch {
      const channel = list((xmlObj.rss as Raw).channel)[0] as Raw;
      return internals.buildRSS(channel, channel.item);
    }
  };
  return parser;
}
