/**
 * JSON Feed 1.0 and 1.1 (jsonfeed.org) → ParsedFeed, the same shape the host returns for RSS and Atom.
 *
 * Like the XML path, this parser reads and maps; it does not clean. In particular `content_html` is
 * returned UNSANITISED: the host calls this parser and then runs DOMPurify over `contentHtml` and
 * `summaryHtml` (and resolves relative URLs inside them) before anything leaves the host. URLs are
 * returned as written; the normaliser makes them absolute against the fetched feed URL.
 */
import type { Enclosure, ParsedFeed, ParsedItem } from './feed-schemas';

export type JsonFeedErrorCode = 'invalid-json' | 'not-a-json-feed';

/** Thrown for text that is not JSON, or JSON that is not a JSON Feed; `message` is fit for a user. */
export class JsonFeedError extends Error {
  readonly code: JsonFeedErrorCode;

  constructor(code: JsonFeedErrorCode, message: string) {
    super(message);
    this.name = 'JsonFeedError';
    this.code = code;
  }
}

/**
 * The version URLs of 1 and 1.1 (and any later 1.x, which the spec promises stays compatible), with
 * http or https and an optional trailing slash. Bare "1", "1.0" and "1.1" are also accepted: the spec
 * forbids them, but generators write them (gofeed's test data does) and the rest of such a feed reads
 * fine; refusing it would only hide a feed the user asked for.
 */
const VERSION = /^(?:https?:\/\/(?:www\.)?jsonfeed\.org\/version\/)?1(?:\.\d+)?\/?$/i;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Item ids must be strings, but numbers are common (WordPress post ids); both become the GUID. */
function id(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return str(value)?.trim();
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Plain text → HTML: blank lines separate paragraphs, single newlines become <br>. */
export function textToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

/** Author names: `authors` (1.1) wins over `author` (1.0), as the spec tells readers to prefer it. */
function authorNames(owner: Json): string | undefined {
  const list = Array.isArray(owner.authors) ? owner.authors : isObject(owner.author) ? [owner.author] : [];
  const names = list.filter(isObject).map((author) => str(author.name)?.trim()).filter((name): name is string => name !== undefined);
  return names.length ? names.join(', ') : undefined;
}

function attachments(value: unknown): Enclosure[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).flatMap((attachment) => {
    const url = str(attachment.url);
    if (!url) return [];
    const size = attachment.size_in_bytes;
    const enclosure: Enclosure = { url };
    const type = str(attachment.mime_type);
    if (type) enclosure.type = type;
    if (typeof size === 'number' && Number.isFinite(size) && size >= 0) enclosure.length = size;
    return [enclosure];
  });
}

/** Extras worth keeping that ParsedItem has no field for. */
function itemExtras(item: Json): Record<string, string> {
  const extras: Record<string, string> = {};
  const external = str(item.external_url);
  const banner = str(item.banner_image);
  const language = str(item.language);
  const firstAttachment = Array.isArray(item.attachments) ? item.attachments.find(isObject) : undefined;
  const duration = firstAttachment?.duration_in_seconds;
  if (external) extras.externalUrl = external;
  if (banner) extras.bannerImage = banner;
  if (language) extras.language = language;
  if (typeof duration === 'number' && Number.isFinite(duration)) extras.duration = String(duration);
  return extras;
}

function parseItem(item: Json, feedAuthor: string | undefined): ParsedItem {
  const contentHtml = str(item.content_html);
  const contentText = str(item.content_text);
  const summary = str(item.summary);
  const tags = Array.isArray(item.tags) ? item.tags.filter((tag): tag is string => typeof tag === 'string' && tag.trim() !== '') : [];
  const parsed: ParsedItem = {
    guid: id(item.id),
    title: str(item.title),
    // `url` is the permalink; a link-blog item may have only `external_url` (the thing discussed).
    link: str(item.url) ?? str(item.external_url),
    author: authorNames(item) ?? feedAuthor,
    published: str(item.date_published),
    updated: str(item.date_modified),
    contentHtml: contentHtml ?? (contentText ? textToHtml(contentText) : undefined),
    // `summary` is plain text by the spec; escaped, it is valid HTML as it stands.
    summaryHtml: summary ? escapeHtml(summary) : undefined,
    imageUrl: str(item.image) ?? str(item.banner_image),
    enclosures: attachments(item.attachments),
    categories: tags,
    extras: itemExtras(item),
  };
  return Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined)) as ParsedItem;
}

/** Parses JSON Feed text. Throws JsonFeedError for invalid JSON or JSON that is not a JSON Feed. */
export function parseJsonFeed(text: string): ParsedFeed {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message})` : '';
    throw new JsonFeedError('invalid-json', `This address returned text that is not valid JSON${detail}.`);
  }
  if (!isObject(data)) throw new JsonFeedError('not-a-json-feed', 'This address returned JSON, but not a JSON Feed: the top level is not an object.');
  const version = typeof data.version === 'string' ? data.version.trim() : undefined;
  if (version === undefined || !VERSION.test(version)) {
    const said = version === undefined ? 'it has no "version"' : `its version is "${version.slice(0, 80)}"`;
    throw new JsonFeedError('not-a-json-feed', `This address returned JSON, but not a JSON Feed: ${said}, not https://jsonfeed.org/version/1 or /1.1.`);
  }
  if (!Array.isArray(data.items)) throw new JsonFeedError('not-a-json-feed', 'This JSON Feed has no "items" list.');
  const feedAuthor = authorNames(data);
  const feed: ParsedFeed = {
    format: 'json',
    title: str(data.title),
    description: str(data.description),
    siteUrl: str(data.home_page_url),
    selfUrl: str(data.feed_url),
    imageUrl: str(data.icon) ?? str(data.favicon),
    language: str(data.language),
    items: data.items.filter(isObject).map((item) => parseItem(item, feedAuthor)),
  };
  return Object.fromEntries(Object.entries(feed).filter(([, value]) => value !== undefined)) as ParsedFeed;
}
