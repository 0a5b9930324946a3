/**
 * Publishing to WordPress through its REST API with an application password (Basic auth), which
 * WordPress offers since 5.6 for exactly this: a revocable password per app, never the login password.
 *
 * The API root is the one the site announces (`Link: <…>; rel="https://api.w.org/"`), because a site
 * without pretty permalinks answers at `/?rest_route=/` and a site in a subfolder below it; routes are
 * appended to that root as text, which works for both forms. The credentials only ever go to the site's
 * own origin: an announced root elsewhere is ignored in favour of `<site>/wp-json/`.
 */
import { HostFailure } from '../../../shared/host-error';
import { answerFailure, checkServiceUrl, httpSend, jsonBody, serverText, type PublishHttpOptions, type SendResult } from './http-send';
import { fetchServicePage, siteVoice } from './service-page';

export interface WordpressRequest {
  siteUrl: string;
  username: string;
  appPassword: string;
  title: string;
  contentHtml: string;
  /** The post's id from an earlier publish: the post is then updated, never created again. */
  remoteId?: string;
}

const site = siteVoice('the WordPress site', 'the site');

const apiRel = 'https://api.w.org/';

export async function wordpressPublish(request: WordpressRequest, options: PublishHttpOptions = {}): Promise<{ remoteId: string; url: string }> {
  if (request.remoteId !== undefined && !/^\d+$/.test(request.remoteId)) {
    throw new HostFailure('invalid-request', 'The WordPress post to update has an id that is not a number, so Commonplace cannot update it.');
  }
  const root = await apiRoot(request.siteUrl, options);
  const route = request.remoteId === undefined ? 'wp/v2/posts' : `wp/v2/posts/${request.remoteId}`;
  // An update leaves the post's status as the site has it: a post made a draft there stays one.
  const json = { title: request.title, content: request.contentHtml, ...(request.remoteId === undefined ? { status: 'publish' } : {}) };
  const basic = Buffer.from(`${request.username}:${request.appPassword}`, 'utf8').toString('base64');
  const result = await httpSend(`${root}${route}`, { method: 'POST', body: { json }, headers: { authorization: `Basic ${basic}` } }, site, options);
  if (result.status !== 200 && result.status !== 201) {
    throw failure(result, [request.appPassword, basic], request.remoteId, options);
  }
  const body = jsonBody(result) as { id?: unknown; link?: unknown } | undefined;
  const id = typeof body?.id === 'number' || typeof body?.id === 'string' ? String(body.id) : undefined;
  if (!id || typeof body?.link !== 'string') {
    throw new HostFailure(
      'network',
      `The WordPress site answered (${result.status}) without the post's id and address. Look at the site before publishing again, or it may appear twice.`,
    );
  }
  return { remoteId: id, url: body.link };
}

/**
 * The API root the site announces, else `<site>/wp-json/`; always ending in '/'. The site is the typed
 * address, or where it redirected when that is the same host (give or take `www.`) without leaving https:
 * the Basic credentials go to no other origin.
 */
async function apiRoot(siteUrl: string, options: PublishHttpOptions): Promise<string> {
  const typed = checkServiceUrl(siteUrl, site);
  let home = typed;
  let announced: string | undefined;
  try {
    const page = await fetchServicePage(typed.href, site, 'text/html,*/*;q=0.5', options);
    const final = new URL(page.finalUrl);
    if (sameSite(final, typed)) home = final;
    announced = page.links.get(apiRel);
  } catch (error) {
    // A home page that errors says nothing about the API; the default route may still answer.
    if (!(error instanceof HostFailure) || error.code === 'network' || error.code === 'timeout' || error.code === 'invalid-request') throw error;
  }
  const root = announced ? new URL(announced) : undefined;
  if (root && (root.origin === typed.origin || root.origin === home.origin)) return root.href.endsWith('/') ? root.href : `${root.href}/`;
  return `${home.origin}${home.pathname.replace(/\/+$/, '')}/wp-json/`;
}

function sameSite(final: URL, typed: URL): boolean {
  const host = (url: URL) => url.host.replace(/^www\./, '');
  return host(final) === host(typed) && (final.protocol === 'https:' || typed.protocol === 'http:');
}

/** WordPress errors are `{code, message, data: {status}}`; the message is written for people, so it is shown. */
function failure(result: SendResult, secrets: string[], remoteId: string | undefined, options: PublishHttpOptions): HostFailure {
  const body = jsonBody(result) as { code?: unknown; message?: unknown } | undefined;
  const message = serverText(body?.message, secrets);
  const because = message ? `: ${message}` : '';
  if (result.status === 401) {
    return new HostFailure(
      'forbidden',
      `The WordPress site refused the user name or application password (401)${because}. ` +
        'Create a new application password under Users › Profile in WordPress and enter it again.',
    );
  }
  if (result.status === 403) {
    return new HostFailure('forbidden', `The WordPress site does not let this user publish posts (403)${because}.`);
  }
  if (remoteId !== undefined && result.status === 404) {
    return new HostFailure('not-found', `The post was not found on the WordPress site any more (404)${because}. It may have been deleted there.`);
  }
  if (result.status === 404 && !message) {
    return new HostFailure('not-found', 'The WordPress site has no REST API at the usual address (404). Check the address, and that the REST API is not turned off.');
  }
  return answerFailure(site, result, message, options.now);
}
