/**
 * Bluesky posts as feed items: the text with its facets as links, images, a video's still, a quote and a
 * link card as sanitised HTML (post-items.ts); the shared link is the item's link so it dedupes against
 * the same article from a feed, and a repost is credited to its author with who reposted it in extras.
 */
import type { ParsedItem } from '../../../shared/feeds/feed-schemas';
import { sanitizeHtml } from '../feeds/sanitize';
import { authorLabel, cardHtml, escapeHtml, httpUrl, mediaHtml, postTitle, textToHtml, type PostCard, type PostMedia } from './post-items';

export interface FeedEntry {
  post?: PostView;
  reason?: { $type?: string; by?: Author; indexedAt?: string };
}

interface Author {
  did?: string;
  handle?: string;
  displayName?: string;
  avatar?: string;
}

interface PostView {
  uri: string;
  author?: Author;
  record?: { text?: unknown; createdAt?: unknown; facets?: unknown };
  embed?: Embed;
  indexedAt?: string;
}

interface Embed {
  $type?: string;
  images?: { fullsize?: string; thumb?: string; alt?: string }[];
  external?: { uri?: string; title?: string; description?: string };
  /** A quote: a viewRecord, or (recordWithMedia) a record view wrapping one. */
  record?: { $type?: string; uri?: string; author?: Author; value?: { text?: unknown }; record?: Embed['record'] };
  media?: Embed;
  thumbnail?: string;
  alt?: string;
}

/** https://bsky.app/profile/{handle}/post/{rkey}; the DID when the handle is broken (handle.invalid). */
export function blueskyPostUrl(uri: string, author: Author | undefined): string | undefined {
  const match = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([^/?#]+)$/.exec(uri);
  if (!match) return undefined;
  const handle = author?.handle && author.handle !== 'handle.invalid' ? author.handle : (author?.did ?? match[1]!);
  return `https://bsky.app/profile/${encodeURIComponent(handle)}/post/${encodeURIComponent(match[2]!)}`;
}

export function postItem(post: PostView, reason: FeedEntry['reason']): ParsedItem | undefined {
  const postUrl = blueskyPostUrl(post.uri, post.author);
  if (!postUrl) return undefined;
  const text = typeof post.record?.text === 'string' ? post.record.text : '';
  const { media, card, quote, video } = embedParts(post.embed);
  const links = linkFacets(post.record?.facets).filter((facet) => facet.kind === 'link');
  // The card's link is what the post shares; a lone link in the text is the next best thing.
  const shared = httpUrl(card?.url) ?? (links.length === 1 ? httpUrl(links[0]!.href) : undefined);
  const author = authorOf(post.author);
  const repostedBy = reason?.$type === 'app.bsky.feed.defs#reasonRepost' && reason.by ? authorOf(reason.by) : '';
  const html = [
    repostedBy ? `<p>Reposted by ${escapeHtml(repostedBy)}</p>` : '',
    richTextHtml(text, post.record?.facets),
    mediaHtml(media),
    video ? `<p><a href="${escapeHtml(postUrl)}">Watch the video on Bluesky</a></p>` : '',
    quote ? quoteHtml(quote) : '',
    card ? cardHtml(card) : '',
  ].join('');
  const avatar = httpUrl(post.author?.avatar);
  const published = publishedTime(post);
  return {
    guid: post.uri,
    title: postTitle(text) || `Post by ${author}`,
    link: shared ?? postUrl,
    author,
    ...(published ? { published } : {}),
    contentHtml: sanitizeHtml(html),
    enclosures: media.filter((item) => item.type?.startsWith('image/')).map((item) => ({ url: item.url, type: item.type! })),
    categories: [],
    extras: { postUrl, ...(avatar ? { authorAvatar: avatar } : {}), ...(repostedBy ? { repostedBy } : {}) },
  };
}

/** "Ada Lovelace (@ada.bsky.social)"; the DID stands in for a broken or missing handle. */
function authorOf(author: Author | undefined): string {
  const handle = author?.handle && author.handle !== 'handle.invalid' ? author.handle : author?.did;
  return authorLabel(author?.displayName, handle ? `@${handle}` : '') || 'someone on Bluesky';
}

/** The earlier of the claimed and the indexed time, as Bluesky sorts: a device's clock can say anything. */
function publishedTime(post: PostView): string | undefined {
  const times = [post.record?.createdAt, post.indexedAt]
    .map((value) => (typeof value === 'string' ? Date.parse(value) : NaN))
    .filter(Number.isFinite);
  return times.length ? new Date(Math.min(...times)).toISOString() : undefined;
}

interface Quote {
  url?: string;
  author: string;
  text: string;
}

function embedParts(embed: Embed | undefined): { media: PostMedia[]; card?: PostCard; quote?: Quote; video: boolean } {
  switch (embed?.$type) {
    case 'app.bsky.embed.images#view':
      return { media: (embed.images ?? []).map(imageMedia).filter((item): item is PostMedia => item !== undefined), video: false };
    case 'app.bsky.embed.video#view': {
      // The video is an HLS playlist a page cannot play; its still and a link to the post stand in.
      const still = httpUrl(embed.thumbnail);
      return { media: still ? [{ url: still, type: 'image', description: embed.alt ?? 'Video' }] : [], video: true };
    }
    case 'app.bsky.embed.external#view': {
      const external = embed.external;
      return external?.uri ? { media: [], card: { url: external.uri, title: external.title, description: external.description }, video: false } : { media: [], video: false };
    }
    case 'app.bsky.embed.record#view':
      return { media: [], quote: quoteOf(embed.record), video: false };
    case 'app.bsky.embed.recordWithMedia#view':
      return { ...embedParts(embed.media), quote: quoteOf(embed.record?.record) };
    default:
      return { media: [], video: false };
  }
}

function imageMedia(image: { fullsize?: string; thumb?: string; alt?: string }): PostMedia | undefined {
  const url = httpUrl(image.fullsize) ?? httpUrl(image.thumb);
  if (!url) return undefined;
  // The CDN names the format after an @ (…/cid@jpeg) rather than in an extension.
  const format = /@(jpeg|png|webp|gif)$/.exec(url)?.[1];
  return { url, type: format ? `image/${format}` : 'image', description: image.alt ?? '' };
}

function quoteOf(record: Embed['record']): Quote | undefined {
  if (record?.$type !== 'app.bsky.embed.record#viewRecord' || typeof record.uri !== 'string') return undefined;
  const text = typeof record.value?.text === 'string' ? record.value.text : '';
  return { url: blueskyPostUrl(record.uri, record.author), author: authorOf(record.author), text };
}

function quoteHtml(quote: Quote): string {
  const who = quote.url ? `<a href="${escapeHtml(quote.url)}">${escapeHtml(quote.author)}</a>` : escapeHtml(quote.author);
  return `<blockquote><p>Quoting ${who}</p>${textToHtml(quote.text)}</blockquote>`;
}

interface Facet {
  start: number;
  end: number;
  kind: 'link' | 'mention' | 'tag';
  href: string;
}

/** Links, mentions and tags of a post's text, as UTF-8 byte ranges (Bluesky's rich-text facets). */
function linkFacets(raw: unknown): Facet[] {
  if (!Array.isArray(raw)) return [];
  const facets: Facet[] = [];
  for (const facet of raw as { index?: { byteStart?: unknown; byteEnd?: unknown }; features?: Record<string, unknown>[] }[]) {
    const start = facet?.index?.byteStart;
    const end = facet?.index?.byteEnd;
    const feature = Array.isArray(facet?.features) ? facet.features[0] : undefined;
    if (typeof start !== 'number' || typeof end !== 'number' || !feature) continue;
    const type = feature.$type;
    const href =
      type === 'app.bsky.richtext.facet#link' && typeof feature.uri === 'string'
        ? httpUrl(feature.uri)
        : type === 'app.bsky.richtext.facet#mention' && typeof feature.did === 'string'
          ? `https://bsky.app/profile/${encodeURIComponent(feature.did)}`
          : type === 'app.bsky.richtext.facet#tag' && typeof feature.tag === 'string'
            ? `https://bsky.app/hashtag/${encodeURIComponent(feature.tag)}`
            : undefined;
    const kind = type === 'app.bsky.richtext.facet#link' ? 'link' : type === 'app.bsky.richtext.facet#mention' ? 'mention' : 'tag';
    if (href) facets.push({ start, end, kind, href });
  }
  return facets.sort((a, b) => a.start - b.start);
}

/**
 * The post's text as HTML with its facets as links. Clients shorten long links in the text itself
 * ("example.com/a-long-pa…"), so the facet's URI, not the text, is the address.
 */
function richTextHtml(text: string, rawFacets: unknown): string {
  const facets = linkFacets(rawFacets);
  if (!facets.length) return textToHtml(text);
  const bytes = new TextEncoder().encode(text);
  const slice = (from: number, to: number) => escapeHtml(new TextDecoder().decode(bytes.subarray(from, to)));
  let html = '';
  let at = 0;
  for (const facet of facets) {
    if (facet.start < at || facet.end <= facet.start || facet.end > bytes.length) continue;
    html += `${slice(at, facet.start)}<a href="${escapeHtml(facet.href)}">${slice(facet.start, facet.end)}</a>`;
    at = facet.end;
  }
  html += slice(at, bytes.length);
  const paragraphs = html.replace(/\r\n?/g, '\n').trim().split(/\n\s*\n/);
  return paragraphs.map((paragraph) => `<p>${paragraph.trim().replace(/\n/g, '<br>')}</p>`).join('');
}
