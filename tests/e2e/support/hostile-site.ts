/**
 * A hostile website on 127.0.0.1 for the hostile-content suite: feeds of every format full of payloads,
 * article pages full of payloads, and everything that fails — 50 MB bodies (declared and not), a body
 * that drips a byte a second, redirect loops, gzip bombs (as Content-Encoding and as a bare .gz), binary
 * garbage, wrong content types — or costs: a hundred thousand items just under the byte cap, tag soup
 * of millions of elements, and nesting deep enough to make an HTML parser quadratic. It logs every request with who made it (the app's host or the
 * browser), and `leaks()` lists the requests under /leak/: nothing should ever fetch those. /live/<where>.html
 * serves the payloads bare, to prove they do run and call home where nothing defends against them.
 */
import { gzipSync, createGzip } from 'node:zlib';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostileArticle, hostileFragment, scriptUrl, scriptedSvg } from './hostile-payloads';
import { laughsFeed, laughsFeedXml, manyItemsFeed, manyItemsFeedXml, nestingBomb, pagesFeed, pagesFeedXml, soupFeed, soupFeedXml } from './hostile-bombs';
import { atomFeed, jsonFeed, rdfFeed, rss2Feed } from './hostile-feeds';

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  /** The app's host fetching (its User-Agent names Commonplace), or the browser loading something. */
  by: 'host' | 'browser';
}

export interface HostileSite {
  origin: string;
  log: LoggedRequest[];
  /** Requests under /leak/: exfiltration, or a script that ran and beaconed. */
  leaks(): LoggedRequest[];
  close(): Promise<void>;
}

const fiftyMegabytes = 50 * 1024 * 1024;

/** A 1×1 transparent PNG. */
export const pixelPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** The same bytes on every run: a seeded generator, so a failure can be replayed. */
function garbage(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = 0x2545f491;
  for (let index = 0; index < length; index += 1) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[index] = state & 0xff;
  }
  // Never a '<' or '{' first: the garbage must not pass for the start of a document.
  bytes[0] = 0x9c;
  return bytes;
}

/** About 100 KB of gzip that inflates to `inflated` bytes of a document that begins like `prefix`. */
function gzipBomb(prefix: string, inflated: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const gzip = createGzip({ level: 9 });
    const chunks: Buffer[] = [];
    gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
    gzip.on('end', () => resolve(Buffer.concat(chunks)));
    gzip.on('error', reject);
    gzip.write(prefix);
    const spaces = Buffer.alloc(1024 * 1024, 0x20);
    for (let written = 0; written < inflated; written += spaces.length) gzip.write(spaces);
    gzip.end();
  });
}

/** Writes `total` bytes of `filler` with back-pressure, stopping when the client gives up. */
function stream(response: http.ServerResponse, prefix: string, filler: string, total: number): void {
  const chunk = Buffer.from(filler.repeat(Math.ceil(65_536 / filler.length)).slice(0, 65_536));
  let sent = 0;
  const pump = () => {
    while (sent < total && !response.destroyed) {
      const next = chunk.subarray(0, Math.min(chunk.length, total - sent));
      sent += next.length;
      if (!response.write(next)) return void response.once('drain', pump);
    }
    if (!response.destroyed) response.end();
  };
  response.write(prefix);
  pump();
}

export async function startHostileSite(): Promise<HostileSite> {
  const log: LoggedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  // Made once, on first request: a site used only to prove the payloads live never pays for them.
  let bombs: Promise<{ feed: Buffer; page: Buffer; file: Buffer }> | undefined;
  const getBombs = () =>
    (bombs ??= Promise.all([
      gzipBomb('<?xml version="1.0"?><rss version="2.0"><channel><title>Bomb</title>', 100 * 1024 * 1024),
      gzipBomb('<!doctype html><html><body><p>', 100 * 1024 * 1024),
    ]).then(([feed, page]) => ({
      feed,
      page,
      file: gzipSync(Buffer.concat([Buffer.from('<?xml version="1.0"?><rss version="2.0"><channel>'), Buffer.alloc(40 * 1024 * 1024, 0x20)]), { level: 9 }),
    })));
  const noise = garbage(64 * 1024);
  let manyItems: string | undefined;
  let soup: string | undefined;

  const server = http.createServer((request, response) => {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const path = new URL(request.url ?? '/', origin).pathname;
    const by = /Commonplace/.test(request.headers['user-agent'] ?? '') ? 'host' : 'browser';
    const record = (status: number) => log.push({ method: request.method ?? 'GET', path, status, by });
    const send = (status: number, type: string, body: string | Buffer, headers: http.OutgoingHttpHeaders = {}) => {
      record(status);
      response.writeHead(status, { 'content-type': type, ...headers });
      response.end(body);
    };
    const redirect = (to: string) => send(302, 'text/plain', 'elsewhere', { location: to });
    const drip = (type: string, text: string) => {
      record(200);
      response.writeHead(200, { 'content-type': type });
      let at = 0;
      const timer = setInterval(() => {
        if (response.destroyed) return void (clearInterval(timer), timers.delete(timer));
        response.write(text[at % text.length]!);
        at += 1;
      }, 1000);
      timers.add(timer);
    };
    const huge = (type: string, prefix: string, declared: boolean) => {
      record(200);
      response.writeHead(200, { 'content-type': type, ...(declared ? { 'content-length': String(fiftyMegabytes) } : {}) });
      stream(response, prefix, declared ? ' ' : '<!-- fifty megabytes of nothing -->', fiftyMegabytes - prefix.length);
    };
    const bomb = (type: string, which: 'feed' | 'page' | 'file') =>
      void getBombs().then((made) => send(200, type, made[which], which === 'file' ? {} : { 'content-encoding': 'gzip' }));
    const rss = 'application/rss+xml; charset=utf-8';
    const html = 'text/html; charset=utf-8';

    if (path.startsWith('/leak/')) return send(404, 'text/plain', 'recorded');
    switch (path) {
      case '/feeds/rss2.xml': return send(200, rss, rss2Feed(origin));
      case '/feeds/atom.xml': return send(200, 'application/atom+xml; charset=utf-8', atomFeed(origin));
      case '/feeds/feed.json': return send(200, 'application/feed+json; charset=utf-8', jsonFeed(origin));
      case '/feeds/rdf.xml': return send(200, 'application/rdf+xml; charset=utf-8', rdfFeed(origin));
      case laughsFeed.path: return send(200, rss, laughsFeedXml(origin));
      case pagesFeed.path: return send(200, rss, pagesFeedXml(origin));
      case manyItemsFeed.path: return send(200, rss, (manyItems ??= manyItemsFeedXml()));
      case soupFeed.path: return send(200, rss, (soup ??= soupFeedXml()));
      case '/img/pixel.png': return send(200, 'image/png', pixelPng);
      case '/img/evil.svg': return send(200, 'image/svg+xml', scriptedSvg(origin, 'img-file'));
      case '/fail/huge.xml': return huge(rss, '<?xml version="1.0"?><rss version="2.0"><channel>', false);
      case '/fail/huge-declared.xml': return huge(rss, '<?xml version="1.0"?><rss version="2.0"><channel>', true);
      case '/fail/drip.xml': return drip(rss, '<?xml version="1.0"?><rss version="2.0"><channel><title>Drip</title>');
      case '/fail/loop-a.xml': return redirect('/fail/loop-b.xml');
      case '/fail/loop-b.xml': return redirect('/fail/loop-a.xml');
      case '/fail/gzip-bomb.xml': return bomb(rss, 'feed');
      case '/fail/gzip-file.xml': return bomb(rss, 'file');
      case '/fail/garbage.xml': return send(200, rss, noise);
      // A hostile page where a feed should be: discovery reads it for <link rel="alternate"> (one, a script URL).
      case '/fail/html.xml':
        return send(200, rss, hostileArticle(origin, 'html-as-feed').replace('</head>', `<link rel="alternate" type="application/rss+xml" href="${scriptUrl(origin, 'alternate')}"></head>`));
      case '/fail/png.xml': return send(200, rss, pixelPng);
      case '/fail/not-json-feed.json': return send(200, 'application/feed+json', JSON.stringify({ hello: '<script>x</script>', items: 'none' }));
      case '/pages/huge.html': return huge(html, '<!doctype html><html><body>', false);
      case '/pages/drip.html': return drip(html, '<!doctype html><html><body><p>Drip</p>');
      case '/pages/loop-a.html': return redirect('/pages/loop-b.html');
      case '/pages/loop-b.html': return redirect('/pages/loop-a.html');
      case '/pages/gzip-bomb.html': return bomb(html, 'page');
      case '/pages/garbage.html': return send(200, html, noise);
      case '/pages/png.html': return send(200, 'image/png', pixelPng);
      case '/pages/png-as-html.html': return send(200, html, pixelPng);
      case '/pages/nesting-bomb.html': return send(200, html, `<!doctype html><html><body><article>${nestingBomb()}</article></body></html>`);
      case '/pages/tag-soup.html': return send(200, html, `<!doctype html><html><body><article>${'<b>x</b>'.repeat(500_000)}</article></body></html>`);
    }
    const article = /^\/articles\/([a-z0-9-]+)\.html$/.exec(path);
    if (article) return send(200, html, hostileArticle(origin, article[1]!));
    // The payloads as a plain page with no sanitiser and no policy: where they must run and call home.
    const live = /^\/live\/([a-z0-9-]+)\.html$/.exec(path);
    if (live) return send(200, html, `<!doctype html><html><head><title>Live</title></head><body>${hostileFragment(origin, live[1]!)}</body></html>`);
    return send(404, 'text/plain', 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    log,
    leaks: () => log.filter((entry) => entry.path.startsWith('/leak/')),
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearInterval(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
