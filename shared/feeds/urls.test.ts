import { describe, expect, it } from 'vitest';
import { canonicalUrl, resolveUrl } from './urls';

describe('resolveUrl', () => {
  it.each([
    ['absolute stays', 'https://example.com/a', 'https://other.org/', 'https://example.com/a'],
    ['relative path against the entry base', 'post/1', 'https://example.com/blog/', 'https://example.com/blog/post/1'],
    ['against a base that names a file', 'post/1', 'https://example.com/blog/index.xml', 'https://example.com/blog/post/1'],
    ['root-relative', '/about', 'https://example.com/blog/', 'https://example.com/about'],
    ['dot segments', '../x', 'https://example.com/a/b/', 'https://example.com/a/x'],
    ['query only', '?page=2', 'https://example.com/list', 'https://example.com/list?page=2'],
    ['protocol-relative takes the base scheme', '//cdn.example.com/i.png', 'http://example.com/', 'http://cdn.example.com/i.png'],
    ['protocol-relative without a base is https', '//cdn.example.com/i.png', undefined, 'https://cdn.example.com/i.png'],
    ['surrounding whitespace', '  \n https://example.com/a \t', undefined, 'https://example.com/a'],
    ['spaces inside are encoded', 'https://example.com/a b', undefined, 'https://example.com/a%20b'],
    ['host lowercased', 'HTTPS://EXAMPLE.com/Path', undefined, 'https://example.com/Path'],
    ['an unusable base is ignored for absolute links', 'https://example.com/a', 'not a url', 'https://example.com/a'],
    ['decoded entities in a query', 'https://example.com/?a=1&b=2', undefined, 'https://example.com/?a=1&b=2'],
  ])('%s', (_label, href, base, expected) => {
    expect(resolveUrl(href, base)).toBe(expected);
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: with case and whitespace tricks', ' JaVa\tScRipt:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['file:', 'file:///etc/passwd'],
    ['mailto:', 'mailto:someone@example.com'],
    ['empty', ''],
    ['blank', '   '],
    ['undefined', undefined],
  ])('refuses %s', (_label, href) => {
    expect(resolveUrl(href, 'https://example.com/')).toBeUndefined();
  });

  it.each([
    ['no base at all', '/post/1', undefined],
    ['a base that is not a URL', '/post/1', 'feed.xml'],
    // Resolving against the app's own origin would point links at Commonplace (Miniflux 899).
    ['an app-scheme base', '/post/1', 'app://commonplace/index.html'],
    ['a file base', 'post/1', 'file:///home/me/feed.xml'],
  ])('drops a relative link with %s', (_label, href, base) => {
    expect(resolveUrl(href, base)).toBeUndefined();
  });
});

describe('canonicalUrl', () => {
  it.each([
    ['scheme and host lowercased, path case kept', 'HTTPS://Example.COM/Some/Path', 'https://example.com/Some/Path'],
    ['default http port dropped', 'http://example.com:80/a', 'http://example.com/a'],
    ['default https port dropped', 'https://example.com:443/a', 'https://example.com/a'],
    ['other ports kept', 'https://example.com:8443/a', 'https://example.com:8443/a'],
    ['fragment dropped', 'https://example.com/a#comments', 'https://example.com/a'],
    ['trailing ? dropped', 'https://example.com/a?', 'https://example.com/a'],
    ['utm_* removed', 'https://example.com/a?utm_source=rss&utm_medium=feed&UTM_Campaign=x', 'https://example.com/a'],
    [
      'every listed tracker removed',
      'https://example.com/a?fbclid=1&gclid=2&mc_cid=3&mc_eid=4&igshid=5&ref_src=6&_hsenc=7&_hsmi=8&yclid=9&msclkid=10',
      'https://example.com/a',
    ],
    ['remaining params sorted', 'https://example.com/a?z=1&utm_source=x&a=2&m=3', 'https://example.com/a?a=2&m=3&z=1'],
    ['repeated names keep their order', 'https://example.com/a?b=2&a=1&b=1', 'https://example.com/a?a=1&b=2&b=1'],
    ['encoding of values kept', 'https://example.com/s?q=a%2Bb&p=a+b', 'https://example.com/s?p=a+b&q=a%2Bb'],
    ['meaningful look-alikes kept', 'https://github.com/o/r/blob/x?ref=main', 'https://github.com/o/r/blob/x?ref=main'],
    ['empty pairs dropped', 'https://example.com/a?&&b=1&', 'https://example.com/a?b=1'],
    ['trailing slash kept', 'https://example.com/a/', 'https://example.com/a/'],
  ])('%s', (_label, input, expected) => {
    expect(canonicalUrl(input)).toBe(expected);
  });

  it('makes a story republished with tracking parameters equal to the original (FreshRSS 3142)', () => {
    const before = canonicalUrl('https://news.example.com/2024/story?id=42');
    const after = canonicalUrl('https://NEWS.example.com:443/2024/story?utm_source=feedburner&id=42&fbclid=abc#top');
    expect(after).toBe(before);
  });

  it.each([['not a url'], ['/relative/path'], ['javascript:alert(1)'], ['ftp://example.com/file']])('is undefined for %j', (input) => {
    expect(canonicalUrl(input)).toBeUndefined();
  });
});
