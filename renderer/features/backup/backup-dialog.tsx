import { useEffect, useId, useState } from 'react';
import type { BackupContent } from '../../../shared/backup/backup-format';
import type { BackupInfo } from '../../../shared/backup/backup-schemas';
import { useDatabase } from '../../data';
import type { HostClient } from '../../host/host-client';
import { useHost } from '../../host/host-context';
import { errorWords } from '../../ui/error-words';
import { formatBytes } from '../../ui/format-bytes';
import { ModalDialog } from '../../ui/modal-dialog';
import { makeBackup, readBackupFile, readHostBackup, restoreBackup, type Progress } from './backup-jobs';
import './backup-dialog.css';

interface BackupDialogProps {
  appVersion: string;
  onClose: () => void;
  /** After a restore: the app starts again on the restored archive (main passes a reload). */
  onRestored: () => void;
}

type Listing =
  | { status: 'loading' }
  | { status: 'ready'; supported: false }
  | { status: 'ready'; supported: true; folder: string; backups: BackupInfo[] }
  | { status: 'error'; message: string };

type Job =
  | { status: 'idle' }
  | { status: 'working'; what: string; progress?: Progress }
  | { status: 'done'; message: string }
  | { status: 'failed'; message: string };

type Choice = { kind: 'host'; backup: BackupInfo } | { kind: 'file'; file: File };

const kindWords: Record<BackupInfo['kind'], string> = {
  manual: 'made by you',
  auto: 'daily, automatic',
  'before-restore': 'made before a restore',
};

export function describeBackupTime(createdAt: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(createdAt));
}

async function readListing(host: HostClient): Promise<Listing> {
  try {
    const listed = await host.call('backup:list', {});
    return listed.supported ? { status: 'ready', supported: true, folder: listed.folder, backups: listed.backups } : { status: 'ready', supported: false };
  } catch (error) {
    return { status: 'error', message: errorWords(error, 'The list of backups could not be read.').message };
  }
}

const countWords = (count: number, one: string) => `${count.toLocaleString()} ${one}${count === 1 ? '' : 's'}`;

/**
 * Backup and restore (issue 8): **Back up now** writes one file holding everything to the host's backups folder;
 * **Restore from backup** replaces the archive with a listed backup or a file the user chose, after asking, and
 * after keeping a safety copy of what is here now.
 */
export function BackupDialog({ appVersion, onClose, onRestored }: BackupDialogProps) {
  const db = useDatabase();
  const host = useHost();
  const titleId = useId();
  const [listing, setListing] = useState<Listing>({ status: 'loading' });
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [job, setJob] = useState<Job>({ status: 'idle' });
  const [choice, setChoice] = useState<Choice | undefined>();
  const [confirming, setConfirming] = useState(false);
  const working = job.status === 'working';

  // Bumped after a backup is made, so the list is read again.
  const [listVersion, setListVersion] = useState(0);
  const refreshList = () => setListVersion((version) => version + 1);

  useEffect(() => {
    if (!host) return;
    let live = true;
    void readListing(host).then((next) => {
      if (live) setListing(next);
    });
    return () => {
      live = false;
    };
  }, [host, listVersion]);

  const keepsBackups = listing.status === 'ready' && listing.supported;

  const backUp = async () => {
    if (!host) return;
    setJob({ status: 'working', what: 'Backing up' });
    try {
      const made = await makeBackup(db, host, {
        kind: 'manual',
        includeSecrets,
        appVersion,
        onProgress: (progress) => setJob({ status: 'working', what: 'Backing up', progress }),
      });
      const secrets = made.secrets > 0 ? `, with ${countWords(made.secrets, 'publishing secret')}` : '';
      setJob({ status: 'done', message: `Backed up ${countWords(made.rows, 'record')}${secrets} to ${made.path} (${formatBytes(made.bytes)}).` });
      refreshList();
    } catch (error) {
      setJob({ status: 'failed', message: errorWords(error, 'The backup could not be made. Nothing was saved.').message });
    }
  };

  const restore = async () => {
    if (!host || !choice) return;
    setConfirming(false);
    try {
      setJob({ status: 'working', what: 'Reading the backup' });
      const onProgress = (progress: Progress) => setJob({ status: 'working', what: 'Reading the backup', progress });
      let content: BackupContent;
      let hostSecrets: number | undefined;
      if (choice.kind === 'host') {
        const read = await readHostBackup(host, choice.backup.name, onProgress);
        content = read;
        hostSecrets = read.hostSecrets;
      } else {
        content = await readBackupFile(choice.file, onProgress);
      }
      setJob({ status: 'working', what: keepsBackups ? 'Keeping a copy of what is here now, then restoring' : 'Restoring' });
      const restored = await restoreBackup(
        db,
        host,
        { content, hostName: choice.kind === 'host' ? choice.backup.name : undefined, hostSecrets },
        { appVersion, keepsBackups },
      );
      const secrets = restored.secrets > 0 ? ` and ${countWords(restored.secrets, 'publishing secret')}` : '';
      const safety = restored.safetyCopy ? ' What was here before is kept as a backup made before the restore.' : '';
      setJob({ status: 'done', message: `Restored ${countWords(restored.rows, 'record')}${secrets}.${safety} Commonplace starts again to show them…` });
      onRestored();
    } catch (error) {
      setJob({ status: 'failed', message: errorWords(error, 'The backup could not be restored. Nothing was changed.').message });
    }
  };

  const chosenWords =
    choice?.kind === 'host'
      ? `the backup of ${describeBackupTime(choice.backup.createdAt)}`
      : choice?.kind === 'file'
        ? `the backup file ${choice.file.name}`
        : '';

  return (
    <ModalDialog className="backup-dialog" labelledBy={titleId} onClose={onClose} closable={!working}>
      <div className="backup-dialog__body">
        <h2 id={titleId} className="backup-dialog__title">
          Backup and restore
        </h2>

        <section className="backup-dialog__section" aria-label="Back up">
          <p>
            A backup is one file that holds everything: sources, items and their full text, highlights, notes and their history, digests,
            publications and settings.
          </p>
          {listing.status === 'ready' && listing.supported && (
            <p className="backup-dialog__note">
              Backups are kept in <code>{listing.folder}</code>.
              {host?.transport === 'ipc' ? ' Commonplace also makes one by itself every day and keeps the last seven.' : ' In browser mode backups are made when you ask.'}
            </p>
          )}
          {listing.status === 'ready' && !listing.supported && <p className="backup-dialog__note">This copy of Commonplace cannot keep backups.</p>}
          <label className="backup-dialog__check">
            <input type="checkbox" checked={includeSecrets} disabled={working} onChange={(event) => setIncludeSecrets(event.target.checked)} />
            Include publishing passwords and tokens
          </label>
          <p className="backup-dialog__note">
            Off unless you ask: they would be written into the backup file as they are, so keep such a backup private.
          </p>
          <button type="button" className="button" disabled={working || !keepsBackups} onClick={() => void backUp()}>
            Back up now
          </button>
        </section>

        <section className="backup-dialog__section" aria-label="Restore">
          {listing.status === 'loading' && <p className="backup-dialog__note">Reading the list of backups…</p>}
          {listing.status === 'error' && <p role="alert">{listing.message}</p>}
          {listing.status === 'ready' && listing.supported && listing.backups.length === 0 && (
            <p className="backup-dialog__note">No backups yet: make one with Back up now.</p>
          )}
          {listing.status === 'ready' && listing.supported && listing.backups.length > 0 && (
            <fieldset className="backup-dialog__list" disabled={working}>
              <legend>Backups</legend>
              {listing.backups.map((backup) => (
                <label key={backup.name} className="backup-dialog__choice">
                  <input
                    type="radio"
                    name="backup-choice"
                    checked={choice?.kind === 'host' && choice.backup.name === backup.name}
                    onChange={() => {
                      setChoice({ kind: 'host', backup });
                      setConfirming(false);
                    }}
                  />
                  {describeBackupTime(backup.createdAt)} · {kindWords[backup.kind]} · {formatBytes(backup.bytes)}
                </label>
              ))}
            </fieldset>
          )}
          <label className="backup-dialog__file">
            Or choose a backup file
            <input
              type="file"
              accept=".gz,.jsonl,application/gzip"
              disabled={working}
              onChange={(event) => {
                const file = event.target.files?.[0];
                setChoice(file ? { kind: 'file', file } : undefined);
                setConfirming(false);
              }}
            />
          </label>
          <button type="button" className="button" disabled={working || !choice} onClick={() => setConfirming(true)}>
            Restore from backup
          </button>
          {confirming && choice && (
            <div role="group" aria-label="Confirm the restore" className="backup-dialog__confirm">
              <p>
                Replace everything in Commonplace with {chosenWords}?{' '}
                {keepsBackups ? 'A backup of what is here now is made first.' : 'What is here now will be gone: back it up first if you may want it.'}
              </p>
              <button type="button" className="button button--danger" onClick={() => void restore()} autoFocus>
                Replace everything
              </button>
              <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          )}
        </section>

        {job.status === 'working' && (
          <div role="status" className="backup-dialog__status">
            {job.what}
            {job.progress && job.progress.total > 0 ? ` · ${Math.floor((job.progress.done / job.progress.total) * 100)}%` : '…'}
            <progress max={job.progress?.total || 1} value={job.progress?.done ?? 0} aria-hidden="true" />
          </div>
        )}
        {job.status === 'done' && (
          <p role="status" className="backup-dialog__status">
            {job.message}
          </p>
        )}
        {job.status === 'failed' && (
          <p role="alert" className="backup-dialog__problem">
            {job.message}
          </p>
        )}
        <button type="button" className="button button--quiet backup-dialog__close" disabled={working} onClick={onClose}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
