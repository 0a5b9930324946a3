import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveStaticPath } from './static-files';

const root = path.resolve('/srv/app');

describe('resolveStaticPath', () => {
  it.each([
    ['/', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/index-abc.js', 'assets/index-abc.js'],
    ['/assets/', 'assets/index.html'],
    ['/assets/with%20space.css', 'assets/with space.css'],
    ['/./assets//x.js', 'assets/x.js'],
  ])('maps %s inside the root', (pathname, expected) => {
    expect(resolveStaticPath(root, pathname)).toBe(path.join(root, expected));
  });

  it.each([
    '/../etc/passwd',
    '/assets/../../etc/passwd',
    '/%2e%2e/etc/passwd',
    '/%2e%2e%2fetc%2fpasswd',
    '/..%5c..%5cwindows',
    '/assets%5c..%5c..%5csecret',
    '/index.html%00.js',
    '/%E0%A4%A',
  ])('refuses %s', (pathname) => {
    expect(resolveStaticPath(root, pathname)).toBeUndefined();
  });
});

describe('contentTypeFor', () => {
  it('knows the types a Vite build emits and falls back to octet-stream', () => {
    expect(contentTypeFor('a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a/app.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a/app.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a/file.unknown')).toBe('application/octet-stream');
  });
});
