/// <reference lib="webworker" />
/**
 * The search index's thread: requests come in as `{ id, request }`, answers go back as `{ id, result }` or
 * `{ id, error }` (the message in words). One request at a time, in order, so an update is always applied
 * before a search sent after it.
 */
import { createIndexEngine, type IndexRequest } from './index-engine';

const engine = createIndexEngine();
const scope = self as unknown as DedicatedWorkerGlobalScope;

// Requests are answered in order even when one waits (reading the saved index): each runs after the last.
let previous: Promise<void> = Promise.resolve();

scope.onmessage = (event: MessageEvent<{ id: number; request: IndexRequest }>) => {
  const { id, request } = event.data;
  previous = previous.then(async () => {
    try {
      scope.postMessage({ id, result: await engine.answer(request) });
    } catch (error) {
      scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
};
