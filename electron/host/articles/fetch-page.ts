/**
 * The page fetcher behind `article:extract`: the shared polite GET (../net/http-get.ts) asking for HTML,
 * refusing what is not a web page before downloading it, decoding the text, and speaking of "the site"
 * and "this page". It stays injectable (extractArticle takes any `FetchPage`). Limits are the handbook's
 * (§6): a timeout for the whole job, a body-size cap, a redirect limit, http(s) only, and every failure
 * turned into a HostFailure a user can read.
 */
import { HostFailure } from '../../../shared/host-error';
import { looksBinary } from '../net/binary-data';
import { checkHttpUrl, httpGet } from '../net/http-get';
import { credentialsFailure, type HttpWords } from '../net/http-errors';
import { decodeHtml, isHtmlMediaType, looksLikeHtml, mediaTypeOf, notAWebPageMessage } from './page-content';

export interface FetchedPage {
  /** The address after redirects: the base for relative links. */
  finalUrl: string;
  contentType: string;
  text: string;
}

export type FetchPage = (url: string) => Promise<FetchedPage>;

export interface PageFetcherOptions {
  /** For the whole job, redirects and body included, so a slow trickle cannot outlast it (each hop's headers too). */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  userAgent?: string;
}

export const defaultPageFetcherOptions = {
  timeoutMs: 20_000,
  // Three times the largest page in Mozilla's Readability corpus (yahoo-2, 1.6 MB). jsdom and Readability
  // run on the host's only thread at about 1.5 s a megabyte of text: a 15 MB page held it for 22 s, and
  // its "article" then went to the reader whole.
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  // Some sites refuse clients that give no User-Agent; this one says honestly what is asking.
  userAgent: 'Mozilla/5.0 (compatible; Commonplace/0.1; article reader)',
} as const satisfies Required<PageFetcherOptions>;

const pageAccept = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';

/** Parses an address and accepts only http(s): file:, data:, javascript: and the rest never reach fetch. */
export function parseWebAddress(address: string): URL {
  return checkHttpUrl(address, pageWords);
}

export function createPageFetcher(options: PageFetcherOptions = {}): FetchPage {
  const settings = { ...defaultPageFetcherOptions, ...options };
  return async (address) => {
    const page = await httpGet(address, {
      userAgent: settings.userAgent,
      headers: { accept: pageAccept },
      headersTimeoutMs: settings.timeoutMs,
      totalTimeoutMs: settings.timeoutMs,
      maxBytes: settings.maxBytes,
      maxRedirects: settings.maxRedirects,
      words: pageWords,
      checkResponse: refuseOtherMediaTypes,
    });
    // A 304 answers a conditional request, and this fetcher never makes one.
    if (page.status === 304) throw pageWords.status(page.status, page.headers);
    const contentType = page.headers.get('content-type') ?? '';
    if (!mediaTypeOf(contentType) && !looksLikeHtml(page.body)) {
      throw new HostFailure('not-found', 'This address is not a web page.');
    }
    const text = decodeHtml(page.body, contentType);
    // Whatever the label says: Readability would otherwise make an "article" of the mojibake.
    if (looksBinary(text)) throw new HostFailure('not-found', 'This address returned binary data, not a web page.');
    return { finalUrl: page.finalUrl, contentType: contentType || 'text/html', text };
  };
}

/** The default fetcher, with the limits above. */
export const fetchPage: FetchPage = createPageFetcher();

/**
 * Refuses PDFs, images and the like before downloading them. The code is 'not-found' because there is
 * no web page, and so no article, at this address; the message says what is there instead.
 */
function refuseOtherMediaTypes(response: Response): void {
  const mediaType = mediaTypeOf(response.headers.get('content-type'));
  if (mediaType && !isHtmlMediaType(mediaType)) throw new HostFailure('not-found', notAWebPageMessage(mediaType));
}

const onlyWebAddresses = () => new HostFailure('invalid-request', 'Only web addresses starting with http:// or https:// can be opened.');

/** The article reader's voice for every failure of the shared GET. */
const pageWords: HttpWords = {
  invalidAddress: () => new HostFailure('invalid-request', 'This is not a web address Commonplace can open.'),
  unsupportedScheme: onlyWebAddresses,
  credentials: credentialsFailure,
  badRedirect: () => new HostFailure('network', 'The site redirected to an address that is not valid.'),
  redirectScheme: onlyWebAddresses,
  redirectWithoutLocation: () => new HostFailure('network', 'The site sent a redirect without saying where to.'),
  redirectLoop: () => new HostFailure('network', 'The site redirects in a loop, so Commonplace stopped following it.'),
  tooManyRedirects: (max) => new HostFailure('network', `The site redirected more than ${max} times, so Commonplace stopped following it.`),
  headersTimeout: tookTooLong,
  totalTimeout: tookTooLong,
  tooLarge: (maxBytes) => {
    const megabytes = Math.round((maxBytes / (1024 * 1024)) * 10) / 10;
    const size = megabytes >= 1 ? `${megabytes} MB` : `${Math.round(maxBytes / 1024)} KB`;
    return new HostFailure('too-large', `This page is larger than ${size}, more than Commonplace will download for reading.`);
  },
  status: (status) => {
    if (status === 404 || status === 410) return new HostFailure('not-found', `There is no page at this address any more (the site answered ${status}).`);
    if (status === 401 || status === 403) return new HostFailure('forbidden', `The site refused to show this page (it answered ${status}); it may need a login.`);
    if (status === 429) return new HostFailure('network', 'The site asked Commonplace to slow down (429). Try again later.');
    if (status >= 500) return new HostFailure('network', `The site had a problem answering (${status}). Try again later.`);
    return new HostFailure('network', `The site could not give this page (it answered ${status}).`);
  },
  // fetch reports DNS failures, refused connections and TLS errors as a bare TypeError.
  network: () => new HostFailure('network', 'Commonplace could not reach this site. Check the address and your connection.'),
};

function tookTooLong(ms: number): HostFailure {
  const seconds = Math.max(1, Math.round(ms / 1000));
  return new HostFailure('timeout', `The site took too long to answer (more than ${seconds} s).`);
}
