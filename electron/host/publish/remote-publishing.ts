/**
 * The publish:* and secrets:* host calls: each finds the saved token or password itself, so a secret
 * crosses from the page to the host once and never back, and is never written into a request log or error.
 */
import { HostFailure } from '../../../shared/host-error';
import type { SecretKey } from '../../../shared/publish/remote-schemas';
import type { SecretStore } from '../secrets/secret-store';
import { mastodonPost, mastodonStatusLimit } from './mastodon';
import { discoverMicropub, micropubCreate, micropubUpdate, type MicropubEntry } from './micropub';
import { fitStatus } from './status-text';
import { wordpressPublish } from './wordpress';
import type { PublishHttpOptions } from './http-send';

const serviceNames: Record<SecretKey['service'], string> = { micropub: 'your blog', wordpress: 'WordPress', mastodon: 'Mastodon', bluesky: 'Bluesky', reddit: 'Reddit' };

/** One secret per service and site or instance, keyed by the address's origin so `https://me.example/` and `https://me.example` agree. */
export function secretName(key: SecretKey): string {
  let account = key.account.trim();
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(account) ? account : `https://${account}`);
    account = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    // Not an address: kept as typed (a user name, say).
  }
  return `${key.service}:${account}`;
}

export function remotePublishing(secrets: SecretStore | undefined, options: PublishHttpOptions = {}) {
  const store = (): SecretStore => {
    if (!secrets) throw new HostFailure('unavailable', 'Publishing to a service needs somewhere safe to keep its token, and this copy of Commonplace has none.');
    return secrets;
  };
  const secretFor = async (key: SecretKey): Promise<string> => {
    const value = await store().get(secretName(key));
    if (!value) throw new HostFailure('invalid-request', `Save the token for ${serviceNames[key.service]} (${key.account}) first.`);
    return value;
  };
  return {
    setSecret: async (key: SecretKey, value: string) => {
      await store().set(secretName(key), value);
      return {};
    },
    secretStatus: async (key: SecretKey) => ({ saved: secrets ? (await secrets.get(secretName(key))) !== undefined : false, keptIn: secrets ? secrets.describe() : 'Nowhere: this copy of Commonplace cannot keep secrets.' }),
    deleteSecret: async (key: SecretKey) => {
      await store().delete(secretName(key));
      return {};
    },
    micropub: async (request: MicropubEntry & { siteUrl: string; location?: string | undefined }) => {
      const token = await secretFor({ service: 'micropub', account: request.siteUrl });
      const { micropub } = await discoverMicropub(request.siteUrl, options);
      const entry: MicropubEntry = {
        name: request.name,
        contentHtml: request.contentHtml,
        contentText: request.contentText,
        categories: request.categories,
        published: request.published,
        ...(request.bookmarkOf ? { bookmarkOf: request.bookmarkOf } : {}),
      };
      if (request.location) {
        await micropubUpdate(micropub, token, request.location, entry, options);
        return { location: request.location, updated: true };
      }
      const created = await micropubCreate(micropub, token, entry, options);
      return { location: created.location, updated: false };
    },
    wordpress: async (request: { siteUrl: string; username: string; title: string; contentHtml: string; remoteId?: string | undefined }) => {
      const appPassword = await secretFor({ service: 'wordpress', account: request.siteUrl });
      return wordpressPublish({ siteUrl: request.siteUrl, username: request.username, appPassword, title: request.title, contentHtml: request.contentHtml, ...(request.remoteId ? { remoteId: request.remoteId } : {}) }, options);
    },
    mastodon: async (request: { instanceUrl: string; text: string; url?: string | undefined; tags: string[]; visibility?: 'public' | 'unlisted' | 'private' | undefined; idempotencyKey: string; remoteId?: string | undefined }) => {
      const token = await secretFor({ service: 'mastodon', account: request.instanceUrl });
      const limit = await mastodonStatusLimit(request.instanceUrl, options);
      const status = fitStatus({ text: request.text, ...(request.url ? { url: request.url } : {}), tags: request.tags }, limit);
      return mastodonPost(
        {
          instanceUrl: request.instanceUrl,
          token,
          status,
          idempotencyKey: request.idempotencyKey,
          ...(request.visibility ? { visibility: request.visibility } : {}),
          ...(request.remoteId ? { remoteId: request.remoteId } : {}),
        },
        options,
      );
    },
  };
}
