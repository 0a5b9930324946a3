/**
 * `source:fetch`: one refresh of a hashtag or search source, from what the user typed. The host reads the
 * spec (source-spec.ts), so the page never builds API addresses, and answers with the same ParsedFeed a
 * feed fetch gives, so Seek stores, dedupes and mutes these items exactly like feed items.
 */
import { HostFailure } from '../../../shared/host-error';
import type { SourceKind } from '../../../shared/model';
import type { FetchSourceResponse } from '../../../shared/sources/source-schemas';
import { secretName } from '../publish/remote-publishing';
import type { SecretStore } from '../secrets/secret-store';
import { blueskyLogin, fetchBlueskyAuthor, fetchBlueskySearch, type BlueskySession } from './bluesky';
import { fetchHnSearch } from './hn-search';
import { fetchMastodonTag, type SourceFetchOptions } from './mastodon-tag';
import { fetchRedditSearch } from './reddit-search';
import { describeSourceSpec, parseSourceSpec, type SourceSpec } from '../../../shared/sources/source-spec';

const kinds: Record<SourceSpec['kind'], Exclude<SourceKind, 'feed'>> = {
  'mastodon-tag': 'mastodon-tag',
  'hn-search': 'hn-search',
  'bluesky-search': 'bluesky',
  'bluesky-author': 'bluesky',
  'reddit-search': 'reddit-search',
};

/** The address a source is known by: its API endpoint with the query, so the same search is one source. */
export function sourceEndpoint(spec: SourceSpec): string {
  switch (spec.kind) {
    case 'mastodon-tag': {
      const query = new URLSearchParams();
      for (const [name, tags] of [['any[]', spec.any], ['all[]', spec.all], ['none[]', spec.none]] as const) for (const tag of [...tags].sort()) query.append(name, tag);
      if (spec.localOnly) query.set('local', 'true');
      const rest = query.toString();
      return `${spec.instance}/api/v1/timelines/tag/${encodeURIComponent(spec.tag)}${rest ? `?${rest}` : ''}`;
    }
    case 'hn-search':
      return `https://hn.algolia.com/api/v1/search_by_date?${new URLSearchParams({ query: spec.query, tags: spec.tags, points: String(spec.minPoints) }).toString()}`;
    case 'bluesky-search':
      return `https://bsky.app/search?${new URLSearchParams({ q: spec.query }).toString()}`;
    case 'bluesky-author':
      return `https://bsky.app/profile/${encodeURIComponent(spec.handle)}`;
    case 'reddit-search':
      return `https://www.reddit.com/${spec.subreddit ? `r/${encodeURIComponent(spec.subreddit)}/` : ''}search.rss?${new URLSearchParams({ q: spec.query, sort: 'new' }).toString()}`;
  }
}

export interface SourceServices extends SourceFetchOptions {
  /** Where each service is reached; tests point them at fixture servers. */
  hnApiBase?: string;
  redditBase?: string;
  blueskyAppView?: string;
  blueskyPds?: string;
  /** The signed-in accounts (Bluesky's app password, Reddit's private feed token) live here. */
  secrets?: SecretStore;
}

/** The one account per service a person signs in with, kept as JSON under this key (see accountKey). */
export const sourceAccount = 'account';
// Named as secrets:set names it, so what the page saved under { service, account: 'account' } is found here.
const accountKey = (service: 'bluesky' | 'reddit') => secretName({ service, account: sourceAccount });

async function readAccount<T>(secrets: SecretStore | undefined, service: 'bluesky' | 'reddit'): Promise<T | undefined> {
  const raw = await secrets?.get(accountKey(service));
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return undefined;
  }
}

/** Bluesky sessions by account, for this run of the host: logging in at every refresh would meet createSession's limit. */
const blueskySessions = new Map<string, BlueskySession>();

export async function fetchSource(request: { query: string; cursor?: string | undefined }, services: SourceServices = {}): Promise<FetchSourceResponse> {
  const spec = parseSourceSpec(request.query);
  if (!spec) {
    throw new HostFailure(
      'invalid-request',
      `“${request.query.trim()}” is not a source Commonplace can follow. Try #tag@instance, hn:words, bsky:@handle or reddit:words, or a feed or site address.`,
    );
  }
  const { hnApiBase, redditBase, blueskyAppView, blueskyPds, secrets, ...options } = services;
  const cursor = request.cursor;
  const reddit = spec.kind === 'reddit-search' ? await readAccount<{ user: string; token: string }>(secrets, 'reddit') : undefined;
  const result =
    spec.kind === 'mastodon-tag'
      ? await fetchMastodonTag(spec, cursor, options)
      : spec.kind === 'hn-search'
        ? await fetchHnSearch(spec, cursor, { ...options, ...(hnApiBase ? { apiBase: hnApiBase } : {}) })
        : spec.kind === 'reddit-search'
          ? await fetchRedditSearch(spec, cursor, { ...options, ...(redditBase ? { base: redditBase } : {}), ...(reddit?.token ? { feedToken: reddit.token, user: reddit.user } : {}) })
          : spec.kind === 'bluesky-author'
            ? await fetchBlueskyAuthor(spec.handle, cursor, { ...options, ...(blueskyAppView ? { appView: blueskyAppView } : {}) })
            : await searchBluesky(spec.query, cursor, secrets, { ...options, ...(blueskyPds ? { pds: blueskyPds } : {}) });
  return {
    kind: kinds[spec.kind],
    endpoint: sourceEndpoint(spec),
    title: describeSourceSpec(spec),
    feed: result.feed,
    ...(result.cursor !== undefined ? { cursor: result.cursor } : {}),
    ...('retryAfter' in result && typeof result.retryAfter === 'number' ? { retryAfter: result.retryAfter } : {}),
  };
}

/** Bluesky closed post search to signed-out clients in January 2025: it takes the account the person signed in with. */
async function searchBluesky(query: string, cursor: string | undefined, secrets: SecretStore | undefined, options: SourceFetchOptions & { pds?: string }) {
  const account = await readAccount<{ identifier: string; appPassword: string }>(secrets, 'bluesky');
  if (!account?.identifier || !account.appPassword) {
    throw new HostFailure('invalid-request', 'Searching Bluesky needs your account: type your handle and an app password (Settings → App passwords on Bluesky) under the address, then subscribe again. Following a person needs none: bsky:@handle.');
  }
  let session = blueskySessions.get(account.identifier);
  if (!session) {
    session = await blueskyLogin(account.identifier, account.appPassword, options);
    blueskySessions.set(account.identifier, session);
  }
  return fetchBlueskySearch(query, session, cursor, { ...options, onSession: (next) => blueskySessions.set(account.identifier, next) });
}
