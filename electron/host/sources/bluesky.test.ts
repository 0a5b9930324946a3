import { afterEach, describe, expect, it } from 'vitest';
import { parsedFeedSchema } from '../../../shared/feeds/feed-schemas';
import { RetryLaterFailure, userAgent } from '../feeds/http-fetch';
import { failureOf } from '../net/fixture-server';
import { blueskyLogin, fetchBlueskyAuthor, fetchBlueskySearch, type BlueskySession } from './bluesky';
import { bskyPost, startBlueskyFixture, type BlueskyFixture, type BskyAuthor, type BskyPost } from './search-fixtures';

const open: BlueskyFixture[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

const account = { identifier: 'me.example.com', password: 'abcd-efgh-ijkl-mnop', did: 'did:plc:meeeeeeeeeeeeeeeeeeeeeee', handle: 'me.example.com' };
const ada: BskyAuthor = { did: 'did:plc:adaaaaaaaaaaaaaaaaaaaaaa', handle: 'ada.bsky.social', displayName: 'Ada Lovelace', avatar: 'https://cdn.bsky.app/img/avatar/plain/ada@jpeg' };
const grace: BskyAuthor = { did: 'did:plc:graceeeeeeeeeeeeeeeeeeee', handle: 'grace.bsky.social' };

async function bluesky(): Promise<BlueskyFixture> {
  const server = await startBlueskyFixture(account);
  open.push(server);
  return server;
}

const at = (minute: number) => new Date(Date.UTC(2026, 4, 1, 12, 0) + minute * 60_000).toISOString();
const params = (path: string) => Object.fromEntries(new URL(path, 'http://x').searchParams);
const pathname = (path: string) => new URL(path, 'http://x').pathname;

/** Posts by ada at minutes from..to, one a minute, text mentioning "local-first". */
function posts(from: number, to: number, author = ada): BskyPost[] {
  return Array.from({ length: to - from + 1 }, (_, index) => bskyPost(author, `r${from + index}`, `local-first note ${from + index}`, at(from + index)));
}

const sharing = bskyPost(ada, '3kshare', 'Worth reading: local-first software', at(10), {
  embed: {
    $type: 'app.bsky.embed.external#view',
    external: { uri: 'https://example.com/local-first', title: 'Local-first software', description: 'You own your data', thumb: 'https://cdn.bsky.app/img/t@jpeg' },
  },
});

describe('fetchBlueskyAuthor', () => {
  it('reads the public author feed without an account and maps posts to items', async () => {
    const server = await bluesky();
    server.feed = [{ post: sharing }, { post: bskyPost(ada, '3kplain', 'Just text <b>not bold</b>', at(5)) }];
    const { feed, cursor } = await fetchBlueskyAuthor('ada.bsky.social', undefined, { appView: server.origin });

    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(pathname(request!.path)).toBe('/xrpc/app.bsky.feed.getAuthorFeed');
    expect(params(request!.path)).toEqual({ actor: 'ada.bsky.social', limit: '50' });
    expect(request!.headers.authorization).toBeUndefined();
    expect(request!.headers['user-agent']).toBe(userAgent);
    expect(feed).toMatchObject({ format: 'json', siteUrl: 'https://bsky.app/profile/ada.bsky.social' });
    // The shape the refresh pipeline stores, as a feed fetch returns it.
    expect(parsedFeedSchema.parse(feed)).toEqual(feed);
    expect(cursor).toBe(at(10));

    const [shared, plain] = feed.items;
    // The shared link is the item's link, so it dedupes against the article in a feed; the post page is kept.
    expect(shared).toMatchObject({
      guid: sharing.uri,
      title: 'Worth reading: local-first software',
      link: 'https://example.com/local-first',
      author: 'Ada Lovelace (@ada.bsky.social)',
      published: at(10),
      extras: { postUrl: 'https://bsky.app/profile/ada.bsky.social/post/3kshare', authorAvatar: ada.avatar },
    });
    expect(shared!.contentHtml).toContain('<a href="https://example.com/local-first">Local-first software</a>');
    expect(shared!.contentHtml).toContain('You own your data');
    expect(plain).toMatchObject({ link: 'https://bsky.app/profile/ada.bsky.social/post/3kplain' });
    expect(plain!.contentHtml).toBe('<p>Just text &lt;b&gt;not bold&lt;/b&gt;</p>');
  });

  it('pages back to the cursor, no further, without gaps or duplicates', async () => {
    const server = await bluesky();
    server.feed = posts(1, 300).map((post) => ({ post }));
    const { feed, cursor } = await fetchBlueskyAuthor('ada.bsky.social', at(180), { appView: server.origin });
    // 120 newer posts: 50 + 50 + 20, the third page reaching the cursor, and no page after it.
    expect(server.requests).toHaveLength(3);
    expect(params(server.requests[1]!.path).cursor).toBeTruthy();
    expect(feed.items.map((item) => item.guid)).toEqual(
      posts(181, 300)
        .reverse()
        .map((post) => post.uri),
    );
    expect(cursor).toBe(at(300));

    server.requests.length = 0;
    server.feed.push({ post: bskyPost(ada, 'r301', 'one more', at(301)) });
    const next = await fetchBlueskyAuthor('ada.bsky.social', cursor, { appView: server.origin });
    expect(next.feed.items.map((item) => item.guid)).toEqual([`at://${ada.did}/app.bsky.feed.post/r301`]);
    expect(server.requests).toHaveLength(1);
  });

  it('stops at the page cap and keeps the newest as the cursor', async () => {
    const server = await bluesky();
    server.feed = posts(1, 400).map((post) => ({ post }));
    const { feed, cursor } = await fetchBlueskyAuthor('ada.bsky.social', at(0), { appView: server.origin });
    expect(server.requests).toHaveLength(5);
    expect(feed.items).toHaveLength(250);
    expect(cursor).toBe(at(400));
  });

  it('counts a repost from when it was reposted, and says who reposted it', async () => {
    const server = await bluesky();
    const old = bskyPost(grace, 'old1', 'An old classic', at(-500));
    server.feed = [
      { post: old, reason: { $type: 'app.bsky.feed.defs#reasonRepost', by: ada, indexedAt: at(20) } },
      { post: bskyPost(ada, 'mine', 'mine', at(5)) },
    ];
    const { feed, cursor } = await fetchBlueskyAuthor('ada.bsky.social', at(10), { appView: server.origin });
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]).toMatchObject({ guid: old.uri, author: '@grace.bsky.social', extras: { repostedBy: 'Ada Lovelace (@ada.bsky.social)' } });
    expect(feed.items[0]!.published).toBe(at(-500));
    expect(cursor).toBe(at(20));
  });

  it('says in words that an account does not exist', async () => {
    const server = await bluesky();
    const failure = await failureOf(fetchBlueskyAuthor('nobody.example', undefined, { appView: server.origin }));
    expect(failure).toMatchObject({ code: 'not-found', message: 'Bluesky has no account @nobody.example.' });
  });

  it('sanitises hostile posts: text is text, script URLs never become links or images', async () => {
    const server = await bluesky();
    const hostile = bskyPost({ ...ada, displayName: '<img src=x onerror=alert(1)>', avatar: 'javascript:alert(1)' }, 'evil', '<script>alert(1)</script> hi', at(1), {
      embed: {
        $type: 'app.bsky.embed.recordWithMedia#view',
        media: { $type: 'app.bsky.embed.images#view', images: [{ fullsize: 'javascript:alert(2)', alt: 'x' }, { fullsize: 'https://cdn.bsky.app/img/feed_fullsize/plain/ada/cid@jpeg', alt: '"><script>' }] },
        record: { record: { $type: 'app.bsky.embed.record#viewRecord', uri: `at://${grace.did}/app.bsky.feed.post/q1`, author: grace, value: { text: '<iframe src="https://evil.example">' } } },
      },
    });
    server.feed = [{ post: { ...hostile, embed: { ...hostile.embed } } }, { post: bskyPost(ada, 'card', 'card', at(0), { embed: { $type: 'app.bsky.embed.external#view', external: { uri: 'javascript:alert(3)', title: 't' } } }) }];
    const { feed } = await fetchBlueskyAuthor('ada.bsky.social', undefined, { appView: server.origin });
    const [evil, card] = feed.items;
    expect(evil!.contentHtml).not.toMatch(/<script|<iframe|onerror|javascript:/i);
    expect(evil!.contentHtml).toContain('&lt;script&gt;alert(1)&lt;/script&gt; hi');
    expect(evil!.contentHtml).toContain('<img src="https://cdn.bsky.app/img/feed_fullsize/plain/ada/cid@jpeg" alt="&quot;&gt;&lt;script&gt;">');
    expect(evil!.contentHtml).toContain('Quoting <a href="https://bsky.app/profile/grace.bsky.social/post/q1">@grace.bsky.social</a>');
    expect(evil!.enclosures).toEqual([{ url: 'https://cdn.bsky.app/img/feed_fullsize/plain/ada/cid@jpeg', type: 'image/jpeg' }]);
    expect(evil!.extras.authorAvatar).toBeUndefined();
    expect(card!.link).toBe('https://bsky.app/profile/ada.bsky.social/post/card');
  });

  it('links facets to their full address, not the shortened text', async () => {
    const server = await bluesky();
    const text = 'Read “café.example/long…” now\n\nby @grace.bsky.social';
    const bytes = (part: string) => new TextEncoder().encode(part).length;
    const linkStart = bytes('Read “');
    const linkEnd = linkStart + bytes('café.example/long…');
    const mentionStart = bytes('Read “café.example/long…” now\n\nby ');
    server.feed = [
      {
        post: bskyPost(ada, 'facets', text, at(1), {
          record: {
            $type: 'app.bsky.feed.post',
            text,
            createdAt: at(1),
            facets: [
              { index: { byteStart: mentionStart, byteEnd: mentionStart + bytes('@grace.bsky.social') }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: grace.did }] },
              { index: { byteStart: linkStart, byteEnd: linkEnd }, features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://café.example/long/article' }] },
            ],
          },
        }),
      },
    ];
    const { feed } = await fetchBlueskyAuthor('ada.bsky.social', undefined, { appView: server.origin });
    const [item] = feed.items;
    expect(item!.contentHtml).toBe(
      '<p>Read “<a href="https://xn--caf-dma.example/long/article">café.example/long…</a>” now</p>' +
        `<p>by <a href="https://bsky.app/profile/${encodeURIComponent(grace.did)}">@grace.bsky.social</a></p>`,
    );
    // The one link of the text is what the post shares.
    expect(item!.link).toBe('https://xn--caf-dma.example/long/article');
  });
});

describe('blueskyLogin', () => {
  it('creates a session from a handle and an app password', async () => {
    const server = await bluesky();
    const session = await blueskyLogin('@me.example.com', account.password, { pds: server.origin });
    expect(session).toEqual({ accessJwt: server.accessJwt, refreshJwt: server.refreshJwt, did: account.did, handle: account.handle });
    expect(server.requests[0]).toMatchObject({ method: 'POST', path: '/xrpc/com.atproto.server.createSession', json: { identifier: 'me.example.com', password: account.password } });
  });

  it('refuses a wrong password in words that never repeat it', async () => {
    const server = await bluesky();
    const failure = await failureOf(blueskyLogin('me.example.com', 'wrong-pass-word-1234', { pds: server.origin }));
    expect(failure.code).toBe('forbidden');
    expect(failure.message).toContain('use an app password');
    expect(failure.message).not.toContain('wrong-pass-word-1234');
  });

  it('turns a 429 into a RetryLaterFailure from RateLimit-Reset, after one request', async () => {
    const server = await bluesky();
    const now = () => Date.UTC(2026, 4, 1, 12, 0, 0);
    server.refusal = { status: 429, headers: { 'content-type': 'application/json', 'ratelimit-limit': '30', 'ratelimit-remaining': '0', 'ratelimit-reset': String(now() / 1000 + 240) }, body: '{"error":"RateLimitExceeded","message":"Rate Limit Exceeded"}' };
    const failure = await failureOf(blueskyLogin('me.example.com', account.password, { pds: server.origin, now }));
    expect(failure).toBeInstanceOf(RetryLaterFailure);
    expect((failure as RetryLaterFailure).retryAfter).toBe(now() + 240_000);
    expect(failure.message).toContain('about 4 minutes');
    expect(server.requests).toHaveLength(1);
  });
});

describe('fetchBlueskySearch', () => {
  async function signedIn(): Promise<{ server: BlueskyFixture; session: BlueskySession }> {
    const server = await bluesky();
    const session = await blueskyLogin(account.identifier, account.password, { pds: server.origin });
    server.requests.length = 0;
    return { server, session };
  }

  it('searches the latest posts with the session’s token and pages to the cursor', async () => {
    const { server, session } = await signedIn();
    server.posts = [...posts(1, 80), sharing, bskyPost(grace, 'other', 'nothing to see', at(90))];
    const first = await fetchBlueskySearch('local-first', session, undefined, { pds: server.origin });
    expect(server.requests).toHaveLength(1);
    expect(pathname(server.requests[0]!.path)).toBe('/xrpc/app.bsky.feed.searchPosts');
    expect(params(server.requests[0]!.path)).toEqual({ q: 'local-first', sort: 'latest', limit: '50' });
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${session.accessJwt}`);
    expect(first.feed.items).toHaveLength(50);
    expect(first.feed.siteUrl).toBe('https://bsky.app/search?q=local-first');
    expect(first.cursor).toBe(at(80));

    server.requests.length = 0;
    const next = await fetchBlueskySearch('local-first', session, at(5), { pds: server.origin });
    expect(server.requests).toHaveLength(2);
    const ids = next.feed.items.map((item) => item.guid);
    expect(ids).toHaveLength(76);
    expect(new Set(ids).size).toBe(76);
    expect(ids).toContain(sharing.uri);
  });

  it('refreshes an expired session once, hands the new tokens over and retries', async () => {
    const { server, session } = await signedIn();
    server.posts = posts(1, 3);
    server.expireAccess();
    const sessions: BlueskySession[] = [];
    const { feed } = await fetchBlueskySearch('local-first', session, undefined, { pds: server.origin, onSession: (next) => sessions.push(next) });
    expect(feed.items).toHaveLength(3);
    expect(server.requests.map((request) => `${request.method} ${pathname(request.path)}`)).toEqual([
      'GET /xrpc/app.bsky.feed.searchPosts',
      'POST /xrpc/com.atproto.server.refreshSession',
      'GET /xrpc/app.bsky.feed.searchPosts',
    ]);
    expect(server.requests[1]!.headers.authorization).toBe(`Bearer ${session.refreshJwt}`);
    expect(sessions).toEqual([{ accessJwt: server.accessJwt, refreshJwt: server.refreshJwt, did: account.did, handle: account.handle }]);
    expect(server.requests[2]!.headers.authorization).toBe(`Bearer ${server.accessJwt}`);
  });

  it('does not loop when the refreshed token is refused too', async () => {
    const { server, session } = await signedIn();
    server.posts = posts(1, 3);
    server.expireAccess();
    // Every token the server hands out is already expired.
    const original = server.refreshJwt;
    const sessions: BlueskySession[] = [];
    const failure = await failureOf(
      fetchBlueskySearch('local-first', session, undefined, {
        pds: server.origin,
        onSession: (next) => {
          sessions.push(next);
          server.expireAccess();
        },
      }),
    );
    expect(original).not.toBe(server.refreshJwt);
    expect(failure).toMatchObject({ code: 'forbidden' });
    expect(failure.message).toContain('sign in to Bluesky again');
    expect(server.requests).toHaveLength(3);
    expect(sessions).toHaveLength(1);
  });

  it('asks to sign in again when the refresh token has expired as well', async () => {
    const { server, session } = await signedIn();
    server.expireAccess();
    server.refreshExpired = true;
    const failure = await failureOf(fetchBlueskySearch('local-first', session, undefined, { pds: server.origin }));
    expect(failure).toMatchObject({ code: 'forbidden', message: 'The Bluesky sign-in has expired; sign in to Bluesky again with your handle and an app password.' });
    expect(server.requests).toHaveLength(2);
  });

  it('turns a 429 into a RetryLaterFailure, after one request', async () => {
    const { server, session } = await signedIn();
    server.refusal = { status: 429, headers: { 'retry-after': '60' } };
    const now = () => Date.UTC(2026, 4, 1, 12, 0, 0);
    const failure = await failureOf(fetchBlueskySearch('local-first', session, at(0), { pds: server.origin, now }));
    expect(failure).toBeInstanceOf(RetryLaterFailure);
    expect(failure.message).toBe('Bluesky turned down the search for now: too many requests (429); it can be tried again in about 60 seconds (after 2026-05-01 12:01 UTC).');
    expect(server.requests).toHaveLength(1);
  });
});
