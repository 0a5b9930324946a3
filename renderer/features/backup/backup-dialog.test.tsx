import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { gzipSync, strToU8 } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { endLine, headerLine, rowLine, secretsLine } from '../../../shared/backup/backup-format';
import { createNote, DatabaseContext, type CommonplaceDb } from '../../data';
import { freshDatabaseForEachTest } from '../../data/migration-harness';
import { HostContext } from '../../host/host-context';
import { BackupDialog } from './backup-dialog';
import { fakeBackupHost, type FakeBackupHost } from './fake-backup-host';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened), { beforeDelete: cleanup });

function renderDialog(host: FakeBackupHost) {
  const onRestored = vi.fn();
  const onClose = vi.fn();
  render(
    <DatabaseContext.Provider value={db}>
      <HostContext.Provider value={host}>
        <BackupDialog appVersion="0.1.0" onClose={onClose} onRestored={onRestored} />
      </HostContext.Provider>
    </DatabaseContext.Provider>,
  );
  return { onRestored, onClose };
}

const titles = async () => (await db.notes.toArray()).map((note) => note.title).sort();

async function backUpNow() {
  const button = await screen.findByRole('button', { name: 'Back up now' });
  await waitFor(() => expect(button).toHaveProperty('disabled', false));
  fireEvent.click(button);
  return waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Backed up/));
}

describe('Backup and restore', () => {
  it('backs up now, says where and how much, and lists the backup', async () => {
    await createNote(db, { title: 'Alpha' });
    await createNote(db, { title: 'Beta' });
    const host = fakeBackupHost();
    renderDialog(host);
    expect(await screen.findByText(/No backups yet/)).toBeTruthy();
    await backUpNow();
    expect(screen.getByRole('status').textContent).toMatch(/^Backed up 2 records to \/home\/me\/\.commonplace\/backups\/commonplace-.*-manual\.json\.gz \(\d+(\.\d)? (bytes|KB)\)\.$/);
    expect(await screen.findAllByRole('radio')).toHaveLength(1);
    expect(screen.getByRole('radio').parentElement?.textContent).toMatch(/made by you/);
    expect(host.files.size).toBe(1);
  });

  it('includes publishing secrets only when asked, and says so', async () => {
    const host = fakeBackupHost();
    host.secrets.set('mastodon:https://social.example', 'token');
    renderDialog(host);
    await backUpNow();
    expect([...host.files.values()][0]).not.toContain('token');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Include publishing passwords and tokens' }));
    await backUpNow();
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/with 1 publishing secret to/));
    expect([...host.files.values()].some((text) => text.includes('token'))).toBe(true);
  });

  it('restores a listed backup after asking, keeps a copy of what was there first, and starts the app again', async () => {
    await createNote(db, { title: 'Alpha' });
    const host = fakeBackupHost();
    const { onRestored } = renderDialog(host);
    await backUpNow();
    await createNote(db, { title: 'Written after the backup' });

    fireEvent.click(await screen.findByRole('radio'));
    fireEvent.click(screen.getByRole('button', { name: 'Restore from backup' }));
    const confirm = screen.getByRole('group', { name: 'Confirm the restore' });
    expect(confirm.textContent).toMatch(/Replace everything in Commonplace with the backup of .*\? A backup of what is here now is made first\./);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await titles()).toEqual(['Alpha', 'Written after the backup']);

    fireEvent.click(screen.getByRole('button', { name: 'Restore from backup' }));
    fireEvent.click(screen.getByRole('button', { name: 'Replace everything' }));
    await waitFor(() => expect(onRestored).toHaveBeenCalledOnce());
    expect(screen.getByRole('status').textContent).toMatch(/^Restored 1 record\. What was here before is kept as a backup made before the restore\./);
    expect(await titles()).toEqual(['Alpha']);
    // The search index is rebuilt at the restart, since it described the archive that was replaced.
    expect(window.localStorage.getItem('commonplace.search.rebuild')).toBe(db.name);
    const kinds = [...host.files.keys()].map((name) => /-(manual|before-restore)\.json\.gz$/.exec(name)?.[1]).sort();
    expect(kinds).toEqual(['before-restore', 'manual']);
  });

  it('restores a file the user chose, secrets included, with no backups folder to keep a copy in', async () => {
    await createNote(db, { title: 'Here now' });
    const header = { format: 'commonplace-backup', formatVersion: 1, schemaVersion: db.verno, createdAt: '2026-11-01T10:00:00.000Z', appVersion: '0.1.0', kind: 'manual', tables: { notes: 1 } } as const;
    const note = { id: 'n1', title: 'From the file', aliases: [], tags: [], text: '', doc: { type: 'doc', content: [] }, createdAt: 1, updatedAt: 2 };
    const text = [headerLine(header), secretsLine([{ name: 'wordpress:https://blog.example', value: 'app-password' }]), rowLine('notes', note), endLine(1)].join('\n');
    const host = fakeBackupHost({ supported: false });
    const { onRestored } = renderDialog(host);
    expect(await screen.findByText('This copy of Commonplace cannot keep backups.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Back up now' })).toHaveProperty('disabled', true);
    const file = new File([gzipSync(strToU8(text))], 'my-backup.json.gz', { type: 'application/gzip' });
    fireEvent.change(screen.getByLabelText('Or choose a backup file'), { target: { files: [file] } });
    fireEvent.click(screen.getByRole('button', { name: 'Restore from backup' }));
    expect(screen.getByRole('group', { name: 'Confirm the restore' }).textContent).toMatch(/the backup file my-backup\.json\.gz\? What is here now will be gone/);
    fireEvent.click(screen.getByRole('button', { name: 'Replace everything' }));
    await waitFor(() => expect(onRestored).toHaveBeenCalledOnce());
    expect(screen.getByRole('status').textContent).toMatch(/^Restored 1 record and 1 publishing secret\./);
    expect(await titles()).toEqual(['From the file']);
    expect(host.secrets.get('wordpress:https://blog.example')).toBe('app-password');
  });

  it.each([
    ['a file cut short', (text: string) => gzipSync(strToU8(text)).subarray(0, 40), /damaged or was cut short|incomplete/],
    ['a file without its end line', (text: string) => strToU8(text.split('\n').slice(0, 2).join('\n')), /incomplete/],
    ['a picture', () => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00]), /not text|not a Commonplace backup/],
  ])('refuses %s in words and changes nothing', async (_name, damage, message) => {
    await createNote(db, { title: 'Kept' });
    const header = { format: 'commonplace-backup', formatVersion: 1, schemaVersion: db.verno, createdAt: '2026-11-01T10:00:00.000Z', appVersion: '0.1.0', kind: 'manual', tables: { notes: 1 } } as const;
    const text = [headerLine(header), rowLine('notes', { id: 'n1', title: 'x' }), endLine(1)].join('\n') + '\n' + 'padding '.repeat(200);
    const { onRestored } = renderDialog(fakeBackupHost());
    await screen.findByText(/No backups yet/);
    fireEvent.change(screen.getByLabelText('Or choose a backup file'), { target: { files: [new File([damage(text) as BlobPart], 'broken.gz')] } });
    fireEvent.click(screen.getByRole('button', { name: 'Restore from backup' }));
    fireEvent.click(screen.getByRole('button', { name: 'Replace everything' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(message));
    expect(onRestored).not.toHaveBeenCalled();
    expect(await titles()).toEqual(['Kept']);
  });
});
