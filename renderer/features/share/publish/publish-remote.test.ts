import { describe, expect, it } from 'vitest';
import type { Id } from '../../../../shared/model';
import { addSource, createDigest, listPublications, recordPublication, setItemState, updateDigest, upsertItems, type CommonplaceDb } from '../../../data';
import { freshDatabaseForEachTest } from '../../../data/migration-harness';
import type { HostClient } from '../../../host/host-client';
import { publishRemote } from './publish-remote';
import { defaultSiteConfig, type SiteConfig } from './site-config';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened));

const config: SiteConfig = {
  ...defaultSiteConfig,
  baseUrl: 'https://me.example/',
  remote: { micropubSite: 'https://blog.example/', wordpressSite: 'https://wp.example/', wordpressUser: 'ada', mastodonInstance: 'https://social.example', mastodonVisibility: 'unlisted' },
};

/** A host that answers the publish:* calls like the services would, and records what it was asked. */
function remoteHost() {
  const calls: Array<{ name: string; request: Record<string, unknown> }> = [];
  let next = 1;
  const call = async (name: string, request: Record<string, unknown>) => {
    calls.push({ name, request });
    if (name === 'publish:micropub') return request.location ? { location: request.location, updated: true } : { location: `https://blog.example/posts/${next++}`, updated: false };
    if (name === 'publish:wordpress' || name === 'publish:mastodon') {
      const id = (request.remoteId as string | undefined) ?? String(next++);
      return { remoteId: id, url: `https://remote.example/${id}` };
    }
    throw new Error(`unexpected ${name}`);
  };
  return { calls, host: { transport: 'http', call: call as unknown as HostClient['call'] } as HostClient };
}

async function digestWithTwoFinds(): Promise<Id> {
  const source = await addSource(db, { kind: 'feed', url: 'https://feed.example/rss', title: 'Feed' });
  const { addedIds } = await upsertItems(db, ['One', 'Two'].map((title, at) => ({ dedupeKey: title, sourceIds: [source.id], title, link: `https://feed.example/${at}`, publishedAt: 0 })));
  for (const id of addedIds) await setItemState(db, id, { starred: true });
  const digest = await createDigest(db);
  await updateDigest(db, digest.id, { title: 'Finds', intro: 'Two good reads.', entries: digest.entries.map((entry) => ({ ...entry, commentary: 'Read it & weep.' })) });
  return digest.id;
}

describe('publishing to remote services', () => {
  it('Micropub: creates with the post as HTML and text, then updates at the Location it was given', async () => {
    const { host, calls } = remoteHost();
    const digestId = await digestWithTwoFinds();
    const first = await publishRemote(db, host, 'micropub', config, { digestId }, { now: 1_000 });
    expect(first).toEqual({ url: 'https://blog.example/posts/1', updated: false });
    expect(calls[0]!.request).toMatchObject({ siteUrl: 'https://blog.example/', name: 'Finds', categories: ['finds'], published: new Date(1_000).toISOString() });
    expect(calls[0]!.request.contentHtml).toContain('Read it &amp; weep.');
    expect(calls[0]!.request.contentText).toContain('Read it & weep.');
    expect(calls[0]!.request).not.toHaveProperty('location');

    const again = await publishRemote(db, host, 'micropub', config, { digestId }, { now: 2_000 });
    expect(again).toEqual({ url: 'https://blog.example/posts/1', updated: true });
    expect(calls[1]!.request).toMatchObject({ location: 'https://blog.example/posts/1', published: new Date(1_000).toISOString() });
    expect(await listPublications(db, { digestId })).toEqual([expect.objectContaining({ target: 'micropub', remoteId: 'https://blog.example/posts/1', publishedAt: 1_000, updatedAt: 2_000 })]);
  });

  it('WordPress and Mastodon: the id from the first publish is sent again, so the post is updated, not repeated', async () => {
    const { host, calls } = remoteHost();
    const digestId = await digestWithTwoFinds();
    await recordPublication(db, { digestId }, { target: 'site', url: 'https://me.example/posts/finds.html', remoteId: 'finds', contentHash: 'x' });
    await publishRemote(db, host, 'wordpress', config, { digestId });
    await publishRemote(db, host, 'wordpress', config, { digestId });
    expect(calls.map((one) => one.request.remoteId)).toEqual([undefined, '1']);

    await publishRemote(db, host, 'mastodon', config, { digestId });
    await publishRemote(db, host, 'mastodon', config, { digestId });
    const statuses = calls.filter((one) => one.name === 'publish:mastodon').map((one) => one.request);
    // The status links the digest's page on the user's site, with the same idempotency key both times.
    expect(statuses[0]).toMatchObject({ instanceUrl: 'https://social.example', url: 'https://me.example/posts/finds.html', visibility: 'unlisted', tags: ['finds'], text: 'Finds\n\nTwo good reads.' });
    expect(statuses[1]!.idempotencyKey).toBe(statuses[0]!.idempotencyKey);
    expect(statuses[1]!.remoteId).toBe('2');
    expect((await listPublications(db, { digestId })).map((row) => row.target).sort()).toEqual(['mastodon', 'site', 'wordpress']);
  });

  it('asks for what is missing in words, before calling anything', async () => {
    const { host, calls } = remoteHost();
    const digestId = await digestWithTwoFinds();
    await expect(publishRemote(db, host, 'wordpress', { ...config, remote: { ...config.remote, wordpressUser: '' } }, { digestId })).rejects.toThrow('Type your WordPress user name first.');
    await expect(publishRemote(db, host, 'mastodon', { ...config, remote: { ...config.remote, mastodonInstance: ' ' } }, { digestId })).rejects.toThrow(/Mastodon instance/);
    expect(calls).toEqual([]);
  });
});
