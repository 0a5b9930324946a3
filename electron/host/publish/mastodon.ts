/**
 * Posting to Mastodon (and servers speaking its API): the status limit the instance announces, a new
 * status, or an edit of the one published before.
 *
 * A create carries the caller's Idempotency-Key, which Mastodon honours for an hour: a publish that timed
 * out can be repeated with the same key without posting twice. A 429 is reported with the time to try
 * again and never retried here, since a loop of retries is exactly what the rate limit is against.
 */
import { HostFailure } from '../../../shared/host-error';
import { RetryLaterFailure } from '../feeds/http-fetch';
import {
  answerFailure,
  checkServiceUrl,
  httpSend,
  jsonBody,
  publishGet,
  serverText,
  type PublishHttpOptions,
  type SendResult,
  type ServiceVoice,
} from './http-send';

export interface MastodonPostRequest {
  instanceUrl: string;
  token: string;
  status: string;
  /** The account's default when absent. */
  visibility?: 'public' | 'unlisted' | 'private';
  /** The same for every attempt at publishing one post, so a repeat within the hour is not a second post. */
  idempotencyKey: string;
  /** The status's id from an earlier publish: it is then edited in place. */
  remoteId?: string;
}

/** Mastodon's own default, for servers that do not say. */
export const defaultStatusLimit = 500;

const server: ServiceVoice = { name: 'the Mastodon server' };

const createVoice: ServiceVoice = {
  ...server,
  unsure: 'The post may have been published anyway; publishing it again from Commonplace within the hour will not post it twice.',
};

/** `configuration.statuses.max_characters` from /api/v2/instance, else /api/v1/instance (or Pleroma's `max_toot_chars`), else 500. */
export async function mastodonStatusLimit(instanceUrl: string, options: PublishHttpOptions = {}): Promise<number> {
  const origin = instanceOrigin(instanceUrl);
  for (const path of ['/api/v2/instance', '/api/v1/instance']) {
    let body: unknown;
    try {
      body = jsonBody(await publishGet(`${origin}${path}`, server, 'application/json', options));
    } catch (error) {
      // An instance without this version of the API answers 404 or an error page: ask the next one.
      // Not reachable at all, or asking us to slow down: asking again would not help.
      if (!(error instanceof HostFailure) || error instanceof RetryLaterFailure || ['network', 'timeout', 'invalid-request'].includes(error.code)) throw error;
      continue;
    }
    const limit = announcedLimit(body);
    if (limit !== undefined) return limit;
  }
  return defaultStatusLimit;
}

export async function mastodonPost(request: MastodonPostRequest, options: PublishHttpOptions = {}): Promise<{ remoteId: string; url: string }> {
  const origin = instanceOrigin(request.instanceUrl);
  if (request.remoteId !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(request.remoteId)) {
    throw new HostFailure('invalid-request', 'The Mastodon post to edit has an id Commonplace does not recognise, so it cannot be edited.');
  }
  if (!/^[\x21-\x7e]{1,255}$/.test(request.idempotencyKey)) {
    throw new HostFailure('invalid-request', 'The post has no usable idempotency key, so Commonplace did not send it.');
  }
  const authorization = `Bearer ${request.token}`;
  const result =
    request.remoteId === undefined
      ? await httpSend(
          `${origin}/api/v1/statuses`,
          {
            method: 'POST',
            body: { json: { status: request.status, ...(request.visibility ? { visibility: request.visibility } : {}) } },
            headers: { authorization, 'idempotency-key': request.idempotencyKey },
          },
          createVoice,
          options,
        )
      : await httpSend(
          `${origin}/api/v1/statuses/${request.remoteId}`,
          { method: 'PUT', body: { json: { status: request.status } }, headers: { authorization } },
          server,
          options,
        );
  if (result.status !== 200) throw failure(result, request, options);
  const body = jsonBody(result) as { id?: unknown; url?: unknown; uri?: unknown } | undefined;
  const url = typeof body?.url === 'string' ? body.url : typeof body?.uri === 'string' ? body.uri : undefined;
  if (typeof body?.id !== 'string' || !url) {
    throw new HostFailure(
      'network',
      'The Mastodon server answered without the post’s id and address. Look at your profile before publishing again.',
    );
  }
  return { remoteId: body.id, url };
}

/** The API lives at the server's root; a bare host name ("mastodon.social") is read as https. */
function instanceOrigin(instanceUrl: string): string {
  const trimmed = instanceUrl.trim();
  const address = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  return checkServiceUrl(address, server).origin;
}

function announcedLimit(body: unknown): number | undefined {
  const instance = body as { configuration?: { statuses?: { max_characters?: unknown } }; max_toot_chars?: unknown } | undefined;
  const limit = instance?.configuration?.statuses?.max_characters ?? instance?.max_toot_chars;
  return typeof limit === 'number' && Number.isInteger(limit) && limit > 0 ? limit : undefined;
}

/** Mastodon's error body is `{error}` (plus `details` on some 422s); its words are the best explanation. */
function failure(result: SendResult, request: MastodonPostRequest, options: PublishHttpOptions): HostFailure {
  const body = jsonBody(result) as { error?: unknown } | undefined;
  const error = serverText(body?.error, [request.token]);
  const because = error ? `: ${error}` : '';
  switch (result.status) {
    case 401:
      return new HostFailure(
        'forbidden',
        `The Mastodon server refused the access token (401)${because}. Connect the account again from the publishing settings.`,
      );
    case 403:
      return new HostFailure('forbidden', `The Mastodon server does not allow this account to post this (403)${because}.`);
    case 404:
      return request.remoteId === undefined
        ? answerFailure(server, result, error, options.now)
        : new HostFailure('not-found', `The post is no longer on the Mastodon server (404); it may have been deleted there.`);
    case 422:
      return new HostFailure('invalid-request', `The Mastodon server refused the post${because}.`);
    default:
      return answerFailure(server, result, error, options.now);
  }
}
