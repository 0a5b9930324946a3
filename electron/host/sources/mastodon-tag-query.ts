/**
 * What a Mastodon hashtag source asks an instance for: the spec checked again (it reaches the host from
 * stored data, not only from parseSourceSpec), the query both the API timeline and the RSS fallback send,
 * and the feed either answers with.
 */
import type { ParsedFeed, ParsedItem } from '../../../shared/feeds/feed-schemas';
import { HostFailure } from '../../../shared/host-error';
import { describeSourceSpec, maxExtraTags, normalizeTag, type SourceSpec } from '../../../shared/sources/source-spec';

export type MastodonTagSpec = Extract<SourceSpec, { kind: 'mastodon-tag' }>;

export interface SourceFetchResult {
  feed: ParsedFeed;
  /** Where the next refresh starts; absent until there is one. */
  cursor?: string;
  /** Epoch ms before which the instance asked not to be asked again. */
  retryAfter?: number;
}

/** The spec with its tags normalised and its instance reduced to an origin. */
export interface Target extends MastodonTagSpec {
  origin: URL;
}

/** Mastodon's largest page. */
export const pageLimit = 40;

export function checkSpec(spec: MastodonTagSpec): Target {
  const tags = [spec.tag, ...spec.any, ...spec.all, ...spec.none].map(normalizeTag);
  const tooMany = [spec.any, spec.all, spec.none].some((list) => list.length > maxExtraTags);
  let origin: URL | undefined;
  try {
    origin = new URL(spec.instance);
  } catch {
    origin = undefined;
  }
  if (tags.includes(undefined) || tooMany || !origin || (origin.protocol !== 'http:' && origin.protocol !== 'https:')) {
    throw new HostFailure('invalid-request', 'This hashtag source is not written the way Commonplace reads it (#tag@instance); add it again.');
  }
  const [tag, ...extras] = tags as string[];
  const any = extras.slice(0, spec.any.length);
  const all = extras.slice(spec.any.length, spec.any.length + spec.all.length);
  const none = extras.slice(spec.any.length + spec.all.length);
  return { ...spec, tag: tag!, any, all, none, origin: new URL(origin.origin) };
}

/** `limit=40&any[]=…&all[]=…&none[]=…&local=true`, then `min_id` when paging: the query string of either request. */
export function tagQuery(target: Target, minId?: string): string {
  return [
    `limit=${pageLimit}`,
    ...target.any.map((tag) => `any[]=${encodeURIComponent(tag)}`),
    ...target.all.map((tag) => `all[]=${encodeURIComponent(tag)}`),
    ...target.none.map((tag) => `none[]=${encodeURIComponent(tag)}`),
    ...(target.localOnly ? ['local=true'] : []),
    ...(minId !== undefined ? [`min_id=${encodeURIComponent(minId)}`] : []),
  ].join('&');
}

export function tagFeed(target: Target, items: ParsedItem[]): ParsedFeed {
  return { format: 'json', title: describeSourceSpec(target), siteUrl: `${target.origin.origin}/tags/${encodeURIComponent(target.tag)}`, items };
}
