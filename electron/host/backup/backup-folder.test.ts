import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupReader, rowLine, type BackupHeader, type BackupKind } from '../../../shared/backup/backup-format';
import { dispatchHostCall } from '../../../shared/host-dispatch';
import { createHostHandlers } from '../handlers';
import { memorySecretStore } from '../secrets/memory-secret-store';
import { backupFolder } from './backup-folder';

let folder: string;
beforeEach(async () => {
  folder = path.join(await mkdtemp(path.join(tmpdir(), 'cp-backups-')), 'backups');
});
afterEach(async () => {
  await rm(path.dirname(folder), { recursive: true, force: true });
});

const header = (tables: Record<string, number>, kind: BackupKind = 'manual', createdAt = '2026-11-22T16:30:00.000Z'): BackupHeader => ({
  format: 'commonplace-backup',
  formatVersion: 1,
  schemaVersion: 4,
  createdAt,
  appVersion: '0.1.0',
  kind,
  tables,
});

const rows = (count: number) => Array.from({ length: count }, (_, index) => ({ id: `n${index}`, title: `Note ${index}`, body: 'word '.repeat(50) }));
const linesOf = (list: unknown[]) => list.map((row) => `${rowLine('notes', row)}\n`).join('');

async function writeBackup(store: ReturnType<typeof backupFolder>, list: unknown[], options: { kind?: BackupKind; createdAt?: string; includeSecrets?: boolean } = {}) {
  const { session } = await store.begin(header({ notes: list.length }, options.kind, options.createdAt), options.includeSecrets ?? false);
  for (let from = 0; from < list.length; from += 100) await store.append(session, linesOf(list.slice(from, from + 100)));
  return store.finish(session, list.length);
}

async function readAll(store: ReturnType<typeof backupFolder>, name: string) {
  const { session } = await store.open(name);
  const reader = backupReader();
  let secrets: number | undefined;
  let reads = 0;
  for (;;) {
    const chunk = await store.read(session);
    reads += 1;
    secrets = chunk.secrets;
    for (const line of chunk.lines.split('\n')) reader.add(line);
    if (chunk.done) break;
  }
  return { content: reader.finish(), secrets, reads };
}

describe('backupFolder', () => {
  it('writes one compressed, private file that reads back whole, in several reads', async () => {
    const store = backupFolder({ folder, readChunkBytes: 20_000 });
    const list = rows(1_000);
    const done = await writeBackup(store, list);
    expect(done.backup).toMatchObject({ name: 'commonplace-2026-11-22T16-30-00Z-manual.json.gz', kind: 'manual', createdAt: '2026-11-22T16:30:00Z' });
    expect(done.path).toBe(path.join(folder, done.backup.name));
    expect((await stat(done.path)).mode & 0o777).toBe(0o600);
    expect(done.backup.bytes).toBeLessThan(linesOf(list).length / 5);
    expect(await readdir(folder)).toEqual([done.backup.name]);
    const { content, reads } = await readAll(store, done.backup.name);
    expect(content.rows.get('notes')).toEqual(list);
    expect(reads).toBeGreaterThan(3);
    expect(await store.list()).toEqual([done.backup]);
  });

  it('leaves no backup behind when a backup is interrupted, and clears its temporary file', async () => {
    const store = backupFolder({ folder });
    const { session } = await store.begin(header({ notes: 10 }), false);
    await store.append(session, linesOf(rows(5)));
    expect(await store.list()).toEqual([]);
    expect((await readdir(folder)).some((name) => name.endsWith('.partial'))).toBe(true);
    await store.abort(session);
    expect(await readdir(folder)).toEqual([]);
  });

  it('drops a session nobody touched for a while, and later begins remove files left by a stopped app', async () => {
    const store = backupFolder({ folder, idleMs: 30 });
    const { session } = await store.begin(header({ notes: 1 }), false);
    await new Promise((resolve) => setTimeout(resolve, 120));
    await expect(store.append(session, linesOf(rows(1)))).rejects.toThrow(/interrupted/);
    expect(await readdir(folder)).toEqual([]);
    await writeFile(path.join(folder, '.commonplace-backup-left-over.partial'), 'half');
    const next = await store.begin(header({}), false);
    await store.finish(next.session, 0);
    expect((await readdir(folder)).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('joins a long line sent in slices', async () => {
    const store = backupFolder({ folder });
    const row = { id: 'big', body: 'x'.repeat(10_000) };
    const line = `${rowLine('notes', row)}\n`;
    const { session } = await store.begin(header({ notes: 1 }), false);
    for (let from = 0; from < line.length; from += 999) await store.append(session, line.slice(from, from + 999));
    const done = await store.finish(session, 1);
    expect((await readAll(store, done.backup.name)).content.rows.get('notes')).toEqual([row]);
  });

  it('refuses a finish whose count disagrees, and saves nothing', async () => {
    const store = backupFolder({ folder });
    const { session } = await store.begin(header({ notes: 3 }), false);
    await store.append(session, linesOf(rows(2)));
    await expect(store.finish(session, 3)).rejects.toThrow(/2 of 3 arrived/);
    expect(await readdir(folder)).toEqual([]);
  });

  it('takes only row lines from the page, and whole rows by the end, however they were sliced', async () => {
    const store = backupFolder({ folder });
    let { session } = await store.begin(header({ notes: 1 }), false);
    await expect(store.append(session, '{"secrets":[]}\n')).rejects.toThrow(/Only table rows/);
    await expect(store.append(session, rowLine('notes', {}))).rejects.toThrow(/interrupted/);
    ({ session } = await store.begin(header({ notes: 1 }), false));
    await store.append(session, '{"');
    await expect(store.append(session, 'secrets":[]}\n')).rejects.toThrow(/Only table rows/);
    expect((await readdir(folder)).filter((name) => name.endsWith('.partial'))).toEqual([]);
    ({ session } = await store.begin(header({ notes: 1 }), false));
    await store.append(session, rowLine('notes', {}).slice(0, 3));
    await store.append(session, rowLine('notes', {}).slice(3));
    await expect(store.finish(session, 1)).rejects.toThrow(/middle of a row/);
  });

  it('keeps a week of automatic backups and three safety copies, and every backup the user made', async () => {
    const store = backupFolder({ folder });
    for (let day = 1; day <= 10; day += 1) {
      const stamp = `2026-11-${String(day).padStart(2, '0')}T03:00:00.000Z`;
      const auto = await writeBackup(store, rows(1), { kind: 'auto', createdAt: stamp });
      await writeBackup(store, rows(1), { kind: 'manual', createdAt: stamp });
      const safety = await writeBackup(store, rows(1), { kind: 'before-restore', createdAt: stamp });
      if (day === 10) {
        expect(auto.removed).toEqual(['commonplace-2026-11-03T03-00-00Z-auto.json.gz']);
        expect(safety.removed).toEqual(['commonplace-2026-11-07T03-00-00Z-before-restore.json.gz']);
      }
    }
    const kept = await store.list();
    expect(kept.filter((backup) => backup.kind === 'auto').map((backup) => backup.createdAt.slice(8, 10))).toEqual(['10', '09', '08', '07', '06', '05', '04']);
    expect(kept.filter((backup) => backup.kind === 'before-restore')).toHaveLength(3);
    expect(kept.filter((backup) => backup.kind === 'manual')).toHaveLength(10);
  });

  it('gives two backups made in the same second two names', async () => {
    const store = backupFolder({ folder });
    const first = await writeBackup(store, rows(1));
    const second = await writeBackup(store, rows(2));
    expect(second.backup.name).not.toBe(first.backup.name);
    expect((await readAll(store, second.backup.name)).content.rows.get('notes')).toHaveLength(2);
  });

  it('adds the publishing secrets only when asked, never reads them back to the page, and restores them on the host', async () => {
    const secrets = memorySecretStore();
    secrets.values.set('mastodon:https://social.example', 'access-token-1');
    const store = backupFolder({ folder, secrets });
    const without = await writeBackup(store, rows(1), { createdAt: '2026-11-22T10:00:00.000Z' });
    expect(gunzipSync(await readFile(without.path)).toString()).not.toContain('access-token-1');
    expect(without.secrets).toBe(0);
    const withSecrets = await writeBackup(store, rows(1), { includeSecrets: true });
    expect(withSecrets.secrets).toBe(1);
    expect(gunzipSync(await readFile(withSecrets.path)).toString()).toContain('access-token-1');
    const { session } = await store.open(withSecrets.backup.name);
    let text = '';
    let count: number | undefined;
    for (let chunk = await store.read(session); ; chunk = await store.read(session)) {
      text += chunk.lines;
      count = chunk.secrets;
      if (chunk.done) break;
    }
    expect(text).not.toContain('access-token-1');
    expect(count).toBe(1);
    secrets.values.clear();
    expect(await store.restoreSecrets({ name: without.backup.name })).toEqual({ restored: 0 });
    expect(await store.restoreSecrets({ name: withSecrets.backup.name })).toEqual({ restored: 1 });
    expect(secrets.values.get('mastodon:https://social.example')).toBe('access-token-1');
  });

  it('says in words that a backup cut short or damaged cannot be restored', async () => {
    const store = backupFolder({ folder });
    const done = await writeBackup(store, rows(2_000));
    const bytes = await readFile(done.path);
    const cut = path.join(folder, 'commonplace-2026-11-22T17-00-00Z-manual.json.gz');
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(readAll(store, path.basename(cut))).rejects.toThrow(/damaged or was cut short/);
    const garbage = path.join(folder, 'commonplace-2026-11-22T18-00-00Z-manual.json.gz');
    await writeFile(garbage, 'not gzip at all');
    await expect(readAll(store, path.basename(garbage))).rejects.toThrow(/damaged or was cut short/);
  });

  it.each(['../secrets.json', '/etc/passwd', 'commonplace-x.json.gz', '.commonplace-backup-1.partial'])('refuses to open %j', async (name) => {
    const store = backupFolder({ folder });
    await expect(store.open(name)).rejects.toThrow(/not one of Commonplace's backups/);
    await expect(store.restoreSecrets({ name })).rejects.toThrow();
  });

  it('lists nothing (not an error) before the first backup', async () => {
    expect(await backupFolder({ folder }).list()).toEqual([]);
  });
});

describe('backup host calls', () => {
  it('work through dispatchHostCall, and say when this host keeps no backups', async () => {
    const handlers = createHostHandlers({ backupsFolder: folder });
    const call = (name: string, payload: unknown) => dispatchHostCall(handlers, name, payload, { transport: 'http' });
    const begun = await call('backup:begin', { header: header({ notes: 1 }), includeSecrets: false });
    expect(begun.ok).toBe(true);
    const session = (begun as { value: { session: string } }).value.session;
    expect((await call('backup:append', { session, text: linesOf(rows(1)) })).ok).toBe(true);
    const finished = await call('backup:finish', { session, rows: 1 });
    expect(finished).toMatchObject({ ok: true, value: { secrets: 0, removed: [] } });
    expect(await call('backup:list', {})).toMatchObject({ ok: true, value: { supported: true, folder, backups: [{ kind: 'manual' }] } });
    expect(await call('backup:open', { name: '../x' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });

    const none = createHostHandlers();
    expect(await dispatchHostCall(none, 'backup:list', {}, { transport: 'http' })).toEqual({ ok: true, value: { supported: false } });
    expect(await dispatchHostCall(none, 'backup:begin', { header: header({}), includeSecrets: false }, { transport: 'http' })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});
