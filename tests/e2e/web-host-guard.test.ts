// The web host serves only its own page: another local page (another port, same machine) cannot
// use its API, nor can a request with a foreign Host or without the per-run secret.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppProcess } from './support/app-process';
import { chromiumPath, launchChromium } from './support/chromium';

function rawRequest(port: number, headers: Record<string, string>, pathname = '/api/app:info'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, method: pathname.startsWith('/api/') ? 'POST' : 'GET', path: pathname, headers }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end(pathname.startsWith('/api/') ? '{}' : undefined);
  });
}

describe('web host guard (real process)', () => {
  let app: AppProcess;
  let secret: string;

  beforeAll(async () => {
    app = await startApp('web-host-cli');
    const page = await rawRequest(app.port, { host: `127.0.0.1:${app.port}` }, '/');
    secret = /name="commonplace-host-secret" content="([^"]+)"/.exec(page.body)?.[1] ?? '';
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('gives its own page the secret, and the secret works', async () => {
    expect(secret.length).toBeGreaterThanOrEqual(32);
    const reply = await rawRequest(app.port, { host: `127.0.0.1:${app.port}`, 'content-type': 'application/json', 'x-commonplace-secret': secret });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { transport: 'http' } });
  });

  it('refuses a call without the secret', async () => {
    const reply = await rawRequest(app.port, { host: `127.0.0.1:${app.port}`, 'content-type': 'application/json' });
    expect(reply.status).toBe(403);
  });

  it('refuses a foreign Origin even with the secret', async () => {
    const reply = await rawRequest(app.port, {
      host: `127.0.0.1:${app.port}`, origin: 'http://127.0.0.1:9', 'content-type': 'application/json', 'x-commonplace-secret': secret,
    });
    expect(reply.status).toBe(403);
  });

  it('refuses a foreign Host even with the secret', async () => {
    const reply = await rawRequest(app.port, { host: 'rebound.example:80', 'content-type': 'application/json', 'x-commonplace-secret': secret });
    expect(reply.status).toBe(421);
  });

  describe.runIf(chromiumPath)('from another local page in Chromium', () => {
    let browser: Browser;
    let evil: http.Server;

    beforeAll(async () => {
      browser = await launchChromium();
      evil = http.createServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end('<!doctype html><title>other page</title><p>another site on this machine</p>');
      });
      await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', () => resolve()));
    });

    afterAll(async () => {
      await browser?.close();
      await new Promise((resolve) => evil?.close(resolve));
    });

    it('cannot call the API or read the app page', async () => {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${(evil.address() as AddressInfo).port}/`);
      const attempts = await page.evaluate(async (target) => {
        const outcomes: string[] = [];
        const tries: Array<() => Promise<Response>> = [
          () => fetch(`${target}api/app:info`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
          () => fetch(`${target}api/app:info`, { method: 'POST', body: '{}' }),
          () => fetch(target),
        ];
        for (const attempt of tries) {
          try {
            const response = await attempt();
            outcomes.push(`read ${response.status}: ${(await response.text()).slice(0, 80)}`);
          } catch (error) {
            outcomes.push(`blocked: ${(error as Error).name}`);
          }
        }
        return outcomes;
      }, app.url);
      // Without CORS headers the browser blocks reading every answer; the form-like POST reaches the
      // server, which refuses it (no secret, foreign Origin) before any handler runs.
      expect(attempts).toEqual(['blocked: TypeError', 'blocked: TypeError', 'blocked: TypeError']);
    });
  });
});
