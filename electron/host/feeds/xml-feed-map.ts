/**
 * rss-parser's raw fields (xml2js shapes: arrays of strings or `{ _: text, $: attributes }`) → ParsedFeed.
 * Fields stay as the feed wrote them (dates raw, links possibly relative, HTML unsanitised here);
 * the normaliser and the sanitiser come after. What this adds over rss-parser's own mapping: every
 * date field kept raw (published/issued/created, updated/modified), Atom categories and authors,
 * several enclosures, media:thumbnail/content (FR 369, 497), iTunes extras, Atom text constructs by type.
 */
import type { Enclosure, FeedFormat, ParsedFeed, ParsedItem } from '../../../shared/feeds/feed-schemas';
import type { ScannedEntry, XmlScan } from './xml-scan';

export type Raw = Record<string, unknown>;

/** Custom fields read from each item/entry, as [element, key] (keepArray: we want every occurrence). */
export const itemFields = [
  ['$', 'attrs'], ['title', 'rawTitle'], ['link', 'rawLink'], ['guid', 'rawGuid'], ['id', 'rawId'],
  ['description', 'rawDescription'], ['content:encoded', 'rawEncoded'], ['content', 'rawContent'],
  ['summary', 'rawSummary'], ['author', 'rawAuthor'], ['dc:creator', 'rawCreator'], ['itunes:author', 'rawItunesAuthor'],
  ['pubDate', 'rawPubDate'], ['dc:date', 'rawDcDate'], ['published', 'rawPublished'], ['issued', 'rawIssued'],
  ['created', 'rawCreated'], ['updated', 'rawUpdated'], ['modified', 'rawModified'], ['atom:updated', 'rawAtomUpdated'],
  ['category', 'rawCategory'], ['dc:subject', 'rawSubject'], ['enclosure', 'rawEnclosure'],
  ['media:content', 'rawMediaContent'], ['media:thumbnail', 'rawMediaThumbnail'], ['media:group', 'rawMediaGroup'],
  ['itunes:image', 'rawItunesImage'], ['itunes:duration', 'itunes:duration'], ['itunes:episode', 'itunes:episode'],
  ['itunes:season', 'itunes:season'], ['itunes:episodeType', 'itunes:episodeType'], ['itunes:explicit', 'itunes:explicit'],
  ['itunes:subtitle', 'itunes:subtitle'], ['itunes:keywords', 'itunes:keywords'], ['comments', 'comments'],
  ['dc:title', 'rawDcTitle'], ['dc:author', 'rawDcAuthor'], ['dc:description', 'rawDcDescription'],
  ['dcterms:issued', 'rawTermsIssued'], ['dcterms:created', 'rawTermsCreated'], ['dcterms:modified', 'rawTermsModified'],
  ['fullitem', 'rawFullitem'],
] as const;

export const feedFields = [
  ['$', 'attrs'], ['title', 'rawTitle'], ['link', 'rawLink'], ['atom:link', 'rawAtomLink'], ['description', 'rawDescription'],
  ['subtitle', 'rawSubtitle'], ['tagline', 'rawTagline'], ['logo', 'rawLogo'], ['icon', 'rawIcon'], ['image', 'rawImage'],
  ['itunes:image', 'rawItunesImage'], ['language', 'rawLanguage'], ['dc:language', 'rawDcLanguage'], ['ttl', 'rawTtl'],
  ['author', 'rawAuthor'], ['dc:title', 'rawDcTitle'], ['dc:description', 'rawDcDescription'],
] as const;

const extraKeys = itemFields.map(([, key]) => key).filter((key) => !key.startsWith('raw') && key !== 'attrs');

export function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Text content of an xml2js value: a string, `{ _ }`, or for mixed content the text of its children. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) {
    for (const entry of value) {
      const found = text(entry);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    const node = value as Raw;
    if (typeof node._ === 'string') return text(node._);
    const parts = Object.entries(node)
      .filter(([key]) => key !== '$')
      .flatMap(([, child]) => list(child).map(text))
      .filter((part): part is string => Boolean(part));
    return parts.join(' ') || undefined;
  }
  return undefined;
}

export function attr(value: unknown, name: string): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const attrs = (value as Raw).$ as Record<string, string> | undefined;
  const found = attrs?.[name];
  return typeof found === 'string' && found.trim() ? found.trim() : undefined;
}

/** An attribute of the item/feed element itself (kept by the `$` custom field). */
function ownAttr(raw: Raw, name: string): string | undefined {
  const value = (raw.attrs as Raw | undefined)?.[name];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function firstText(...values: unknown[]): string | undefined {
  for (const value of values) {
    const found = text(value);
    if (found) return found;
  }
  return undefined;
}

/** Atom <link>: the alternate (no rel means alternate), preferring HTML; RSS <link>: its text, or an href. */
function pickLink(links: unknown[], rel = 'alternate'): string | undefined {
  const matching = links.filter((link) => (attr(link, 'rel') ?? 'alternate') === rel && attr(link, 'href'));
  const html = matching.find((link) => /html/i.test(attr(link, 'type') ?? 'text/html'));
  const chosen = html ?? matching[0];
  if (chosen) return attr(chosen, 'href');
  if (rel !== 'alternate') return undefined;
  // No href: an RSS <link>, or an Atom link that (wrongly) carries its URL as text; only an alternate one.
  for (const link of links) if (typeof link === 'string' || (attr(link, 'rel') ?? 'alternate') === 'alternate') {
    const found = text(link) ?? attr(link, 'href');
    if (found) return found;
  }
  return undefined;
}

/** The element's own character data (xml2js: a string or `{ _ }`), untrimmed. */
function ownText(node: unknown): string | undefined {
  if (typeof node === 'string') return node;
  return node && typeof (node as Raw)._ === 'string' ? ((node as Raw)._ as string) : undefined;
}

/**
 * An Atom text construct written in base64: Atom 0.3's mode="base64", or an Atom 1.0 type that is neither
 * text, HTML nor XML (e.g. application/octet-stream). Returns the decoded UTF-8 text, which is treated as
 * HTML, as feedparser does; undefined when the node is not base64 or does not decode.
 */
export function base64Text(value: unknown): string | undefined {
  const node = list(value)[0];
  if (node === undefined) return undefined;
  const type = (attr(node, 'type') ?? '').toLowerCase();
  const mode = attr(node, 'mode')?.toLowerCase();
  const encoded = mode === 'base64' || (mode === undefined && type !== '' && !['text', 'html', 'xhtml'].includes(type) && !/^text\/|[+/]xml$/.test(type));
  if (!encoded) return undefined;
  const compact = (ownText(node) ?? '').replace(/\s+/g, '');
  if (!compact || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return undefined;
  const decoded = Buffer.from(compact, 'base64').toString('utf8');
  return decoded.trim() ? decoded : undefined;
}

/** An Atom title or subtitle: its markup when it has some (xml-scan.ts), decoded base64, or its text. */
function atomTitle(value: unknown, scanned: string | undefined): string | undefined {
  return base64Text(value) ?? (scanned?.trim() || undefined) ?? firstText(value);
}

const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * An Atom text construct as HTML, by its type. Plain text is escaped, unless it plainly contains markup:
 * many feeds omit type="html" on HTML summaries, and showing raw tags helps nobody.
 */
function atomHtml(value: unknown, scanned: string | undefined): string | undefined {
  const node = list(value)[0];
  if (node === undefined) return undefined;
  const type = (attr(node, 'type') ?? 'text').toLowerCase();
  const mode = attr(node, 'mode');
  if (attr(node, 'src')) return undefined; // out-of-line: nothing to show inline
  const decoded = base64Text(node);
  if (decoded !== undefined || mode === 'base64') return decoded;
  // Markup (xhtml, or elements written inside the construct): xml2js has lost its order, the scan has not.
  if (scanned !== undefined) return scanned;
  if (type === 'xhtml' || type === 'application/xhtml+xml' || mode === 'xml') return text(node);
  const body = ownText(node) ?? text(node);
  if (!body?.trim()) return undefined;
  if (type === 'html' || type === 'text/html' || mode === 'escaped' || /<\/?[a-z][\w-]*[\s>/]/i.test(body)) return body;
  return escapeHtml(body);
}

function rawHtml(value: unknown): string | undefined {
  const node = list(value)[0];
  const body = typeof node === 'string' ? node : node && typeof (node as Raw)._ === 'string' ? ((node as Raw)._ as string) : text(node);
  return body?.trim() ? body : undefined;
}

function toNumber(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value.trim());
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : undefined;
}

function enclosureFrom(node: unknown, urlAttribute: string): Enclosure | undefined {
  const url = attr(node, urlAttribute);
  if (!url) return undefined;
  const type = attr(node, 'type');
  const length = toNumber(attr(node, 'length') ?? attr(node, 'fileSize'));
  return { url, ...(type ? { type } : {}), ...(length !== undefined ? { length } : {}) };
}

const looksLikeImage = (node: unknown) =>
  attr(node, 'medium') === 'image' ||
  /^image\//i.test(attr(node, 'type') ?? '') ||
  (!attr(node, 'type') && !attr(node, 'medium') && /\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)/i.test(attr(node, 'url') ?? ''));

/**
 * RSS writes an author as "Name (email)", "Name <email>" or "email (Name)": the name is what we keep
 * (feedparser's author_detail.name); a bare address stays as it is.
 */
export function authorName(value: string | undefined): string | undefined {
  if (!value) return value;
  const email = String.raw`[^\s()<>]+@[^\s()<>]+`;
  const named =
    new RegExp(String.raw`^(.+?)\s*\(\s*(?:mailto:)?${email}\s*\)$`).exec(value)?.[1] ??
    new RegExp(String.raw`^(.+?)\s*<\s*(?:mailto:)?${email}\s*>$`).exec(value)?.[1] ??
    new RegExp(String.raw`^(?:mailto:)?${email}\s*\(\s*(.+?)\s*\)$`).exec(value)?.[1];
  return named?.trim() || value;
}

function authorOf(raw: Raw): string | undefined {
  const names = list(raw.rawAuthor)
    .map((author) => (author && typeof author === 'object' && 'name' in (author as Raw) ? text((author as Raw).name) : authorName(text(author))))
    .filter((name): name is string => Boolean(name));
  return names.length ? [...new Set(names)].join(', ') : authorName(firstText(raw.rawCreator, raw.rawDcAuthor, raw.rawItunesAuthor));
}

export function mapItem(raw: Raw, format: FeedFormat, scanned: ScannedEntry | undefined, feedAuthor?: string): ParsedItem {
  const links = list(raw.rawLink);
  const media = [...list(raw.rawMediaContent), ...list(raw.rawMediaGroup).flatMap((group) => list((group as Raw)?.['media:content']))];
  const thumbnails = [
    ...list(raw.rawMediaThumbnail),
    ...list(raw.rawMediaGroup).flatMap((group) => list((group as Raw)?.['media:thumbnail'])),
  ];
  const enclosures = [
    ...list(raw.rawEnclosure).map((node) => enclosureFrom(node, 'url')),
    ...links.filter((link) => attr(link, 'rel') === 'enclosure').map((link) => enclosureFrom(link, 'href')),
    ...media.filter((node) => !looksLikeImage(node)).map((node) => enclosureFrom(node, 'url')),
  ].filter((enclosure): enclosure is Enclosure => enclosure !== undefined);
  const imageUrl =
    thumbnails.map((node) => attr(node, 'url')).find(Boolean) ??
    media.filter(looksLikeImage).map((node) => attr(node, 'url')).find(Boolean) ??
    list(raw.rawItunesImage).map((node) => attr(node, 'href') ?? text(node)).find(Boolean) ??
    enclosures.find((enclosure) => /^image\//i.test(enclosure.type ?? ''))?.url;

  const guidNode = list(raw.rawGuid)[0];
  const guid = firstText(raw.rawGuid, raw.rawId) ?? ownAttr(raw, 'rdf:about');
  let link = pickLink(links);
  // An RSS guid is a permalink unless it says otherwise: the usual link when <link> is missing.
  if (!link && guidNode !== undefined && attr(guidNode, 'isPermaLink') !== 'false' && /^https?:\/\//i.test(text(guidNode) ?? '')) {
    link = text(guidNode);
  }
  const categories = [
    ...list(raw.rawCategory).map((category) => attr(category, 'term') ?? text(category) ?? attr(category, 'label')),
    ...list(raw.rawSubject).map(text),
  ].filter((category): category is string => Boolean(category));
  const extras: Record<string, string> = {};
  for (const key of extraKeys) {
    const value = firstText(raw[key]) ?? list(raw[key]).map((node) => attr(node, 'text')).find(Boolean);
    if (value) extras[key] = value;
  }

  const atom = format === 'atom';
  const item: ParsedItem = {
    guid,
    title: atom ? atomTitle(raw.rawTitle, scanned?.xhtml.title) : firstText(raw.rawTitle, raw.rawDcTitle),
    link,
    baseUrl: scanned?.base,
    author: authorOf(raw) ?? feedAuthor,
    published: firstText(raw.rawPubDate, raw.rawPublished, raw.rawDcDate, raw.rawIssued, raw.rawTermsIssued, raw.rawCreated, raw.rawTermsCreated),
    // dc:date is the date of the last change for feedparser (Dublin Core's "date"): also the update date when no other is given.
    // Several <updated>: the last one wins, as in feedparser.
    updated: firstText(list(raw.rawUpdated).slice(-1), raw.rawModified, raw.rawTermsModified, raw.rawAtomUpdated, raw.rawDcDate),
    ...(atom ? atomBodies(raw, scanned) : rssBodies(raw, scanned)),
    imageUrl,
    enclosures: dedupeBy(enclosures, (enclosure) => enclosure.url),
    categories: [...new Set(categories)],
    extras,
  };
  return dropUndefined(item);
}

function atomBodies(raw: Raw, scanned: ScannedEntry | undefined): Pick<ParsedItem, 'contentHtml' | 'summaryHtml'> {
  return { contentHtml: atomHtml(raw.rawContent, scanned?.xhtml.content), summaryHtml: atomHtml(raw.rawSummary, scanned?.xhtml.summary) };
}

/**
 * RSS: the summary is the first of <description>/<summary> (then dc:description), the content is
 * content:encoded, an XHTML <body>, <fullitem>, <content>, or else the second of description/summary,
 * as feedparser reads them. Markup written unescaped inside description/summary comes from the scan.
 */
function rssBodies(raw: Raw, scanned: ScannedEntry | undefined): Pick<ParsedItem, 'contentHtml' | 'summaryHtml'> {
  const description = scanned?.xhtml.description ?? rawHtml(raw.rawDescription);
  const summary = scanned?.xhtml.summary ?? rawHtml(raw.rawSummary);
  const [first, second] = scanned?.summaryFirst ? [summary, description] : [description, summary];
  const content =
    rawHtml(raw.rawEncoded) ?? scanned?.xhtml.body ?? rawHtml(raw.rawFullitem) ?? atomHtml(raw.rawContent, undefined);
  return {
    summaryHtml: first ?? second ?? rawHtml(raw.rawDcDescription),
    contentHtml: content ?? (first !== undefined ? second : undefined),
  };
}

export function mapFeed(raw: Raw, items: Raw[], format: FeedFormat, scan: XmlScan): ParsedFeed {
  const links = [...list(raw.rawLink), ...list(raw.rawAtomLink)];
  const feedAuthor = format === 'atom' ? authorOf(raw) : undefined;
  const entries = scan.entries.length === items.length ? scan.entries : [];
  const ttl = toNumber(text(raw.rawTtl));
  // ParsedFeed has no base field: links under a declared feed-level xml:base are resolved here, or it would be lost.
  const based = (url: string | undefined) => (url && scan.declaredFeedBase ? resolveAgainst(url, scan.declaredFeedBase) : url);
  const feed: ParsedFeed = {
    format,
    title: format === 'atom' ? atomTitle(raw.rawTitle, scan.feedMarkup?.title) : firstText(raw.rawTitle, raw.rawDcTitle),
    description:
      format === 'atom'
        ? raw.rawSubtitle !== undefined
          ? atomTitle(raw.rawSubtitle, scan.feedMarkup?.subtitle)
          : atomTitle(raw.rawTagline, scan.feedMarkup?.tagline)
        : firstText(raw.rawDescription, raw.rawDcDescription),
    siteUrl: based(pickLink(links)),
    selfUrl: based(pickLink(links, 'self')),
    imageUrl: based(
      firstText(list(raw.rawImage).map((image) => (image as Raw)?.url)) ??
        list(raw.rawItunesImage).map((node) => attr(node, 'href')).find(Boolean) ??
        firstText(raw.rawLogo, raw.rawIcon),
    ),
    language: (firstText(raw.rawLanguage, raw.rawDcLanguage) ?? ownAttr(raw, 'xml:lang') ?? scan.language)?.replace(/_/g, '-'), // en_US → en-US
    ttlMinutes: ttl && ttl > 0 ? ttl : undefined,
    items: items.map((item, index) => mapItem(item, format, entries[index] ?? { base: scan.feedBase, xhtml: {} }, feedAuthor)),
  };
  return dropUndefined(feed);
}

function resolveAgainst(url: string, base: string): string {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

function dedupeBy<T>(values: T[], key: (value: T) => string): T[] {
  const seen = new Set<string>();
  return values.filter((value) => !seen.has(key(value)) && Boolean(seen.add(key(value))));
}

/** Optional fields are omitted rather than present-and-undefined, so responses stay small and JSON-clean. */
function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
