/**
 * Runs article extraction in a worker thread with a time and memory limit. In the host's own thread, a page
 * built to stall jsdom and Readability (within the size limits: some 60,000 elements or 5 MB of text) held every
 * other host call, and the web host's requests, for seconds; a worse one could exhaust the host's heap. Here the
 * page holds only the worker: past `timeoutMs` it is terminated, past `maxHeapMb` it dies alone, and the next
 * extraction starts a fresh one. One long-lived worker (jsdom takes a while to load), jobs one at a time.
 */
import { Worker } from 'node:worker_threads';
import type { ExtractedArticle } from '../../../shared/feeds/article-schemas';
import { HostFailure, type HostError } from '../../../shared/host-error';

/** The worker's bundle, built beside the host's (package.json build:electron names it). */
export const articleWorkerFile = 'extract-worker.cjs';

export interface ExtractJob {
  id: number;
  html: string;
  url: string;
  options: { charThreshold?: number; maxElements?: number };
}

export type ExtractReply = { id: number; ok: true; article: ExtractedArticle } | { id: number; ok: false; error: HostError };

export interface ArticleWorkerOptions {
  /** The built worker script (dist/electron/extract-worker.cjs). */
  script: string;
  timeoutMs?: number;
  maxHeapMb?: number;
}

export type ExtractInWorker = (html: string, url: string, options?: ExtractJob['options']) => Promise<ExtractedArticle>;

export function articleWorker(options: ArticleWorkerOptions): { extract: ExtractInWorker; close: () => Promise<void> } {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxHeapMb = options.maxHeapMb ?? 1_024;
  let worker: Worker | undefined;
  let nextId = 1;
  let queue: Promise<unknown> = Promise.resolve();

  const start = (): Worker => {
    const started = new Worker(options.script, { resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } });
    // An idle worker must not keep the host process alive at shutdown.
    started.unref();
    return started;
  };

  const discard = (stopped: Worker) => {
    if (worker === stopped) worker = undefined;
    void stopped.terminate();
  };

  const run = (job: ExtractJob): Promise<ExtractedArticle> =>
    new Promise((resolve, reject) => {
      const current = (worker ??= start());
      const finish = () => {
        clearTimeout(timer);
        current.off('message', onMessage);
        current.off('error', onError);
        current.off('exit', onExit);
      };
      const onMessage = (reply: ExtractReply) => {
        if (reply.id !== job.id) return;
        finish();
        if (reply.ok) resolve(reply.article);
        else reject(new HostFailure(reply.error.code, reply.error.message));
      };
      const onError = (error: Error & { code?: string }) => {
        finish();
        discard(current);
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new HostFailure('too-large', 'This page needs more memory than Commonplace gives one article, so its full text was not kept.')
            : new HostFailure('internal', 'Commonplace could not read the markup of this page.'),
        );
      };
      const onExit = () => {
        finish();
        if (worker === current) worker = undefined;
        reject(new HostFailure('internal', 'Commonplace could not read the markup of this page.'));
      };
      const timer = setTimeout(() => {
        finish();
        discard(current);
        reject(new HostFailure('timeout', `Finding the article on this page took longer than ${Math.round(timeoutMs / 1000)} s, so Commonplace stopped.`));
      }, timeoutMs);
      current.on('message', onMessage);
      current.on('error', onError);
      current.on('exit', onExit);
      current.postMessage(job);
    });

  return {
    extract: (html, url, jobOptions = {}) => {
      const job: ExtractJob = { id: nextId++, html, url, options: jobOptions };
      const result = queue.then(() => run(job));
      queue = result.catch(() => undefined);
      return result;
    },
    close: async () => {
      const current = worker;
      worker = undefined;
      if (current) await current.terminate();
    },
  };
}
