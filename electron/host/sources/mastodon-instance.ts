/**
 * GET from a Mastodon instance, in the instance's voice ("social.example did not answer…"). A refusal keeps
 * its status (InstanceStatusFailure), so the timeline's 401/403/404/422 can fall back to the RSS feed while
 * other failures end the refresh.
 */
import { HostFailure, type HostErrorCode } from '../../../shared/host-error';
import { retryHint, userAgent } from '../feeds/http-fetch';
import type { HttpWords } from '../net/http-errors';
import { httpGet, type HttpGetResult, type HttpLimits } from '../net/http-get';
import type { Target } from './mastodon-tag-query';
import { otherStatusFailure, retryLater, serviceWords, slowDown } from './source-words';

export interface SourceFetchOptions extends Partial<HttpLimits> {
  /** Injected in tests; the global fetch otherwise. */
  fetchImpl?: typeof fetch;
  now?: () => number;
  /** Pages read on one refresh after the first (default 5). */
  maxPages?: number;
}

/** A refusal with its status, so the timeline's 401/403/404/422 can be told from other failures. */
export class InstanceStatusFailure extends HostFailure {
  constructor(
    code: HostErrorCode,
    message: string,
    readonly httpStatus: number,
  ) {
    super(code, message);
    this.name = 'InstanceStatusFailure';
  }
}

export function instanceGet(url: string, accept: string, target: Target, options: SourceFetchOptions, now: () => number): Promise<HttpGetResult> {
  const { fetchImpl, headersTimeoutMs, totalTimeoutMs, maxBytes, maxRedirects } = options;
  return httpGet(url, {
    userAgent,
    headers: { accept },
    words: instanceWords(target.origin.host, now),
    fetchImpl,
    headersTimeoutMs,
    totalTimeoutMs,
    maxBytes,
    maxRedirects,
  });
}

/** X-RateLimit-Reset: an ISO 8601 time on Mastodon, epoch seconds on some others. */
export function resetTime(headers: Headers, now: () => number): number | undefined {
  const header = headers.get('x-ratelimit-reset')?.trim();
  if (!header) return undefined;
  const at = /^\d+$/.test(header) ? Number(header) * 1000 : Date.parse(header);
  return Number.isFinite(at) ? Math.max(at, now()) : undefined;
}

function instanceWords(host: string, now: () => number): HttpWords {
  return serviceWords(host, {
    schemes: 'instances can be followed',
    invalidAddress: () => new HostFailure('invalid-request', `${host} is not a valid address for a Mastodon instance.`),
    headersTimeout: (ms) => new HostFailure('timeout', `${host} did not answer within ${seconds(ms)}.`),
    totalTimeout: (ms) => new HostFailure('timeout', `${host} took more than ${seconds(ms)} to send its posts.`),
    tooLarge: (maxBytes) => new HostFailure('too-large', `${host} sent more than ${Math.ceil(maxBytes / 1024 / 1024)} MiB of posts, more than Commonplace reads.`),
    status: (status, headers) => statusFailure(host, status, headers, now),
  });
}

function statusFailure(host: string, status: number, headers: Headers, now: () => number): HostFailure {
  const retryAfter = retryHint(headers, now, true).retryAfter ?? resetTime(headers, now);
  if (status === 429 || (status === 503 && retryAfter !== undefined)) {
    return retryLater(status === 429 ? slowDown(host) : `${host} is unavailable for now (503)`, retryAfter, status, now);
  }
  if (status === 401 || status === 403 || status === 422) {
    return new InstanceStatusFailure('forbidden', `${host} shows this hashtag only to people signed in there (${status}).`, status);
  }
  if (status === 404 || status === 410) return new InstanceStatusFailure('not-found', `${host} has nothing at this address (${status}).`, status);
  const other = otherStatusFailure(host, status);
  return new InstanceStatusFailure(other.code, other.message, status);
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(2))} seconds`;
