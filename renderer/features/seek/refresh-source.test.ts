import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HostCallError } from '../../../shared/host-error';
import type { Source } from '../../../shared/model';
import { addSource, defaultFetchIntervalMs, type CommonplaceDb } from '../../data';
import { openFreshDatabase } from '../../data/migration-harness';
import { refreshSource } from './refresh-source';
import { fakeNormalize, fakeSeekHost, okResponse, parsedFeed, type FakeAnswers } from './test-support';

let db: CommonplaceDb;
let source: Source;
const feedUrl = 'https://example.com/feed.xml';
const now = 1_700_000_000_000;

beforeEach(async () => {
  db = await openFreshDatabase();
  source = await addSource(db, { kind: 'feed', url: feedUrl, title: 'Example' });
});
afterEach(async () => {
  await db.delete();
});

const run = (answers: FakeAnswers, which: Source = source) => {
  const host = fakeSeekHost(answers);
  return { host, outcome: refreshSource({ db, host, normalize: fakeNormalize, now: () => now }, which) };
};

const twoStories = parsedFeed('Example', [
  { guid: 'a', title: 'First', published: '2024-01-01T00:00:00Z' },
  { guid: 'b', title: 'Second', published: '2024-01-02T00:00:00Z' },
]);

describe('refreshSource', () => {
  it('stores new items and the validators, and schedules the next fetch an hour on', async () => {
    const { outcome } = run({ fetch: async () => okResponse(twoStories, feedUrl, { etag: '"v1"', lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT' }) });
    expect(await outcome).toEqual({ ok: true, newItems: 2 });
    expect((await db.items.toArray()).map((item) => item.title).sort()).toEqual(['First', 'Second']);
    expect(await db.sources.get(source.id)).toMatchObject({
      etag: '"v1"',
      lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT',
      lastFetchedAt: now,
      nextFetchAt: now + defaultFetchIntervalMs,
    });
  });

  it('sends the stored validators, and a 304 keeps the items and the validators', async () => {
    await run({ fetch: async () => okResponse(twoStories, feedUrl, { etag: '"v1"' }) }).outcome;
    const stored = (await db.sources.get(source.id))!;
    const { host, outcome } = run({ fetch: async () => ({ status: 'not-modified', finalUrl: feedUrl }) }, stored);
    expect(await outcome).toEqual({ ok: true, newItems: 0 });
    expect(host.calls[0]?.request).toEqual({ url: feedUrl, etag: '"v1"' });
    expect(await db.items.count()).toBe(2);
    expect(await db.sources.get(source.id)).toMatchObject({ etag: '"v1"', lastFetchedAt: now });
  });

  it('counts only new stories when a feed is fetched again', async () => {
    await run({ fetch: async () => okResponse(twoStories, feedUrl) }).outcome;
    const more = parsedFeed('Example', [...twoStories.items.map((item) => ({ guid: item.guid!, title: item.title! })), { guid: 'c', title: 'Third' }]);
    expect(await run({ fetch: async () => okResponse(more, feedUrl) }).outcome).toEqual({ ok: true, newItems: 1 });
    expect(await db.items.count()).toBe(3);
  });

  it('follows a permanent redirect by updating the stored URL', async () => {
    const moved = 'https://example.org/new-feed.xml';
    await run({ fetch: async () => okResponse(twoStories, moved, { movedTo: moved }) }).outcome;
    expect((await db.sources.get(source.id))?.url).toBe(moved);
  });

  it('keeps the URL when the feed moved to an address another subscription has', async () => {
    const other = await addSource(db, { kind: 'feed', url: 'https://example.org/new-feed.xml', title: 'Other' });
    await run({ fetch: async () => okResponse(twoStories, other.url, { movedTo: other.url }) }).outcome;
    expect((await db.sources.get(source.id))?.url).toBe(feedUrl);
  });

  it('records a failure in words, backs off, and clears it on the next success', async () => {
    const failing = run({ fetch: async () => Promise.reject(new HostCallError({ code: 'timeout', message: 'The site took too long to answer.' })) });
    expect(await failing.outcome).toEqual({ ok: false, message: 'The site took too long to answer.' });
    const failed = (await db.sources.get(source.id))!;
    expect(failed.lastError).toEqual({ code: 'timeout', message: 'The site took too long to answer.', at: now });
    expect(failed.nextFetchAt).toBe(now + 15 * 60_000);

    await run({ fetch: async () => okResponse(twoStories, feedUrl) }, failed).outcome;
    expect((await db.sources.get(source.id))?.lastError).toBeUndefined();
  });

  it('honours Retry-After and a long TTL when scheduling', async () => {
    const retryAfter = now + 3 * 60 * 60_000;
    await run({ fetch: async () => okResponse(twoStories, feedUrl, { retryAfter }) }).outcome;
    expect((await db.sources.get(source.id))?.nextFetchAt).toBe(retryAfter);
    await run({ fetch: async () => okResponse({ ...twoStories, ttlMinutes: 240 }, feedUrl) }).outcome;
    expect((await db.sources.get(source.id))?.nextFetchAt).toBe(now + 240 * 60_000);
  });

  it('never shows internals of unexpected errors', async () => {
    const { outcome } = run({ fetch: async () => Promise.reject(new TypeError('x is undefined at bridge.js:12')) });
    const result = await outcome;
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('bridge.js');
    expect((await db.sources.get(source.id))?.lastError?.message).not.toContain('bridge.js');
  });

  it('stores nothing for a source unsubscribed while its fetch was in flight', async () => {
    await db.sources.delete(source.id);
    expect(await run({ fetch: async () => okResponse(twoStories, feedUrl) }).outcome).toEqual({ ok: true, newItems: 0 });
    expect(await db.items.count()).toBe(0);
  });
});

describe('refreshSource for a hashtag or search source', () => {
  it('asks the host from where the last refresh stopped, stores the posts like feed items, and keeps the new cursor', async () => {
    const tag = await addSource(db, { kind: 'mastodon-tag', url: 'https://social.example/api/v1/timelines/tag/pkm', title: '#pkm on social.example', query: '#pkm@social.example' });
    await db.sources.update(tag.id, { cursor: '100' });
    const posts = parsedFeed('#pkm', [{ guid: 'https://social.example/statuses/101', title: 'Linking notes', link: 'https://blog.example/linking' }]);
    const { host, outcome } = run(
      { source: async () => ({ kind: 'mastodon-tag', endpoint: tag.url, title: '#pkm on social.example', feed: posts, cursor: '101' }) },
      (await db.sources.get(tag.id))!,
    );
    expect(await outcome).toEqual({ ok: true, newItems: 1 });
    expect(host.calls).toEqual([{ name: 'source:fetch', request: { query: '#pkm@social.example', cursor: '100' } }]);
    expect(await db.sources.get(tag.id)).toMatchObject({ cursor: '101', lastFetchedAt: now });
    expect((await db.items.toArray()).map((item) => [item.title, item.sourceIds])).toEqual([['Linking notes', [tag.id]]]);
  });

  it('records a refusal in words, keeping the cursor for the next try', async () => {
    const tag = await addSource(db, { kind: 'hn-search', url: 'https://hn.algolia.com/api/v1/search_by_date?query=pkm', title: 'Hacker News: “pkm”', query: 'hn:pkm' });
    await db.sources.update(tag.id, { cursor: '1700000000' });
    const { outcome } = run({ source: async () => Promise.reject(new HostCallError({ code: 'unavailable', message: 'Hacker News asked us to wait: try again in 5 minutes.' })) }, (await db.sources.get(tag.id))!);
    expect(await outcome).toEqual({ ok: false, message: 'Hacker News asked us to wait: try again in 5 minutes.' });
    expect(await db.sources.get(tag.id)).toMatchObject({ cursor: '1700000000', lastError: { message: 'Hacker News asked us to wait: try again in 5 minutes.' } });
  });
});
