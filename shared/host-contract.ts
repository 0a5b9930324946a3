/**
 * The host contract: every call the renderer may make of the host, in one place.
 * Each entry names an `area:verb` call and the schemas of its request and response, so both
 * transports (Electron IPC and the web host's HTTP API) validate the same way and the
 * renderer's HostClient is typed from the same source. To add a call: list its name in
 * host-call-names.ts, add its entry here, implement it in electron/host/handlers.ts;
 * the transports and the client need no change.
 */
import { z } from 'zod';
import { extractArticleRequestSchema, extractedArticleSchema } from './feeds/article-schemas';
import {
  discoverFeedsRequestSchema,
  discoverFeedsResponseSchema,
  fetchFeedRequestSchema,
  fetchFeedResponseSchema,
} from './feeds/feed-schemas';
import type { HostCallName } from './host-call-names';
import {
  siteChangedRequestSchema,
  siteChangedResponseSchema,
  sitePickFolderRequestSchema,
  sitePickFolderResponseSchema,
  sitePruneRequestSchema,
  sitePruneResponseSchema,
  siteWriteRequestSchema,
  siteWriteResponseSchema,
} from './publish/site-schemas';
import {
  mastodonPublishRequestSchema,
  micropubPublishRequestSchema,
  micropubPublishResponseSchema,
  remotePostResponseSchema,
  secretsDeleteRequestSchema,
  secretsSetRequestSchema,
  secretsStatusRequestSchema,
  secretsStatusResponseSchema,
  wordpressPublishRequestSchema,
} from './publish/remote-schemas';
import {
  backupAbortRequestSchema,
  backupAppendRequestSchema,
  backupBeginRequestSchema,
  backupBeginResponseSchema,
  backupFinishRequestSchema,
  backupFinishResponseSchema,
  backupListRequestSchema,
  backupListResponseSchema,
  backupOpenRequestSchema,
  backupOpenResponseSchema,
  backupReadRequestSchema,
  backupReadResponseSchema,
  backupRestoreSecretsRequestSchema,
  backupRestoreSecretsResponseSchema,
} from './backup/backup-schemas';
import { fetchSourceRequestSchema, fetchSourceResponseSchema } from './sources/source-schemas';

export { hostCallNames, type HostCallName } from './host-call-names';

export const transports = ['ipc', 'http'] as const;
export type Transport = (typeof transports)[number];

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  transport: z.enum(transports),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const hostContract = {
  'app:info': {
    request: z.object({}).strict(),
    response: appInfoSchema,
  },
  /** A page or feed address → the feeds it offers (link rel=alternate, then the usual paths). */
  'feed:discover': {
    request: discoverFeedsRequestSchema,
    response: discoverFeedsResponseSchema,
  },
  /** One polite fetch of a feed: conditional GET, limits, lenient parsing, sanitised HTML. */
  'feed:fetch': {
    request: fetchFeedRequestSchema,
    response: fetchFeedResponseSchema,
  },
  /** The readable full text of an article page (Readability + jsdom, DOMPurify). */
  'article:extract': {
    request: extractArticleRequestSchema,
    response: extractedArticleSchema,
  },
  /** Which files of a site to publish differ from what the output folder holds (by SHA-256). */
  'site:changed': {
    request: siteChangedRequestSchema,
    response: siteChangedResponseSchema,
  },
  /** Writes site files into the output folder, each whole. */
  'site:write': {
    request: siteWriteRequestSchema,
    response: siteWriteResponseSchema,
  },
  /** Removes files an earlier export wrote that the site no longer has; never anything else. */
  'site:prune': {
    request: sitePruneRequestSchema,
    response: sitePruneResponseSchema,
  },
  /** The desktop app's folder picker for the output folder. */
  'site:pick-folder': {
    request: sitePickFolderRequestSchema,
    response: sitePickFolderResponseSchema,
  },
  /** Keeps a publishing token or password (encrypted in the desktop app); it never comes back to the page. */
  'secrets:set': {
    request: secretsSetRequestSchema,
    response: z.object({}),
  },
  /** Whether a secret is saved, and where secrets are kept, in words. */
  'secrets:status': {
    request: secretsStatusRequestSchema,
    response: secretsStatusResponseSchema,
  },
  'secrets:delete': {
    request: secretsDeleteRequestSchema,
    response: z.object({}),
  },
  /** Creates (or, with its location, updates) an h-entry on the blog's Micropub endpoint. */
  'publish:micropub': {
    request: micropubPublishRequestSchema,
    response: micropubPublishResponseSchema,
  },
  /** Creates or updates a post through the WordPress REST API with an application password. */
  'publish:wordpress': {
    request: wordpressPublishRequestSchema,
    response: remotePostResponseSchema,
  },
  /** Posts (or edits) a status, fitted to the instance's length limit, with an Idempotency-Key. */
  'publish:mastodon': {
    request: mastodonPublishRequestSchema,
    response: remotePostResponseSchema,
  },
  /** One refresh of a hashtag or search source (Mastodon, Hacker News, Bluesky, Reddit), from where the last stopped. */
  'source:fetch': {
    request: fetchSourceRequestSchema,
    response: fetchSourceResponseSchema,
  },
  /** The backups the host keeps (newest first) and where, or that this host keeps none. */
  'backup:list': { request: backupListRequestSchema, response: backupListResponseSchema },
  /** Starts writing a backup: the host writes the header, and the publishing secrets only when asked. */
  'backup:begin': { request: backupBeginRequestSchema, response: backupBeginResponseSchema },
  /** More row lines of the backup being written. */
  'backup:append': { request: backupAppendRequestSchema, response: z.object({}) },
  /** Ends the backup (its row count checked), puts the file in place and rotates old automatic ones. */
  'backup:finish': { request: backupFinishRequestSchema, response: backupFinishResponseSchema },
  /** Drops an unfinished backup and its temporary file. */
  'backup:abort': { request: backupAbortRequestSchema, response: z.object({}) },
  /** Opens a listed backup for reading. */
  'backup:open': { request: backupOpenRequestSchema, response: backupOpenResponseSchema },
  /** The next whole lines of an opened backup, never its secrets. */
  'backup:read': { request: backupReadRequestSchema, response: backupReadResponseSchema },
  /** Puts the publishing secrets of a backup back into the host's secret store. */
  'backup:restore-secrets': { request: backupRestoreSecretsRequestSchema, response: backupRestoreSecretsResponseSchema },
  // `satisfies` on this literal checks both ways: every listed name has an entry (missing key),
  // and no entry lacks a listed name (excess property).
} as const satisfies Record<HostCallName, { request: z.ZodType; response: z.ZodType }>;

export type HostContract = typeof hostContract;
export type HostRequest<K extends HostCallName> = z.input<HostContract[K]['request']>;
export type HostResponse<K extends HostCallName> = z.output<HostContract[K]['response']>;

export function isHostCallName(value: unknown): value is HostCallName {
  return typeof value === 'string' && Object.hasOwn(hostContract, value);
}

/** What a handler knows about the call besides its payload. */
export interface HostCallContext {
  transport: Transport;
}

export type HostHandlers = {
  [K in HostCallName]: (request: z.output<HostContract[K]['request']>, context: HostCallContext) => Promise<HostResponse<K>>;
};
