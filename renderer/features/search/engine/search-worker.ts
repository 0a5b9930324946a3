/// <reference lib="webworker" />
/**
 * The search index's thread: requests come in as `{ id, request }`, answers go back as `{ id, result }` or
 * `{ id, error }` (the message in words). One request at a time, in order, so an update is always applied
 * before a search sent after it.
 */
import { createIndexEngine, type IndexRequest } from './index-engine';

const answer = createIndexEngine();
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<{ id: number; request: IndexRequest }>) => {
  const { id, request } = event.data;
  try {
    scope.postMessage({ id, result: answer(request) });
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
