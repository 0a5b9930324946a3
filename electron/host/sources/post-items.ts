/**
 * Pieces for turning a social post (Mastodon, Bluesky, Hacker News, Reddit) into a feed item, shared by
 * every source client so posts look alike in the river whatever they came from. Each returns plain text
 * or HTML whose every interpolated value is escaped: the source clients still run the result through the
 * feed sanitiser (feeds/sanitize.ts), but an author's name or a card's title must never be able to open
 * a tag on its own. URLs that are not http(s) are left out here rather than left for the sanitiser to
 * strip, so no empty <img> or dead link is produced.
 */
import { snippet } from '../../../shared/feeds/text';

export interface PostMedia {
  url: string;
  /** A MIME type (`image/png`) or a kind as the APIs name it (`image`, `video`, `gifv`, `audio`). */
  type?: string;
  /** The alt text. */
  description?: string;
  /** A still for a video (its poster). */
  previewUrl?: string;
}

export interface PostCard {
  url: string;
  title?: string;
  description?: string;
}

/** A plain-text title: the text's whitespace collapsed, cut at a word boundary near `max` characters. */
export function postTitle(text: string, max = 80): string {
  return snippet(collapse(text), max);
}

/**
 * Plain text as HTML: escaped, a paragraph per blank-line-separated block, single line breaks kept as <br>,
 * and http(s) addresses made into links (posts from Bluesky and HN write them as bare text).
 */
export function textToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => `<p>${block.split('\n').map(linkify).join('<br>')}</p>`)
    .join('');
}

/** Images as <img alt>, videos and audio with controls, anything else as a link named by its description. */
export function mediaHtml(media: readonly PostMedia[]): string {
  return media
    .map((item) => {
      const url = httpUrl(item.url);
      if (!url) return '';
      const src = escapeHtml(url);
      const alt = escapeHtml(collapse(item.description ?? ''));
      const poster = httpUrl(item.previewUrl);
      const posterAttribute = poster ? ` poster="${escapeHtml(poster)}"` : '';
      switch (mediaKind(item)) {
        case 'image':
          return `<p><img src="${src}" alt="${alt}"></p>`;
        case 'gifv':
          // Mastodon's "GIF": a short silent video meant to loop, as the GIF it replaced did.
          return `<p><video src="${src}"${posterAttribute} controls loop muted title="${alt}"></video></p>`;
        case 'video':
          return `<p><video src="${src}"${posterAttribute} controls title="${alt}"></video></p>`;
        case 'audio':
          return `<p><audio src="${src}" controls title="${alt}"></audio></p>`;
        default:
          return `<p><a href="${src}">${alt || src}</a></p>`;
      }
    })
    .join('');
}

/** A link preview: the linked page's title as a link, its description below, quoted. */
export function cardHtml(card: PostCard): string {
  const url = httpUrl(card.url);
  if (!url) return '';
  const title = collapse(card.title ?? '') || url;
  const description = collapse(card.description ?? '');
  return (
    `<blockquote><p><a href="${escapeHtml(url)}">${escapeHtml(title)}</a></p>` +
    `${description ? `<p>${escapeHtml(description)}</p>` : ''}</blockquote>`
  );
}

/** `Ada Lovelace (@ada@social.example)`; the handle alone when there is no other name (or the name is the handle). */
export function authorLabel(name: string | undefined, handle: string): string {
  const cleanHandle = collapse(handle);
  const cleanName = collapse(name ?? '');
  if (!cleanName || cleanName.replace(/^@/, '') === cleanHandle.replace(/^@/, '')) return cleanHandle || cleanName;
  if (!cleanHandle) return cleanName;
  return `${cleanName} (${cleanHandle})`;
}

/** The address when it is an absolute http(s) URL, normalised; undefined for anything else. */
export function httpUrl(raw: string | undefined | null): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => escapes[char]!);
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The MIME type of a post's media file, from its kind and extension, when both agree on something known. */
export function mediaMimeType(url: string, kind?: string): string | undefined {
  const extension = /\.([a-z0-9]{2,5})$/i.exec(pathOf(url))?.[1]?.toLowerCase();
  const type = extension ? mimeByExtension[extension] : undefined;
  if (!type) return undefined;
  const expected = kind === 'gifv' ? 'video' : kind?.split('/')[0];
  return !expected || expected === 'unknown' || type.startsWith(`${expected}/`) ? type : undefined;
}

const mimeByExtension: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  heic: 'image/heic',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  webm: 'video/webm',
  mov: 'video/quicktime',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg',
  wav: 'audio/wav',
  flac: 'audio/flac',
};

type MediaKind = 'image' | 'gifv' | 'video' | 'audio' | 'other';

function mediaKind(item: PostMedia): MediaKind {
  const declared = item.type?.toLowerCase().trim();
  if (declared === 'gifv') return 'gifv';
  const kind = declared?.split('/')[0] ?? mediaMimeType(item.url)?.split('/')[0];
  return kind === 'image' || kind === 'video' || kind === 'audio' ? kind : 'other';
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split(/[?#]/)[0] ?? '';
  }
}

/**
 * Whitespace, control characters and bidi embeddings/overrides/isolates collapsed to single spaces: a
 * one-line name or title has no use for them, and an unbalanced override (U+202E) would reverse the text
 * shown after it. Joiners stay, or emoji sequences such as 👩‍💻 would fall apart.
 */
function collapse(text: string): string {
  return text.replace(/[\p{Cc}\u202A-\u202E\u2066-\u2069\s]+/gu, ' ').trim();
}

const bareUrl = /https?:\/\/[^\s<>"]+/g;

/** Trailing punctuation is the sentence's, not the address's ("see https://x.example/a."), unless it closes a "(" of the address. */
function trimUrl(raw: string): string {
  let url = raw;
  for (;;) {
    const last = url.at(-1);
    if (!last || !/[.,;:!?'’")\]]/.test(last)) return url;
    if (last === ')' && url.split('(').length > url.split(')').length - 1) return url;
    url = url.slice(0, -1);
  }
}

function linkify(line: string): string {
  let html = '';
  let last = 0;
  for (const match of line.matchAll(bareUrl)) {
    const raw = trimUrl(match[0]);
    const start = match.index;
    const url = httpUrl(raw);
    html += escapeHtml(line.slice(last, start));
    html += url ? `<a href="${escapeHtml(url)}">${escapeHtml(raw)}</a>` : escapeHtml(raw);
    last = start + raw.length;
  }
  return html + escapeHtml(line.slice(last));
}
