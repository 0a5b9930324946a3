/**
 * One refresh strategy, in a child process of its own (see refresh.bench.ts): a fresh copy of the host
 * modules per strategy, so neither inherits the other's warm caches or accumulated state. It asks the parent
 * (which runs the feed farm) to start each phase, runs it, reports what the client saw over IPC, and exits.
 */
import { performance } from 'node:perf_hooks';
import { fetchFeed } from '../../electron/host/feeds/fetch-feed';
import { RefreshQueue, type RefreshTask } from '../../renderer/features/seek/refresh-queue';
import { normalizeFeed } from '../../shared/feeds';
import { feedPath } from './feed-farm';

export interface WorkerInput {
  strategy: 'ours' | 'naive';
  origin: string;
  feeds: number;
}

export interface ClientPass {
  wallMs: number;
  /** Time this thread spent running code rather than waiting (event-loop utilisation). */
  busyMs: number;
  ok: number;
  notModified: number;
  failed: number;
  items: number;
  maxInFlight: number;
  messages: Record<string, number>;
}

export type WorkerMessage = { type: 'begin'; pass: number } | { type: 'end'; pass: number; result: ClientPass } | { type: 'done' };

interface FeedTask extends RefreshTask {
  index: number;
}

if (!process.send) throw new Error('refresh-worker.ts runs as a child process of refresh.bench.ts (forked with IPC)');
const { strategy, origin, feeds } = JSON.parse(process.env.BENCH_REFRESH_WORKER ?? '{}') as WorkerInput;
const send = (message: WorkerMessage) => new Promise<void>((resolve, reject) => process.send!(message, undefined, {}, (error) => (error ? reject(error) : resolve())));
const stored = new Map<number, { etag?: string; lastModified?: string }>();
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const fresh = (): ClientPass => ({ wallMs: 0, busyMs: 0, ok: 0, notModified: 0, failed: 0, items: 0, maxInFlight: 0, messages: {} });

/** One feed, as refresh-source.ts does it minus the Dexie writes; `conditional` sends and keeps the validators. */
async function refreshOne(result: ClientPass, index: number, conditional: boolean): Promise<number> {
  const url = `${origin}${feedPath(index)}`;
  const response = await fetchFeed({ url, ...(conditional ? stored.get(index) : {}) });
  if (conditional) {
    stored.set(index, {
      ...(response.etag ? { etag: response.etag } : {}),
      ...(response.lastModified ? { lastModified: response.lastModified } : {}),
    });
  }
  if (response.status === 'not-modified') {
    result.notModified += 1;
    return 0;
  }
  const normalized = normalizeFeed(response.feed, { feedUrl: url, sourceId: `feed-${index}`, fetchedAt: Date.now() });
  result.ok += 1;
  result.items += normalized.items.length;
  return normalized.items.length;
}

/** The renderer's queue, with the concurrency it defaults to (SeekProvider passes the same 4). */
async function ours(result: ClientPass): Promise<void> {
  let inFlight = 0;
  const queue = new RefreshQueue<FeedTask>(async (task) => {
    inFlight += 1;
    result.maxInFlight = Math.max(result.maxInFlight, inFlight);
    try {
      return { ok: true, newItems: await refreshOne(result, task.index, true) };
    } catch (error) {
      return { ok: false, message: messageOf(error) };
    } finally {
      inFlight -= 1;
    }
  });
  await queue.enqueue(Array.from({ length: feeds }, (_unused, index) => ({ id: `feed-${index}`, title: `Bench feed ${index}`, index })));
  const progress = queue.getSnapshot();
  result.failed = progress.failed;
  for (const { message } of progress.failures) result.messages[message] = (result.messages[message] ?? 0) + 1;
}

async function naive(result: ClientPass): Promise<void> {
  result.maxInFlight = 1;
  for (let index = 0; index < feeds; index += 1) {
    try {
      await refreshOne(result, index, false);
    } catch (error) {
      result.failed += 1;
      result.messages[messageOf(error)] = (result.messages[messageOf(error)] ?? 0) + 1;
    }
  }
}

/** Asks the parent to start a phase and waits for its go-ahead. */
function begin(pass: number): Promise<void> {
  return new Promise((resolve, reject) => {
    process.once('message', () => resolve());
    send({ type: 'begin', pass }).catch(reject);
  });
}

async function main(): Promise<void> {
  // Warm-up, not reported: the same eight feeds for both strategies, unconditional, validators not kept.
  await begin(0);
  const warm = fresh();
  await Promise.all(Array.from({ length: Math.min(8, feeds) }, (_unused, index) => refreshOne(warm, index, false).catch(() => 0)));
  for (const pass of [1, 2]) {
    await begin(pass);
    const result = fresh();
    const loop = performance.eventLoopUtilization();
    const start = performance.now();
    await (strategy === 'ours' ? ours(result) : naive(result));
    result.wallMs = performance.now() - start;
    result.busyMs = performance.eventLoopUtilization(loop).active;
    await send({ type: 'end', pass, result });
  }
  await send({ type: 'done' });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
