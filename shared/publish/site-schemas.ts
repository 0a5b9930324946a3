/** The host calls that write a published site into a folder (see electron/host/site/site-folder.ts). */
import { z } from 'zod';

const folder = z.string().max(4096);
const sitePath = z.string().min(1).max(1024);

export const siteChangedRequestSchema = z.object({ folder, files: z.array(z.object({ path: sitePath, sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict()).max(20_000) }).strict();
export const siteChangedResponseSchema = z.object({ changed: z.array(z.string()) });

export const siteWriteRequestSchema = z.object({ folder, files: z.array(z.object({ path: sitePath, content: z.string() }).strict()).max(5_000) }).strict();
export const siteWriteResponseSchema = z.object({ written: z.number() });

export const sitePruneRequestSchema = z.object({ folder, keep: z.array(sitePath).max(200_000) }).strict();
export const sitePruneResponseSchema = z.object({ removed: z.array(z.string()) });

export const sitePickFolderRequestSchema = z.object({}).strict();
/** `supported: false` in browser mode, where the page types the folder into a textbox instead. */
export const sitePickFolderResponseSchema = z.object({ supported: z.boolean(), folder: z.string().optional() });
