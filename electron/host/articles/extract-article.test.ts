import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { extractedArticleSchema } from '../../../shared/feeds/article-schemas';
import { HostFailure } from '../../../shared/host-error';
import { extractArticle, extractFromHtml, noArticleMessage } from './extract-article';
import { failureOf, redirect, reply, startFixtureServer, type FixtureServer } from '../net/fixture-server';

declare global {
  var __canary: number | undefined;
}

const sentence = 'Keeping notes slowly, by hand or by keyboard, turns reading into thinking and thinking into writing. ';
/** About 90 words per paragraph, eight paragraphs: a three-minute read. */
const paragraphs = Array.from({ length: 8 }, (_, index) => `<p>Paragraph ${index + 1}. ${sentence.repeat(6)}</p>`);

const articlePage = `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>The Quiet Art of Note Taking | Field Notes</title>
<meta property="og:site_name" content="Field Notes">
<meta name="author" content="Ada Writer">
<meta property="article:published_time" content="2024-03-01T10:00:00Z">
<meta name="description" content="Why slow notes beat fast ones.">
</head><body>
<header><nav><a href="/">Home</a> <a href="/archive">Archive</a></nav></header>
<main><article>
<h1>The Quiet Art of Note Taking</h1>
${paragraphs.slice(0, 3).join('\n')}
<p>See <a href="../notes/first.html">my first note</a> and <a href="/about">about me</a>.</p>
<figure><img src="images/desk.jpg" srcset="images/desk-2x.jpg 2x" alt="A tidy desk"><figcaption>The desk.</figcaption></figure>
${paragraphs.slice(3).join('\n')}
</article></main>
<footer><p>© 2024 Field Notes</p></footer>
</body></html>`;

/**
 * A script that tells the fixture server it ran. A flag on globalThis only proves nothing ran in Node's
 * own realm; scripts inside a jsdom window would set the window's globalThis instead, so the beacon is
 * what catches execution there (the control test below shows it does when scripts are allowed).
 */
const beacon = (name: string) => `var x = new XMLHttpRequest(); x.open('GET', '/canary?${name}'); x.send();`;

const hostilePage = `<!doctype html>
<html><head><title>Harmless looking story</title>
<script>globalThis.__canary = 1; ${beacon('inline-script')}</script>
<script src="/evil.js"></script>
<link rel="stylesheet" href="/style.css">
<meta http-equiv="refresh" content="0;url=/elsewhere">
<style>body { background: url(/background.png) }</style>
</head><body onload="globalThis.__canary = 2; ${beacon('onload')}">
<article>
<h1>Harmless looking story</h1>
<p onclick="globalThis.__canary = 3">${sentence.repeat(5)}</p>
<img src="/tracker.png" onerror="globalThis.__canary = 4" onload="globalThis.__canary = 5">
<p>Read <a href="javascript:globalThis.__canary = 6">more</a> or <a href="vbscript:msgbox(1)">this</a>. ${sentence.repeat(4)}</p>
<iframe src="/frame.html" srcdoc="<script>parent.__canary = 7</script>"></iframe>
<svg onload="globalThis.__canary = 8"><script>globalThis.__canary = 9</script></svg>
<object data="/plugin.swf"></object><embed src="/plugin.swf">
<form action="/steal"><input name="password"><button>Go</button></form>
<p style="background: url(javascript:alert(1))">${sentence.repeat(5)}</p>
<img src="data:image/svg+xml,<svg onload=alert(1)>" alt="data">
</article></body></html>`;

const noArticlePage = `<!doctype html><html><head><title>Sign in</title></head><body>
<nav><a href="/">Home</a> <a href="/help">Help</a></nav>
<form action="/login"><input name="user"><input type="password" name="pw"><button>Sign in</button></form>
</body></html>`;

let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer({
    '/short': redirect('/posts/2024/quiet-art.html'),
    '/posts/2024/quiet-art.html': reply(200, 'text/html; charset=utf-8', articlePage),
    '/hostile.html': reply(200, 'text/html', hostilePage),
    '/login': reply(200, 'text/html', noArticlePage),
    '/app': reply(200, 'text/html', '<!doctype html><html><head><title>App</title></head><body><div id="root"></div><script src="/app.js"></script></body></html>'),
  });
});

afterAll(async () => {
  await server.close();
});

describe('extractArticle: a simple article', () => {
  it('returns title, byline, metadata, text and reading time, with links absolute against the final address', async () => {
    const article = await extractArticle({ url: `${server.origin}/short` });
    expect(extractedArticleSchema.parse(article)).toEqual(article);
    const page = `${server.origin}/posts/2024/quiet-art.html`;
    expect(article.finalUrl).toBe(page);
    // Readability drops the " | Site" suffix from the document title.
    expect(article.title).toBe('The Quiet Art of Note Taking');
    expect(article.byline).toBe('Ada Writer');
    expect(article.siteName).toBe('Field Notes');
    expect(article.excerpt).toBe('Why slow notes beat fast ones.');
    expect(article.language).toBe('en-GB');
    expect(article.publishedTime).toBe('2024-03-01T10:00:00Z');

    expect(article.text).toMatch(/^Paragraph 1\. Keeping notes slowly/);
    expect(article.text).toContain('See my first note and about me.\n\nThe desk.\n\nParagraph 4.');
    expect(article.text).not.toContain('Archive');
    expect(article.text).not.toContain('© 2024');
    expect(article.wordCount).toBeGreaterThan(700);
    expect(article.wordCount).toBeLessThan(800);
    expect(article.readingMinutes).toBe(3);

    expect(article.html).toContain(`href="${server.origin}/posts/notes/first.html"`);
    expect(article.html).toContain(`href="${server.origin}/about"`);
    expect(article.html).toContain(`src="${server.origin}/posts/2024/images/desk.jpg"`);
    expect(article.html).toContain(`srcset="${server.origin}/posts/2024/images/desk-2x.jpg 2x"`);
    expect(article.html).toContain('alt="A tidy desk"');
    expect(article.html).toContain('<figcaption>The desk.</figcaption>');
  });

  it('uses an injected fetcher, and resolves links against the address it reports', async () => {
    const fetchPage = vi.fn(async () => ({ finalUrl: 'https://blog.example/a/b/post.html', contentType: 'text/html', text: articlePage }));
    const article = await extractArticle({ url: 'https://short.example/x' }, { fetchPage });
    expect(fetchPage).toHaveBeenCalledWith('https://short.example/x');
    expect(article.finalUrl).toBe('https://blog.example/a/b/post.html');
    expect(article.html).toContain('href="https://blog.example/a/notes/first.html"');
  });
});

describe('extractArticle: a hostile page', () => {
  it('runs none of its scripts or handlers, fetches nothing it refers to, and returns nothing executable', async () => {
    globalThis.__canary = undefined;
    server.requests.length = 0;
    const article = await extractArticle({ url: `${server.origin}/hostile.html` });
    // Give any stray load or error event a chance to fire before looking.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(globalThis.__canary).toBeUndefined();
    expect(server.paths()).toEqual(['/hostile.html']);

    expect(article.text).toContain('Keeping notes slowly');
    const html = article.html.toLowerCase();
    expect(html).not.toMatch(/<script|<iframe|<object|<embed|<form|<input|<svg|<meta|<link|<style|srcdoc|javascript:|vbscript:|data:|\son\w+=|style=/);
    const fragment = JSDOM.fragment(article.html);
    for (const element of fragment.querySelectorAll('[href], [src]')) {
      expect(element.getAttribute('href') ?? element.getAttribute('src')).toMatch(/^https?:\/\//);
    }
    // The tracker image survives as an inert absolute address; the reader decides whether to load it.
    expect(article.html).toContain(`src="${server.origin}/tracker.png"`);
  });

  it('control: the same page with jsdom scripts enabled does call the beacon, so the test above can fail', async () => {
    server.requests.length = 0;
    const unsafe = new JSDOM(hostilePage, { url: `${server.origin}/hostile.html`, runScripts: 'dangerously' });
    try {
      await vi.waitFor(() => expect(server.paths()).toContain('/canary?inline-script'), { timeout: 5_000 });
    } finally {
      unsafe.window.close();
    }
  });
});

describe('extractArticle: pages without an article', () => {
  it.each(['/login', '/app'])('%s → a clear "not-found"', async (path) => {
    const failure = await failureOf(extractArticle({ url: `${server.origin}${path}` }));
    expect(failure.code).toBe('not-found');
    expect(failure.message).toBe(noArticleMessage);
  });

  it('passes fetch failures through in their own words', async () => {
    const failure = await failureOf(extractArticle({ url: `${server.origin}/missing` }));
    expect(failure.code).toBe('not-found');
    expect(failure.message).toMatch(/404/);
  });

  it('refuses non-web addresses before fetching anything', async () => {
    const fetchPage = vi.fn();
    const failure = await failureOf(extractArticle({ url: 'file:///etc/passwd' }, { fetchPage }));
    expect(failure.code).toBe('invalid-request');
    expect(fetchPage).not.toHaveBeenCalled();
  });

  it('refuses a page with more elements than the limit instead of stalling the host', () => {
    const html = `<html><body><article>${'<p>word</p>'.repeat(500)}</article></body></html>`;
    let caught: unknown;
    try {
      extractFromHtml(html, 'https://example.org/', { maxElements: 400 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(HostFailure);
    expect((caught as HostFailure).code).toBe('too-large');
  });

  it('refuses 14 MB of tiny elements before parsing them (they exhausted the host heap)', () => {
    const soup = `<html><body>${'<b>x</b>'.repeat(1_800_000)}</body></html>`;
    const started = performance.now();
    expect(() => extractFromHtml(soup, 'https://example.org/')).toThrow(/too large and complex/);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('refuses deep nesting before parsing it (55 KB of it took parse5 12 s)', () => {
    const bomb = `<html><body>${Array.from({ length: 2_000 }, (_, index) => `<b id=b${index}>`).join('')}${'<p>x'.repeat(8_000)}</body></html>`;
    const started = performance.now();
    expect(() => extractFromHtml(bomb, 'https://example.org/')).toThrow(/too large and complex/);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('counts again after parsing: the elements the parser implies count too', () => {
    // 400 start tags pass the count before parsing; html, head and body make it 403.
    expect(() => extractFromHtml('<p>word'.repeat(400), 'https://example.org/', { maxElements: 401 })).toThrow(/too large and complex/);
  });
});
