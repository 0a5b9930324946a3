/**
 * One polite GET, shared by the feed fetcher (feeds/http-fetch.ts) and the article page fetcher
 * (articles/fetch-page.ts). LESSONS: servers 403 without a User-Agent (FRSS 8189), 429 after a couple of
 * requests (NNW 4531); Miniflux's 20 s timeout and 15 MiB cap. So: the caller's User-Agent, a headers timeout
 * per hop and a total timeout for the whole exchange, a cap on decoded bytes (a gzip bomb stops at the cap;
 * a larger Content-Length is refused before reading), redirects followed by hand (http(s) only, no
 * credentials, loops caught, at most `maxRedirects`), and every failure a HostFailure in the caller's words.
 * Node's fetch (undici) decodes gzip/deflate/br itself and streams, so the cap counts decoded bytes.
 *
 * What an answer means is the caller's business: request headers (Accept, If-None-Match…), a 304, a
 * permanent move (from `redirects`), Retry-After, or a PDF where a page was wanted (`checkResponse`).
 */
import { HostFailure } from '../../../shared/host-error';
import type { AddressWords, HttpWords } from './http-errors';

export interface HttpLimits {
  /** Until the response headers arrive (connecting, TLS, the server thinking); per hop. */
  headersTimeoutMs: number;
  /** For the whole exchange, redirects and body included. */
  totalTimeoutMs: number;
  /** Cap on the decoded body. */
  maxBytes: number;
  maxRedirects: number;
}

export interface HttpGetOptions extends Partial<HttpLimits> {
  userAgent: string;
  /** Sent on every hop besides User-Agent and Accept-Encoding: Accept, conditional headers… */
  headers?: Record<string, string>;
  words: HttpWords;
  /** Injected in tests; the global fetch otherwise. */
  fetchImpl?: typeof fetch;
  /** Sees a 2xx answer before its body is read, and may throw to refuse it (the body is then not downloaded). */
  checkResponse?: (response: Response) => void;
}

export interface HttpGetResult {
  /** A 2xx status, or 304 (with an empty body): only a conditional request gets one, and only its caller knows what it means. */
  status: number;
  /** The address after redirects. */
  finalUrl: string;
  /** The redirects followed, in order: their status and where each led. */
  redirects: { status: number; to: string }[];
  headers: Headers;
  body: Uint8Array;
}

/** The defaults (Miniflux's 15 MiB cap, 20 s to the headers of each hop, a minute in all); article pages allow 20 s in all. */
export const httpLimits: HttpLimits = { headersTimeoutMs: 20_000, totalTimeoutMs: 60_000, maxBytes: 15 * 1024 * 1024, maxRedirects: 5 };

/** The redirect statuses of the Fetch standard; any other 3xx is an answer, not a redirect. */
export const redirectStatuses: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** Parses an address and accepts only http(s) without credentials: file:, data:, javascript: and the rest never reach fetch. */
export function checkHttpUrl(raw: string, words: AddressWords): URL {
  return webUrl(() => new URL(raw.trim()), words.invalidAddress, words.unsupportedScheme, words);
}

export async function httpGet(address: string, options: HttpGetOptions): Promise<HttpGetResult> {
  const { words } = options;
  const headersTimeoutMs = options.headersTimeoutMs ?? httpLimits.headersTimeoutMs;
  const totalTimeoutMs = options.totalTimeoutMs ?? httpLimits.totalTimeoutMs;
  const maxBytes = options.maxBytes ?? httpLimits.maxBytes;
  const maxRedirects = options.maxRedirects ?? httpLimits.maxRedirects;
  const fetchImpl = options.fetchImpl ?? fetch;
  const headers = { ...options.headers, 'user-agent': options.userAgent, 'accept-encoding': 'gzip, deflate, br' };
  let url = checkHttpUrl(address, words);
  const visited = [url.href];
  const redirects: HttpGetResult['redirects'] = [];

  const exchangeWords: TimedExchangeWords = {
    headersTimeout: (ms) => words.headersTimeout(ms),
    totalTimeout: (ms) => words.totalTimeout(ms),
    // `url` is read when the error comes, so it names the hop that failed.
    network: (error) => words.network(error, url),
  };
  return timedExchange({ headersTimeoutMs, totalTimeoutMs }, fetchImpl, exchangeWords, async (exchange) => {
    for (;;) {
      // Redirects are followed by hand: fetch's own limit is 20, and each hop must be checked.
      const response = await exchange.fetch(url.href, { redirect: 'manual', headers });

      if (redirectStatuses.has(response.status)) {
        await discard(response);
        const location = response.headers.get('location');
        if (!location) throw words.redirectWithoutLocation(response.status);
        const next = nextUrl(url, location, words);
        if (visited.includes(next.href)) throw words.redirectLoop(next.href);
        if (redirects.length >= maxRedirects) throw words.tooManyRedirects(maxRedirects);
        visited.push(next.href);
        redirects.push({ status: response.status, to: next.href });
        url = next;
        continue;
      }

      const result = { status: response.status, finalUrl: url.href, redirects, headers: response.headers };
      if (response.status === 304) {
        await discard(response);
        return { ...result, body: new Uint8Array(0) };
      }
      if (response.status < 200 || response.status >= 300) {
        await discard(response);
        throw words.status(response.status, response.headers);
      }
      try {
        options.checkResponse?.(response);
      } catch (error) {
        await discard(response);
        throw error;
      }
      return { ...result, body: await readCapped(response, maxBytes, exchange.controller, words) };
    }
  });
}

/** What a timed exchange hands the code that runs in it. */
export interface TimedExchange {
  /** Aborts the exchange; readCapped uses it to stop a body over the cap. */
  controller: AbortController;
  /** fetch under the per-hop headers deadline (the body is then read under the total one alone). */
  fetch(input: string, init: Omit<RequestInit, 'signal'>): Promise<Response>;
}

/** How a timed exchange words its failures; `network` is any other error from fetch or the body. */
export type TimedExchangeWords = Pick<HttpWords, 'headersTimeout' | 'totalTimeout'> & { network(error: unknown): HostFailure };

/**
 * Runs one exchange (the GET here, publishing's send in publish/http-send.ts) under two deadlines on one
 * AbortController: `headersTimeoutMs` for each fetch to answer with headers, `totalTimeoutMs` for all of it.
 * A HostFailure thrown by `run` passes through; any other error becomes the deadline that fired, or else
 * a network failure, in the caller's words.
 */
export async function timedExchange<T>(
  limits: Pick<HttpLimits, 'headersTimeoutMs' | 'totalTimeoutMs'>,
  fetchImpl: typeof fetch,
  words: TimedExchangeWords,
  run: (exchange: TimedExchange) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let fired: 'headers' | 'total' | undefined;
  const abortFor = (which: 'headers' | 'total') => () => {
    fired ??= which;
    controller.abort();
  };
  const timedFetch = async (input: string, init: Omit<RequestInit, 'signal'>) => {
    const headersTimer = setTimeout(abortFor('headers'), limits.headersTimeoutMs);
    try {
      return await fetchImpl(input, { ...init, signal: controller.signal });
    } finally {
      clearTimeout(headersTimer);
    }
  };
  const totalTimer = setTimeout(abortFor('total'), limits.totalTimeoutMs);
  try {
    return await run({ controller, fetch: timedFetch });
  } catch (error) {
    if (error instanceof HostFailure) throw error;
    if (fired === 'headers') throw words.headersTimeout(limits.headersTimeoutMs);
    if (fired === 'total') throw words.totalTimeout(limits.totalTimeoutMs);
    throw words.network(error);
  } finally {
    clearTimeout(totalTimer);
  }
}

/** Where a redirect leads, held to the same rules as a typed address (in the words for a redirect). */
function nextUrl(current: URL, location: string, words: HttpWords): URL {
  return webUrl(() => new URL(location, current), words.badRedirect, words.redirectScheme, words);
}

function webUrl(parse: () => URL, invalid: () => HostFailure, scheme: (protocol: string) => HostFailure, words: AddressWords): URL {
  let url: URL;
  try {
    url = parse();
  } catch {
    throw invalid();
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw scheme(url.protocol);
  if (url.username || url.password) throw words.credentials();
  return url;
}

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/**
 * Refuses a declared Content-Length over the cap before reading (with Content-Encoding it counts the
 * compressed bytes, which only grow once decoded), then reads chunk by chunk and stops as soon as the
 * decoded size passes the cap, so a huge or endless body never fills memory. Exported for publishing's
 * send (publish/http-send.ts), which reads its answers under the same cap.
 */
export async function readCapped(response: Response, maxBytes: number, controller: AbortController, words: Pick<HttpWords, 'tooLarge'>): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    controller.abort();
    throw words.tooLarge(maxBytes);
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      controller.abort();
      throw words.tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
