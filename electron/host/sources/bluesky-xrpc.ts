/**
 * Bluesky's XRPC requests and their failures in words. Calls go through the shared exchange of
 * net/http-get.ts (its limits and deadlines) rather than httpGet/httpSend: the error bodies
 * (`{error: "ExpiredToken"}`) are what tells an expired session from a refused one, httpGet drops them,
 * and refreshSession must be sent without the body httpSend always adds.
 */
import { HostFailure } from '../../../shared/host-error';
import { retryHint, userAgent } from '../feeds/http-fetch';
import { describeNetworkError } from '../net/http-errors';
import { checkHttpUrl, httpLimits, readCapped, redirectStatuses, timedExchange, type HttpLimits } from '../net/http-get';
import { serverText } from '../publish/http-send';
import { exchangeWords, retryLater, sourceAddressWords } from './source-words';

export interface BlueskyHttpOptions extends Partial<HttpLimits> {
  fetchImpl?: typeof fetch;
  now?: () => number;
  /** Pages followed on a refresh (default 5, of 50 posts each). */
  maxPages?: number;
}

interface XrpcRequest {
  method: 'GET' | 'POST';
  params?: Record<string, string>;
  bearer?: string;
  json?: unknown;
}

export interface XrpcAnswer {
  status: number;
  headers: Headers;
  /** The body as JSON; undefined when it is not JSON. */
  body: unknown;
}

export const ok = (answer: XrpcAnswer) => answer.status >= 200 && answer.status < 300 && typeof answer.body === 'object' && answer.body !== null;

export function isExpired(answer: XrpcAnswer): boolean {
  return (answer.status === 400 || answer.status === 401) && errorOf(answer).error === 'ExpiredToken';
}

function errorOf(answer: XrpcAnswer): { error?: string; message?: string } {
  const { error, message } = (answer.body ?? {}) as Record<string, unknown>;
  return { ...(typeof error === 'string' ? { error } : {}), ...(typeof message === 'string' ? { message } : {}) };
}

export async function xrpc(base: string, nsid: string, request: XrpcRequest, options: BlueskyHttpOptions): Promise<XrpcAnswer> {
  const words = sourceAddressWords('Bluesky server', 'Bluesky servers can be used');
  let url: URL;
  try {
    url = checkHttpUrl(new URL(`/xrpc/${nsid}`, base).href, words);
  } catch (error) {
    if (error instanceof HostFailure) throw error;
    throw words.invalidAddress();
  }
  for (const [name, value] of Object.entries(request.params ?? {})) url.searchParams.set(name, value);
  const headers: Record<string, string> = {
    'user-agent': userAgent,
    accept: 'application/json',
    ...(request.bearer ? { authorization: `Bearer ${request.bearer}` } : {}),
    ...(request.json !== undefined ? { 'content-type': 'application/json' } : {}),
  };
  const limits = {
    headersTimeoutMs: options.headersTimeoutMs ?? httpLimits.headersTimeoutMs,
    totalTimeoutMs: options.totalTimeoutMs ?? httpLimits.totalTimeoutMs,
  };
  const serverWords = exchangeWords(`Bluesky (${url.host})`);
  const timedWords = { ...serverWords, network: (error: unknown) => describeNetworkError(error, url) };
  return timedExchange(limits, options.fetchImpl ?? fetch, timedWords, async (exchange) => {
    const body = request.json !== undefined ? JSON.stringify(request.json) : undefined;
    const response = await exchange.fetch(url.href, { method: request.method, headers, redirect: 'manual', ...(body ? { body } : {}) });
    if (redirectStatuses.has(response.status)) {
      await response.body?.cancel().catch(() => undefined);
      // A redirect would carry the session's token to wherever it points.
      throw new HostFailure('network', `Bluesky (${url.host}) answered with a redirect (${response.status}), which Commonplace does not follow.`);
    }
    const bytes = await readCapped(response, options.maxBytes ?? httpLimits.maxBytes, exchange.controller, serverWords);
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, body: json };
  });
}

/** What went wrong, in words, for each call; 429 everywhere says when to try again and is never retried. */
export function failureWords(now: () => number = Date.now) {
  const retryAfterOf = (answer: XrpcAnswer) => retryHint(answer.headers, now, true).retryAfter ?? rateLimitReset(answer.headers, now);
  const common = (answer: XrpcAnswer, doing: string, secret?: string): HostFailure => {
    const detail = serverText(errorOf(answer).message, secret ? [secret] : []) ?? serverText(errorOf(answer).error);
    const because = detail ? `: ${detail}` : '';
    const { status } = answer;
    if (status === 429) return retryLater(`Bluesky turned down ${doing} for now: too many requests (429)`, retryAfterOf(answer), 429, now);
    if (status >= 500) return new HostFailure('unavailable', `Bluesky had a problem (${status}) with ${doing}; try again later.`);
    if (status >= 200 && status < 300) return new HostFailure('not-a-feed', `Bluesky answered ${doing} with something Commonplace does not understand.`);
    const code = status === 401 || status === 403 ? 'forbidden' : status === 404 ? 'not-found' : 'invalid-request';
    return new HostFailure(code, `Bluesky refused ${doing} (${status})${because}.`);
  };
  const signInAgain = 'sign in to Bluesky again with your handle and an app password.';
  return {
    author(answer: XrpcAnswer, handle: string): HostFailure {
      const { error, message = '' } = errorOf(answer);
      if (answer.status === 400 && /not found/i.test(message)) return new HostFailure('not-found', `Bluesky has no account @${handle}.`);
      if (error === 'BlockedActor' || error === 'BlockedByActor') {
        return new HostFailure('forbidden', `Bluesky does not show @${handle}'s posts: one of the two accounts blocks the other.`);
      }
      return common(answer, `the request for @${handle}'s posts`);
    },
    login(answer: XrpcAnswer, password: string): HostFailure {
      if (answer.status === 401) {
        return new HostFailure(
          'forbidden',
          'Bluesky did not accept that handle and password. Check them, and use an app password (Settings → Privacy and security → App passwords), not your account password.',
        );
      }
      if (answer.status === 429) return retryLater('Bluesky allows only a few sign-ins in a row (429)', retryAfterOf(answer), 429, now);
      return common(answer, 'the sign-in', password);
    },
    refresh(answer: XrpcAnswer): HostFailure {
      if (answer.status === 400 || answer.status === 401) return new HostFailure('forbidden', `The Bluesky sign-in has expired; ${signInAgain}`);
      return common(answer, 'the renewal of the sign-in');
    },
    search(answer: XrpcAnswer): HostFailure {
      const { error } = errorOf(answer);
      if (error === 'ExpiredToken' || error === 'InvalidToken' || error === 'AuthMissing' || answer.status === 401) {
        return new HostFailure('forbidden', `Bluesky no longer accepts the saved sign-in for searching; ${signInAgain}`);
      }
      return common(answer, 'the search');
    },
  };
}

/** RateLimit-Reset is epoch seconds in Bluesky's answers. */
function rateLimitReset(headers: Headers, now: () => number): number | undefined {
  const reset = Number(headers.get('ratelimit-reset'));
  return Number.isFinite(reset) && reset > 0 ? Math.max(reset * 1000, now()) : undefined;
}
