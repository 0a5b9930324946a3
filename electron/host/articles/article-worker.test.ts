import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchHostCall } from '../../../shared/host-dispatch';
import { createHostHandlers } from '../handlers';
import { startFixtureServer } from '../net/fixture-server';
import { articleWorker } from './article-worker';
import { extractFromHtml } from './extract-article';

let dir: string;
let script: string;

beforeAll(async () => {
  // Inside the repository, so the bundle's external packages (jsdom, Readability) resolve from node_modules.
  const cache = path.resolve(import.meta.dirname, '../../../node_modules/.cache');
  await mkdir(cache, { recursive: true });
  dir = await mkdtemp(path.join(cache, 'article-worker-'));
  // Built the way `npm run build` builds it, so this runs what the apps run.
  script = path.join(dir, 'extract-worker.cjs');
  await build({
    entryPoints: [path.resolve(import.meta.dirname, 'extract-worker.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    outfile: script,
    logLevel: 'silent',
  });
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const article = `<!doctype html><html><head><title>On gardens</title></head><body><nav>Home · About</nav>
<article><h1>On gardens</h1>${'<p>Notes grow like gardens: tended a little every day, pruned, linked, and sometimes left to go wild for a season before they bear anything. '.repeat(12)}</p></article></body></html>`;

/** A worker script that misbehaves on request, to test the limits without a real pathological page. */
async function misbehavingWorker(): Promise<string> {
  const file = path.join(dir, 'misbehaving.cjs');
  await writeFile(
    file,
    `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (job) => {
  if (job.html === 'spin') for (;;) {}
  if (job.html === 'hog') { const hoard = []; for (;;) hoard.push(new Array(1e6).fill(job.url)); }
  if (job.html === 'crash') process.exit(3);
  parentPort.postMessage({ id: job.id, ok: true, article: { title: job.html } });
});`,
  );
  return file;
}

describe('articleWorker', () => {
  it('reads a page in its own thread exactly as in the host thread', async () => {
    const pool = articleWorker({ script });
    try {
      const inWorker = await pool.extract(article, 'https://blog.example/gardens');
      expect(inWorker).toEqual(extractFromHtml(article, 'https://blog.example/gardens'));
      expect(inWorker.title).toBe('On gardens');
      // A refusal comes back as the same HostFailure, code and words.
      const menu = '<html><body><nav>menu</nav></body></html>';
      const inHost = (() => {
        try {
          extractFromHtml(menu, 'https://blog.example/');
        } catch (error) {
          return error;
        }
        return undefined;
      })() as { code: string; message: string };
      await expect(pool.extract(menu, 'https://blog.example/')).rejects.toMatchObject({ code: inHost.code, message: inHost.message });
    } finally {
      await pool.close();
    }
  }, 30_000);

  it('is where the host reads articles when the app names the worker', async () => {
    const server = await startFixtureServer({
      '/gardens': (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(article);
      },
    });
    try {
      const answer = await dispatchHostCall(createHostHandlers({ articleWorkerScript: script }), 'article:extract', { url: `${server.origin}/gardens` }, { transport: 'http' });
      expect(answer).toMatchObject({ ok: true, value: { title: 'On gardens', finalUrl: `${server.origin}/gardens` } });
      const missing = await dispatchHostCall(createHostHandlers({ articleWorkerScript: path.join(dir, 'no-such-worker.cjs') }), 'article:extract', { url: `${server.origin}/gardens` }, { transport: 'http' });
      // A worker that cannot start is a failure in words, never a crash of the host.
      expect(missing).toMatchObject({ ok: false, error: { code: 'internal', message: 'Commonplace could not read the markup of this page.' } });
    } finally {
      await server.close();
    }
  }, 30_000);

  it('keeps the host thread free while a page stalls, stops it past the time limit, and goes on', async () => {
    const pool = articleWorker({ script: await misbehavingWorker(), timeoutMs: 1_000 });
    try {
      const started = Date.now();
      const stalled = pool.extract('spin', 'https://x.example/');
      let ticks = 0;
      const ticker = setInterval(() => (ticks += 1), 50);
      await expect(stalled).rejects.toMatchObject({ code: 'timeout', message: expect.stringMatching(/took longer than 1 s/) });
      clearInterval(ticker);
      expect(Date.now() - started).toBeLessThan(5_000);
      // The host's event loop ran all along: the timer fired ~20 times while the worker spun.
      expect(ticks).toBeGreaterThan(10);
      await expect(pool.extract('after', 'https://x.example/')).resolves.toEqual({ title: 'after' });
    } finally {
      await pool.close();
    }
  }, 30_000);

  it('lets a page that exhausts its memory die alone, says so, and starts afresh', async () => {
    const pool = articleWorker({ script: await misbehavingWorker(), maxHeapMb: 64 });
    try {
      await expect(pool.extract('hog', 'https://x.example/')).rejects.toMatchObject({ code: 'too-large', message: expect.stringMatching(/more memory/) });
      await expect(pool.extract('after', 'https://x.example/')).resolves.toEqual({ title: 'after' });
    } finally {
      await pool.close();
    }
  }, 30_000);

  it('survives a worker that exits, and runs jobs one at a time in order', async () => {
    const pool = articleWorker({ script: await misbehavingWorker() });
    try {
      await expect(pool.extract('crash', 'https://x.example/')).rejects.toMatchObject({ code: 'internal' });
      const results = await Promise.all(['one', 'two', 'three'].map((html) => pool.extract(html, 'https://x.example/')));
      expect(results).toEqual([{ title: 'one' }, { title: 'two' }, { title: 'three' }]);
    } finally {
      await pool.close();
    }
  }, 30_000);
});
