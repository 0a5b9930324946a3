import { afterEach, describe, expect, it } from 'vitest';
import { RetryLaterFailure } from '../feeds/http-fetch';
import { failureOf } from '../net/fixture-server';
import { defaultStatusLimit, mastodonPost, mastodonStatusLimit } from './mastodon';
import { sendHtml, startMastodonFixture, startRecordingServer, type MastodonFixture, type MastodonFixtureOptions } from './publish-fixtures';

const token = 'masto-token-77';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

async function mastodon(options: Partial<MastodonFixtureOptions> = {}): Promise<MastodonFixture> {
  const server = await startMastodonFixture({ token, ...options });
  open.push(server);
  return server;
}

const statusCalls = (server: MastodonFixture) => server.requests.filter((request) => request.path.startsWith('/api/v1/statuses'));

describe('mastodonStatusLimit', () => {
  it('reads configuration.statuses.max_characters from /api/v2/instance', async () => {
    const server = await mastodon({ instanceV2: { configuration: { statuses: { max_characters: 1000 } } } });
    expect(await mastodonStatusLimit(server.origin)).toBe(1000);
    expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /api/v2/instance']);
    expect(server.requests[0]!.headers.accept).toBe('application/json');
  });

  it('falls back to /api/v1/instance on an older server, Pleroma’s max_toot_chars included', async () => {
    const older = await mastodon({ instanceV2: null, instanceV1: { configuration: { statuses: { max_characters: 640 } } } });
    expect(await mastodonStatusLimit(older.origin)).toBe(640);
    expect(older.requests.map((request) => request.path)).toEqual(['/api/v2/instance', '/api/v1/instance']);

    const pleroma = await mastodon({ instanceV2: null, instanceV1: { max_toot_chars: 5000 } });
    expect(await mastodonStatusLimit(pleroma.origin)).toBe(5000);
  });

  it('answers 500 when neither says, or says nonsense', async () => {
    const silent = await mastodon({ instanceV2: null, instanceV1: null });
    expect(await mastodonStatusLimit(silent.origin)).toBe(defaultStatusLimit);
    expect(defaultStatusLimit).toBe(500);
    const odd = await mastodon({ instanceV2: { configuration: { statuses: { max_characters: '9000' } } }, instanceV1: { configuration: {} } });
    expect(await mastodonStatusLimit(odd.origin)).toBe(500);
  });

  it('uses only the origin of the address it is given', async () => {
    const server = await mastodon({ instanceV2: { configuration: { statuses: { max_characters: 777 } } } });
    expect(await mastodonStatusLimit(server.url('/@me/123'))).toBe(777);
  });

  it('does not hide an unreachable server behind the default', async () => {
    const server = await startRecordingServer(() => undefined);
    open.push(server);
    expect((await failureOf(mastodonStatusLimit(server.origin, { headersTimeoutMs: 100 }))).code).toBe('timeout');
  });
});

describe('mastodonPost', () => {
  it('creates a status with the Bearer token and the Idempotency-Key', async () => {
    const server = await mastodon();
    const result = await mastodonPost({ instanceUrl: server.origin, token, status: 'Three reads https://x.example/a', visibility: 'unlisted', idempotencyKey: 'digest-42-v1' });
    const [status] = [...server.statuses.values()];
    expect(result).toEqual({ remoteId: status!.id, url: server.url(`/@me/${status!.id}`) });
    const [sent] = statusCalls(server);
    expect(sent).toMatchObject({ method: 'POST', path: '/api/v1/statuses', json: { status: 'Three reads https://x.example/a', visibility: 'unlisted' } });
    expect(sent!.headers).toMatchObject({ authorization: `Bearer ${token}`, 'idempotency-key': 'digest-42-v1', 'content-type': 'application/json' });
  });

  it('leaves visibility to the account’s default when not given', async () => {
    const server = await mastodon();
    await mastodonPost({ instanceUrl: server.origin, token, status: 'Hi', idempotencyKey: 'k1' });
    expect(statusCalls(server)[0]!.json).toEqual({ status: 'Hi' });
  });

  it('posts once for a repeated create with the same key (as Mastodon does for an hour)', async () => {
    const server = await mastodon();
    const request = { instanceUrl: server.origin, token, status: 'Hi', idempotencyKey: 'same-key' };
    const first = await mastodonPost(request);
    expect(await mastodonPost(request)).toEqual(first);
    expect(server.statuses.size).toBe(1);
  });

  it('edits with PUT on re-publish: same id, no second status, no Idempotency-Key', async () => {
    const server = await mastodon();
    const first = await mastodonPost({ instanceUrl: server.origin, token, status: 'Hi', idempotencyKey: 'k2' });
    const again = await mastodonPost({ instanceUrl: server.origin, token, status: 'Hi, edited', idempotencyKey: 'k3', remoteId: first.remoteId });
    expect(again).toEqual(first);
    const edit = statusCalls(server).at(-1)!;
    expect(edit).toMatchObject({ method: 'PUT', path: `/api/v1/statuses/${first.remoteId}`, json: { status: 'Hi, edited' } });
    expect(edit.headers.authorization).toBe(`Bearer ${token}`);
    expect(edit.headers['idempotency-key']).toBeUndefined();
    expect(server.statuses.size).toBe(1);
    expect(server.statuses.get(first.remoteId)).toMatchObject({ status: 'Hi, edited', edits: 1 });
  });

  it('passes on a 422 in Mastodon’s words', async () => {
    const server = await mastodon();
    const failure = await failureOf(mastodonPost({ instanceUrl: server.origin, token, status: 'x'.repeat(501), idempotencyKey: 'k4' }));
    expect(failure).toMatchObject({ code: 'invalid-request', message: 'The Mastodon server refused the post: Validation failed: Text character limit of 500 exceeded.' });
  });

  it('reports a 429 with when to try again, and sends once', async () => {
    const server = await mastodon({ rateLimited: { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '2026-11-20T10:05:00.000Z' } });
    const now = () => Date.parse('2026-11-20T10:00:00Z');
    const failure = await failureOf(mastodonPost({ instanceUrl: server.origin, token, status: 'Hi', idempotencyKey: 'k5' }, { now }));
    expect(failure).toBeInstanceOf(RetryLaterFailure);
    expect(failure).toMatchObject({
      code: 'unavailable',
      retryAfter: Date.parse('2026-11-20T10:05:00Z'),
      message:
        'The Mastodon server asks Commonplace to slow down (429), so nothing was published; it can be tried again in about 5 minutes (after 2026-11-20 10:05 UTC).',
    });
    expect(statusCalls(server)).toHaveLength(1);
  });

  it('prefers Retry-After to the rate-limit reset', async () => {
    const server = await mastodon({ rateLimited: { 'retry-after': '30', 'x-ratelimit-reset': '2026-11-20T12:00:00.000Z' } });
    const now = () => Date.parse('2026-11-20T10:00:00Z');
    const failure = (await failureOf(mastodonPost({ instanceUrl: server.origin, token, status: 'Hi', idempotencyKey: 'k6' }, { now }))) as RetryLaterFailure;
    expect(failure.retryAfter).toBe(now() + 30_000);
    expect(failure.message).toContain('about 30 seconds');
  });

  it('says the token was refused, without the token', async () => {
    const server = await mastodon();
    const failure = await failureOf(mastodonPost({ instanceUrl: server.origin, token: 'bad-token', status: 'Hi', idempotencyKey: 'k7' }));
    expect(failure).toMatchObject({
      code: 'forbidden',
      message: 'The Mastodon server refused the access token (401): The access token is invalid. Connect the account again from the publishing settings.',
    });
    expect(failure.message).not.toContain('bad-token');
  });

  it('says an edited status is gone when the server no longer has it', async () => {
    const server = await mastodon();
    const failure = await failureOf(mastodonPost({ instanceUrl: server.origin, token, status: 'Hi', idempotencyKey: 'k8', remoteId: '123' }));
    expect(failure.code).toBe('not-found');
    expect(failure.message).toContain('may have been deleted there');
  });

  it('refuses an id or key that could change the request, before sending', async () => {
    const server = await mastodon();
    expect((await failureOf(mastodonPost({ instanceUrl: server.origin, token, status: 'Hi', idempotencyKey: 'k', remoteId: '1/../../accounts' }))).code).toBe('invalid-request');
    expect((await failureOf(mastodonPost({ instanceUrl: server.origin, token, status: 'Hi', idempotencyKey: 'a\r\nb' }))).code).toBe('invalid-request');
    expect(server.requests).toHaveLength(0);
  });

  it('speaks of the server when an HTML error page comes back', async () => {
    const server = await startRecordingServer((_request, response) => sendHtml(response, 502, '<h1>Bad gateway</h1>'));
    open.push(server);
    const failure = await failureOf(mastodonPost({ instanceUrl: server.origin, token, status: 'Hi', idempotencyKey: 'k9' }));
    expect(failure).toMatchObject({ code: 'unavailable', message: 'The Mastodon server had a problem (502); try again later.' });
  });
});
