import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../shared/content-security-policy';
import { contentTypeFor, registerAppProtocol, resolveAppAsset, serveAppRequest } from './app-protocol';

// app-protocol.ts only takes Electron's protocol as a parameter; nothing may load the real module.
vi.mock('electron', () => ({}));

const secret = 'root:x:0:0:SECRET-OUTSIDE-THE-APP';
const indexHtml = '<!doctype html><title>Commonplace</title>';

// base/secret.txt sits beside the renderer dir: the target of every traversal attempt below.
// Made synchronously at load time because the traversal table below is built from its path.
const base = mkdtempSync(path.join(tmpdir(), 'commonplace-protocol-'));
const root = path.join(base, 'renderer');
mkdirSync(path.join(root, 'assets'), { recursive: true });
writeFileSync(path.join(base, 'secret.txt'), secret);
writeFileSync(path.join(root, 'index.html'), indexHtml);
writeFileSync(path.join(root, 'assets', 'app-1234.js'), 'console.log("app")');
writeFileSync(path.join(root, 'assets', 'app-1234.css'), 'body{}');
// A symlink inside the build that leads outside it must not be followed.
symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

/** [label, url]: labels keep test names stable although the temp folder's name is random. */
const traversals: Array<[string, string]> = [
  ['app://commonplace/../secret.txt', 'app://commonplace/../secret.txt'],
  ['app://commonplace/../../etc/passwd', 'app://commonplace/../../etc/passwd'],
  ['app://commonplace/%2e%2e/secret.txt', 'app://commonplace/%2e%2e/secret.txt'],
  ['app://commonplace/%2e%2e%2fsecret.txt', 'app://commonplace/%2e%2e%2fsecret.txt'],
  ['app://commonplace/..%2fsecret.txt', 'app://commonplace/..%2fsecret.txt'],
  ['app://commonplace/assets/..%2f..%2fsecret.txt', 'app://commonplace/assets/..%2f..%2fsecret.txt'],
  ['app://commonplace/%2E%2E%2F%2E%2E%2Fsecret.txt', 'app://commonplace/%2E%2E%2F%2E%2E%2Fsecret.txt'],
  ['app://commonplace/..%5csecret.txt', 'app://commonplace/..%5csecret.txt'],
  ['app://commonplace/%5c..%5c..%5csecret.txt', 'app://commonplace/%5c..%5c..%5csecret.txt'],
  ['app://commonplace/assets%5c..%5c..%5csecret.txt', 'app://commonplace/assets%5c..%5c..%5csecret.txt'],
  ['the absolute path of a file outside', 'app://commonplace/' + encodeURIComponent(path.join(base, 'secret.txt'))],
  ['the absolute path of a file outside, leading slash encoded', 'app://commonplace/%2F' + encodeURIComponent(path.join(base, 'secret.txt').slice(1))],
  ['app://commonplace/C:%5cWindows%5cwin.ini', 'app://commonplace/C:%5cWindows%5cwin.ini'],
  ['app://commonplace/index.html%00.js', 'app://commonplace/index.html%00.js'],
  ['a symlink inside the build that leads outside it', 'app://commonplace/assets/link.txt'],
];

describe('resolveAppAsset', () => {
  it('maps / to index.html and paths inside the renderer dir to files', () => {
    expect(resolveAppAsset('/srv/renderer', 'app://commonplace/')).toBe(path.resolve('/srv/renderer/index.html'));
    expect(resolveAppAsset('/srv/renderer', 'app://commonplace/assets/a.js?v=1#x')).toBe(path.resolve('/srv/renderer/assets/a.js'));
    expect(resolveAppAsset('/srv/renderer', 'app://commonplace/assets/a%20b.png')).toBe(path.resolve('/srv/renderer/assets/a b.png'));
  });

  it.each([
    'app://commonplace/%2e%2e%2fsecret.txt',
    'app://commonplace/..%2f..%2fetc%2fpasswd',
    'app://commonplace/..%5c..%5cetc%5cpasswd',
    'app://commonplace/a%5cb',
    'app://commonplace/C:%2fWindows',
    'app://commonplace/a%00b',
    'app://commonplace/%E0%A4%A',
    'app://evil.example/index.html',
    'app://commonplace.evil.example/index.html',
    'https://commonplace/index.html',
    'file:///srv/renderer/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppAsset('/srv/renderer', url)).toBeNull();
  });

  it('keeps dot-segments that URL parsing already resolved inside the dir', () => {
    // The URL parser turns /../../etc/passwd into /etc/passwd before we see it: inside the dir, so a 404.
    expect(resolveAppAsset('/srv/renderer', 'app://commonplace/../../etc/passwd')).toBe(path.resolve('/srv/renderer/etc/passwd'));
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/app.js', 'text/javascript; charset=utf-8'],
    ['assets/app.CSS', 'text/css; charset=utf-8'],
    ['assets/app.js.map', 'application/json; charset=utf-8'],
    ['icon.svg', 'image/svg+xml'],
    ['font.woff2', 'font/woff2'],
    ['search.wasm', 'application/wasm'],
    ['unknown.bin', 'application/octet-stream'],
    ['no-extension', 'application/octet-stream'],
  ])('%s is %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});

describe('serveAppRequest', () => {
  const get = (url: string, method = 'GET') => serveAppRequest(root, new Request(url, { method }));

  it('serves index.html for / with its type, the CSP and nosniff', async () => {
    const response = await get('app://commonplace/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(indexHtml);
  });

  it('serves assets with their content types', async () => {
    const script = await get('app://commonplace/assets/app-1234.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log("app")');
    const style = await get('app://commonplace/assets/app-1234.css');
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it.each(['app://commonplace/missing.js', 'app://commonplace/assets', 'app://commonplace/assets/', 'app://other/index.html'])(
    'answers %s with 404 and still the CSP',
    async (url) => {
      const response = await get(url);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    },
  );

  it.each(traversals)('refuses the traversal %s with 404 and never the file', async (_label, url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).not.toContain('SECRET');
    expect(body).not.toContain(base);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://commonplace/', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await get('app://commonplace/', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
  });
});

describe('registerAppProtocol', () => {
  it('handles the app scheme with serveAppRequest', async () => {
    const protocol = { handle: vi.fn() };
    registerAppProtocol(protocol, root);
    expect(protocol.handle).toHaveBeenCalledOnce();
    const [scheme, handler] = protocol.handle.mock.calls[0] as [string, (request: Request) => Promise<Response>];
    expect(scheme).toBe('app');
    const ok = await handler(new Request('app://commonplace/'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    const refused = await handler(new Request('app://commonplace/%2e%2e%2fsecret.txt'));
    expect(refused.status).toBe(404);
  });
});
