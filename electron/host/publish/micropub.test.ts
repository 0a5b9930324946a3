import { afterEach, describe, expect, it } from 'vitest';
import { failureOf } from '../net/fixture-server';
import { discoverMicropub, micropubCreate, micropubUpdate, type MicropubEntry } from './micropub';
import { sendHtml, startMicropubFixture, startRecordingServer, type MicropubFixture, type RecordingServer } from './publish-fixtures';

const token = 'tok-3f9a-secret';
const entry: MicropubEntry = {
  name: 'Finds, 20 November',
  contentHtml: '<p>Three <em>good</em> reads.</p>',
  contentText: 'Three good reads.',
  categories: ['pkm', 'reading'],
  published: '2026-11-20T10:00:00+01:00',
};

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

async function blog(options: Partial<Parameters<typeof startMicropubFixture>[0]> = {}): Promise<MicropubFixture> {
  const server = await startMicropubFixture({ token, ...options });
  open.push(server);
  return server;
}

async function site(handler: Parameters<typeof startRecordingServer>[0]): Promise<RecordingServer> {
  const server = await startRecordingServer(handler);
  open.push(server);
  return server;
}

describe('discoverMicropub', () => {
  it('reads the endpoints from the HTTP Link header, resolved against the page', async () => {
    const server = await blog({ announce: 'link-header' });
    expect(await discoverMicropub(server.url('/'))).toEqual({
      micropub: server.url('/micropub'),
      token: server.url('/token'),
      authorization: server.url('/auth'),
    });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ method: 'GET', path: '/' });
    expect(server.requests[0]!.headers.accept).toContain('text/html');
  });

  it('reads <link rel="micropub"> in the page when there is no header', async () => {
    const server = await blog({ announce: 'html' });
    expect(await discoverMicropub(server.url('/'))).toEqual({
      micropub: server.url('/micropub'),
      token: server.url('/token'),
      authorization: server.url('/auth'),
    });
  });

  it('prefers the header to the page, and reads a rel of several words', async () => {
    const server = await site((_request, response) =>
      sendHtml(
        response,
        200,
        '<html><head><link rel="Micropub  me" href="/from-page"><link rel="authorization_endpoint token_endpoint" href="https://id.example/both"></head></html>',
        { link: '<https://api.example/mp>; rel="micropub"' },
      ),
    );
    expect(await discoverMicropub(server.url('/'))).toEqual({
      micropub: 'https://api.example/mp',
      token: 'https://id.example/both',
      authorization: 'https://id.example/both',
    });
  });

  it('resolves a relative endpoint against the address after redirects', async () => {
    const server = await site((request, response) => {
      if (request.path === '/') return void response.writeHead(301, { location: '/blog/' }).end();
      sendHtml(response, 200, '<html><head><link rel="micropub" href="micropub.php"></head></html>');
    });
    expect((await discoverMicropub(server.url('/'))).micropub).toBe(server.url('/blog/micropub.php'));
  });

  it('ignores an endpoint that is not a web address', async () => {
    const server = await site((_request, response) => sendHtml(response, 200, '<link rel="micropub" href="javascript:alert(1)">'));
    expect((await failureOf(discoverMicropub(server.url('/')))).code).toBe('not-found');
  });

  it('says so clearly when the site announces none', async () => {
    const server = await blog({ announce: 'none' });
    const failure = await failureOf(discoverMicropub(server.url('/')));
    expect(failure.code).toBe('not-found');
    expect(failure.message).toContain(`${server.url('/')} does not announce a Micropub endpoint (rel="micropub")`);
  });

  it('speaks of the blog when the page itself is missing', async () => {
    const server = await site((_request, response) => sendHtml(response, 404, 'gone'));
    expect(await failureOf(discoverMicropub(server.url('/')))).toMatchObject({ code: 'not-found', message: 'The blog has no page at that address (404).' });
  });
});

describe('micropubCreate', () => {
  it('creates the entry as JSON with the Bearer token and gives back the Location', async () => {
    const server = await blog();
    const created = await micropubCreate(server.endpoint, token, { ...entry, bookmarkOf: 'https://example.com/read' });
    expect(created).toEqual({ location: server.url('/posts/1'), format: 'json' });
    const sent = server.requests.at(-1)!;
    expect(sent).toMatchObject({ method: 'POST', path: '/micropub' });
    expect(sent.headers).toMatchObject({ authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' });
    expect(sent.json).toEqual({
      type: ['h-entry'],
      properties: {
        name: ['Finds, 20 November'],
        content: [{ html: '<p>Three <em>good</em> reads.</p>' }],
        category: ['pkm', 'reading'],
        published: ['2026-11-20T10:00:00+01:00'],
        'bookmark-of': ['https://example.com/read'],
      },
    });
    expect(server.posts.get(created.location)?.format).toBe('json');
  });

  it.each([400, 415, 422] as const)('falls back to a form when the server answers %i to JSON', async (status) => {
    const server = await blog({ refuseJson: status });
    const created = await micropubCreate(server.endpoint, token, entry);
    expect(created).toEqual({ location: server.url('/posts/1'), format: 'form' });
    const [json, form] = server.requests.filter((request) => request.method === 'POST');
    expect(json!.headers['content-type']).toBe('application/json');
    expect(form!.headers).toMatchObject({ 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${token}` });
    expect([...form!.form!]).toEqual([
      ['h', 'entry'],
      ['name', 'Finds, 20 November'],
      ['content', 'Three good reads.'],
      ['category[]', 'pkm'],
      ['category[]', 'reading'],
      ['published', '2026-11-20T10:00:00+01:00'],
    ]);
    expect(server.posts.size).toBe(1);
  });

  it('makes a relative Location absolute against the endpoint', async () => {
    const server = await blog({ relativeLocation: true });
    expect((await micropubCreate(server.endpoint, token, entry)).location).toBe(server.url('/posts/1'));
  });

  it('leaves out an empty name and empty categories (a note)', async () => {
    const server = await blog();
    await micropubCreate(server.endpoint, token, { ...entry, name: ' ', categories: [] });
    expect(Object.keys((server.requests.at(-1)!.json as { properties: object }).properties)).toEqual(['content', 'published']);
  });

  it('says in words that the token was refused, and never shows the token', async () => {
    const server = await blog();
    const failure = await failureOf(micropubCreate(server.endpoint, 'wrong-token', entry));
    expect(failure.code).toBe('forbidden');
    expect(failure.message).toBe('The blog refused the token (401): The token provided is not valid. Sign in to the blog again from the publishing settings.');
    expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
  });

  it('blanks the token when the server echoes it back', async () => {
    const server = await site((_request, response) => {
      response.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'insufficient_scope', error_description: `Token ${token} lacks create` }));
    });
    const failure = await failureOf(micropubCreate(server.url('/mp'), token, entry));
    expect(failure.message).toContain('Token [hidden] lacks create');
    expect(failure.message).toContain('The token is not allowed to create or update posts.');
    expect(failure.message).not.toContain(token);
  });

  it('reports the form’s own error when the form is refused too', async () => {
    const server = await site((request, response) => {
      const status = request.json ? 415 : 400;
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'invalid_request', error_description: 'published is in the future' }));
    });
    const failure = await failureOf(micropubCreate(server.url('/mp'), token, entry));
    expect(failure).toMatchObject({ code: 'invalid-request', message: 'The blog refused the post (400): published is in the future.' });
    expect(server.requests).toHaveLength(2);
  });

  it('warns that the post may exist when the blog gives no Location', async () => {
    const server = await site((_request, response) => void response.writeHead(201).end());
    const failure = await failureOf(micropubCreate(server.url('/mp'), token, entry));
    expect(failure.message).toContain('did not say where it is');
    expect(server.requests).toHaveLength(1);
  });
});

describe('micropubUpdate', () => {
  it('replaces name, content and categories in JSON, on the same post', async () => {
    const server = await blog();
    const { location } = await micropubCreate(server.endpoint, token, entry);
    await micropubUpdate(server.endpoint, token, location, { ...entry, name: 'Finds (edited)', contentHtml: '<p>Four.</p>', categories: ['pkm'] });
    const sent = server.requests.at(-1)!;
    expect(sent).toMatchObject({ method: 'POST', path: '/micropub' });
    expect(sent.headers).toMatchObject({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
    expect(sent.json).toEqual({
      action: 'update',
      url: location,
      replace: { name: ['Finds (edited)'], content: [{ html: '<p>Four.</p>' }], category: ['pkm'] },
    });
    expect(server.posts.size).toBe(1);
    expect(server.posts.get(location)!.properties).toMatchObject({ name: ['Finds (edited)'], category: ['pkm'] });
  });

  it('deletes the categories when none are left, rather than replacing them with nothing', async () => {
    const server = await blog();
    const { location } = await micropubCreate(server.endpoint, token, entry);
    await micropubUpdate(server.endpoint, token, location, { ...entry, categories: [] });
    expect(server.requests.at(-1)!.json).toMatchObject({ delete: ['category'] });
    expect(server.posts.get(location)!.properties.category).toBeUndefined();
  });

  it.each([200, 201, 204])('accepts %i', async (status) => {
    const server = await site((_request, response) => void response.writeHead(status).end());
    await expect(micropubUpdate(server.url('/mp'), token, 'https://blog.example/1', entry)).resolves.toBeUndefined();
  });

  it('reports a refused update in the server’s words', async () => {
    const server = await blog();
    const failure = await failureOf(micropubUpdate(server.endpoint, token, server.url('/posts/9'), entry));
    expect(failure).toMatchObject({ code: 'invalid-request', message: 'The blog refused the post (400): The post to update does not exist.' });
  });
});
