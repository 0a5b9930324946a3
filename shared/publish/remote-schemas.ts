/**
 * The host calls that publish to a remote service (Micropub, WordPress, Mastodon) and keep their secrets.
 * A secret goes to the host once (`secrets:set`) and never comes back: publishing calls name the service,
 * and the host adds the token or password itself, so the page never holds one after it is saved.
 */
import { z } from 'zod';

const address = z.string().min(1).max(2048);
const html = z.string().max(2_000_000);

/**
 * Where a secret belongs: a publishing service (`micropub`, `wordpress`, `mastodon`) and the site or instance
 * it is for, or a source service (`bluesky`, `reddit`) and `account` (one per app: the signed-in account).
 */
export const secretKeySchema = z.object({ service: z.enum(['micropub', 'wordpress', 'mastodon', 'bluesky', 'reddit']), account: address }).strict();
export type SecretKey = z.infer<typeof secretKeySchema>;

export const secretsSetRequestSchema = z.object({ key: secretKeySchema, value: z.string().min(1).max(8192) }).strict();
export const secretsStatusRequestSchema = z.object({ key: secretKeySchema }).strict();
export const secretsStatusResponseSchema = z.object({
  saved: z.boolean(),
  /** Where secrets are kept, in words (encrypted by the system keychain, or a private file in browser mode). */
  keptIn: z.string(),
});
export const secretsDeleteRequestSchema = secretsStatusRequestSchema;

export const micropubPublishRequestSchema = z
  .object({
    siteUrl: address,
    name: z.string().max(1000),
    contentHtml: html,
    contentText: z.string().max(1_000_000),
    categories: z.array(z.string().max(200)).max(100),
    published: z.string().max(64),
    bookmarkOf: address.optional(),
    /** The post's address from an earlier publishing: the post is updated there. */
    location: address.optional(),
  })
  .strict();
export const micropubPublishResponseSchema = z.object({ location: z.string(), updated: z.boolean() });

export const wordpressPublishRequestSchema = z
  .object({ siteUrl: address, username: z.string().min(1).max(200), title: z.string().max(1000), contentHtml: html, remoteId: z.string().max(64).optional() })
  .strict();
export const remotePostResponseSchema = z.object({ remoteId: z.string(), url: z.string() });

export const mastodonPublishRequestSchema = z
  .object({
    instanceUrl: address,
    text: z.string().max(20_000),
    url: address.optional(),
    tags: z.array(z.string().max(100)).max(20),
    visibility: z.enum(['public', 'unlisted', 'private']).optional(),
    idempotencyKey: z.string().min(1).max(200),
    remoteId: z.string().max(64).optional(),
  })
  .strict();
