/**
 * The words of a failed download. The GET in http-get.ts is shared by feeds and article pages, but each
 * speaks to the reader in its own voice ("The feed is larger than…", "This page is larger than…"), so the
 * caller hands it an `HttpWords` table; every entry returns a HostFailure with a code of shared/host-error.ts.
 * `describeNetworkError` is the detailed network wording either table may use.
 */
import { HostFailure } from '../../../shared/host-error';

/** What can be wrong with an address before anything is fetched (also checked on every redirect). */
export interface AddressWords {
  invalidAddress(): HostFailure;
  /** Any scheme but http: and https: (file:, data:, javascript:…). */
  unsupportedScheme(protocol: string): HostFailure;
  /** user:password@ in the address (fetch refuses those, and they should not travel in a URL anyway). */
  credentials(): HostFailure;
}

export interface HttpWords extends AddressWords {
  /** A Location that is not an address, or leads to another scheme than http(s). */
  badRedirect(): HostFailure;
  redirectScheme(protocol: string): HostFailure;
  /** A redirect status (301, 302, 303, 307, 308) without a Location header. */
  redirectWithoutLocation(status: number): HostFailure;
  redirectLoop(backTo: string): HostFailure;
  tooManyRedirects(maxRedirects: number): HostFailure;
  /** No response headers within the per-hop limit; the whole exchange over its limit; the body over the cap. */
  headersTimeout(ms: number): HostFailure;
  totalTimeout(ms: number): HostFailure;
  tooLarge(maxBytes: number): HostFailure;
  /** A status outside 2xx that is not a redirect or a 304 (which is returned to the caller). */
  status(status: number, headers: Headers): HostFailure;
  /** fetch itself failed: DNS, refused connection, TLS… */
  network(error: unknown, url: URL): HostFailure;
}

/** The message both voices use for an address with a user name or password in it. */
export function credentialsFailure(): HostFailure {
  return new HostFailure('invalid-request', 'Web addresses with a user name or password in them are not supported.');
}

const certificateCodes = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/i;

/**
 * Node's fetch rejects with `TypeError('fetch failed')` and hides the reason in `cause.code`
 * (ENOTFOUND, ECONNREFUSED, certificate errors…), so that is where we look.
 */
export function describeNetworkError(error: unknown, url: URL): HostFailure {
  const code = causeCode(error);
  const host = url.host;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NODATA') {
    return new HostFailure('network', `Commonplace could not find the server ${host}: check the address and your connection.`);
  }
  if (code === 'ECONNREFUSED') return new HostFailure('network', `The server ${host} refused the connection.`);
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET') {
    return new HostFailure('network', `The connection to ${host} was cut off.`);
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') return new HostFailure('timeout', `Connecting to ${host} took too long.`);
  if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH') return new HostFailure('network', `${host} cannot be reached from this network.`);
  if (code && certificateCodes.test(code)) {
    return new HostFailure('network', `The secure connection to ${host} failed: its certificate is not valid.`);
  }
  if (code === 'UND_ERR_HEADERS_OVERFLOW' || code === 'HPE_HEADER_OVERFLOW') {
    return new HostFailure('network', `The server ${host} sent an answer that is not valid HTTP.`);
  }
  return new HostFailure('network', `Commonplace could not download from ${host}${code ? ` (${code})` : ''}.`);
}

/** The first `code` along the `cause` chain (fetch → undici → the socket's system error). */
export function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
