import { afterEach, describe, expect, it } from 'vitest';
import { parsedFeedSchema } from '../../../shared/feeds/feed-schemas';
import { RetryLaterFailure, userAgent } from '../feeds/http-fetch';
import { failureOf } from '../net/fixture-server';
import { fetchHnSearch, hnPointsLookbackSeconds } from './hn-search';
import { hnComment, hnStory, startHnFixture, type HnFixture, type HnHit } from './search-fixtures';

const open: HnFixture[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

async function algolia(hits: HnHit[] = []): Promise<HnFixture> {
  const server = await startHnFixture(hits);
  open.push(server);
  return server;
}

const t0 = 1_760_000_000;
const story = { query: 'rust', tags: 'story' as const, minPoints: 0 };
const params = (path: string) => Object.fromEntries(new URL(path, 'http://x').searchParams);
const storyIds = (ids: number[], from: number) => ids.map((id) => hnStory(id, from + id, { title: `Rust story ${id}` }));

describe('fetchHnSearch', () => {
  it('asks search_by_date for the newest stories and maps them as feed items', async () => {
    const server = await algolia([
      hnStory(1, t0 + 10, { title: 'Rust in the kernel', url: 'https://example.com/kernel', points: 120, num_comments: 45, author: 'ada' }),
      hnStory(2, t0 + 20, { title: 'Ask HN: Rust or Go?', url: null, story_text: '<p>Which one &amp; why?</p>', points: 1, num_comments: 1 }),
      hnStory(3, t0 + 30, { title: 'Python news' }),
    ]);
    const { feed, cursor } = await fetchHnSearch(story, undefined, { apiBase: server.origin });

    expect(server.requests).toHaveLength(1);
    expect(params(server.requests[0]!.path)).toEqual({ query: 'rust', tags: 'story', hitsPerPage: '100', page: '0' });
    expect(server.requests[0]!.headers['user-agent']).toBe(userAgent);
    expect(feed.format).toBe('json');
    // The shape the refresh pipeline stores, as a feed fetch returns it.
    expect(parsedFeedSchema.parse(feed)).toEqual(feed);
    expect(feed.title).toContain('rust');
    expect(cursor).toBe(String(t0 + 20));
    const [ask, kernel] = feed.items;
    expect(kernel).toMatchObject({
      guid: 'hn:1',
      title: 'Rust in the kernel',
      link: 'https://example.com/kernel',
      author: 'ada',
      published: new Date((t0 + 10) * 1000).toISOString(),
      extras: { postUrl: 'https://news.ycombinator.com/item?id=1' },
    });
    expect(kernel!.contentHtml).toContain('120 points · 45 comments');
    expect(kernel!.contentHtml).toContain('href="https://news.ycombinator.com/item?id=1"');
    // A story without a URL (Ask HN) links to its own discussion, and its text is the content.
    expect(ask).toMatchObject({ guid: 'hn:2', link: 'https://news.ycombinator.com/item?id=2', extras: { postUrl: 'https://news.ycombinator.com/item?id=2' } });
    expect(ask!.contentHtml).toContain('1 point · 1 comment');
    expect(ask!.contentHtml).toContain('<p>Which one &amp; why?</p>');
  });

  it('pages from the cursor to the end, without duplicates or gaps when a story arrives between pages', async () => {
    const old = storyIds([1, 2, 3], t0);
    const fresh = storyIds(Array.from({ length: 250 }, (_, index) => 100 + index), t0);
    const server = await algolia([...old, ...fresh]);
    const cursor = String(t0 + 3);
    // A new story after the first page pushes that page's last hit onto the second one.
    server.afterAnswer = (page) => {
      if (page === 0) server.hits.push(hnStory(999, t0 + 5000, { title: 'Rust arrives late' }));
    };

    const first = await fetchHnSearch(story, cursor, { apiBase: server.origin });
    expect(server.requests.map((request) => params(request.path).page)).toEqual(['0', '1', '2']);
    expect(params(server.requests[0]!.path).numericFilters).toBe(`created_at_i>${t0 + 3}`);
    const ids = first.feed.items.map((item) => item.guid);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(fresh.map((hit) => `hn:${hit.objectID}`).sort());
    expect(first.cursor).toBe(String(t0 + 349));

    // The story that came in meanwhile is what the next refresh finds, and nothing else.
    server.afterAnswer = undefined;
    server.requests.length = 0;
    const second = await fetchHnSearch(story, first.cursor, { apiBase: server.origin });
    expect(second.feed.items.map((item) => item.guid)).toEqual(['hn:999']);
    expect(second.cursor).toBe(String(t0 + 5000));
    expect(server.requests).toHaveLength(1);

    const third = await fetchHnSearch(story, second.cursor, { apiBase: server.origin });
    expect(third.feed.items).toEqual([]);
    expect(third.cursor).toBe(second.cursor);
  });

  it('stops at the page cap', async () => {
    const server = await algolia(storyIds(Array.from({ length: 450 }, (_, index) => index + 1), t0));
    const { feed, cursor } = await fetchHnSearch(story, String(t0), { apiBase: server.origin, maxPages: 2 });
    expect(server.requests).toHaveLength(2);
    expect(feed.items).toHaveLength(200);
    expect(cursor).toBe(String(t0 + 450));
  });

  it('filters by points, looking a day behind the cursor for stories that earned them late', async () => {
    const cursor = t0 + 100_000;
    const server = await algolia([
      hnStory(1, cursor - hnPointsLookbackSeconds - 10, { title: 'Rust long ago', points: 500 }),
      hnStory(2, cursor - 3600, { title: 'Rust late bloomer', points: 80 }),
      hnStory(3, cursor + 60, { title: 'Rust new and popular', points: 51 }),
      hnStory(4, cursor + 120, { title: 'Rust new and quiet', points: 3 }),
    ]);
    const { feed } = await fetchHnSearch({ ...story, minPoints: 50 }, String(cursor), { apiBase: server.origin });
    expect(params(server.requests[0]!.path).numericFilters).toBe(`created_at_i>${cursor - hnPointsLookbackSeconds},points>=50`);
    expect(feed.items.map((item) => item.guid)).toEqual(['hn:3', 'hn:2']);
  });

  it('maps comments: title from the text, the comment page as link, the story as context', async () => {
    const server = await algolia([
      hnComment(11, t0 + 5, 7, '<p>I think Rust&#x27;s borrow checker is <i>great</i> once you get used to it, and here is a long reason why it matters.</p>'),
      hnStory(7, t0, { title: 'Rust story' }),
    ]);
    const { feed } = await fetchHnSearch({ query: 'rust', tags: 'comment', minPoints: 10 }, undefined, { apiBase: server.origin });
    // Comments have no points in the index: the filter is not sent, or it would leave nothing.
    expect(params(server.requests[0]!.path)).toMatchObject({ tags: 'comment' });
    expect(params(server.requests[0]!.path).numericFilters).toBeUndefined();
    expect(feed.items).toHaveLength(1);
    const [comment] = feed.items;
    expect(comment!.title).toMatch(/^I think Rust's borrow checker is great once you get used to it,.*…$/);
    expect(comment!.title!.length).toBeLessThanOrEqual(81);
    expect(comment).toMatchObject({ guid: 'hn:11', link: 'https://news.ycombinator.com/item?id=11', extras: { postUrl: 'https://news.ycombinator.com/item?id=11' } });
    expect(comment!.contentHtml).toContain('<i>great</i>');
    expect(comment!.contentHtml).toContain('<a href="https://news.ycombinator.com/item?id=7">Story 7</a>');
  });

  it('sanitises hostile HTML and refuses a script URL as the link', async () => {
    const server = await algolia([
      hnStory(1, t0, {
        title: 'Rust <b>exploit</b>',
        url: 'javascript:alert(1)',
        story_text: '<p onclick="steal()">Hi<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a></p>',
      }),
    ]);
    const { feed } = await fetchHnSearch(story, undefined, { apiBase: server.origin });
    const [item] = feed.items;
    expect(item!.link).toBe('https://news.ycombinator.com/item?id=1');
    expect(item!.contentHtml).not.toMatch(/script|onclick|onerror|javascript:/i);
    expect(item!.contentHtml).toContain('Hi');
  });

  it('turns a 429 into a RetryLaterFailure in words, after one request', async () => {
    const server = await algolia([hnStory(1, t0)]);
    server.refusal = { status: 429, headers: { 'retry-after': '120' } };
    const now = () => Date.UTC(2026, 0, 1, 12, 0, 0);
    const failure = await failureOf(fetchHnSearch(story, String(t0 - 10), { apiBase: server.origin, now }));
    expect(failure).toBeInstanceOf(RetryLaterFailure);
    expect((failure as RetryLaterFailure).retryAfter).toBe(now() + 120_000);
    expect(failure.message).toBe('Hacker News search (Algolia) asks Commonplace to slow down (429); it can be tried again in about 2 minutes (after 2026-01-01 12:02 UTC).');
    expect(server.requests).toHaveLength(1);
  });

  it('says so in words when the answer is not a search result or the search is refused', async () => {
    const server = await algolia();
    server.refusal = { status: 200, body: '<html>maintenance</html>', headers: { 'content-type': 'text/html' } };
    const garbled = await failureOf(fetchHnSearch(story, undefined, { apiBase: server.origin }));
    expect(garbled).toMatchObject({ code: 'not-a-feed', message: 'Hacker News search answered with something that is not a list of results.' });

    server.refusal = { status: 400, body: '{"message":"invalid numericFilters","status":400}' };
    expect(await failureOf(fetchHnSearch(story, undefined, { apiBase: server.origin }))).toMatchObject({ code: 'invalid-request' });
    server.refusal = { status: 503 };
    expect((await failureOf(fetchHnSearch(story, undefined, { apiBase: server.origin }))).message).toBe(
      'Hacker News search (Algolia) had a problem (503); try again later.',
    );
  });
});
