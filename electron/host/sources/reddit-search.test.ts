import { afterEach, describe, expect, it } from 'vitest';
import { parsedFeedSchema } from '../../../shared/feeds/feed-schemas';
import { RetryLaterFailure, userAgent } from '../feeds/http-fetch';
import { failureOf } from '../net/fixture-server';
import { fetchRedditSearch } from './reddit-search';
import { startRedditFixture, type RedditEntry, type RedditFixture } from './search-fixtures';

const open: RedditFixture[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

async function reddit(entries: RedditEntry[] = []): Promise<RedditFixture> {
  const server = await startRedditFixture(entries);
  open.push(server);
  return server;
}

const linkPost: RedditEntry = {
  id: 't3_abc1',
  title: 'Local-first software is here',
  subreddit: 'programming',
  author: 'ada',
  updated: '2026-03-01T10:00:00+00:00',
  url: 'https://example.com/local-first?a=1&b=2',
};
const selfPost: RedditEntry = {
  id: 't3_abc2',
  title: 'Local-first: what do you use?',
  subreddit: 'pkm',
  author: 'grace',
  updated: '2026-03-01T11:00:00+00:00',
  selftext: '<p>Looking for <a href="https://example.org/tool">tools</a>.</p>',
};
const commentsOf = (entry: RedditEntry, slug: string) => `https://www.reddit.com/r/${entry.subreddit}/comments/${entry.id.slice(3)}/${slug}/`;
const params = (path: string) => Object.fromEntries(new URL(path, 'http://x').searchParams);

describe('fetchRedditSearch', () => {
  it('reads the Atom search feed with the app’s User-Agent and maps link and self posts', async () => {
    const server = await reddit([linkPost, selfPost]);
    const { feed, cursor } = await fetchRedditSearch({ query: 'local-first' }, undefined, { base: server.origin });

    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(new URL(request!.path, 'http://x').pathname).toBe('/search.rss');
    expect(params(request!.path)).toEqual({ q: 'local-first', sort: 'new', limit: '100' });
    expect(request!.headers['user-agent']).toBe(userAgent);
    expect(feed.format).toBe('json');
    // The shape the refresh pipeline stores, as a feed fetch returns it.
    expect(parsedFeedSchema.parse(feed)).toEqual(feed);
    expect(feed.siteUrl).toBe('https://www.reddit.com/search/?q=local-first&sort=new');
    expect(cursor).toBe('2026-03-01T11:00:00.000Z');

    const [self, link] = feed.items;
    // A link post's link is the article it shares; the discussion is the post page.
    expect(link).toMatchObject({
      guid: 't3_abc1',
      title: 'Local-first software is here',
      link: 'https://example.com/local-first?a=1&b=2',
      author: 'u/ada',
      extras: { postUrl: commentsOf(linkPost, 'local_first_software_is_here') },
    });
    expect(link!.published).toBe('2026-03-01T10:00:00+00:00');
    // A self post's "[link]" is its own page.
    expect(self).toMatchObject({ guid: 't3_abc2', link: commentsOf(selfPost, 'local_first_what_do_you_use_'), author: 'u/grace' });
    expect(self!.extras.postUrl).toBe(self!.link);
    expect(self!.contentHtml).toContain('<a href="https://example.org/tool">tools</a>');
  });

  it('searches within a subreddit and sends the private feed token when given', async () => {
    const server = await reddit([linkPost, selfPost]);
    server.token = { feed: 'tok123', user: 'ada' };
    const { feed } = await fetchRedditSearch({ query: 'local-first', subreddit: 'pkm' }, undefined, { base: server.origin, feedToken: 'tok123', user: 'ada' });
    const [request] = server.requests;
    expect(new URL(request!.path, 'http://x').pathname).toBe('/r/pkm/search.rss');
    expect(params(request!.path)).toEqual({ q: 'local-first', restrict_sr: '1', sort: 'new', limit: '100', feed: 'tok123', user: 'ada' });
    expect(feed.items.map((item) => item.guid)).toEqual(['t3_abc2']);
    // The token never reaches the page people open.
    expect(feed.siteUrl).toBe('https://www.reddit.com/r/pkm/search/?q=local-first&restrict_sr=1&sort=new');
  });

  it('leaves out entries not newer than the cursor and moves the cursor to the newest', async () => {
    const newer: RedditEntry = { ...linkPost, id: 't3_abc3', title: 'Local-first sync', updated: '2026-03-01T12:30:00+00:00' };
    const server = await reddit([linkPost, selfPost, newer]);
    const { feed, cursor } = await fetchRedditSearch({ query: 'local-first' }, '2026-03-01T11:00:00.000Z', { base: server.origin });
    expect(feed.items.map((item) => item.guid)).toEqual(['t3_abc3']);
    expect(cursor).toBe('2026-03-01T12:30:00.000Z');

    const again = await fetchRedditSearch({ query: 'local-first' }, cursor, { base: server.origin });
    expect(again.feed.items).toEqual([]);
    expect(again.cursor).toBe(cursor);
  });

  it('explains a 403 with the feed token, and does not retry', async () => {
    const server = await reddit([linkPost]);
    server.token = { feed: 'tok123', user: 'ada' };
    const anonymous = await failureOf(fetchRedditSearch({ query: 'local-first' }, undefined, { base: server.origin }));
    expect(anonymous.code).toBe('forbidden');
    expect(anonymous.message).toMatch(/^Reddit refused the search \(403\)\. Reddit turns away most requests made without an account: add your private feed token/);
    expect(server.requests).toHaveLength(1);

    const wrong = await failureOf(fetchRedditSearch({ query: 'local-first' }, undefined, { base: server.origin, feedToken: 'old', user: 'ada' }));
    expect(wrong.message).toContain('Check the private feed token and user name');
  });

  it('turns a 429 into a RetryLaterFailure in words, after one request', async () => {
    const server = await reddit([linkPost]);
    server.refusal = { status: 429, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '300' } };
    const now = () => Date.UTC(2026, 2, 1, 9, 0, 0);
    const failure = await failureOf(fetchRedditSearch({ query: 'local-first' }, undefined, { base: server.origin, now }));
    expect(failure).toBeInstanceOf(RetryLaterFailure);
    expect((failure as RetryLaterFailure).retryAfter).toBe(now() + 300_000);
    expect(failure.message).toMatch(/^Reddit asks Commonplace to slow down \(429\); it can be tried again in about 5 minutes \(after 2026-03-01 09:05 UTC\)\. .*feed token/);
    expect(server.requests).toHaveLength(1);
  });

  it('reports an exhausted rate limit on a successful answer as retryAfter', async () => {
    const server = await reddit([linkPost]);
    const now = () => Date.UTC(2026, 2, 1, 9, 0, 0);
    const fine = await fetchRedditSearch({ query: 'local-first' }, undefined, { base: server.origin, now });
    expect(fine.retryAfter).toBeUndefined();
    server.rateLimit = { remaining: '0.0', reset: '42' };
    const spent = await fetchRedditSearch({ query: 'local-first' }, undefined, { base: server.origin, now });
    expect(spent.retryAfter).toBe(now() + 42_000);
    expect(spent.feed.items).toHaveLength(1);
  });

  it('sanitises hostile HTML in posts', async () => {
    const hostile: RedditEntry = {
      ...selfPost,
      title: 'Local-first <script>alert(1)</script>',
      selftext: '<p onmouseover="steal()">Hi<script>alert(1)</script><img src="x" onerror="alert(2)"><a href="javascript:alert(3)">click</a></p>',
    };
    const server = await reddit([hostile]);
    const { feed } = await fetchRedditSearch({ query: 'local-first' }, undefined, { base: server.origin });
    const [item] = feed.items;
    expect(item!.contentHtml).toContain('Hi');
    expect(item!.contentHtml).not.toMatch(/<script|onmouseover|onerror|javascript:/i);
  });

  it('treats Reddit’s HTML block page as a refusal rather than an empty search', async () => {
    const server = await reddit();
    server.refusal = { status: 200, body: '<!doctype html><title>Blocked</title>', headers: { 'content-type': 'text/html; charset=utf-8' } };
    const failure = await failureOf(fetchRedditSearch({ query: 'x' }, undefined, { base: server.origin }));
    expect(failure.code).toBe('forbidden');
    expect(failure.message).toContain('feed token');
  });
});
