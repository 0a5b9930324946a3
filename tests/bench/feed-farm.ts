/**
 * A farm of small RSS feeds on 127.0.0.1 for the refresh benchmark. Every answer waits 100–300 ms, drawn
 * from a seeded PRNG keyed by (pass, feed), so the same feed costs the same on the same pass whoever asks
 * and in whatever order: runs are comparable and the two refresh strategies see identical latencies.
 * Every feed has an ETag and a Last-Modified and answers a matching conditional GET with a 304. One feed in
 * twenty fails every time (5%): alternately a 500 and a connection dropped before any answer.
 *
 * Bounded: it listens on 127.0.0.1 only, on a random port, and closes itself after `lifetimeMs` even if
 * nobody calls `close()`. It counts requests, statuses, connections and bytes on the wire per phase.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { mulberry32 } from '../../shared/seeded-random';

export interface FarmOptions {
  feeds: number;
  seed: number;
  itemsPerFeed?: number;
  minDelayMs?: number;
  maxDelayMs?: number;
  lifetimeMs: number;
}

export interface PhaseStats {
  requests: number;
  conditional: number;
  status200: number;
  status304: number;
  status500: number;
  dropped: number;
  connections: number;
  /** Wire bytes, headers included: server to client, and client to server. */
  bytesDown: number;
  bytesUp: number;
  /** Sum of the delays the farm imposed on this phase's requests: what strictly sequential fetching cannot beat. */
  delayMs: number;
}

export type Failure = 'http-500' | 'drop';

export interface FeedFarm {
  origin: string;
  feedUrl(index: number): string;
  failureOf(index: number): Failure | undefined;
  /** Starts counting afresh; `pass` keys the delays (pass 1 of either strategy sees the same latencies). */
  beginPhase(pass: number): void;
  stats(): PhaseStats;
  close(): Promise<void>;
}

/** The path of feed `index` on the farm. */
export const feedPath = (index: number): string => `/feeds/${index}.xml`;

/** Samples ranks 0..n-1 with P(rank) ∝ 1/(rank+1)^s by binary search over the cumulative weights. */
export function zipfSampler(n: number, s: number, next: () => number): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let rank = 0; rank < n; rank += 1) cumulative[rank] = total += 1 / (rank + 1) ** s;
  return () => {
    const wanted = next() * total;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < wanted) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

// Re-exported: the benches take the seeded generator from here.
export { mulberry32 };

/** Exactly 5% whatever the subset: feeds 13, 33, 53… fail, the first of each pair with a 500. */
function failureOf(index: number): Failure | undefined {
  if (index % 20 !== 13) return undefined;
  return Math.floor(index / 20) % 2 === 0 ? 'http-500' : 'drop';
}

function feedXml(index: number, items: number, lastModified: string): string {
  const entries = Array.from({ length: items }, (_unused, n) => {
    const day = String((n % 28) + 1).padStart(2, '0');
    return `    <item>
      <title>Feed ${index} &amp; friends, post ${n}</title>
      <link>https://site-${index}.example.test/posts/${n}</link>
      <guid isPermaLink="false">feed-${index}-post-${n}</guid>
      <pubDate>${new Date(Date.UTC(2026, 9, Number(day), 8, n)).toUTCString()}</pubDate>
      <author>writer${index}@example.test (Writer ${index})</author>
      <description><![CDATA[<p>Post ${n} of feed ${index}: a short summary with <a href="/posts/${n}">a relative link</a>, <em>some emphasis</em> and an image <img src="/img/${n}.jpg" alt="figure ${n}">.</p>]]></description>
    </item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>Bench feed ${index}</title>
    <link>https://site-${index}.example.test/</link>
    <description>One of the refresh benchmark's feeds</description>
    <lastBuildDate>${lastModified}</lastBuildDate>
${entries.join('\n')}
  </channel>
</rss>
`;
}

const emptyStats = (): PhaseStats => ({
  requests: 0,
  conditional: 0,
  status200: 0,
  status304: 0,
  status500: 0,
  dropped: 0,
  connections: 0,
  bytesDown: 0,
  bytesUp: 0,
  delayMs: 0,
});

export async function startFeedFarm(options: FarmOptions): Promise<FeedFarm> {
  const { feeds, seed, itemsPerFeed = 10, minDelayMs = 100, maxDelayMs = 300 } = options;
  const bodies = Array.from({ length: feeds }, (_unused, index) => {
    const lastModified = new Date(Date.UTC(2026, 9, 1) + index * 60_000).toUTCString();
    return { etag: `"feed-${index}-v1"`, lastModified, body: Buffer.from(feedXml(index, itemsPerFeed, lastModified)) };
  });
  let pass = 0;
  let stats = emptyStats();
  const timers = new Set<NodeJS.Timeout>();
  const delayOf = (index: number) => minDelayMs + (maxDelayMs - minDelayMs) * mulberry32(seed ^ Math.imul(pass + 1, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b))();

  const answer = (request: IncomingMessage, response: ServerResponse, index: number) => {
    const feed = bodies[index]!;
    const failure = failureOf(index);
    if (failure === 'drop') {
      stats.dropped += 1;
      request.socket.destroy();
      return;
    }
    if (failure === 'http-500') {
      stats.status500 += 1;
      response.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
      return;
    }
    const ifNoneMatch = request.headers['if-none-match'];
    const ifModifiedSince = request.headers['if-modified-since'];
    const notModified =
      ifNoneMatch !== undefined
        ? ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === feed.etag)
        : ifModifiedSince !== undefined && Date.parse(ifModifiedSince) >= Date.parse(feed.lastModified);
    const validators = { etag: feed.etag, 'last-modified': feed.lastModified };
    if (notModified) {
      stats.status304 += 1;
      response.writeHead(304, validators).end();
      return;
    }
    stats.status200 += 1;
    response.writeHead(200, { ...validators, 'content-type': 'application/rss+xml; charset=utf-8', 'content-length': feed.body.length }).end(feed.body);
  };

  const server = createServer((request, response) => {
    const match = /^\/feeds\/(\d+)\.xml$/.exec(request.url ?? '');
    const index = match ? Number(match[1]) : -1;
    if (!(index >= 0 && index < feeds)) {
      response.writeHead(404).end();
      return;
    }
    stats.requests += 1;
    if (request.headers['if-none-match'] || request.headers['if-modified-since']) stats.conditional += 1;
    const delay = delayOf(index);
    stats.delayMs += delay;
    const timer = setTimeout(() => {
      timers.delete(timer);
      answer(request, response, index);
    }, delay);
    timers.add(timer);
  });

  // Bytes per phase: closed sockets' totals plus the open ones', minus where the phase began.
  const sockets = new Set<Socket>();
  const closed = { down: 0, up: 0 };
  let base = { down: 0, up: 0 };
  const wire = () => {
    let down = closed.down;
    let up = closed.up;
    for (const socket of sockets) {
      down += socket.bytesWritten;
      up += socket.bytesRead;
    }
    return { down, up };
  };
  server.on('connection', (socket: Socket) => {
    stats.connections += 1;
    sockets.add(socket);
    socket.on('close', () => {
      closed.down += socket.bytesWritten;
      closed.up += socket.bytesRead;
      sockets.delete(socket);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      clearTimeout(lifetime);
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      server.close(() => resolve());
    }));
  const lifetime = setTimeout(() => {
    console.warn(`feed farm: closing itself after ${Math.round(options.lifetimeMs / 1000)} s`);
    void close();
  }, options.lifetimeMs);
  lifetime.unref();

  return {
    origin,
    feedUrl: (index) => `${origin}${feedPath(index)}`,
    failureOf,
    beginPhase(next) {
      pass = next;
      stats = emptyStats();
      base = wire();
    },
    stats() {
      const now = wire();
      return { ...stats, bytesDown: now.down - base.down, bytesUp: now.up - base.up };
    },
    close,
  };
}
