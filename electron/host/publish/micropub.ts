/**
 * Publishing to a blog over Micropub (W3C Recommendation): find the endpoint a site announces, create an
 * h-entry, and update it when the post is published again.
 *
 * JSON is tried first because it is the only way to send HTML content; the spec makes it optional for
 * servers, so a 400/415/422 to JSON is read as "not understood" and the entry goes again form-encoded
 * (which every server MUST accept), with the text content instead of the HTML. Updates have no form
 * encoding in the spec, so they are JSON only.
 */
import { JSDOM } from 'jsdom';
import { HostFailure } from '../../../shared/host-error';
import { decodeHtml, isHtmlMediaType, looksLikeHtml, mediaTypeOf } from '../articles/page-content';
import { answerFailure, checkServiceUrl, httpSend, jsonBody, serverText, type PublishHttpOptions, type SendBody, type SendResult } from './http-send';
import { fetchServicePage, siteVoice } from './service-page';

export interface MicropubEndpoints {
  micropub: string;
  token?: string;
  authorization?: string;
}

export interface MicropubEntry {
  name: string;
  contentHtml: string;
  contentText: string;
  categories: string[];
  /** RFC 3339. */
  published: string;
  bookmarkOf?: string;
}

const blog = siteVoice('the blog', 'the blog');

const pageAccept = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';

/** Rels of the endpoints, as the Micropub and IndieAuth specs name them. */
const rels = { micropub: 'micropub', token: 'token_endpoint', authorization: 'authorization_endpoint' } as const;

/** The endpoints a site announces: HTTP Link headers first, then <link rel> in its page, each resolved against the page. */
export async function discoverMicropub(siteUrl: string, options: PublishHttpOptions = {}): Promise<MicropubEndpoints> {
  const page = await fetchServicePage(siteUrl, blog, pageAccept, options);
  const contentType = page.headers.get('content-type');
  const isPage = isHtmlMediaType(mediaTypeOf(contentType)) || (!mediaTypeOf(contentType) && looksLikeHtml(page.body));
  const fromPage = isPage ? htmlLinkTargets(decodeHtml(page.body, contentType), page.finalUrl) : new Map<string, string>();
  const pick = (rel: string) => webAddress(page.links.get(rel)) ?? webAddress(fromPage.get(rel));

  const micropub = pick(rels.micropub);
  if (!micropub) {
    throw new HostFailure(
      'not-found',
      `${siteUrl.trim()} does not announce a Micropub endpoint (rel="micropub") in its Link headers or its page, ` +
        'so Commonplace cannot publish to it with Micropub. Check the address, or turn on Micropub in the blog.',
    );
  }
  const token = pick(rels.token);
  const authorization = pick(rels.authorization);
  return { micropub, ...(token ? { token } : {}), ...(authorization ? { authorization } : {}) };
}

/** Creates the entry; answers where the blog put it and which encoding it took. */
export async function micropubCreate(
  endpoint: string,
  token: string,
  entry: MicropubEntry,
  options: PublishHttpOptions = {},
): Promise<{ location: string; format: 'json' | 'form' }> {
  let format: 'json' | 'form' = 'json';
  let result = await send(endpoint, token, { json: createJson(entry) }, options);
  if (result.status === 400 || result.status === 415 || result.status === 422) {
    format = 'form';
    result = await send(endpoint, token, { form: createForm(entry) }, options);
  }
  if (result.status !== 201 && result.status !== 202) throw failure(result, token, options);
  const location = result.headers.get('location');
  let url: URL | undefined;
  try {
    url = location ? new URL(location, result.url) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new HostFailure(
      'network',
      `The blog accepted the post (${result.status}) but did not say where it is (no valid Location header), ` +
        'so Commonplace cannot update it later. Look at the blog before publishing again, or it may appear twice.',
    );
  }
  return { location: url.href, format };
}

/** Replaces the entry's name, content and categories (removing them all when there are none left). */
export async function micropubUpdate(endpoint: string, token: string, location: string, entry: MicropubEntry, options: PublishHttpOptions = {}): Promise<void> {
  const url = checkServiceUrl(location, blog).href;
  const { category, ...replace } = entryProperties(entry);
  const json = {
    action: 'update',
    url,
    replace: { ...replace, ...(category ? { category } : {}) },
    // `replace` with an empty list is not defined by the spec; `delete` is how a property goes away.
    ...(category ? {} : { delete: ['category'] }),
  };
  const result = await send(endpoint, token, { json }, options);
  if (result.status !== 200 && result.status !== 201 && result.status !== 204) throw failure(result, token, options);
}

function send(endpoint: string, token: string, body: SendBody, options: PublishHttpOptions): Promise<SendResult> {
  return httpSend(endpoint, { method: 'POST', body, headers: { authorization: `Bearer ${token}` } }, blog, options);
}

/** The properties shared by create and update, as Micropub's JSON arrays; empty ones left out. */
function entryProperties(entry: MicropubEntry): Record<string, unknown[]> {
  return {
    ...(entry.name.trim() ? { name: [entry.name] } : {}),
    content: [{ html: entry.contentHtml }],
    ...(entry.categories.length > 0 ? { category: entry.categories } : {}),
    ...(entry.bookmarkOf ? { 'bookmark-of': [entry.bookmarkOf] } : {}),
  };
}

function createJson(entry: MicropubEntry): unknown {
  return { type: ['h-entry'], properties: { ...entryProperties(entry), published: [entry.published] } };
}

function createForm(entry: MicropubEntry): [string, string][] {
  return [
    ['h', 'entry'],
    ...(entry.name.trim() ? [['name', entry.name] as [string, string]] : []),
    ['content', entry.contentText],
    ...entry.categories.map((category): [string, string] => ['category[]', category]),
    ['published', entry.published],
    ...(entry.bookmarkOf ? [['bookmark-of', entry.bookmarkOf] as [string, string]] : []),
  ];
}

/** Micropub's error body is `{error, error_description}`; a 401/403 is about the token, and says so. */
function failure(result: SendResult, token: string, options: PublishHttpOptions): HostFailure {
  const body = jsonBody(result) as { error?: unknown; error_description?: unknown } | undefined;
  const plain = mediaTypeOf(result.headers.get('content-type')) === 'text/plain' ? new TextDecoder().decode(result.body) : undefined;
  const detail = serverText(body?.error_description, [token]) ?? serverText(body?.error, [token]) ?? serverText(plain, [token]);
  const because = detail ? `: ${detail}` : '';
  if (result.status === 401 || result.status === 403) {
    const scope = body?.error === 'insufficient_scope' ? ' The token is not allowed to create or update posts.' : '';
    return new HostFailure(
      'forbidden',
      `The blog refused the token (${result.status})${because}.${scope} Sign in to the blog again from the publishing settings.`,
    );
  }
  return answerFailure(blog, result, detail, options.now);
}

/** <link rel="micropub" href> and friends; rel may hold several words. Resolved as the page would (its <base>, else its address). */
function htmlLinkTargets(html: string, pageUrl: string): Map<string, string> {
  const found = new Map<string, string>();
  const dom = new JSDOM(html, { url: pageUrl, contentType: 'text/html' });
  try {
    for (const link of dom.window.document.querySelectorAll('link[rel][href]')) {
      const href = (link as HTMLLinkElement).href;
      for (const rel of (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/)) if (rel && !found.has(rel)) found.set(rel, href);
    }
  } finally {
    dom.window.close();
  }
  return found;
}

/** Only http(s) endpoints are used: a token never goes to a javascript: or file: address. */
function webAddress(address: string | undefined): string | undefined {
  if (!address) return undefined;
  try {
    const url = new URL(address);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password ? url.href : undefined;
  } catch {
    return undefined;
  }
}
