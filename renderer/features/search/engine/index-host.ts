/**
 * How the app talks to the search index: through a Web Worker in the app, in-process where there is no
 * Worker (jsdom). Both answer the same typed requests, as promises.
 */
import { createIndexEngine, type IndexAnswers, type IndexRequest } from './index-engine';

export interface IndexHost {
  ask<T extends IndexRequest>(request: T): Promise<IndexAnswers[T['type']]>;
  dispose(): void;
}

export function inProcessIndexHost(): IndexHost {
  const engine = createIndexEngine();
  // In order, like the worker: a request waits for the one before it.
  let previous: Promise<unknown> = Promise.resolve();
  return {
    ask: (request) => {
      const run = previous.then(() => engine.answer(request));
      previous = run.catch(() => undefined);
      return run as never;
    },
    dispose: () => engine.dispose(),
  };
}

export function workerIndexHost(): IndexHost {
  const worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module', name: 'search-index' });
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let next = 0;
  worker.onmessage = (event: MessageEvent<{ id: number; result?: unknown; error?: string }>) => {
    const pending = waiting.get(event.data.id);
    if (!pending) return;
    waiting.delete(event.data.id);
    if (event.data.error !== undefined) pending.reject(new Error(event.data.error));
    else pending.resolve(event.data.result);
  };
  worker.onerror = (event) => {
    // A worker that failed to start or crashed answers nothing more: fail every waiting request in words.
    for (const pending of waiting.values()) pending.reject(new Error(`The search index stopped: ${event.message || 'its worker failed'}.`));
    waiting.clear();
  };
  return {
    ask: (request) =>
      new Promise((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
        worker.postMessage({ id, request });
      }),
    dispose: () => worker.terminate(),
  };
}

export function defaultIndexHost(): IndexHost {
  return typeof Worker === 'function' ? workerIndexHost() : inProcessIndexHost();
}
