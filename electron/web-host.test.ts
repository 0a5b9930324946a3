import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostHandlers } from '../shared/host-contract';
import { handlersForTests } from '../shared/host-handlers-for-tests';
import { startWebHost, type WebHost } from './web-host';

const secret = 'test-secret-0123456789';
const info = { name: 'Commonplace', version: '9.9.9', platform: 'test', transport: 'http' as const };
let host: WebHost;
let dir: string;

interface Reply { status: number; headers: http.IncomingHttpHeaders; body: string }

function send(method: string, pathname: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port: host.port, method, path: pathname, headers: { host: `127.0.0.1:${host.port}`, ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

const api = (extra: Record<string, string> = {}, body = '{}') =>
  send('POST', '/api/app:info', { 'content-type': 'application/json', 'x-commonplace-secret': secret, ...extra }, body);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'web-host-'));
  await mkdir(path.join(dir, 'assets'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  await writeFile(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
  const handlers: HostHandlers = handlersForTests({ 'app:info': async (_request, context) => ({ ...info, transport: context.transport }) });
  host = await startWebHost({ rendererDir: dir, handlers, secret });
});

afterAll(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

describe('web host', () => {
  it('listens on 127.0.0.1 and reports its address', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`);
  });

  it('serves index.html with the secret injected and the CSP set', async () => {
    const reply = await send('GET', '/');
    expect(reply.status).toBe(200);
    expect(reply.body).toContain(`<meta name="commonplace-host-secret" content="${secret}"></head>`);
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves assets with their type and refuses traversal', async () => {
    const asset = await send('GET', '/assets/app.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toContain('text/javascript');
    expect((await send('GET', '/../../etc/passwd')).status).toBe(404);
    expect((await send('GET', '/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
    expect((await send('GET', '/missing.js')).status).toBe(404);
  });

  it('answers a host call made with the secret', async () => {
    const reply = await api();
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: info });
  });

  it('accepts its own origin on API calls', async () => {
    expect((await api({ origin: `http://127.0.0.1:${host.port}` })).status).toBe(200);
  });

  it.each([
    ['no secret', { 'x-commonplace-secret': '' }, 403],
    ['a wrong secret', { 'x-commonplace-secret': 'guess' }, 403],
    ['a foreign origin', { origin: 'http://127.0.0.1:1' }, 403],
    ['a foreign site', { origin: 'https://evil.example' }, 403],
    ['a foreign Host (DNS rebinding)', { host: 'evil.example' }, 421],
    ['a foreign Host port', { host: '127.0.0.1:1' }, 421],
    ['a non-JSON body type', { 'content-type': 'text/plain' }, 415],
  ])('refuses a call with %s', async (_label, headers, status) => {
    const reply = await api(headers);
    expect(reply.status).toBe(status);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: expect.any(String), message: expect.any(String) } });
    expect(reply.body).not.toContain(info.version);
  });

  it('refuses a foreign Host for pages too, so the secret never leaks to a rebinding site', async () => {
    const reply = await send('GET', '/', { host: 'attacker.example' });
    expect(reply.status).toBe(421);
    expect(reply.body).not.toContain(secret);
  });

  it('answers malformed calls with typed errors', async () => {
    expect(JSON.parse((await api({}, '{not json')).body)).toMatchObject({ error: { code: 'invalid-request' } });
    expect(JSON.parse((await api({}, '{"unexpected":1}')).body)).toMatchObject({ error: { code: 'invalid-request' } });
    const unknown = await send('POST', '/api/app:nothing', { 'content-type': 'application/json', 'x-commonplace-secret': secret }, '{}');
    expect(JSON.parse(unknown.body)).toMatchObject({ error: { code: 'unknown-call' } });
    expect((await send('GET', '/api/app:info', { 'x-commonplace-secret': secret })).status).toBe(405);
    expect((await send('DELETE', '/')).status).toBe(405);
  });

  it('refuses an oversized body', async () => {
    const reply = await api({}, JSON.stringify({ big: 'x'.repeat(33 * 1024 * 1024) })).catch((error: Error) => error);
    // The server may answer 413 or cut the connection while the client still writes; either refuses.
    if (reply instanceof Error) expect(reply.message).toMatch(/EPIPE|ECONNRESET|socket hang up/);
    else expect(reply.status).toBe(413);
  });
});
