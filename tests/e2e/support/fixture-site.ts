/**
 * A small website on 127.0.0.1 for end-to-end tests: a blog home page that advertises its feed,
 * the RSS feed (with ETag, so a second refresh is a 304), article pages with more text than the
 * feed's summaries (so full-text extraction is visible), a second feed with hostile content,
 * and an OPML file listing both. No test reaches the internet.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FixtureSite {
  origin: string;
  /** Requests seen, as "METHOD /path status", for assertions about politeness. */
  log: string[];
  close(): Promise<void>;
}

export const posts = [
  { slug: 'tending-a-commonplace-book', title: 'Tending a commonplace book', summary: 'Why copying passages by hand still works.' },
  { slug: 'notes-that-link-themselves', title: 'Notes that link themselves', summary: 'On wiki links and the surprise of backlinks.' },
  { slug: 'reading-in-public', title: 'Reading in public', summary: 'Sharing what you read closes the loop.' },
];

/** A sentence that appears only in the full article, never in the feed. */
export const fullTextMarker = 'The marginalia outlived the book itself';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function articlePage(post: (typeof posts)[number]): string {
  const paragraphs = Array.from({ length: 8 }, (_, index) =>
    `<p>Paragraph ${index + 1} of "${post.title}". Readers who keep a commonplace book copy the passages that struck them, ` +
      `add a line of their own, and come back months later to find the ideas waiting. ${index === 3 ? `${fullTextMarker}.` : ''}</p>`,
  ).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${post.title} · Fixture Blog</title>
<script>window.__pageScriptRan = 1</script></head>
<body><header><nav><a href="/">Home</a> <a href="/about">About</a></nav></header>
<main><article><h1>${post.title}</h1><p class="byline">By Ada Reader</p>${paragraphs}
<p><a href="/posts/${posts[0]!.slug}.html">A relative link</a></p></article></main>
<footer>Fixture Blog footer</footer></body></html>`;
}

function rss(origin: string): string {
  const items = posts
    .map(
      (post, index) => `<item><title>${escapeXml(post.title)}</title><link>${origin}/posts/${post.slug}.html</link>
<guid>${origin}/posts/${post.slug}.html</guid><pubDate>${new Date(Date.UTC(2026, 10, 20 - index, 9)).toUTCString()}</pubDate>
<description>${escapeXml(`<p>${post.summary}</p>`)}</description></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Fixture Blog</title>
<link>${origin}/</link><description>A blog for tests</description>${items}</channel></rss>`;
}

function hostileRss(origin: string): string {
  const content = escapeXml(
    `<p>Hostile body</p><script>window.__canary = "script"</script><img src="x" onerror="window.__canary='onerror'">` +
      `<a href="javascript:window.__canary='link'">click</a><iframe srcdoc="<script>parent.__canary='iframe'</script>"></iframe>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Hostile Feed</title><link>${origin}/hostile</link>
<description>x</description><item><title>A hostile item</title><link>${origin}/posts/${posts[0]!.slug}.html?hostile=1</link>
<guid isPermaLink="false">hostile-1</guid><description>${content}</description></item></channel></rss>`;
}

function opml(origin: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><head><title>Fixture subscriptions</title></head><body>
<outline text="Reading"><outline type="rss" text="Fixture Blog" xmlUrl="${origin}/feed.xml" htmlUrl="${origin}/"/></outline>
<outline text="Security"><outline type="rss" text="Hostile Feed" xmlUrl="${origin}/hostile.xml"/></outline>
</body></opml>`;
}

/** How many feeds /many.opml lists: a reader's typical import. */
export const manyFeedCount = 100;

function manyFeed(origin: string, index: number): string {
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed ${index}</title><link>${origin}/many/${index}</link>
<description>One of many</description><item><title>Story from feed ${index}</title><link>${origin}/many/${index}/story</link>
<guid>${origin}/many/${index}/story</guid><pubDate>${new Date(Date.UTC(2026, 10, 1, 0, index)).toUTCString()}</pubDate></item></channel></rss>`;
}

function manyOpml(origin: string): string {
  const outlines = Array.from({ length: manyFeedCount }, (_, index) =>
    `<outline type="rss" text="Feed ${index}" xmlUrl="${origin}/many/${index}.xml"/>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><head><title>Many</title></head><body>
<outline text="Many">${outlines}</outline></body></opml>`;
}

export function manyOpmlFor(origin: string): string {
  return manyOpml(origin);
}

export async function startFixtureSite(): Promise<FixtureSite> {
  const log: string[] = [];
  const server = http.createServer((request, response) => {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const path = new URL(request.url ?? '/', origin).pathname;
    const send = (status: number, type: string, body: string, headers: Record<string, string> = {}) => {
      log.push(`${request.method} ${path} ${status}`);
      response.writeHead(status, { 'content-type': type, ...headers });
      response.end(body);
    };
    if (path === '/') {
      return send(200, 'text/html; charset=utf-8', `<!doctype html><html><head><title>Fixture Blog</title>
<link rel="alternate" type="application/rss+xml" title="Fixture Blog" href="/feed.xml"></head><body><h1>Fixture Blog</h1></body></html>`);
    }
    if (path === '/feed.xml') {
      const etag = '"fixture-v1"';
      if (request.headers['if-none-match'] === etag) return send(304, 'application/rss+xml', '', { etag });
      return send(200, 'application/rss+xml; charset=utf-8', rss(origin), { etag });
    }
    if (path === '/hostile.xml') return send(200, 'application/rss+xml; charset=utf-8', hostileRss(origin));
    if (path === '/subscriptions.opml') return send(200, 'text/x-opml; charset=utf-8', opml(origin));
    const many = /^\/many\/(\d+)\.xml$/.exec(path);
    if (many) return send(200, 'application/rss+xml; charset=utf-8', manyFeed(origin, Number(many[1])));
    if (path === '/many.opml') return send(200, 'text/x-opml; charset=utf-8', manyOpml(origin));
    const post = posts.find((candidate) => path === `/posts/${candidate.slug}.html`);
    if (post) return send(200, 'text/html; charset=utf-8', articlePage(post));
    return send(404, 'text/plain', 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    log,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function opmlFor(origin: string): string {
  return opml(origin);
}
