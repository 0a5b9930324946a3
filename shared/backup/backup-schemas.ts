/**
 * Host calls that keep backups (issue 8). The page reads the database and sends its backup lines to the host a
 * few megabytes at a time; the host compresses them into one file in its backups folder, adds the publishing
 * secrets only when asked (they never pass through the page on the way out), and reads a backup back as lines.
 */
import { z } from 'zod';
import { backupHeaderSchema, backupKinds, backupSecretSchema } from './backup-format';

/** Characters per append: the page sends 3 million at most, and JSON escaping can double that; the web host takes 32 MB. */
export const backupChunkLimit = 8_000_000;

const sessionId = z.string().min(1).max(100);
/** A backup's file name as `backup:list` gave it; the host refuses anything that is not one (never a path). */
const backupName = z.string().min(1).max(200);

export const backupInfoSchema = z.object({
  name: backupName,
  createdAt: z.string(),
  kind: z.enum(backupKinds),
  bytes: z.number().int().nonnegative(),
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;

export const backupListRequestSchema = z.object({}).strict();
export const backupListResponseSchema = z.union([
  z.object({ supported: z.literal(false) }),
  z.object({
    supported: z.literal(true),
    /** Where backups are kept, for the settings screen to show. */
    folder: z.string(),
    /** Newest first. */
    backups: z.array(backupInfoSchema),
  }),
]);

export const backupBeginRequestSchema = z.object({ header: backupHeaderSchema, includeSecrets: z.boolean() }).strict();
export const backupBeginResponseSchema = z.object({ session: sessionId });
/** The next piece of row lines: whole lines, except that a very long line may arrive in several pieces. */
export const backupAppendRequestSchema = z.object({ session: sessionId, text: z.string().max(backupChunkLimit) }).strict();
export const backupFinishRequestSchema = z.object({ session: sessionId, rows: z.number().int().nonnegative() }).strict();
export const backupFinishResponseSchema = z.object({
  backup: backupInfoSchema,
  path: z.string(),
  secrets: z.number().int().nonnegative(),
  /** Older automatic backups removed by rotation. */
  removed: z.array(z.string()),
});
export const backupAbortRequestSchema = z.object({ session: sessionId }).strict();

export const backupOpenRequestSchema = z.object({ name: backupName }).strict();
export const backupOpenResponseSchema = z.object({ session: sessionId, bytes: z.number().int().nonnegative() });
/** The next lines of an opened backup (whole lines, secrets left out), until `done`. */
export const backupReadRequestSchema = z.object({ session: sessionId }).strict();
export const backupReadResponseSchema = z.object({
  lines: z.string(),
  done: z.boolean(),
  /** Compressed bytes read so far, for a progress bar. */
  read: z.number().int().nonnegative(),
  /** How many publishing secrets the backup holds (they are restored only by backup:restore-secrets). */
  secrets: z.number().int().nonnegative(),
});

/** Puts a backup's publishing secrets back where the host keeps secrets: from a listed backup, or from a file the user chose. */
export const backupRestoreSecretsRequestSchema = z.union([
  z.object({ name: backupName }).strict(),
  z.object({ secrets: z.array(backupSecretSchema).max(1000) }).strict(),
]);
export const backupRestoreSecretsResponseSchema = z.object({ restored: z.number().int().nonnegative() });
