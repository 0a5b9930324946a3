/** Test helpers for Seek: a fake host that answers feed calls, small feeds, and a mounted view. Tests only. */
import { render } from '@testing-library/react';
import type { DiscoverFeedsResponse, FetchFeedResponse, ParsedFeed } from '../../../shared/feeds/feed-schemas';
import type { ExtractedArticle } from '../../../shared/feeds/article-schemas';
import type { HostCallName, HostRequest } from '../../../shared/host-contract';
import type { FetchSourceResponse } from '../../../shared/sources/source-schemas';
import { DatabaseContext, type CommonplaceDb } from '../../data';
import type { HostClient } from '../../host/host-client';
import type { Normalize } from './feed-items';
import type { SeekPipeline } from './pipeline';
import { SeekProvider } from './seek-context';
import { SeekView } from './seek-view';

export interface FakeSeekHost extends HostClient {
  calls: Array<{ name: HostCallName; request: unknown }>;
}

export interface FakeAnswers {
  discover?: (request: HostRequest<'feed:discover'>) => Promise<DiscoverFeedsResponse>;
  fetch?: (request: HostRequest<'feed:fetch'>) => Promise<FetchFeedResponse>;
  extract?: (request: HostRequest<'article:extract'>) => Promise<ExtractedArticle>;
  /** Hashtag and search sources (`source:fetch`). */
  source?: (request: HostRequest<'source:fetch'>) => Promise<FetchSourceResponse>;
  /** Any other call a test cares about (`secrets:set`, `secrets:status`…). */
  more?: Partial<Record<HostCallName, (request: unknown) => Promise<unknown>>>;
}

export function fakeSeekHost(answers: FakeAnswers): FakeSeekHost {
  const calls: FakeSeekHost['calls'] = [];
  const call = async (name: HostCallName, request: unknown): Promise<unknown> => {
    calls.push({ name, request });
    const answer =
      name === 'feed:discover' ? answers.discover : name === 'feed:fetch' ? answers.fetch : name === 'article:extract' ? answers.extract : name === 'source:fetch' ? answers.source : answers.more?.[name];
    if (!answer) throw new Error(`The fake host does not answer ${name}`);
    return (answer as (request: unknown) => Promise<unknown>)(request);
  };
  // The cast spares the fake from re-stating the client's generic signature.
  return { transport: 'http', calls, call: call as HostClient['call'] };
}

export interface StoryInput {
  guid: string;
  title: string;
  link?: string;
  published?: string;
  summaryHtml?: string;
  contentHtml?: string;
}

export function parsedFeed(title: string, stories: readonly StoryInput[], extra: Partial<ParsedFeed> = {}): ParsedFeed {
  return {
    format: 'rss',
    title,
    siteUrl: 'https://example.com/',
    items: stories.map((story) => ({ ...story, enclosures: [], categories: [], extras: {} })),
    ...extra,
  };
}

export function okResponse(feed: ParsedFeed, url: string, extra: Partial<Extract<FetchFeedResponse, { status: 'ok' }>> = {}): FetchFeedResponse {
  return { status: 'ok', finalUrl: url, feed, encoding: 'utf-8', repairs: [], ...extra };
}

/** A predictable stand-in for shared/feeds' normaliser: key = guid, date = published. */
export const fakeNormalize: Normalize = (feed, context) => ({
  title: feed.title ?? context.feedUrl,
  ...(feed.siteUrl ? { siteUrl: feed.siteUrl } : {}),
  items: feed.items.map((item) => ({
    dedupeKey: `guid:${item.guid ?? item.link ?? item.title}`,
    title: item.title ?? '',
    ...(item.link ? { link: item.link } : {}),
    publishedAt: item.published ? Date.parse(item.published) : context.fetchedAt,
    ...(item.summaryHtml ? { summaryHtml: item.summaryHtml } : {}),
    ...(item.contentHtml ? { contentHtml: item.contentHtml } : {}),
  })),
});

export const fakePipeline: SeekPipeline = {
  normalize: fakeNormalize,
  parseOpml: () => ({ subscriptions: [], skipped: [] }),
  writeOpml: () => '<opml version="2.0"/>',
};

export function renderSeek(db: CommonplaceDb, host: HostClient, pipeline: SeekPipeline = fakePipeline) {
  return render(
    <DatabaseContext.Provider value={db}>
      <SeekProvider host={host} pipeline={pipeline} schedule={false}>
        <SeekView />
      </SeekProvider>
    </DatabaseContext.Provider>,
  );
}

export { deferred } from '../../test-support/deferred';
