/**
 * The feed side of the shared polite GET (../net/http-get.ts): a descriptive User-Agent, feed Accept types,
 * conditional headers and 304, a permanent move reported as `movedTo`, Retry-After / Cache-Control as
 * `retryAfter`, and failures in a feed reader's words (429 and 503 with Retry-After as RetryLaterFailure).
 */
import pkg from '../../../package.json' with { type: 'json' };
import { HostFailure, type HostErrorCode } from '../../../shared/host-error';
import { credentialsFailure, describeNetworkError, type HttpWords } from '../net/http-errors';
import { checkHttpUrl as checkUrl, httpGet as get, httpLimits, type HttpGetResult, type HttpLimits } from '../net/http-get';

export const userAgent = `Commonplace/${pkg.version} (+feed reader; like NetNewsWire)`;
export const feedAccept =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, ' +
  'application/xml;q=0.9, text/xml;q=0.8, application/json;q=0.7, text/html;q=0.3, */*;q=0.2';

export interface HttpFetchOptions extends Partial<HttpLimits> {
  /** Injected in tests; the global fetch otherwise. */
  fetchImpl?: typeof fetch;
  now?: () => number;
  accept?: string;
}

export interface HttpRequest {
  url: string;
  etag?: string;
  lastModified?: string;
}

interface HttpMeta {
  finalUrl: string;
  movedTo?: string;
  etag?: string;
  lastModified?: string;
  /** Epoch ms: from Retry-After, else Cache-Control max-age. */
  retryAfter?: number;
}

export type HttpResult =
  | (HttpMeta & { status: 'not-modified' })
  | (HttpMeta & { status: 'ok'; body: Uint8Array; contentType?: string });

export const defaults: HttpLimits = httpLimits;

/** A refusal that says when to ask again (429, 503 with Retry-After); the time is in the message too. */
export class RetryLaterFailure extends HostFailure {
  constructor(
    code: HostErrorCode,
    message: string,
    /** Epoch ms before which the server asked not to be asked again, when it said. */
    readonly retryAfter: number | undefined,
    readonly httpStatus: number,
  ) {
    super(code, message);
    this.name = 'RetryLaterFailure';
  }
}

export function checkHttpUrl(raw: string): URL {
  return checkUrl(raw, feedWords(Date.now));
}

export async function httpGet(request: HttpRequest, options: HttpFetchOptions = {}): Promise<HttpResult> {
  const now = options.now ?? Date.now;
  const { fetchImpl, headersTimeoutMs, totalTimeoutMs, maxBytes, maxRedirects } = options;
  const response = await get(request.url, {
    userAgent,
    headers: { accept: options.accept ?? feedAccept, ...conditionalHeaders(request) },
    words: feedWords(now),
    fetchImpl,
    headersTimeoutMs,
    totalTimeoutMs,
    maxBytes,
    maxRedirects,
  });
  const movedTo = permanentTarget(response.redirects);
  const meta: HttpMeta = {
    finalUrl: response.finalUrl,
    ...(movedTo ? { movedTo } : {}),
    ...validators(response, request),
    ...retryHint(response.headers, now),
  };
  if (response.status === 304) return { status: 'not-modified', ...meta };
  const contentType = response.headers.get('content-type') ?? undefined;
  return { status: 'ok', ...meta, body: response.body, ...(contentType ? { contentType } : {}) };
}

function conditionalHeaders(request: HttpRequest): Record<string, string> {
  return {
    ...(request.etag ? { 'if-none-match': request.etag } : {}),
    ...(request.lastModified ? { 'if-modified-since': request.lastModified } : {}),
  };
}

/** Only a chain of permanent redirects from the start moves the subscription (301/308, RFC 9110). */
function permanentTarget(redirects: HttpGetResult['redirects']): string | undefined {
  let movedTo: string | undefined;
  for (const { status, to } of redirects) {
    if (status !== 301 && status !== 308) break;
    movedTo = to;
  }
  return movedTo;
}

/** New validators from the response; on a 304 without them, the ones we sent stay valid. */
function validators(response: HttpGetResult, request: HttpRequest): Pick<HttpMeta, 'etag' | 'lastModified'> {
  const etag = response.headers.get('etag') ?? (response.status === 304 ? request.etag : undefined);
  const lastModified = response.headers.get('last-modified') ?? (response.status === 304 ? request.lastModified : undefined);
  return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}

/** Retry-After (delta seconds or HTTP date) first; Cache-Control max-age as a hint on successful answers. */
export function retryHint(headers: Headers, now: () => number, retryAfterOnly = false): Pick<HttpMeta, 'retryAfter'> {
  const header = headers.get('retry-after')?.trim();
  if (header) {
    const at = /^\d+$/.test(header) ? now() + Number(header) * 1000 : Date.parse(header);
    if (Number.isFinite(at)) return { retryAfter: Math.max(at, now()) };
  }
  if (retryAfterOnly) return {};
  const cacheControl = headers.get('cache-control') ?? '';
  const maxAge = /(?:^|[,\s])max-age\s*=\s*"?(\d+)/i.exec(cacheControl)?.[1];
  if (maxAge && !/no-store|no-cache/i.test(cacheControl)) return { retryAfter: now() + Number(maxAge) * 1000 };
  return {};
}

/** The feed reader's voice for every failure of the shared GET. */
function feedWords(now: () => number): HttpWords {
  return {
    invalidAddress: () => new HostFailure('invalid-request', 'This is not a valid web address.'),
    unsupportedScheme: (protocol) => new HostFailure('invalid-request', `Only http and https addresses can be fetched, not "${protocol}" ones.`),
    credentials: credentialsFailure,
    badRedirect: () => new HostFailure('network', 'The server redirected to an address that is not valid.'),
    redirectScheme: (protocol) =>
      new HostFailure('network', `The server redirected to a "${protocol}" address, which Commonplace does not follow.`),
    redirectWithoutLocation: (status) => statusFailure(status, undefined, now),
    redirectLoop: (backTo) => new HostFailure('network', `The feed's address redirects in a loop (back to ${backTo}).`),
    tooManyRedirects: (max) => new HostFailure('network', `The feed's address redirects too many times (more than ${max}).`),
    headersTimeout: (ms) => new HostFailure('timeout', `The server did not answer within ${seconds(ms)}.`),
    totalTimeout: (ms) => new HostFailure('timeout', `The feed took too long to download (more than ${seconds(ms)}).`),
    tooLarge: (maxBytes) =>
      new HostFailure('too-large', `The feed is larger than ${mebibytes(maxBytes)}, the most Commonplace reads; it was not downloaded.`),
    status: (status, headers) => statusFailure(status, retryHint(headers, now, true).retryAfter, now),
    network: describeNetworkError,
  };
}

export function statusFailure(status: number, retryAfter: number | undefined, now: () => number): HostFailure {
  if (status === 429 || (status === 503 && retryAfter !== undefined)) {
    const why = status === 429 ? 'The server asks Commonplace to slow down (429)' : 'The server is unavailable for now (503)';
    return new RetryLaterFailure('unavailable', `${why}; ${formatRetry(retryAfter, now)}.`, retryAfter, status);
  }
  if (status === 404) return new HostFailure('not-found', 'The server says this feed does not exist (404).');
  if (status === 410) return new HostFailure('not-found', 'The server says this feed is gone for good (410).');
  if (status === 401 || status === 407) return new HostFailure('forbidden', `This feed needs a login (${status}).`);
  if (status === 403) return new HostFailure('forbidden', 'The server refuses to give Commonplace this feed (403).');
  if (status === 451) return new HostFailure('forbidden', 'The server may not show this feed, for legal reasons (451).');
  if (status >= 500) return new HostFailure('unavailable', `The server had a problem (${status}); try again later.`);
  if (status >= 400) return new HostFailure('unavailable', `The server refused the request (${status}).`);
  return new HostFailure('network', `The server gave an answer Commonplace does not understand (${status}).`);
}

/** "it can be tried again in about 3 minutes (after 14:05 UTC)". */
export function formatRetry(retryAfter: number | undefined, now: () => number): string {
  if (retryAfter === undefined) return 'try again later';
  const secondsLeft = Math.max(0, Math.round((retryAfter - now()) / 1000));
  const span =
    secondsLeft < 90 ? `${secondsLeft} seconds` : secondsLeft < 90 * 60 ? `${Math.round(secondsLeft / 60)} minutes` : `${Math.round(secondsLeft / 3600)} hours`;
  const at = new Date(retryAfter).toISOString().replace('T', ' ').slice(0, 16);
  return `it can be tried again in about ${span} (after ${at} UTC)`;
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(2))} seconds`;
const mebibytes = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MiB` : `${Math.ceil(bytes / 1024)} KiB`);
