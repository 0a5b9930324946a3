/**
 * Publishing a digest or note to someone else's server: a Micropub blog, WordPress, or Mastodon. The host
 * holds the tokens and makes the requests; this side builds the post, remembers where it went (the
 * publications log), and sends the remembered id or Location next time, so publishing again updates the
 * same post rather than making a second one.
 */
import type { EpochMs } from '../../../../shared/model';
import { postPath, siteUrl } from '../../../../shared/publish/feeds/feed-entries';
import { renderPostContent } from '../../../../shared/publish/site/pages';
import { findPublication, recordPublication, StoreError, type CommonplaceDb, type PublishedRecord } from '../../../data';
import type { HostClient } from '../../../host/host-client';
import { sitePosts } from './publish-site';
import { siteSettingsOf, type SiteConfig } from './site-config';
import { sha256Hex } from './sha256';

export type RemoteTarget = 'micropub' | 'wordpress' | 'mastodon';

export interface RemotePublishResult {
  url: string;
  /** True when an earlier copy was updated in place. */
  updated: boolean;
}


const htmlToText = (html: string): string =>
  html
    .replace(/<\/(p|h\d|li|blockquote|article)>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

function required(value: string, words: string): string {
  if (!value.trim()) throw new StoreError('missing-setting', words);
  return value.trim();
}

export async function publishRemote(
  db: CommonplaceDb,
  host: HostClient,
  target: RemoteTarget,
  config: SiteConfig,
  record: PublishedRecord,
  { now = Date.now() }: { now?: EpochMs } = {},
): Promise<RemotePublishResult> {
  const site = siteSettingsOf(config);
  const id = 'digestId' in record ? record.digestId : record.noteId;
  const post = (await sitePosts(db, 'site', site, record, now)).find((candidate) => candidate.id === id);
  if (!post) throw new StoreError('not-found', 'There is nothing to publish: the digest or note no longer exists.');
  const previous = await findPublication(db, record, target);
  // Where the post lives on the user's own site, if it is published there: the link a status points to.
  const onSite = await findPublication(db, record, 'site');
  const pageUrl = onSite?.url ?? siteUrl(site, postPath(post));
  const contentHtml = renderPostContent(post, pageUrl);
  const contentHash = await sha256Hex(`${target}\n${post.title}\n${contentHtml}`);

  if (target === 'micropub') {
    const siteAddress = required(config.remote.micropubSite, 'Type the address of your blog first.');
    const answer = await host.call('publish:micropub', {
      siteUrl: siteAddress,
      name: post.title,
      contentHtml,
      contentText: htmlToText(contentHtml),
      categories: post.tags,
      published: new Date(previous?.publishedAt ?? now).toISOString(),
      ...(post.finds.length === 1 && post.finds[0]!.url ? { bookmarkOf: post.finds[0]!.url } : {}),
      ...(previous?.remoteId ? { location: previous.remoteId } : {}),
    });
    await recordPublication(db, record, { target, url: answer.location, remoteId: answer.location, contentHash }, now);
    return { url: answer.location, updated: answer.updated };
  }
  if (target === 'wordpress') {
    const siteAddress = required(config.remote.wordpressSite, 'Type the address of your WordPress site first.');
    const username = required(config.remote.wordpressUser, 'Type your WordPress user name first.');
    const answer = await host.call('publish:wordpress', { siteUrl: siteAddress, username, title: post.title, contentHtml, ...(previous?.remoteId ? { remoteId: previous.remoteId } : {}) });
    await recordPublication(db, record, { target, url: answer.url, remoteId: answer.remoteId, contentHash }, now);
    return { url: answer.url, updated: previous !== undefined };
  }
  const instance = required(config.remote.mastodonInstance, 'Type your Mastodon instance first (such as mastodon.social).');
  // A digest's status points at its page; a lone find at what it found.
  const link = onSite?.url ?? (post.finds.length === 1 ? post.finds[0]!.url : undefined) ?? (/^https?:/.test(pageUrl) ? pageUrl : undefined);
  const text = [post.title, post.summary].filter((part) => part.trim() !== '').join('\n\n');
  const answer = await host.call('publish:mastodon', {
    instanceUrl: instance,
    text,
    ...(link ? { url: link } : {}),
    tags: post.tags.map((tag) => tag.replace(/[^\p{L}\p{N}_]/gu, '')).filter((tag) => tag !== ''),
    visibility: config.remote.mastodonVisibility,
    // The same for every attempt at this post, so a retry within Mastodon's hour is not a second status.
    idempotencyKey: `commonplace-${post.id}`,
    ...(previous?.remoteId ? { remoteId: previous.remoteId } : {}),
  });
  await recordPublication(db, record, { target, url: answer.url, remoteId: answer.remoteId, contentHash }, now);
  return { url: answer.url, updated: previous !== undefined };
}
