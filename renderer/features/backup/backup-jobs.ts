/**
 * Backing up and restoring, as jobs the dialog and the daily timer run: read the archive, stream it to the host
 * (which keeps the file), and read a backup back from the host or from a file the user chose, then restore it.
 * Progress is reported in rows (backing up) or bytes (reading a backup back).
 */
import { Gunzip } from 'fflate';
import { BackupFormatError, backupReader, lineSplitter, type BackupContent, type BackupKind } from '../../../shared/backup/backup-format';
import { StoreError, restoreArchive, snapshotArchive, snapshotLines, type CommonplaceDb } from '../../data';
import type { HostClient } from '../../host/host-client';
import { requestSearchRebuild } from '../search';
import { readFileBytes } from '../../ui/read-file-bytes';

export interface Progress {
  done: number;
  total: number;
}

export interface MadeBackup {
  name: string;
  path: string;
  bytes: number;
  rows: number;
  secrets: number;
}

/** A format problem becomes a StoreError, whose message the UI shows as it is. */
function inWords<T>(job: () => T): T {
  try {
    return job();
  } catch (error) {
    if (error instanceof BackupFormatError) throw new StoreError('invalid-backup', error.message);
    throw error;
  }
}

export async function makeBackup(
  db: CommonplaceDb,
  host: HostClient,
  options: { kind: BackupKind; includeSecrets: boolean; appVersion: string; onProgress?: (progress: Progress) => void },
): Promise<MadeBackup> {
  const snapshot = await snapshotArchive(db, { kind: options.kind, appVersion: options.appVersion });
  options.onProgress?.({ done: 0, total: snapshot.total });
  const { session } = await host.call('backup:begin', { header: snapshot.header, includeSecrets: options.includeSecrets });
  let rows = 0;
  try {
    // Pieces are encoded one at a time, so the archive is never held twice as text.
    const pieces = snapshotLines(snapshot);
    for (let next = inWords(() => pieces.next()); !next.done; next = inWords(() => pieces.next())) {
      const piece = next.value;
      await host.call('backup:append', { session, text: piece.text });
      rows += piece.rows;
      options.onProgress?.({ done: rows, total: snapshot.total });
    }
    const finished = await host.call('backup:finish', { session, rows });
    return { name: finished.backup.name, path: finished.path, bytes: finished.backup.bytes, rows, secrets: finished.secrets };
  } catch (error) {
    await host.call('backup:abort', { session }).catch(() => undefined);
    throw error;
  }
}

/** A backup the host keeps, read back whole (its secrets stay on the host: `secrets` only counts them). */
export async function readHostBackup(host: HostClient, name: string, onProgress?: (progress: Progress) => void): Promise<BackupContent & { hostSecrets: number }> {
  const { session, bytes } = await host.call('backup:open', { name });
  const reader = backupReader();
  const splitter = lineSplitter((line) => reader.add(line));
  let secrets = 0;
  for (;;) {
    const chunk = await host.call('backup:read', { session });
    inWords(() => splitter.push(chunk.lines));
    secrets = chunk.secrets;
    onProgress?.({ done: Math.min(chunk.read, bytes), total: bytes });
    if (chunk.done) break;
  }
  return inWords(() => {
    splitter.end();
    return { ...reader.finish(), hostSecrets: secrets };
  });
}

const gzipMagic = [0x1f, 0x8b];

/** A backup file the user chose (compressed as the host writes it, or already uncompressed). */
export async function readBackupFile(file: Blob, onProgress?: (progress: Progress) => void): Promise<BackupContent> {
  const bytes = await readFileBytes(file);
  const reader = backupReader();
  const splitter = lineSplitter((line) => reader.add(line));
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const take = (data: Uint8Array, final: boolean) => {
    try {
      splitter.push(decoder.decode(data, { stream: !final }));
    } catch (error) {
      if (error instanceof TypeError) throw new BackupFormatError('This file is not a Commonplace backup: it is not text.');
      throw error;
    }
  };
  return inWords(() => {
    const compressed = bytes[0] === gzipMagic[0] && bytes[1] === gzipMagic[1];
    const step = 1 << 20;
    try {
      if (compressed) {
        const gunzip = new Gunzip((data, final) => take(data, final));
        for (let from = 0; from < bytes.length; from += step) {
          gunzip.push(bytes.subarray(from, from + step), from + step >= bytes.length);
          onProgress?.({ done: Math.min(from + step, bytes.length), total: bytes.length });
        }
      } else {
        take(bytes, true);
      }
    } catch (error) {
      if (error instanceof BackupFormatError) throw error;
      throw new BackupFormatError('This backup file is damaged or was cut short: it cannot be read to its end.');
    }
    splitter.end();
    return reader.finish();
  });
}

/**
 * Replaces the archive with the backup. Before anything changes, a safety copy of what is here now is made on the
 * host (when the host keeps backups), so a restore the user regrets can itself be undone by restoring that copy.
 * Publishing secrets come back too: from the host's own backup, or from the file the user chose.
 */
export async function restoreBackup(
  db: CommonplaceDb,
  host: HostClient,
  backup: { content: BackupContent; hostName?: string | undefined; hostSecrets?: number | undefined },
  options: { appVersion: string; keepsBackups: boolean },
): Promise<{ rows: number; safetyCopy?: string; secrets: number }> {
  const safety = options.keepsBackups ? await makeBackup(db, host, { kind: 'before-restore', includeSecrets: false, appVersion: options.appVersion }) : undefined;
  const { rows } = await restoreArchive(db, backup.content);
  // The saved search index describes the archive that was just replaced.
  requestSearchRebuild(db.name);
  let secrets = 0;
  if (backup.hostName && (backup.hostSecrets ?? 0) > 0) secrets = (await host.call('backup:restore-secrets', { name: backup.hostName })).restored;
  else if (backup.content.secrets.length > 0) secrets = (await host.call('backup:restore-secrets', { secrets: backup.content.secrets })).restored;
  return { rows, secrets, ...(safety ? { safetyCopy: safety.name } : {}) };
}
