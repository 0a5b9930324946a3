import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RetryLaterFailure } from '../feeds/http-fetch';
import { failureOf } from '../net/fixture-server';
import { answerFailure, httpSend, linkHeaderTargets, publishUserAgent, rateLimitFailure, serverText, type ServiceVoice } from './http-send';
import { sendJson, startRecordingServer, type RecordingServer } from './publish-fixtures';

const voice: ServiceVoice = { name: 'the blog', unsure: 'It may be there anyway.' };
let server: RecordingServer;

beforeAll(async () => {
  server = await startRecordingServer((request, response) => {
    switch (request.path) {
      case '/echo':
        return sendJson(response, 201, { ok: true }, { location: '/posts/1' });
      case '/refuse':
        return sendJson(response, 422, { error: 'invalid_request' });
      case '/moved':
        response.writeHead(307, { location: 'https://elsewhere.example/endpoint' }).end();
        return;
      case '/huge':
        response.writeHead(200, { 'content-type': 'application/json' }).end('x'.repeat(5000));
        return;
      case '/stall':
        return; // never answers
      default:
        return sendJson(response, 404, { error: 'not found' });
    }
  });
});

afterAll(() => server.close());

describe('httpSend', () => {
  it('POSTs JSON with its type, the publishing User-Agent, Accept and the caller’s headers', async () => {
    const result = await httpSend(server.url('/echo'), { method: 'POST', body: { json: { a: [1] } }, headers: { authorization: 'Bearer t' } }, voice);
    expect(result.status).toBe(201);
    expect(result.headers.get('location')).toBe('/posts/1');
    const sent = server.requests.at(-1)!;
    expect(sent).toMatchObject({ method: 'POST', path: '/echo', json: { a: [1] } });
    expect(sent.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': publishUserAgent,
      accept: 'application/json',
      authorization: 'Bearer t',
    });
  });

  it('PUTs a form body, encoded as forms are, with a bare media type', async () => {
    await httpSend(server.url('/echo'), { method: 'PUT', body: { form: [['h', 'entry'], ['category[]', 'a b'], ['category[]', 'é&=']] } }, voice);
    const sent = server.requests.at(-1)!;
    expect(sent.method).toBe('PUT');
    expect(sent.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(sent.text).toBe('h=entry&category%5B%5D=a+b&category%5B%5D=%C3%A9%26%3D');
    expect(sent.form!.getAll('category[]')).toEqual(['a b', 'é&=']);
  });

  it('returns an error answer with its body for the client to read', async () => {
    const result = await httpSend(server.url('/refuse'), { method: 'POST', body: { json: {} } }, voice);
    expect(result.status).toBe(422);
    expect(JSON.parse(Buffer.from(result.body).toString())).toEqual({ error: 'invalid_request' });
  });

  it('never follows a redirect with a post, and says where it pointed', async () => {
    const before = server.requests.length;
    const failure = await failureOf(httpSend(server.url('/moved'), { method: 'POST', body: { json: {} } }, voice));
    expect(failure.code).toBe('invalid-request');
    expect(failure.message).toContain('The blog answered with a redirect (307) to https://elsewhere.example/endpoint.');
    expect(server.requests.length).toBe(before + 1);
  });

  it('caps the answer', async () => {
    const failure = await failureOf(httpSend(server.url('/huge'), { method: 'POST', body: { json: {} } }, voice, { maxBytes: 1000 }));
    expect(failure.code).toBe('too-large');
  });

  it('times out, saying the post may exist anyway', async () => {
    const failure = await failureOf(httpSend(server.url('/stall'), { method: 'POST', body: { json: {} } }, voice, { headersTimeoutMs: 150 }));
    expect(failure).toMatchObject({ code: 'timeout', message: 'The blog did not answer within 0.15 seconds. It may be there anyway.' });
  });

  it('says a refused connection plainly: nothing can have been published', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const failure = await failureOf(httpSend(`http://127.0.0.1:${port}/`, { method: 'POST', body: { json: {} } }, voice));
    expect(failure).toMatchObject({ code: 'network', message: `The server 127.0.0.1:${port} refused the connection.` });
  });

  it.each([
    ['file:///etc/passwd', 'invalid-request'],
    ['http://user:pw@127.0.0.1/', 'invalid-request'],
    ['not a url', 'invalid-request'],
  ])('refuses the address %s before sending', async (address, code) => {
    expect((await failureOf(httpSend(address, { method: 'POST', body: { json: {} } }, voice))).code).toBe(code);
  });

  it('refuses a header value fetch could not send, without quoting it and without sending', async () => {
    const before = server.requests.length;
    const failure = await failureOf(httpSend(server.url('/echo'), { method: 'POST', body: { json: {} }, headers: { authorization: 'Bearer sec\r\nret' } }, voice));
    expect(failure.code).toBe('invalid-request');
    expect(failure.message).not.toContain('sec');
    expect(server.requests.length).toBe(before);
  });
});

describe('answerFailure', () => {
  const headers = new Headers();
  it.each([
    [401, 'forbidden', "The blog refused Commonplace's credentials (401): why."],
    [404, 'not-found', 'The blog has nothing at that address (404): why.'],
    [413, 'too-large', 'The blog says the post is too large (413): why.'],
    [422, 'invalid-request', 'The blog refused the post (422): why.'],
    [503, 'unavailable', 'The blog had a problem (503); try again later: why.'],
  ])('%i → %s', (status, code, message) => {
    expect(answerFailure(voice, { status, headers }, 'why')).toMatchObject({ code, message });
  });
});

describe('rateLimitFailure', () => {
  const now = () => Date.parse('2026-11-20T10:00:00Z');
  it('reads Retry-After first', () => {
    const failure = rateLimitFailure(voice, new Headers({ 'retry-after': '120', 'x-ratelimit-reset': '2026-11-20T12:00:00Z' }), now);
    expect(failure).toBeInstanceOf(RetryLaterFailure);
    expect(failure.retryAfter).toBe(now() + 120_000);
    expect(failure.message).toBe(
      'The blog asks Commonplace to slow down (429), so nothing was published; it can be tried again in about 2 minutes (after 2026-11-20 10:02 UTC).',
    );
  });

  it('then Mastodon’s X-RateLimit-Reset, an ISO time', () => {
    const failure = rateLimitFailure(voice, new Headers({ 'x-ratelimit-reset': '2026-11-20T10:30:00.000Z' }), now);
    expect(failure.retryAfter).toBe(Date.parse('2026-11-20T10:30:00Z'));
    expect(failure.message).toContain('about 30 minutes (after 2026-11-20 10:30 UTC)');
  });

  it('says "try again later" when the server does not say when', () => {
    expect(rateLimitFailure(voice, new Headers(), now).message).toContain('; try again later.');
  });
});

describe('linkHeaderTargets', () => {
  const base = 'https://blog.example/home/';
  it('reads several links, several rels each, quoted or not, resolved against the base', () => {
    const links = linkHeaderTargets('</micropub>; rel="micropub token_endpoint", <https://auth.example/a?x=1,2>;rel=authorization_endpoint', base);
    expect(Object.fromEntries(links)).toEqual({
      micropub: 'https://blog.example/micropub',
      token_endpoint: 'https://blog.example/micropub',
      authorization_endpoint: 'https://auth.example/a?x=1,2',
    });
  });

  it('compares rels in lower case, keeps the first of a rel, and reads params in any order', () => {
    const links = linkHeaderTargets('<a>; title="x, y"; REL="Micropub", <b>; rel="micropub", <https://blog.example/wp-json/>; rel="https://api.w.org/"', base);
    expect(links.get('micropub')).toBe('https://blog.example/home/a');
    expect(links.get('https://api.w.org/')).toBe('https://blog.example/wp-json/');
  });

  it('gives nothing for no header', () => {
    expect(linkHeaderTargets(null, base).size).toBe(0);
  });
});

describe('serverText', () => {
  it('drops tags, decodes entities, collapses space, hides secrets and stays short', () => {
    expect(serverText('<b>Sorry</b>,&nbsp;you can&#8217;t\n\tpost with token abc123.', ['abc123'])).toBe('Sorry, you can’t post with token [hidden]');
    expect(serverText('Wait for it...')).toBe('Wait for it...');
    expect(serverText('x'.repeat(400))).toHaveLength(300);
    expect(serverText(42)).toBeUndefined();
    expect(serverText('  ')).toBeUndefined();
  });
});
