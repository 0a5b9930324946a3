import { cleanup, render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { BackupInfo } from '../../../shared/backup/backup-schemas';
import { createNote, type CommonplaceDb } from '../../data';
import { freshDatabaseForEachTest } from '../../data/migration-harness';
import { automaticBackupDue, runAutomaticBackup, useAutomaticBackups } from './automatic-backups';
import { fakeBackupHost, type FakeBackupHost } from './fake-backup-host';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened), { beforeDelete: cleanup });

const now = Date.parse('2026-11-22T12:00:00Z');
const backup = (kind: BackupInfo['kind'], hoursAgo: number): BackupInfo => ({
  name: `b-${kind}-${hoursAgo}`,
  kind,
  createdAt: new Date(now - hoursAgo * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  bytes: 1,
});

describe('automatic backups', () => {
  it.each([
    ['none yet', [], true],
    ['the last automatic one 2 hours ago', [backup('auto', 2)], false],
    ['the last automatic one 25 hours ago', [backup('auto', 25), backup('auto', 49)], true],
    ['only backups the user made today', [backup('manual', 1), backup('before-restore', 1)], true],
    ['one 23 hours ago among older ones', [backup('auto', 70), backup('auto', 23)], false],
  ])('is due with %s: %s', (_name, backups, due) => {
    expect(automaticBackupDue(backups as BackupInfo[], now)).toBe(due);
  });

  it('makes the day’s backup once, then not again the same day', async () => {
    await createNote(db, { title: 'Kept daily' });
    const host = fakeBackupHost({ transport: 'ipc' });
    const made = await runAutomaticBackup(db, host, '0.1.0');
    expect(made?.name).toMatch(/-auto\.json\.gz$/);
    expect([...host.files.values()][0]).toContain('Kept daily');
    expect(await runAutomaticBackup(db, host, '0.1.0')).toBeUndefined();
    expect(host.files.size).toBe(1);
  });

  it('does nothing on a host that keeps no backups', async () => {
    const host = fakeBackupHost({ transport: 'ipc', supported: false });
    expect(await runAutomaticBackup(db, host, '0.1.0')).toBeUndefined();
    expect(host.calls).toEqual(['backup:list']);
  });

  function Scheduler({ host }: { host: FakeBackupHost }) {
    useAutomaticBackups(db, host, '0.1.0', { firstLookMs: 10, everyMs: 50 });
    return null;
  }

  it('looks soon after start in the desktop app, and never in browser mode', async () => {
    const desktop = fakeBackupHost({ transport: 'ipc' });
    const browser = fakeBackupHost({ transport: 'http' });
    render(
      <>
        <Scheduler host={desktop} />
        <Scheduler host={browser} />
      </>,
    );
    await vi.waitFor(() => expect(desktop.files.size).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(desktop.files.size).toBe(1);
    expect(browser.calls).toEqual([]);
  });
});
