/**
 * The desktop app's daily backup: soon after start and then every hour, when the newest automatic backup is
 * a day old (or there is none), one is made. The host rotates them (a week is kept). Browser mode makes backups
 * only when asked: its pages come and go with a browser tab, and a big archive's backup is heavy work to start
 * unannounced.
 */
import { useEffect } from 'react';
import type { BackupInfo } from '../../../shared/backup/backup-schemas';
import type { CommonplaceDb } from '../../data';
import type { HostClient } from '../../host/host-client';
import { makeBackup } from './backup-jobs';

export const automaticBackupEveryMs = 24 * 60 * 60_000;

/** Whether a daily backup is due, given the host's backups (any order). */
export function automaticBackupDue(backups: readonly BackupInfo[], now: number): boolean {
  const newest = Math.max(-Infinity, ...backups.filter((backup) => backup.kind === 'auto').map((backup) => Date.parse(backup.createdAt)));
  return !(now - newest < automaticBackupEveryMs);
}

/** One look: makes the day's backup when it is due. Resolves to the backup made, if any. */
export async function runAutomaticBackup(db: CommonplaceDb, host: HostClient, appVersion: string, now = Date.now()) {
  const listed = await host.call('backup:list', {});
  if (!listed.supported || !automaticBackupDue(listed.backups, now)) return undefined;
  return makeBackup(db, host, { kind: 'auto', includeSecrets: false, appVersion });
}

export interface AutomaticBackupTiming {
  firstLookMs: number;
  everyMs: number;
}

const defaultTiming: AutomaticBackupTiming = { firstLookMs: 2 * 60_000, everyMs: 60 * 60_000 };

export function useAutomaticBackups(
  db: CommonplaceDb | null,
  host: HostClient | null,
  appVersion: string | undefined,
  timing: AutomaticBackupTiming = defaultTiming,
): void {
  const { firstLookMs, everyMs } = timing;
  useEffect(() => {
    if (!db || !host || host.transport !== 'ipc' || appVersion === undefined) return;
    let running = false;
    const look = () => {
      if (running) return;
      running = true;
      runAutomaticBackup(db, host, appVersion)
        .catch(() => {
          // A failed daily backup is tried again at the next look; the dialog shows the backups that exist.
        })
        .finally(() => {
          running = false;
        });
    };
    const first = window.setTimeout(look, firstLookMs);
    const every = window.setInterval(look, everyMs);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(every);
    };
  }, [db, host, appVersion, firstLookMs, everyMs]);
}
