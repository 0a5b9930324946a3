// source:fetch as the page calls it (through dispatchHostCall, with the contract's validation): the host
// reads what the user typed, fetches from where the last refresh stopped, and answers a ParsedFeed with
// the source's kind, endpoint and name, or a refusal in words.
import { afterEach, describe, expect, it } from 'vitest';
import { dispatchHostCall } from '../../../shared/host-dispatch';
import { createHostHandlers } from '../handlers';
import { fetchSource, sourceEndpoint } from './fetch-source';
import { hnStory, startHnFixture, type HnFixture } from './search-fixtures';
import { startMastodonTagInstance, type MastodonTagInstance } from './source-fixtures';
import type { FetchSourceResponse } from '../../../shared/sources/source-schemas';

const servers: Array<MastodonTagInstance | HnFixture> = [];
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
    await expect(fetchSource({ query: 'bsky:notes and links' })).rejects.toThrow(/needs a signed-in account/);
  });

  it('knows one search by one address, whatever order its extra tags were typed in', () => {
    const spec = (any: string[]) => ({ kind: 'mastodon-tag' as const, tag: 'pkm', instance: 'https://social.example', any, all: [], none: [], localOnly: true });
    expect(sourceEndpoint(spec(['b', 'a']))).toBe(sourceEndpoint(spec(['a', 'b'])));
    expect(sourceEndpoint(spec(['a']))).toBe('https://social.example/api/v1/timelines/tag/pkm?any%5B%5D=a&local=true');
  });
});
