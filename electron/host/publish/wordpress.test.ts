import { afterEach, describe, expect, it } from 'vitest';
import { failureOf } from '../net/fixture-server';
import { basicAuth, sendHtml, startRecordingServer, startWordPressFixture, type WordPressFixture, type WordPressFixtureOptions } from './publish-fixtures';
import { wordpressPublish } from './wordpress';

const username = 'ana';
const appPassword = 'abcd EFGH 1234 ijkl MNOP 5678';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

async function wordpress(options: Partial<WordPressFixtureOptions> = {}): Promise<WordPressFixture> {
  const server = await startWordPressFixture({ username, appPassword, ...options });
  open.push(server);
  return server;
}

const post = (siteUrl: string, extra: { remoteId?: string; appPassword?: string; title?: string } = {}) =>
  wordpressPublish({ siteUrl, username, appPassword, title: 'Finds', contentHtml: '<p>Three reads.</p>', ...extra });

const posts = (server: WordPressFixture) => server.requests.filter((request) => request.method === 'POST');

describe('wordpressPublish', () => {
  it('creates a published post at the API root the home page announces, with Basic auth', async () => {
    const server = await wordpress();
    const result = await post(server.url('/'));
    expect(result).toEqual({ remoteId: '101', url: server.url('/?p=101') });
    expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /', 'POST /wp-json/wp/v2/posts']);
    const [sent] = posts(server);
    // base64("ana:abcd EFGH 1234 ijkl MNOP 5678"), written out so an encoding slip cannot pass.
    expect(sent!.headers.authorization).toBe('Basic YW5hOmFiY2QgRUZHSCAxMjM0IGlqa2wgTU5PUCA1Njc4');
    expect(sent!.headers.authorization).toBe(basicAuth(username, appPassword));
    expect(sent!.headers['content-type']).toBe('application/json');
    expect(sent!.json).toEqual({ title: 'Finds', content: '<p>Three reads.</p>', status: 'publish' });
    expect(server.posts.get(101)).toMatchObject({ title: 'Finds', status: 'publish' });
  });

  it('updates the same post when it has a remoteId: no duplicate', async () => {
    const server = await wordpress();
    const first = await post(server.url('/'));
    const again = await post(server.url('/'), { remoteId: first.remoteId, title: 'Finds (edited)' });
    expect(again).toEqual(first);
    const update = posts(server).at(-1)!;
    expect(update.path).toBe('/wp-json/wp/v2/posts/101');
    expect(update.headers.authorization).toBe(basicAuth(username, appPassword));
    expect(update.json).toEqual({ title: 'Finds (edited)', content: '<p>Three reads.</p>' });
    expect(server.posts.size).toBe(1);
    expect(server.posts.get(101)?.title).toBe('Finds (edited)');
  });

  it('follows a ?rest_route= root (plain permalinks) from the Link header', async () => {
    const server = await wordpress({ announce: 'plain' });
    await post(server.url('/'));
    expect(posts(server)[0]!.path).toBe('/?rest_route=/wp/v2/posts');
    expect(server.posts.size).toBe(1);
  });

  it('uses <site>/wp-json/ when the home page announces nothing, also for a site in a folder', async () => {
    const server = await wordpress({ announce: 'none' });
    await post(server.url('/'));
    expect(posts(server)[0]!.path).toBe('/wp-json/wp/v2/posts');

    const folder = await startRecordingServer((request, response) => {
      if (request.method === 'GET') return sendHtml(response, 404, 'nothing');
      response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 7, link: 'https://x.example/7' }));
    });
    open.push(folder);
    expect(await post(folder.url('/blog/'))).toEqual({ remoteId: '7', url: 'https://x.example/7' });
    expect(folder.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /blog/', 'POST /blog/wp-json/wp/v2/posts']);
  });

  it('builds <site>/wp-json/ from where the home page redirected on the same site', async () => {
    const server = await startRecordingServer((request, response) => {
      if (request.path === '/') return void response.writeHead(301, { location: '/blog/' }).end();
      if (request.method === 'GET') return sendHtml(response, 200, 'home');
      response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 3, link: 'https://x.example/3' }));
    });
    open.push(server);
    await post(server.url('/'));
    expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /', 'GET /blog/', 'POST /blog/wp-json/wp/v2/posts']);
  });

  it('never sends the password to an API root on another origin', async () => {
    const server = await startRecordingServer((request, response) => {
      if (request.method === 'GET') return sendHtml(response, 200, 'home', { link: '<https://collector.example/wp-json/>; rel="https://api.w.org/"' });
      response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 1, link: 'https://x.example/1' }));
    });
    open.push(server);
    await post(server.url('/'));
    expect(server.requests.at(-1)!.path).toBe('/wp-json/wp/v2/posts');
  });

  it('shows WordPress’s error message in words, without the password', async () => {
    const server = await wordpress();
    const failure = await failureOf(post(server.url('/'), { appPassword: 'wrong pass' }));
    expect(failure).toMatchObject({
      code: 'forbidden',
      message:
        'The WordPress site refused the user name or application password (401): The provided password is an invalid application password. ' +
        'Create a new application password under Users › Profile in WordPress and enter it again.',
    });
    expect(failure.message).not.toContain('wrong pass');
    expect(server.posts.size).toBe(0);
  });

  it('says the post is gone when the one to update no longer exists', async () => {
    const server = await wordpress();
    const failure = await failureOf(post(server.url('/'), { remoteId: '999' }));
    expect(failure).toMatchObject({ code: 'not-found', message: 'The post was not found on the WordPress site any more (404): Invalid post ID. It may have been deleted there.' });
  });

  it('passes on other refusals in WordPress’s words', async () => {
    const server = await wordpress();
    const failure = await failureOf(wordpressPublish({ siteUrl: server.url('/'), username, appPassword, title: '', contentHtml: '' }));
    expect(failure).toMatchObject({ code: 'invalid-request', message: 'The WordPress site refused the post (400): Content, title, and excerpt are empty.' });
  });

  it('refuses a remoteId that is not a number before sending anything', async () => {
    const server = await wordpress();
    expect((await failureOf(post(server.url('/'), { remoteId: '../users/1' }))).code).toBe('invalid-request');
    expect(server.requests).toHaveLength(0);
  });
});
