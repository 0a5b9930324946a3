/**
 * The HTTP side of publishing: one POST/PUT with a JSON or form body, and the GETs publishing needs
 * (a home page's Link headers, an instance's limits) through the shared polite GET (../net/http-get.ts).
 * Same limits and wording rules as that GET: a headers timeout, a total timeout, a cap on the answer,
 * http(s) without credentials in the address, and every failure a HostFailure in words.
 *
 * Unlike the GET, a send never follows a redirect: a 302/303 would turn the POST into a GET, and a 307/308
 * would resend the Authorization header and the post to wherever the answer points. The user is told
 * where the server wanted to send it instead. Nor is a send ever retried here: a post that timed out may
 * have been published, so only the caller (who knows about idempotency keys) may try again.
 *
 * A send returns every answer that is not a redirect, 4xx and 5xx included, with its body: the services'
 * error bodies (Micropub's error_description, WordPress's message, Mastodon's error) are the best words
 * there are, and only each client knows how to read its own. `answerFailure` is the common fallback.
 */
import pkg from '../../../package.json' with { type: 'json' };
import { HostFailure, type HostErrorCode } from '../../../shared/host-error';
import { decodeEntities } from '../../../shared/html-entities';
import { formatRetry, retryHint, RetryLaterFailure } from '../feeds/http-fetch';
import { causeCode, credentialsFailure, describeNetworkError, type HttpWords } from '../net/http-errors';
import { checkHttpUrl, httpGet, httpLimits, readCapped, redirectStatuses, timedExchange, type HttpGetResult, type HttpLimits } from '../net/http-get';

export const publishUserAgent = `Commonplace/${pkg.version} (+publishing)`;

/** What every publishing call takes: http-get's limits (tests shorten them), an injectable fetch and clock. */
export interface PublishHttpOptions extends Partial<HttpLimits> {
  fetchImpl?: typeof fetch;
  /** For "try again in about 3 minutes"; Date.now otherwise. */
  now?: () => number;
}

/** Who is speaking to the user: "the blog", "the WordPress site", "the Mastodon server". */
export interface ServiceVoice {
  name: string;
  /** Said after a send timed out or the connection dropped, when the post may exist anyway. */
  unsure?: string;
}

export type SendBody = { json: unknown } | { form: [string, string][] };

export interface SendRequest {
  method: 'POST' | 'PUT';
  body: SendBody;
  /** Authorization, Idempotency-Key… (User-Agent, Accept and Content-Type are set here). */
  headers?: Record<string, string>;
}

export interface SendResult {
  status: number;
  headers: Headers;
  body: Uint8Array;
  /** The address the request went to, for resolving a relative Location. */
  url: string;
}

export async function httpSend(address: string, request: SendRequest, voice: ServiceVoice, options: PublishHttpOptions = {}): Promise<SendResult> {
  const words = serviceWords(voice, options.now);
  const headersTimeoutMs = options.headersTimeoutMs ?? httpLimits.headersTimeoutMs;
  const totalTimeoutMs = options.totalTimeoutMs ?? httpLimits.totalTimeoutMs;
  const maxBytes = options.maxBytes ?? httpLimits.maxBytes;
  const fetchImpl = options.fetchImpl ?? fetch;
  const url = checkHttpUrl(address, words);
  const [contentType, payload] =
    'json' in request.body
      ? ['application/json', JSON.stringify(request.body.json)]
      : // No charset parameter: some Micropub servers compare the media type as a whole string.
        ['application/x-www-form-urlencoded', new URLSearchParams(request.body.form).toString()];
  // fetch would reject such a header with a TypeError that may quote it: the value is a token or password.
  if (Object.values(request.headers ?? {}).some((value) => /[\0\r\n]|[^\t\x20-\xff]/.test(value))) {
    throw new HostFailure('invalid-request', 'The token or password has characters that cannot be sent (a line break or the like); enter it again.');
  }
  const headers = {
    ...request.headers,
    'user-agent': publishUserAgent,
    accept: 'application/json',
    'content-type': contentType,
  };

  const exchangeWords = { headersTimeout: words.sendTimeout, totalTimeout: words.sendTimeout, network: (error: unknown) => words.sendNetwork(error, url) };
  return timedExchange({ headersTimeoutMs, totalTimeoutMs }, fetchImpl, exchangeWords, async (exchange) => {
    const response = await exchange.fetch(url.href, { method: request.method, body: payload, headers, redirect: 'manual' });
    if (redirectStatuses.has(response.status)) {
      await response.body?.cancel().catch(() => undefined);
      throw words.redirected(response.status, response.headers.get('location'));
    }
    return { status: response.status, headers: response.headers, url: url.href, body: await readCapped(response, maxBytes, exchange.controller, words) };
  });
}

/** The shared GET in the service's voice, with the publishing User-Agent. */
export function publishGet(address: string, voice: ServiceVoice, accept: string, options: PublishHttpOptions = {}): Promise<HttpGetResult> {
  const { fetchImpl, headersTimeoutMs, totalTimeoutMs, maxBytes, maxRedirects } = options;
  return httpGet(address, {
    userAgent: publishUserAgent,
    headers: { accept },
    words: serviceWords(voice, options.now),
    fetchImpl,
    headersTimeoutMs,
    totalTimeoutMs,
    maxBytes,
    maxRedirects,
  });
}

/** Parses an address in the service's voice (http(s) only, no credentials). */
export function checkServiceUrl(address: string, voice: ServiceVoice): URL {
  return checkHttpUrl(address, serviceWords(voice));
}

/**
 * The targets of an HTTP Link header (RFC 8288) by relation: `<url>; rel="a b", <url2>; rel=c`, several
 * headers joined by commas, relations compared in lower case, each target resolved against `base`.
 * Commas inside <…> and quoted values do not split links. The first target of a relation wins.
 */
export function linkHeaderTargets(header: string | null, base: string): Map<string, string> {
  const found = new Map<string, string>();
  if (!header) return found;
  const link = /\s*<([^>]*)>((?:\s*;\s*[^=;,\s]+(?:\s*=\s*(?:"(?:[^"\\]|\\.)*"|[^;,]*))?)*)\s*(?:,|$)/gy;
  const param = /;\s*([^=;,\s]+)(?:\s*=\s*("(?:[^"\\]|\\.)*"|[^;,]*))?/g;
  for (let match = link.exec(header); match && match[0]; match = link.exec(header)) {
    let target: string;
    try {
      target = new URL(match[1]!.trim(), base).href;
    } catch {
      continue;
    }
    for (const [, name, raw] of match[2]!.matchAll(param)) {
      if (name!.toLowerCase() !== 'rel' || raw === undefined) continue;
      const value = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw.trim();
      for (const rel of value.toLowerCase().split(/\s+/)) if (rel && !found.has(rel)) found.set(rel, target);
    }
  }
  return found;
}

/** The body as JSON, or undefined when it is not JSON (an HTML error page, nothing). */
export function jsonBody(result: { body: Uint8Array }): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(result.body)) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A message written by the server, made fit to quote: a string only, tags dropped, entities decoded,
 * control characters and runs of space collapsed, the caller's secrets blanked, at most 300 characters.
 * It is shown as text, never HTML.
 */
export function serverText(value: unknown, hide: readonly string[] = []): string | undefined {
  if (typeof value !== 'string') return undefined;
  let text = decodeEntities(value.replace(/<[^>]*>/g, ' '));
  // A server that echoes the token or password back must not get it onto the screen or into a log.
  for (const secret of hide) if (secret) text = text.split(secret).join('[hidden]');
  text = text
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(/ ([,.;:!?])/g, '$1')
    .trim()
    // Quoted inside our own sentence, which supplies the full stop.
    .replace(/(?<!\.)\.$/, '');
  if (!text) return undefined;
  return text.length > 300 ? `${text.slice(0, 299).trimEnd()}…` : text;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "The blog refused the post (400): <its words>." with a code the UI can branch on; 429 says when to try again. */
export function answerFailure(voice: ServiceVoice, result: Pick<SendResult, 'status' | 'headers'>, detail?: string, now: () => number = Date.now): HostFailure {
  const { status } = result;
  const Service = capitalised(voice.name);
  const because = detail ? `: ${detail}` : '';
  if (status === 429) return rateLimitFailure(voice, result.headers, now);
  const [code, sentence]: [HostErrorCode, string] =
    status === 401 || status === 403
      ? ['forbidden', `${Service} refused Commonplace's credentials (${status})`]
      : status === 404 || status === 410
        ? ['not-found', `${Service} has nothing at that address (${status})`]
        : status === 413
          ? ['too-large', `${Service} says the post is too large (413)`]
          : status >= 500
            ? ['unavailable', `${Service} had a problem (${status}); try again later`]
            : status >= 400
              ? ['invalid-request', `${Service} refused the post (${status})`]
              : ['network', `${Service} gave an answer Commonplace does not understand (${status})`];
  return new HostFailure(code, `${sentence}${because}.`);
}

/**
 * A 429, with when to try again from Retry-After or else Mastodon's X-RateLimit-Reset (an ISO 8601 time).
 * It is a RetryLaterFailure, as for feeds, so the caller can wait; nothing here retries.
 */
export function rateLimitFailure(voice: ServiceVoice, headers: Headers, now: () => number = Date.now): RetryLaterFailure {
  const retryAfter = retryHint(headers, now, true).retryAfter ?? resetTime(headers.get('x-ratelimit-reset'), now);
  const message = `${capitalised(voice.name)} asks Commonplace to slow down (429), so nothing was published; ${formatRetry(retryAfter, now)}.`;
  return new RetryLaterFailure('unavailable', message, retryAfter, 429);
}

function resetTime(header: string | null, now: () => number): number | undefined {
  if (!header) return undefined;
  const at = /^\d+$/.test(header.trim()) ? Number(header) * 1000 : Date.parse(header);
  return Number.isFinite(at) ? Math.max(at, now()) : undefined;
}

interface SendWords {
  redirected(status: number, location: string | null): HostFailure;
  sendTimeout(ms: number): HostFailure;
  sendNetwork(error: unknown, url: URL): HostFailure;
}

/** One voice for the GETs and the sends of a service. */
function serviceWords(voice: ServiceVoice, now: () => number = Date.now): HttpWords & SendWords {
  const Service = capitalised(voice.name);
  const unsure = voice.unsure ? ` ${voice.unsure}` : '';
  const onlyWeb = (protocol: string) =>
    new HostFailure('invalid-request', `Only http and https addresses can be published to, not "${protocol}" ones.`);
  return {
    invalidAddress: () => new HostFailure('invalid-request', `The address of ${voice.name} is not a valid web address.`),
    unsupportedScheme: onlyWeb,
    credentials: credentialsFailure,
    badRedirect: () => new HostFailure('network', `${Service} redirected to an address that is not valid.`),
    redirectScheme: onlyWeb,
    redirectWithoutLocation: (status) => new HostFailure('network', `${Service} sent a redirect (${status}) without saying where to.`),
    redirectLoop: () => new HostFailure('network', `${Service} redirects in a loop, so Commonplace stopped following it.`),
    tooManyRedirects: (max) => new HostFailure('network', `${Service} redirected more than ${max} times, so Commonplace stopped following it.`),
    headersTimeout: (ms) => new HostFailure('timeout', `${Service} did not answer within ${seconds(ms)}.`),
    totalTimeout: (ms) => new HostFailure('timeout', `${Service} took more than ${seconds(ms)} to answer.`),
    tooLarge: (maxBytes) => new HostFailure('too-large', `${Service} sent an answer larger than ${Math.ceil(maxBytes / 1024)} KB, more than Commonplace reads.`),
    status: (status, headers) => getStatusFailure(voice, status, headers, now),
    network: describeNetworkError,
    redirected: (status, location) => {
      const where = serverText(location ?? '') ?? 'another address';
      return new HostFailure(
        'invalid-request',
        `${Service} answered with a redirect (${status}) to ${where}. Commonplace does not send a post on to another address; ` +
          'if that address is the right one, use it instead.',
      );
    },
    sendTimeout: (ms) => new HostFailure('timeout', `${Service} did not answer within ${seconds(ms)}.${unsure}`),
    sendNetwork: (error, url) => {
      const failure = describeNetworkError(error, url);
      const neverSent = neverConnected.has(causeCode(error) ?? '');
      return new HostFailure(failure.code, `${failure.message}${neverSent ? '' : unsure}`);
    },
  };
}

/** A GET answered outside 2xx: the page publishing needed (a home page, the instance's settings) is not there. */
function getStatusFailure(voice: ServiceVoice, status: number, headers: Headers, now: () => number): HostFailure {
  const Service = capitalised(voice.name);
  if (status === 429) return rateLimitFailure(voice, headers, now);
  if (status === 404 || status === 410) return new HostFailure('not-found', `${Service} has no page at that address (${status}).`);
  if (status === 401 || status === 403) return new HostFailure('forbidden', `${Service} refused to show its page (${status}); it may need a login.`);
  if (status >= 500) return new HostFailure('unavailable', `${Service} had a problem (${status}); try again later.`);
  return new HostFailure('network', `${Service} answered with an error (${status}).`);
}

/** Failures where the request cannot have reached the server, so "it may have been published" would mislead. */
const neverConnected = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NODATA', 'ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH']);

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(2))} seconds`;
