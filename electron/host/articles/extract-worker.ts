/**
 * The article extractor's own thread (built to dist/electron/extract-worker.cjs): jsdom and Readability run here,
 * so a page built to stall them holds this thread, never the host's, and the host can stop it (article-worker.ts).
 */
import { parentPort } from 'node:worker_threads';
import { HostFailure } from '../../../shared/host-error';
import { extractFromHtml } from './extract-article';
import type { ExtractJob, ExtractReply } from './article-worker';

parentPort?.on('message', (job: ExtractJob) => {
  let reply: ExtractReply;
  try {
    reply = { id: job.id, ok: true, article: extractFromHtml(job.html, job.url, job.options) };
  } catch (error) {
    const failure = error instanceof HostFailure ? error : new HostFailure('internal', 'Commonplace could not read the markup of this page.');
    reply = { id: job.id, ok: false, error: { code: failure.code, message: failure.message } };
  }
  parentPort?.postMessage(reply);
});
