import { HostCallError } from '../../shared/host-error';
import { StoreError } from '../data';

export interface ErrorWords {
  code: string;
  message: string;
}

/**
 * What to tell the user about a failure. Host and store errors carry messages written for people;
 * anything else may carry internals, so it gets a plain sentence instead.
 */
export function errorWords(error: unknown, fallback = 'Something went wrong. Please try again.'): ErrorWords {
  if (error instanceof HostCallError || error instanceof StoreError) return { code: error.code, message: error.message };
  return { code: 'internal', message: fallback };
}
