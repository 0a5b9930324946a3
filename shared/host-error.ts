/**
 * Errors cross the host boundary as plain values, never as thrown objects or stack traces:
 * a stable `code` the UI can branch on and a `message` written for the person using the app.
 */

export const hostErrorCodes = [
  'invalid-request',
  'unknown-call',
  'forbidden',
  'timeout',
  'network',
  'not-found',
  'not-a-feed',
  'too-large',
  'unavailable',
  'internal',
] as const;

export type HostErrorCode = (typeof hostErrorCodes)[number];

export interface HostError {
  code: HostErrorCode;
  message: string;
}

export type HostResult<T> = { ok: true; value: T } | { ok: false; error: HostError };

/** What the renderer throws when a host call answers with an error, so `try/catch` keeps the code. */
export class HostCallError extends Error implements HostError {
  readonly code: HostErrorCode;

  constructor(error: HostError) {
    super(error.message);
    this.name = 'HostCallError';
    this.code = error.code;
  }
}

/** Raised by host services for failures whose message is fit to show a user as it is. */
export class HostFailure extends Error implements HostError {
  readonly code: HostErrorCode;

  constructor(code: HostErrorCode, message: string) {
    super(message);
    this.name = 'HostFailure';
    this.code = code;
  }
}

const fallbackMessage = 'Something went wrong inside Commonplace. Please try again.';

export function isHostErrorCode(value: unknown): value is HostErrorCode {
  return typeof value === 'string' && (hostErrorCodes as readonly string[]).includes(value);
}

/**
 * Turns anything thrown into a HostError. Only HostFailure/HostCallError messages are passed on;
 * any other error may carry paths or internals, so the user gets a plain sentence instead.
 */
export function toHostError(error: unknown): HostError {
  if (error instanceof HostFailure || error instanceof HostCallError) {
    return { code: error.code, message: error.message };
  }
  return { code: 'internal', message: fallbackMessage };
}

export function isHostError(value: unknown): value is HostError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return isHostErrorCode(candidate.code) && typeof candidate.message === 'string';
}

/** Checks that a value received from a transport has the shape of a HostResult. */
export function isHostResult(value: unknown): value is HostResult<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  if (candidate.ok === true) return 'value' in candidate;
  if (candidate.ok === false) return isHostError(candidate.error);
  return false;
}
