/**
 * The RSS fallback of a hashtag source: `/tags/:tag.rss`, for instances that refuse the API timeline to
 * people not signed in (401/403/422) or do not have it (404). No paging and no ids, so the cursor stays
 * where it was (the app dedupes by guid); only posts that reached this instance. Newer Mastodons ignore
 * any[]/all[]/none[] here, so all and none are applied to each item's categories (one per hashtag), and
 * local-only to the post's host.
 */
import type { ParsedFeed, ParsedItem } from '../../../shared/feeds/feed-schemas';
import { htmlToText } from '../../../shared/feeds/text';
import { HostFailure } from '../../../shared/host-error';
import { readFeed } from '../feeds/fetch-feed';
import { feedAccept } from '../feeds/http-fetch';
import { sanitizeHtml } from '../feeds/sanitize';
import { instanceGet, InstanceStatusFailure, type SourceFetchOptions } from './mastodon-instance';
import { compact, dedupeByGuid, isoDate } from './mastodon-status-items';
import { tagFeed, tagQuery, type SourceFetchResult, type Target } from './mastodon-tag-query';
import { httpUrl, mediaHtml, postTitle, type PostMedia } from './post-items';

/** `apiStatus` is the timeline's refusal, which says why when the feed fails too. */
export async function readTagRss(target: Target, cursor: string | undefined, apiStatus: number, options: SourceFetchOptions, now: () => number): Promise<SourceFetchResult> {
  let feed: ParsedFeed;
  try {
    const response = await instanceGet(`${target.origin.origin}/tags/${encodeURIComponent(target.tag)}.rss?${tagQuery(target)}`, feedAccept, target, options, now);
    const contentType = response.headers.get('content-type') ?? undefined;
    feed = (await readFeed(response.body, { contentType, url: response.finalUrl, maxBytes: options.maxBytes })).feed;
  } catch (error) {
    if (!(error instanceof InstanceStatusFailure) && !(error instanceof HostFailure && error.code === 'not-a-feed')) throw error;
    throw notShared(target, apiStatus);
  }
  const items = feed.items.filter((item) => rssMatches(item, target)).map(rssItem).filter((item) => item !== undefined);
  return { feed: tagFeed(target, dedupeByGuid(items)), ...(cursor !== undefined ? { cursor } : {}) };
}

function notShared(target: Target, apiStatus: number): HostFailure {
  const host = target.origin.host;
  const elsewhere = `follow #${target.tag} from another instance`;
  if (apiStatus === 404) {
    return new HostFailure(
      'not-found',
      `${host} does not share its #${target.tag} timeline publicly: neither its Mastodon API nor its hashtag feed answered (404). ` +
        `Check the instance's address, or ${elsewhere}.`,
    );
  }
  return new HostFailure(
    'forbidden',
    `${host} does not share its #${target.tag} timeline publicly: it shows hashtags only to people signed in there (${apiStatus}). ` +
      `Sign in on ${host}, or ${elsewhere}.`,
  );
}

function rssMatches(item: ParsedItem, target: Target): boolean {
  const categories = item.categories.map((category) => category.toLowerCase());
  if (categories.length > 0) {
    if (!target.all.every((tag) => categories.includes(tag))) return false;
    if (target.none.some((tag) => categories.includes(tag))) return false;
  }
  if (target.localOnly) {
    const url = httpUrl(item.link) ?? httpUrl(item.guid);
    if (!url || new URL(url).host !== target.origin.host) return false;
  }
  return true;
}

function rssItem(item: ParsedItem): ParsedItem | undefined {
  const postUrl = httpUrl(item.link) ?? httpUrl(item.guid);
  if (!postUrl) return undefined;
  const body = item.contentHtml ?? item.summaryHtml ?? '';
  const media: PostMedia[] = [
    ...(item.imageUrl ? [{ url: item.imageUrl, type: 'image' }] : []),
    ...item.enclosures.map((enclosure) => compact({ url: enclosure.url, type: enclosure.type })),
  ];
  const author = item.author ?? handleFromPostUrl(postUrl);
  const contentHtml = sanitizeHtml(body + mediaHtml(media), postUrl);
  return compact({
    guid: item.guid ?? postUrl,
    link: postUrl,
    // Mastodon's RSS items have no title, or a timestamp for one.
    title: postTitle(htmlToText(body)) || (author ? `Post by ${author}` : undefined),
    author,
    published: isoDate(item.published) ?? item.published,
    contentHtml: contentHtml || undefined,
    imageUrl: item.imageUrl,
    enclosures: item.enclosures,
    categories: item.categories,
    extras: { postUrl },
  });
}

/** `https://social.example/@ada/123` → `@ada@social.example`; other shapes of address say nothing of their author. */
function handleFromPostUrl(postUrl: string): string | undefined {
  const url = new URL(postUrl);
  const user = /^\/@([A-Za-z0-9_.-]+)\/[^/]+$/.exec(url.pathname)?.[1];
  return user ? `@${user}@${url.host}` : undefined;
}
