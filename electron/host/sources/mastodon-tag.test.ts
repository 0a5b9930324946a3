import { afterEach, describe, expect, it } from 'vitest';
import { parsedFeedSchema, type ParsedItem } from '../../../shared/feeds/feed-schemas';
import { RetryLaterFailure, userAgent } from '../feeds/http-fetch';
import { failureOf, startFixtureServer } from '../net/fixture-server';
import { compareIds, fetchMastodonTag, pageLimit, type MastodonTagSpec, type SourceFetchResult } from './mastodon-tag';
import { startMastodonTagInstance, type MastodonStatusJson, type MastodonTagInstance, type MastodonTagInstanceOptions } from './source-fixtures';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

async function instance(options: MastodonTagInstanceOptions = {}): Promise<MastodonTagInstance> {
  const server = await startMastodonTagInstance(options);
  open.push(server);
  return server;
}

function specFor(server: { origin: string }, rest: Partial<MastodonTagSpec> = {}): MastodonTagSpec {
  return { kind: 'mastodon-tag', tag: 'pkm', instance: server.origin, any: [], all: [], none: [], localOnly: false, ...rest };
}

const guids = (result: SourceFetchResult) => result.feed.items.map((item) => item.guid);
const uris = (statuses: MastodonStatusJson[]) => statuses.map((status) => status.uri);
const newestFirst = (statuses: MastodonStatusJson[]) => [...statuses].sort((a, b) => compareIds(b.id, a.id));
const only = (result: SourceFetchResult): ParsedItem => {
  expect(result.feed.items).toHaveLength(1);
  return result.feed.items[0]!;
};

describe('fetchMastodonTag: the API timeline and its paging', () => {
  it('first fetch: one request for the newest page, politely, and items a feed would have', async () => {
    const server = await instance();
    server.addStatuses(130);
    const result = await fetchMastodonTag(specFor(server), undefined);

    const requests = server.timelineRequests();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.path).toBe(`/api/v1/timelines/tag/pkm?limit=${pageLimit}`);
    expect(requests[0]!.headers['user-agent']).toBe(userAgent);
    expect(requests[0]!.headers.accept).toBe('application/json');

    const newest = newestFirst(server.statuses).slice(0, 40);
    expect(guids(result)).toEqual(uris(newest));
    expect(result.cursor).toBe(newest[0]!.id);
    expect(result.retryAfter).toBeUndefined();
    expect(parsedFeedSchema.parse(result.feed)).toEqual(result.feed);
    expect(result.feed).toMatchObject({ format: 'json', title: `#pkm on ${server.host}`, siteUrl: `${server.origin}/tags/pkm` });

    const top = newest[0]!; // status 130: a local account's
    expect(result.feed.items[0]).toEqual({
      guid: top.uri,
      link: top.url,
      title: 'Post 130 about knowledge #pkm',
      author: `@${top.account.acct}@${server.host}`,
      published: top.created_at,
      contentHtml: `<p>Post 130 about knowledge <a href="${server.origin}/tags/pkm">#<span>pkm</span></a></p>`,
      enclosures: [],
      categories: ['pkm'],
      extras: { postUrl: top.url, authorAvatar: top.account.avatar },
    });
    const remote = result.feed.items.find((item) => item.guid === newest[1]!.uri)!; // status 129 is not; 129 % 3 === 0
    expect(remote.author).toBe(`@${newest[1]!.account.acct}`);
    expect(remote.author).toMatch(/@elsewhere\.example$/);
  });

  it('cursor round trip: fetch, add statuses, fetch again → only the new ones, across page boundaries', async () => {
    const server = await instance();
    server.addStatuses(130);
    const first = await fetchMastodonTag(specFor(server), undefined);
    const added = server.addStatuses(150);
    server.requests.length = 0;

    const second = await fetchMastodonTag(specFor(server), first.cursor);
    expect(new Set(guids(second)).size).toBe(150);
    expect(guids(second)).toEqual(uris(newestFirst(added)));
    expect(second.cursor).toBe(added.at(-1)!.id);
    // 40 + 40 + 40 + 30: the short page is the newest there is, so no fifth request.
    const minIds = server.timelineRequests().map((request) => server.query(request).get('min_id'));
    expect(minIds).toEqual([first.cursor, added[39]!.id, added[79]!.id, added[119]!.id]);

    server.requests.length = 0;
    const third = await fetchMastodonTag(specFor(server), second.cursor);
    expect(third.feed.items).toEqual([]);
    expect(third.cursor).toBe(second.cursor);
    expect(server.timelineRequests()).toHaveLength(1);

    const later = server.addStatuses(3);
    const fourth = await fetchMastodonTag(specFor(server), third.cursor);
    expect(guids(fourth)).toEqual(uris(newestFirst(later)));
  });

  it('stops at the page cap and picks up the rest on the next refresh, without a gap or a duplicate', async () => {
    const server = await instance();
    server.addStatuses(10);
    const first = await fetchMastodonTag(specFor(server), undefined);
    const added = server.addStatuses(250);
    server.requests.length = 0;

    const capped = await fetchMastodonTag(specFor(server), first.cursor);
    expect(server.timelineRequests()).toHaveLength(5);
    expect(capped.feed.items).toHaveLength(200);
    expect(capped.cursor).toBe(added[199]!.id);

    const rest = await fetchMastodonTag(specFor(server), capped.cursor);
    expect(rest.feed.items).toHaveLength(50);
    const seen = [...guids(capped), ...guids(rest)];
    expect(new Set(seen).size).toBe(250);
    expect(new Set(seen)).toEqual(new Set(uris(added)));

    const two = await fetchMastodonTag(specFor(server), first.cursor, { maxPages: 2 });
    expect(two.feed.items).toHaveLength(80);
  });

  it('keeps any[], all[], none[] and local on every page, although the Link header drops them', async () => {
    const server = await instance();
    const wanted: MastodonStatusJson[] = [];
    const first = server.addStatus({ text: 'before' });
    for (let n = 0; n < 60; n += 1) {
      wanted.push(server.addStatus({ tags: n % 2 ? ['pkm', 'obsidian'] : ['notes', 'obsidian'], account: { username: 'local' } }));
      server.addStatus({ tags: ['pkm', 'obsidian', 'spam'], account: { username: 'local' } });
      server.addStatus({ tags: ['pkm'], account: { username: 'local' } });
      server.addStatus({ tags: ['pkm', 'obsidian'], account: { username: 'far', domain: 'elsewhere.example' } });
    }
    const spec = specFor(server, { any: ['notes'], all: ['obsidian'], none: ['spam'], localOnly: true });
    const result = await fetchMastodonTag(spec, first.id);

    expect(guids(result)).toEqual(uris(newestFirst(wanted)));
    const requests = server.timelineRequests();
    expect(requests).toHaveLength(2);
    for (const request of requests) {
      const query = server.query(request);
      expect(query.getAll('any[]')).toEqual(['notes']);
      expect(query.getAll('all[]')).toEqual(['obsidian']);
      expect(query.getAll('none[]')).toEqual(['spam']);
      expect(query.get('local')).toBe('true');
    }
    expect(requests[0]!.headers['link']).toBeUndefined();
  });

  it('an instance that disabled hashtag feeds (200 with []) is an empty timeline, nothing more', async () => {
    const server = await instance({ api: 'disabled' });
    server.addStatuses(5);
    const first = await fetchMastodonTag(specFor(server), undefined);
    expect(first).toEqual({ feed: expect.objectContaining({ items: [] }) });
    const again = await fetchMastodonTag(specFor(server), '110000000000000099');
    expect(again.feed.items).toEqual([]);
    expect(again.cursor).toBe('110000000000000099');
    expect(server.paths().filter((path) => path.includes('.rss'))).toEqual([]);
  });

  it('never loops on an instance that answers the same full page forever', async () => {
    const real = await instance();
    real.addStatuses(40);
    const page = newestFirst(real.statuses);
    let prevMinId = page[0]!.id;
    const liar = await startFixtureServer({
      '/api/v1/timelines/tag/pkm': (_request, response) => {
        const link = `<${real.origin}/api/v1/timelines/tag/pkm?min_id=${prevMinId}>; rel="prev"`;
        response.writeHead(200, { 'content-type': 'application/json', link }).end(JSON.stringify(page));
      },
    });
    open.push(liar);
    const result = await fetchMastodonTag(specFor(liar), '1');
    // The second answer brings nothing newer than the first: stop there.
    expect(liar.requests.map((request) => new URL(request.path, liar.origin).searchParams.get('min_id'))).toEqual(['1', page[0]!.id]);
    expect(result.feed.items).toHaveLength(40);
    expect(result.cursor).toBe(page[0]!.id);

    // A Link header that points back to where the page started is not followed either.
    liar.requests.length = 0;
    prevMinId = '1';
    await fetchMastodonTag(specFor(liar), '1');
    expect(liar.requests).toHaveLength(1);
  });

  it('ignores a cursor that is not a status id and starts afresh', async () => {
    const server = await instance();
    server.addStatuses(3);
    const result = await fetchMastodonTag(specFor(server), '1&max_id=5');
    expect(server.timelineRequests().map((request) => request.path)).toEqual([`/api/v1/timelines/tag/pkm?limit=${pageLimit}`]);
    expect(result.feed.items).toHaveLength(3);
  });
});

describe('fetchMastodonTag: rate limits', () => {
  it('stops paging when X-RateLimit-Remaining reaches 0 and says when to come back', async () => {
    const resetAt = new Date(Date.now() + 180_000);
    const server = await instance({ rateLimit: 3, rateLimitResetAt: resetAt });
    server.addStatuses(5);
    const first = await fetchMastodonTag(specFor(server), undefined);
    expect(first.retryAfter).toBeUndefined();
    const added = server.addStatuses(150);

    const limited = await fetchMastodonTag(specFor(server), first.cursor);
    expect(server.timelineRequests()).toHaveLength(3);
    expect(limited.feed.items).toHaveLength(80);
    expect(limited.cursor).toBe(added[79]!.id);
    expect(limited.retryAfter).toBe(resetAt.getTime());
  });

  it('a 429 on the first request is a RetryLaterFailure after one request, with X-RateLimit-Reset as the time', async () => {
    const resetAt = new Date(Date.now() + 240_000);
    const server = await instance({ rateLimit: 0, rateLimitResetAt: resetAt });
    server.addStatuses(5);
    const failure = await failureOf(fetchMastodonTag(specFor(server), '1'));
    expect(failure).toBeInstanceOf(RetryLaterFailure);
    expect((failure as RetryLaterFailure).retryAfter).toBe(resetAt.getTime());
    expect(failure.message).toMatch(new RegExp(`^${server.host.replace(/\./g, '\\.')} asks Commonplace to slow down \\(429\\); it can be tried again in about 4 minutes`));
    expect(server.requests).toHaveLength(1);
  });

  it('a 429 after some pages keeps those pages and asks to wait', async () => {
    const resetAt = new Date(Date.now() + 60_000);
    const server = await instance({ rateLimitResetAt: resetAt });
    server.addStatuses(1);
    const added = server.addStatuses(100);
    // Another app on the same address spends the budget between our first and second page.
    const fetchImpl: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      server.set({ rateLimitRemaining: 0 });
      return response;
    };
    const result = await fetchMastodonTag(specFor(server), server.statuses[0]!.id, { fetchImpl });
    expect(server.timelineRequests()).toHaveLength(2);
    expect(guids(result)).toEqual(uris(newestFirst(added.slice(0, 40))));
    expect(result.cursor).toBe(added[39]!.id);
    expect(result.retryAfter).toBe(resetAt.getTime());
  });
});

describe('fetchMastodonTag: the RSS fallback', () => {
  it.each([
    ['auth', 401],
    ['forbidden', 403],
    ['unprocessable', 422],
    ['missing', 404],
  ] as const)('reads /tags/pkm.rss when the API answers %s (%i)', async (api, _status) => {
    const server = await instance({ api });
    const statuses = [
      server.addStatus({ text: 'From the RSS', account: { username: 'ada', displayName: 'Ada' }, media: [{ type: 'image', url: `https://files.example/a.png`, description: 'A map' }] }),
      server.addStatus({ text: 'Remote one', account: { username: 'bob', domain: 'elsewhere.example' } }),
    ];
    const result = await fetchMastodonTag(specFor(server), '110000000000000001');

    expect(server.paths()).toEqual([`/api/v1/timelines/tag/pkm?limit=${pageLimit}&min_id=110000000000000001`, `/tags/pkm.rss?limit=${pageLimit}`]);
    expect(server.requests[1]!.headers.accept).toMatch(/application\/rss\+xml/);
    expect(result.cursor).toBe('110000000000000001');
    expect(parsedFeedSchema.parse(result.feed)).toEqual(result.feed);
    const [remote, local] = result.feed.items;
    expect(local).toMatchObject({
      guid: statuses[0]!.url,
      link: statuses[0]!.url,
      title: 'From the RSS #pkm',
      author: `@ada@${server.host}`,
      published: statuses[0]!.created_at,
      categories: ['pkm'],
      extras: { postUrl: statuses[0]!.url },
    });
    expect(local!.contentHtml).toContain('<img src="https://files.example/a.png" alt="">');
    expect(remote).toMatchObject({ guid: statuses[1]!.url, author: '@bob@elsewhere.example', title: 'Remote one #pkm' });
  });

  it('applies all:, none: and local to the RSS items, which newer Mastodons do not filter', async () => {
    const server = await instance({ api: 'auth' });
    const kept = server.addStatus({ tags: ['pkm', 'obsidian'] });
    server.addStatus({ tags: ['pkm', 'obsidian', 'spam'] });
    server.addStatus({ tags: ['pkm'] });
    server.addStatus({ tags: ['pkm', 'obsidian'], account: { username: 'far', domain: 'elsewhere.example' } });
    const result = await fetchMastodonTag(specFor(server, { all: ['obsidian'], none: ['spam'], localOnly: true }), undefined);
    expect(guids(result)).toEqual([kept.url]);
    expect(server.paths()[1]).toBe(`/tags/pkm.rss?limit=${pageLimit}&all[]=obsidian&none[]=spam&local=true`);
    expect(result.cursor).toBeUndefined();
  });

  it.each([
    ['auth', 'auth', 'forbidden', /^127\.0\.0\.1:\d+ does not share its #pkm timeline publicly: it shows hashtags only to people signed in there \(401\)\. Sign in on 127\.0\.0\.1:\d+, or follow #pkm from another instance\.$/],
    ['forbidden', 'html', 'forbidden', /does not share its #pkm timeline publicly.*\(403\)/],
    ['missing', 'missing', 'not-found', /^127\.0\.0\.1:\d+ does not share its #pkm timeline publicly: neither its Mastodon API nor its hashtag feed answered \(404\)\. Check the instance's address/],
  ] as const)('API %s and RSS %s: a failure in words', async (api, rss, code, message) => {
    const server = await instance({ api, rss });
    const failure = await failureOf(fetchMastodonTag(specFor(server), undefined));
    expect(failure.code).toBe(code);
    expect(failure.message).toMatch(message);
    expect(server.requests).toHaveLength(2);
  });
});

describe('fetchMastodonTag: posts to items', () => {
  it('sanitises hostile HTML and drops unsafe addresses everywhere', async () => {
    const server = await instance();
    server.addStatus({
      html: '<p>Hi<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)" onclick="alert(4)">x</a><iframe src="https://evil.example"></iframe><style>*{}</style></p>',
      spoiler: '</strong><script>alert(5)</script>',
      account: { username: 'eve', displayName: '<img src=x onerror=alert(6)>', avatar: 'javascript:alert(7)' },
      card: { url: 'javascript:alert(8)', title: 'Card' },
      media: [{ type: 'image', url: 'data:image/svg+xml,<svg onload=alert(9)>' }, { type: 'image', url: null, remoteUrl: 'javascript:alert(10)' }],
    });
    const item = only(await fetchMastodonTag(specFor(server), undefined));
    const html = item.contentHtml!;
    expect(html).not.toMatch(/<script|<iframe|<style|onerror|onclick|javascript:|data:/i);
    expect(html).toContain('<p><strong>CW: &lt;/strong&gt;&lt;script&gt;alert(5)&lt;/script&gt;</strong></p>');
    expect(item.link).toBe(item.extras.postUrl);
    expect(item.extras.authorAvatar).toBeUndefined();
    expect(item.enclosures).toEqual([]);
    expect(item.imageUrl).toBeUndefined();
    // A name is text: the UI escapes it, nothing here turns it into markup.
    expect(item.author).toBe(`<img src=x onerror=alert(6)> (@eve@${server.host})`);
  });

  it('a boost is the boosted post, credited to its author, and a post boosted beside itself is one item', async () => {
    const server = await instance();
    const original = server.addStatus({ text: 'Original thought', account: { username: 'ada', domain: 'elsewhere.example', displayName: 'Ada' } });
    const boost = server.addStatus({
      account: { username: 'bob', displayName: 'Bob' },
      reblogOf: { text: 'Boosted thought', account: { username: 'cy', domain: 'far.example', displayName: 'Cy' } },
    });
    server.statuses.push({ ...boost, id: `${BigInt(boost.id) + 1n}`, uri: `${boost.uri}x`, reblog: original });
    const result = await fetchMastodonTag(specFor(server), undefined);
    expect(result.feed.items).toHaveLength(2);
    const [again, boosted] = result.feed.items;
    expect(again).toMatchObject({ guid: original.uri, author: 'Ada (@ada@elsewhere.example)', extras: { boostedBy: `Bob (@bob@${server.host})` } });
    expect(boosted).toMatchObject({
      guid: boost.reblog!.uri,
      link: boost.reblog!.url,
      title: 'Boosted thought #pkm',
      author: 'Cy (@cy@far.example)',
      published: boost.reblog!.created_at,
      extras: { postUrl: boost.reblog!.url, boostedBy: `Bob (@bob@${server.host})` },
    });
    expect(result.cursor).toBe(`${BigInt(boost.id) + 1n}`);
  });

  it('a shared link is the item’s link (for dedupe against feeds), with the card and media in the content', async () => {
    const server = await instance();
    const status = server.addStatus({
      text: 'Worth reading',
      card: { url: 'https://blog.example/notes?utm=x', title: 'On notes', description: 'Why <notes> matter', image: 'https://blog.example/cover.png' },
      media: [
        { type: 'image', url: 'https://files.example/a.jpg', previewUrl: 'https://files.example/a-small.jpg', description: 'Diagram' },
        { type: 'gifv', url: 'https://files.example/b.mp4' },
        { type: 'audio', url: null, remoteUrl: 'https://far.example/c.mp3' },
      ],
    });
    const item = only(await fetchMastodonTag(specFor(server), undefined));
    expect(item.link).toBe('https://blog.example/notes?utm=x');
    expect(item.extras.postUrl).toBe(status.url);
    expect(item.imageUrl).toBe('https://files.example/a-small.jpg');
    expect(item.enclosures).toEqual([
      { url: 'https://files.example/a.jpg', type: 'image/jpeg' },
      { url: 'https://files.example/b.mp4', type: 'video/mp4' },
      { url: 'https://far.example/c.mp3', type: 'audio/mpeg' },
    ]);
    expect(item.contentHtml).toContain('<img src="https://files.example/a.jpg" alt="Diagram">');
    expect(item.contentHtml).toContain('<video src="https://files.example/b.mp4" controls="" loop="" muted="" title=""></video>');
    expect(item.contentHtml).toContain('<audio src="https://far.example/c.mp3" controls="" title=""></audio>');
    expect(item.contentHtml).toContain('<blockquote><p><a href="https://blog.example/notes?utm=x">On notes</a></p><p>Why &lt;notes&gt; matter</p></blockquote>');
  });

  it('a content warning titles the item and comes before the content; an edit is the update date', async () => {
    const server = await instance();
    server.addStatus({ text: 'Spoilers for the book', spoiler: 'Book ending', editedAt: '2026-03-02T10:00:00.000Z' });
    const item = only(await fetchMastodonTag(specFor(server), undefined));
    expect(item.title).toBe('CW: Book ending');
    expect(item.contentHtml!.startsWith('<p><strong>CW: Book ending</strong></p><p>Spoilers for the book')).toBe(true);
    expect(item.updated).toBe('2026-03-02T10:00:00.000Z');
  });

  it('titles a post without text by its card, its alt text, or its author', async () => {
    const server = await instance();
    server.addStatus({ html: '', card: { url: 'https://blog.example/x', title: 'Card title' } });
    server.addStatus({ html: '<p></p>', media: [{ type: 'image', url: 'https://files.example/a.png', description: 'Alt words' }] });
    server.addStatus({ html: '', account: { username: 'quiet', displayName: 'Quiet' } });
    const titles = (await fetchMastodonTag(specFor(server), undefined)).feed.items.map((item) => item.title);
    expect(titles).toEqual([`Post by Quiet (@quiet@${server.host})`, 'Alt words', 'Card title']);
  });

  it('skips entries that are not statuses but still pages past them', async () => {
    const broken = await startFixtureServer({
      '/api/v1/timelines/tag/pkm': (_request, response) => {
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify([{ id: '120000000000000002', note: 'no uri' }, null, 'text', { id: '110000000000000001', uri: 'https://x.example/1', created_at: '2026-01-01T00:00:00Z', account: { acct: 'x' }, content: '<p>ok</p>' }]));
      },
    });
    open.push(broken);
    const result = await fetchMastodonTag(specFor(broken), undefined);
    expect(guids(result)).toEqual(['https://x.example/1']);
    expect(result.cursor).toBe('120000000000000002');
  });
});

describe('fetchMastodonTag: other failures', () => {
  it('a server error is said in words and is not a reason to read the RSS', async () => {
    const server = await startFixtureServer({ '/api/v1/timelines/tag/pkm': (_request, response) => void response.writeHead(502).end() });
    open.push(server);
    const failure = await failureOf(fetchMastodonTag(specFor(server), undefined));
    expect(failure.code).toBe('unavailable');
    expect(failure.message).toMatch(/^127\.0\.0\.1:\d+ had a problem \(502\); try again later\.$/);
    expect(server.requests).toHaveLength(1);
  });

  it('an answer that is not a list of posts is not taken for an empty timeline', async () => {
    const server = await startFixtureServer({
      '/api/v1/timelines/tag/pkm': (_request, response) => void response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>Welcome'),
    });
    open.push(server);
    const failure = await failureOf(fetchMastodonTag(specFor(server), undefined));
    expect(failure.code).toBe('not-a-feed');
    expect(failure.message).toMatch(/did not answer like a Mastodon server/);
  });

  it('an instance that does not answer', async () => {
    const server = await startFixtureServer({ '/api/v1/timelines/tag/pkm': () => undefined });
    open.push(server);
    const failure = await failureOf(fetchMastodonTag(specFor(server), undefined, { headersTimeoutMs: 100 }));
    expect(failure.code).toBe('timeout');
    expect(failure.message).toMatch(/^127\.0\.0\.1:\d+ did not answer within 0\.1 seconds\.$/);
  });

  it('refuses a spec that parseSourceSpec would not have written, before any request', async () => {
    const server = await instance();
    for (const spec of [
      specFor(server, { tag: 'p/../../admin' }),
      specFor(server, { none: ['a', 'b', 'c', 'd', 'e'] }),
      specFor(server, { instance: 'file:///etc' }),
      specFor(server, { instance: 'nonsense' }),
    ]) {
      expect((await failureOf(fetchMastodonTag(spec, undefined))).code).toBe('invalid-request');
    }
    expect(server.requests).toEqual([]);
  });
});

describe('compareIds', () => {
  it.each([
    ['9', '10', -1],
    ['110000000000000002', '110000000000000010', -1],
    ['01HZX0000000000000000000AB', '01HZX0000000000000000000AA', 1],
    ['abc', 'abc', 0],
  ])('%s vs %s', (a, b, sign) => {
    expect(Math.sign(compareIds(a, b))).toBe(sign);
  });
});
