// source:fetch as the page calls it (through dispatchHostCall, with the contract's validation): the host
// reads what the user typed, fetches from where the last refresh stopped, and answers a ParsedFeed with
// the source's kind, endpoint and name, or a refusal in words.
import { afterEach, describe, expect, it } from 'vitest';
import { dispatchHostCall } from '../../../shared/host-dispatch';
import { createHostHandlers } from '../handlers';
import { fetchSource, sourceEndpoint } from './fetch-source';
import { bskyPost, hnStory, startBlueskyFixture, startHnFixture, startRedditFixture, type BlueskyFixture, type HnFixture, type RedditFixture } from './search-fixtures';
import type { SecretStore } from '../secrets/secret-store';
import { secretName } from '../publish/remote-publishing';
import { memorySecretStore } from '../secrets/memory-secret-store';
import { startMastodonTagInstance, type MastodonTagInstance } from './source-fixtures';
import type { FetchSourceResponse } from '../../../shared/sources/source-schemas';

const servers: Array<MastodonTagInstance | HnFixture | BlueskyFixture | RedditFixture> = [];

function memorySecrets(values: Record<string, string> = {}): SecretStore {
  const store = memorySecretStore();
  for (const [key, value] of Object.entries(values)) store.values.set(key, value);
  return store;
}
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

describe('source:fetch', () => {
  it('follows #tag@instance: newest posts first time, then only what is newer than the cursor', async () => {
    const instance = await startMastodonTagInstance({ tag: 'pkm' });
    servers.push(instance);
    instance.addStatuses(3);
    const handlers = createHostHandlers();
    const first = await dispatchHostCall(handlers, 'source:fetch', { query: `#pkm@${instance.origin}` }, { transport: 'http' });
    expect(first.ok).toBe(true);
    const answer = (first as { value: FetchSourceResponse }).value;
    expect(answer).toMatchObject({ kind: 'mastodon-tag', endpoint: `${instance.origin}/api/v1/timelines/tag/pkm` });
    expect(answer.title).toContain('#pkm');
    expect(answer.feed.items).toHaveLength(3);

    instance.addStatus({ text: 'Fresh #pkm thoughts' });
    const again = await dispatchHostCall(handlers, 'source:fetch', { query: `#pkm@${instance.origin}`, cursor: answer.cursor }, { transport: 'http' });
    const next = (again as { value: FetchSourceResponse }).value;
    expect(next.feed.items.map((item) => item.title)).toEqual(['Fresh #pkm thoughts #pkm']);
  });

  it('follows a Hacker News search through the Algolia API', async () => {
    const hn = await startHnFixture([hnStory(1, 1_700_000_000, { title: 'Local-first software', url: 'https://inkandswitch.example/local-first' })]);
    servers.push(hn);
    const answer = await fetchSource({ query: 'hn:local-first' }, { hnApiBase: hn.origin });
    expect(answer).toMatchObject({ kind: 'hn-search', title: expect.stringContaining('local-first') });
    expect(answer.feed.items.map((item) => [item.title, item.link])).toEqual([['Local-first software', 'https://inkandswitch.example/local-first']]);
  });

  it('says in words what it cannot follow', async () => {
    await expect(fetchSource({ query: 'hn:' })).rejects.toThrow(/not a source Commonplace can follow/);
    await expect(fetchSource({ query: 'bsky:notes and links' })).rejects.toThrow(/Searching Bluesky needs your account/);
  });

  it('searches Bluesky with the account the person saved, signing in once for several refreshes', async () => {
    const account = { identifier: 'me.example.com', password: 'abcd-efgh-ijkl-mnop', did: 'did:plc:meeeeeeeeeeeeeeeeeeeeeee', handle: 'me.example.com' };
    const bluesky = await startBlueskyFixture(account);
    servers.push(bluesky);
    const ada = { did: 'did:plc:adaaaaaaaaaaaaaaaaaaaaaa', handle: 'ada.bsky.social', displayName: 'Ada' };
    bluesky.posts.push(bskyPost(ada, 'r1', 'local-first notes are the future', new Date(Date.UTC(2026, 4, 1)).toISOString()));
    const secrets = memorySecrets({ [secretName({ service: 'bluesky', account: 'account' })]: JSON.stringify({ identifier: account.identifier, appPassword: account.password }) });
    const services = { secrets, blueskyPds: bluesky.origin };
    const first = await fetchSource({ query: 'bsky:local-first' }, services);
    expect(first).toMatchObject({ kind: 'bluesky', title: expect.stringContaining('local-first') });
    expect(first.feed.items.map((item) => item.title)).toEqual(['local-first notes are the future']);
    await fetchSource({ query: 'bsky:local-first', ...(first.cursor ? { cursor: first.cursor } : {}) }, services);
    expect(bluesky.requests.filter((request) => request.path.includes('createSession'))).toHaveLength(1);
  });

  it('sends Reddit the private feed token the person saved', async () => {
    const reddit = await startRedditFixture([{ id: 't3_a', title: 'Zettelkasten in practice', subreddit: 'pkm', author: 'ada', updated: '2026-05-01T12:00:00+00:00', url: 'https://blog.example/zettel' }]);
    reddit.token = { feed: 'tok123', user: 'ada' };
    servers.push(reddit);
    await expect(fetchSource({ query: 'reddit:zettelkasten' }, { redditBase: reddit.origin })).rejects.toThrow(/Reddit/);
    const secrets = memorySecrets({ [secretName({ service: 'reddit', account: 'account' })]: JSON.stringify({ user: 'ada', token: 'tok123' }) });
    const answer = await fetchSource({ query: 'reddit:zettelkasten' }, { redditBase: reddit.origin, secrets });
    expect(answer.feed.items.map((item) => item.link)).toEqual(['https://blog.example/zettel']);
  });

  it('knows one search by one address, whatever order its extra tags were typed in', () => {
    const spec = (any: string[]) => ({ kind: 'mastodon-tag' as const, tag: 'pkm', instance: 'https://social.example', any, all: [], none: [], localOnly: true });
    expect(sourceEndpoint(spec(['b', 'a']))).toBe(sourceEndpoint(spec(['a', 'b'])));
    expect(sourceEndpoint(spec(['a']))).toBe('https://social.example/api/v1/timelines/tag/pkm?any%5B%5D=a&local=true');
  });
});
