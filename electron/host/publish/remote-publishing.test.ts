// The publish:* and secrets:* host calls as the page makes them (through dispatchHostCall, with the
// contract's validation), against local fixture servers: the token is saved once, found by the host,
// never returned, and publishing again updates the same post.
import { afterEach, describe, expect, it } from 'vitest';
import { dispatchHostCall } from '../../../shared/host-dispatch';
import type { HostResult } from '../../../shared/host-error';
import { createHostHandlers } from '../handlers';
import { memorySecretStore } from '../secrets/memory-secret-store';
import { startMastodonFixture, startMicropubFixture, startWordPressFixture, type RecordingServer } from './publish-fixtures';
import { secretName } from './remote-publishing';

const memorySecrets = memorySecretStore;

const servers: RecordingServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function call(handlers: ReturnType<typeof createHostHandlers>, name: string, payload: unknown): Promise<HostResult<unknown>> {
  return dispatchHostCall(handlers, name, payload, { transport: 'http' });
}

const value = <T>(result: HostResult<unknown>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
};

describe('remote publishing host calls', () => {
  it('keep a token without ever handing it back, and say where it is kept', async () => {
    const secrets = memorySecrets();
    const handlers = createHostHandlers({ secrets });
    const key = { service: 'mastodon', account: 'https://social.example/' };
    expect(value(await call(handlers, 'secrets:status', { key }))).toEqual({ saved: false, keptIn: 'Kept in memory for this test.' });
    value(await call(handlers, 'secrets:set', { key, value: 'sekrit-token' }));
    const status = await call(handlers, 'secrets:status', { key: { service: 'mastodon', account: 'https://social.example' } });
    expect(value(status)).toEqual({ saved: true, keptIn: 'Kept in memory for this test.' });
    expect(JSON.stringify(status)).not.toContain('sekrit');
    expect([...secrets.values.keys()]).toEqual([secretName({ service: 'mastodon', account: 'https://social.example' })]);
    value(await call(handlers, 'secrets:delete', { key }));
    expect(secrets.values.size).toBe(0);
  });

  it('Micropub: discovers the endpoint, creates the entry with the saved token, and updates it at its Location', async () => {
    const blog = await startMicropubFixture({ token: 'mp-token' });
    servers.push(blog);
    const handlers = createHostHandlers({ secrets: memorySecrets() });
    const entry = { siteUrl: blog.url('/'), name: 'Finds', contentHtml: '<p>Three reads.</p>', contentText: 'Three reads.', categories: ['finds'], published: '2026-11-20T12:00:00Z' };
    const refused = await call(handlers, 'publish:micropub', entry);
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringContaining('Save the token for your blog') } });

    value(await call(handlers, 'secrets:set', { key: { service: 'micropub', account: blog.url('/') }, value: 'mp-token' }));
    const created = value<{ location: string; updated: boolean }>(await call(handlers, 'publish:micropub', entry));
    expect(created.updated).toBe(false);
    expect(blog.posts.get(created.location)?.properties.name).toEqual(['Finds']);

    const again = value<{ location: string; updated: boolean }>(await call(handlers, 'publish:micropub', { ...entry, name: 'Finds, revised', location: created.location }));
    expect(again).toEqual({ location: created.location, updated: true });
    expect(blog.posts.size).toBe(1);
    expect(blog.posts.get(created.location)?.properties.name).toEqual(['Finds, revised']);
  });

  it('WordPress: creates, then updates the same post by its id', async () => {
    const wordpress = await startWordPressFixture({ username: 'ada', appPassword: 'abcd efgh ijkl mnop' });
    servers.push(wordpress);
    const handlers = createHostHandlers({ secrets: memorySecrets() });
    value(await call(handlers, 'secrets:set', { key: { service: 'wordpress', account: wordpress.url('/') }, value: 'abcd efgh ijkl mnop' }));
    const post = { siteUrl: wordpress.url('/'), username: 'ada', title: 'Finds', contentHtml: '<p>Three reads.</p>' };
    const created = value<{ remoteId: string; url: string }>(await call(handlers, 'publish:wordpress', post));
    const updated = value<{ remoteId: string; url: string }>(await call(handlers, 'publish:wordpress', { ...post, title: 'Finds, revised', remoteId: created.remoteId }));
    expect(updated.remoteId).toBe(created.remoteId);
    expect([...wordpress.posts.values()].map((row) => row.title)).toEqual(['Finds, revised']);
  });

  it('Mastodon: fits the status to the instance limit, sends an Idempotency-Key, and edits on re-publish', async () => {
    const mastodon = await startMastodonFixture({ token: 'masto-token', instanceV2: { configuration: { statuses: { max_characters: 120 } } } });
    servers.push(mastodon);
    const handlers = createHostHandlers({ secrets: memorySecrets() });
    value(await call(handlers, 'secrets:set', { key: { service: 'mastodon', account: mastodon.origin }, value: 'masto-token' }));
    const request = { instanceUrl: mastodon.origin, text: 'This week’s finds: '.concat('memory, attention and the craft of notes. '.repeat(6)), url: 'https://me.example/posts/finds.html', tags: ['finds'], idempotencyKey: 'digest-1' };
    const posted = value<{ remoteId: string; url: string }>(await call(handlers, 'publish:mastodon', request));
    const status = mastodon.statuses.get(posted.remoteId)!;
    expect(status.status).toContain('https://me.example/posts/finds.html');
    expect(status.status.length - 'https://me.example/posts/finds.html'.length + 23).toBeLessThanOrEqual(120);
    expect(mastodon.requests.find((recorded) => recorded.method === 'POST')?.headers['idempotency-key']).toBe('digest-1');

    value(await call(handlers, 'publish:mastodon', { ...request, text: 'Revised finds.', remoteId: posted.remoteId }));
    expect(mastodon.statuses.size).toBe(1);
    expect(mastodon.statuses.get(posted.remoteId)).toMatchObject({ edits: 1 });
  });

  it('say in words when there is nowhere to keep secrets', async () => {
    const handlers = createHostHandlers();
    const result = await call(handlers, 'secrets:set', { key: { service: 'mastodon', account: 'https://social.example' }, value: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringContaining('somewhere safe to keep') } });
  });
});
