/**
 * Mastodon statuses as feed items: a post's content, content warning, media and link card become sanitised
 * HTML (post-items.ts), the card's link becomes the item's link so it dedupes against the same article from
 * a feed, and a boost is the boosted post, credited to its author.
 */
import { z } from 'zod';
import type { ParsedItem } from '../../../shared/feeds/feed-schemas';
import { htmlToText } from '../../../shared/feeds/text';
import { sanitizeHtml } from '../feeds/sanitize';
import { authorLabel, cardHtml, escapeHtml, httpUrl, mediaHtml, mediaMimeType, postTitle, type PostMedia } from './post-items';

const text = z.string().nullish().catch(null);
const accountSchema = z.object({ acct: z.string(), display_name: text, avatar: text });
const mediaSchema = z.object({ type: text, url: text, remote_url: text, preview_url: text, description: text });
const postSchema = z.object({
  id: z.string(),
  uri: z.string(),
  url: text,
  created_at: z.string(),
  edited_at: text,
  account: accountSchema,
  content: z.string().catch(''),
  spoiler_text: z.string().catch(''),
  media_attachments: z.array(z.unknown()).catch([]),
  card: z.object({ url: z.string(), title: text, description: text, image: text }).nullish().catch(null),
  tags: z.array(z.unknown()).catch([]),
});
export const statusSchema = postSchema.extend({ reblog: postSchema.nullish().catch(null) });
type Post = z.infer<typeof postSchema>;
export type Status = z.infer<typeof statusSchema>;

/** A boost is the boosted post, credited to its author; who boosted it is kept in extras. */
export function statusItem(status: Status, origin: URL): ParsedItem | undefined {
  const post = status.reblog ?? status;
  const postUrl = httpUrl(post.url) ?? httpUrl(post.uri);
  if (!postUrl) return undefined;
  const author = accountLabel(post.account, origin);
  const media = post.media_attachments.flatMap((raw) => {
    const parsed = mediaSchema.safeParse(raw);
    const url = parsed.success ? (httpUrl(parsed.data.url) ?? httpUrl(parsed.data.remote_url)) : undefined;
    if (!parsed.success || !url) return [];
    const { type, description, preview_url: previewUrl } = parsed.data;
    return [{ url, ...(type ? { type } : {}), ...(description ? { description } : {}), ...(previewUrl ? { previewUrl } : {}) } satisfies PostMedia];
  });
  const card = post.card && httpUrl(post.card.url) ? post.card : undefined;
  const spoiler = post.spoiler_text.trim();
  const html =
    (spoiler ? `<p><strong>CW: ${escapeHtml(spoiler)}</strong></p>` : '') +
    post.content +
    mediaHtml(media) +
    (card ? cardHtml({ url: card.url, title: card.title ?? undefined, description: card.description ?? undefined }) : '');
  const contentHtml = sanitizeHtml(html, postUrl);
  const image = media.find((item) => item.type === 'image');
  const avatar = httpUrl(post.account.avatar);
  const tags = post.tags.flatMap((tag) => (tag && typeof tag === 'object' && typeof (tag as { name?: unknown }).name === 'string' ? [(tag as { name: string }).name] : []));
  return compact({
    guid: post.uri,
    // The shared link, so the item dedupes against the same article from a feed; else the post itself.
    link: (card ? httpUrl(card.url) : undefined) ?? postUrl,
    // A content warning is a title of its own: the text it hides should not show in the list.
    title: spoiler ? postTitle(`CW: ${spoiler}`) : postTitle(htmlToText(post.content)) || postTitle(card?.title ?? '') || postTitle(image?.description ?? '') || `Post by ${author}`,
    author,
    published: isoDate(post.created_at),
    updated: isoDate(post.edited_at),
    contentHtml: contentHtml || undefined,
    imageUrl: httpUrl(image?.previewUrl) ?? image?.url ?? httpUrl(card?.image),
    enclosures: media.map((item) => compact({ url: item.url, type: mediaMimeType(item.url, item.type) })),
    categories: tags,
    extras: compact({
      postUrl,
      authorAvatar: avatar,
      boostedBy: status.reblog ? accountLabel(status.account, origin) : undefined,
    }) as Record<string, string>,
  });
}

/** `Ada Lovelace (@ada@social.example)`: a local account's acct has no domain, so the instance's is added. */
function accountLabel(account: Post['account'], origin: URL): string {
  const handle = account.acct.includes('@') ? `@${account.acct}` : `@${account.acct}@${origin.host}`;
  return authorLabel(account.display_name ?? undefined, handle);
}

export function isoDate(value: string | null | undefined): string | undefined {
  const time = value ? Date.parse(value) : NaN;
  return Number.isFinite(time) ? new Date(time).toISOString() : undefined;
}

export function dedupeByGuid(items: ParsedItem[]): ParsedItem[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = item.guid ?? item.link ?? '';
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
