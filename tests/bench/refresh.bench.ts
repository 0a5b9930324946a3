/**
 * Refreshing 300 feeds, two ways in the same run, against the local feed farm (feed-farm.ts: 100–300 ms per
 * answer from a seeded PRNG keyed by pass and feed, 5% failing, ETag/Last-Modified):
 * - ours: the host's `fetchFeed` + `normalizeFeed`, driven by the renderer's RefreshQueue (pure: no DOM, no
 *   Dexie, so it is imported as is, with the concurrency the app gives it) and keeping the validators each
 *   answer left, as refresh-source.ts stores them. Pass 1 fetches everything (200s); pass 2 sends the stored
 *   ETag/Last-Modified and gets 304s.
 * - naive: the same `fetchFeed` + `normalizeFeed`, one feed after the other, never conditional, so pass 2
 *   downloads and parses everything again. Sequential fetching costs the sum of the latencies (~60 s per pass
 *   for 300 feeds), so by default it covers the first 100 feeds (BENCH_NAIVE_FEEDS=300 for all of them) and
 *   the ratio compares time per feed; the farm's failures are spread so that any prefix fails 5%.
 * Each strategy runs in a child process of its own (refresh-worker.ts), so neither starts with the other's
 * warm caches or leftovers; the farm runs in this process. Only the Dexie writes of a real refresh are
 * left out (renderer storage, not available in Node).
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type PhaseStats, startFeedFarm, type FeedFarm } from './feed-farm';
import type { ClientPass, WorkerInput, WorkerMessage } from './refresh-worker';
import { type GroupResult, kib, seconds } from './report';

export interface RefreshBenchOptions {
  feeds?: number;
  naiveFeeds?: number;
  seed?: number;
}

interface PassResult extends ClientPass {
  strategy: WorkerInput['strategy'];
  pass: number;
  feeds: number;
  server: PhaseStats;
}

/** Runs one strategy's warm-up and two passes in a fresh child process, starting each farm phase when asked. */
function runStrategy(farm: FeedFarm, input: WorkerInput): Promise<PassResult[]> {
  return new Promise((resolve, reject) => {
    const results: PassResult[] = [];
    let finished = false;
    const child = fork(fileURLToPath(new URL('./refresh-worker.ts', import.meta.url)), [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, BENCH_REFRESH_WORKER: JSON.stringify(input) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('message', (message: WorkerMessage) => {
      if (message.type === 'begin') {
        farm.beginPhase(message.pass);
        child.send('go');
      } else if (message.type === 'end') {
        results.push({ ...message.result, strategy: input.strategy, pass: message.pass, feeds: input.feeds, server: farm.stats() });
      } else {
        finished = true;
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (finished && code === 0) resolve(results);
      else reject(new Error(`the ${input.strategy} refresh process stopped early (exit code ${code})`));
    });
  });
}

export async function refreshBench(options: RefreshBenchOptions = {}): Promise<GroupResult> {
  const feeds = options.feeds ?? 300;
  const naiveFeeds = Math.min(feeds, Math.max(1, options.naiveFeeds ?? Number(process.env.BENCH_NAIVE_FEEDS ?? 100)));
  const seed = options.seed ?? Number(process.env.BENCH_SEED ?? 20261122);
  // Generous for the passes below (≈ 2×15 s ours, 2×0.2 s per naive feed), and still a hard stop.
  const farm = await startFeedFarm({ feeds, seed, lifetimeMs: 150_000 + naiveFeeds * 2 * 500 });
  const passes: PassResult[] = [];
  try {
    passes.push(...(await runStrategy(farm, { strategy: 'ours', origin: farm.origin, feeds })));
    passes.push(...(await runStrategy(farm, { strategy: 'naive', origin: farm.origin, feeds: naiveFeeds })));
  } finally {
    await farm.close();
  }

  const perFeed = (result: PassResult) => result.wallMs / result.feeds;
  const oursOf = (pass: number) => passes.find((result) => result.strategy === 'ours' && result.pass === pass);
  const rows: string[][] = [
    ['strategy', 'pass', 'feeds', 'wall s', 'ms/feed', 'busy s', 'requests', '200', '304', 'failed', 'conns', 'KiB down', 'KiB up', 'latency sum s', 'naive/ours'],
  ];
  for (const result of passes) {
    const reference = oursOf(result.pass);
    const label =
      result.strategy === 'ours'
        ? `ours: RefreshQueue (max ${result.maxInFlight} in flight), ${result.pass === 1 ? 'first fetch' : 'conditional'}`
        : `naive: sequential, unconditional${result.feeds < feeds ? `, first ${result.feeds}` : ''}`;
    rows.push([
      label,
      String(result.pass),
      String(result.feeds),
      seconds(result.wallMs),
      perFeed(result).toFixed(1),
      seconds(result.busyMs),
      String(result.server.requests),
      String(result.server.status200),
      String(result.server.status304),
      String(result.failed),
      String(result.server.connections),
      kib(result.server.bytesDown),
      kib(result.server.bytesUp),
      seconds(result.server.delayMs),
      result.strategy === 'naive' && reference ? `${(perFeed(result) / perFeed(reference)).toFixed(1)}× per feed` : '',
    ]);
  }

  const notes = [
    `refresh: ${feeds} feeds on ${farm.origin}, seed ${seed} (BENCH_SEED), 100–300 ms per answer, 5% failing (half 500, half dropped). ` +
      `"busy" is the time the client thread ran code (parse, sanitise, normalise) rather than waiting; ` +
      `"latency sum" is the total delay the farm imposed on the pass's requests, the floor for one-at-a-time fetching`,
    `refresh: the farm's failures per pass: ` +
      passes.map((result) => `${result.strategy} ${result.pass}: ${result.server.status500}×500, ${result.server.dropped} dropped`).join('; ') +
      `; the client's words: ${[...new Set(passes.flatMap((result) => Object.keys(result.messages)))].map((message) => JSON.stringify(message)).join(', ')}`,
  ];
  if (naiveFeeds < feeds) {
    notes.push(
      `refresh: naive covers the first ${naiveFeeds} of ${feeds} feeds to keep the bench short (BENCH_NAIVE_FEEDS=${feeds} runs all); ` +
        `naive/ours compares wall time per feed, since sequential time grows with the number of feeds`,
    );
  }

  return {
    samples: [],
    notes,
    tables: [{ title: `Refreshing ${feeds} feeds (one run of each pass, wall clock)`, rows }],
    details: { feeds, naiveFeeds, seed, passes },
  };
}
