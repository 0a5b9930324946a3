/**
 * The words of a source's failed request. Hacker News, Reddit, a Mastodon instance and Bluesky fail in the
 * same ways (a bad address, a redirect, a timeout, a refusal), so the sentences are written once here, with
 * the service's name in them; each source passes only what it says differently (its address, its statuses).
 */
import { HostFailure } from '../../../shared/host-error';
import { formatRetry, RetryLaterFailure } from '../feeds/http-fetch';
import { credentialsFailure, describeNetworkError, type AddressWords, type HttpWords } from '../net/http-errors';

/** `The Reddit address "…" is not a valid web address.`; `what` is whose address it is. */
export function invalidAddressFailure(what: string, address?: string): HostFailure {
  return new HostFailure('invalid-request', `The ${what} address${address !== undefined ? ` "${address}"` : ''} is not a valid web address.`);
}

/**
 * What is wrong with a service's address before anything is fetched. `schemes` finishes the sentence
 * "Only http and https …, not "ftp:" ones.": "addresses can be searched", "Bluesky servers can be used".
 */
export function sourceAddressWords(what: string, schemes: string): AddressWords {
  return {
    invalidAddress: () => invalidAddressFailure(what),
    unsupportedScheme: (protocol) => new HostFailure('invalid-request', `Only http and https ${schemes}, not "${protocol}" ones.`),
    credentials: credentialsFailure,
  };
}

/** Deadlines and the size cap, for a shared GET or a source's own timed exchange. */
export function exchangeWords(name: string): Pick<HttpWords, 'headersTimeout' | 'totalTimeout' | 'tooLarge'> {
  return {
    headersTimeout: (ms) => new HostFailure('timeout', `${name} did not answer within ${ms / 1000} seconds.`),
    totalTimeout: (ms) => new HostFailure('timeout', `${name} took more than ${ms / 1000} seconds to answer.`),
    tooLarge: () => new HostFailure('too-large', `${name} sent more than Commonplace reads in one answer.`),
  };
}

export interface ServiceVoice extends Partial<HttpWords> {
  /** Whose address it is, for sourceAddressWords: "Reddit", "Hacker News search"; `name` when absent. */
  address?: string;
  /** What http and https addresses can be, for sourceAddressWords: "addresses can be searched". */
  schemes: string;
  /** Every status outside 2xx that is not a redirect: what it means differs from one service to the next. */
  status: HttpWords['status'];
}

/** A full HttpWords table for a shared GET to `name`; any entry of `voice` replaces the shared sentence. */
export function serviceWords(name: string, voice: ServiceVoice): HttpWords {
  const { address, schemes, ...own } = voice;
  return {
    ...sourceAddressWords(address ?? name, schemes),
    badRedirect: () => new HostFailure('network', `${name} redirected to an address that is not valid.`),
    redirectScheme: (protocol) => new HostFailure('network', `${name} redirected to a "${protocol}" address, which Commonplace does not follow.`),
    redirectWithoutLocation: (status) => new HostFailure('network', `${name} sent a redirect (${status}) without saying where to.`),
    redirectLoop: () => new HostFailure('network', `${name} redirects in a loop, so Commonplace stopped following it.`),
    tooManyRedirects: (max) => new HostFailure('network', `${name} redirected more than ${max} times, so Commonplace stopped following it.`),
    ...exchangeWords(name),
    network: describeNetworkError,
    ...own,
  };
}

/** The sentence of a 429, before when to try again. */
export const slowDown = (name: string) => `${name} asks Commonplace to slow down (429)`;

/** `why; try again in 5 minutes.`, and `then` after it: nothing here retries, the refresh waits as asked. */
export function retryLater(why: string, retryAfter: number | undefined, status: number, now: () => number, then?: string): RetryLaterFailure {
  return new RetryLaterFailure('unavailable', `${why}; ${formatRetry(retryAfter, now)}.${then ? ` ${then}` : ''}`, retryAfter, status);
}

/** A status no source says more about: the server's trouble (5xx) or a refusal. */
export function otherStatusFailure(name: string, status: number): HostFailure {
  return status >= 500
    ? new HostFailure('unavailable', `${name} had a problem (${status}); try again later.`)
    : new HostFailure('unavailable', `${name} refused the request (${status}).`);
}
