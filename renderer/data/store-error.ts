/**
 * What data functions throw when a request cannot be honoured. Like host errors, it carries a
 * stable `code` the UI can branch on and a `message` fit to show the person using the app.
 */
import type { Id } from '../../shared/model';

/**
 * `missing-setting`: something the user must set up first (a folder to publish into).
 * `invalid-backup`: a backup that cannot be restored (damaged, from a newer Commonplace); nothing was changed.
 */
export type StoreErrorCode = 'duplicate-url' | 'duplicate-title' | 'invalid-url' | 'not-found' | 'missing-setting' | 'invalid-backup';

export class StoreError extends Error {
  readonly code: StoreErrorCode;
  /** For `duplicate-url`: the source already stored, so the UI can point at it. */
  readonly existingId: Id | undefined;

  constructor(code: StoreErrorCode, message: string, existingId?: Id) {
    super(message);
    this.name = 'StoreError';
    this.code = code;
    this.existingId = existingId;
  }
}

export function isStoreError(error: unknown, code?: StoreErrorCode): error is StoreError {
  return error instanceof StoreError && (code === undefined || error.code === code);
}
