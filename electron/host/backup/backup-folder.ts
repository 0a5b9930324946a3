/**
 * The folder of backups (desktop: <userData>/backups; browser mode: <data dir>/backups), and the sessions that
 * write and read them. The page streams a backup's lines in; this module compresses them into a temporary file
 * and renames it into place only once the end line is written and flushed, so a backup interrupted midway (the
 * window closed, the disk full) never looks like a backup. Publishing secrets are added here, on the host, and
 * only when the user asked; reading a backup back leaves them out, and `restoreSecrets` puts them back directly.
 *
 * Rotation: automatic backups keep the newest `keepAutomatic` (a week of daily ones by default), the safety
 * copies made before a restore the newest `keepBeforeRestore`; the user's own backups are never removed.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream, type WriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip, type Gzip } from 'node:zlib';
import {
  backupFileName,
  backupSecretSchema,
  endLine,
  headerLine,
  parseBackupFileName,
  secretsLine,
  type BackupHeader,
  type BackupSecret,
} from '../../../shared/backup/backup-format';
import type { BackupInfo } from '../../../shared/backup/backup-schemas';
import { HostFailure } from '../../../shared/host-error';
import type { SecretStore } from '../secrets/secret-store';

export interface BackupFolderOptions {
  folder: string;
  secrets?: SecretStore | undefined;
  keepAutomatic?: number;
  keepBeforeRestore?: number;
  /** A session no call has touched for this long is dropped (its temporary file removed). */
  idleMs?: number;
  /** Bytes of lines a read answers with at most (whole lines). */
  readChunkBytes?: number;
}

interface WriteSession {
  kind: 'write';
  header: BackupHeader;
  temp: string;
  gzip: Gzip;
  file: WriteStream;
  closed: Promise<void>;
  rows: number;
  /** The first characters of the line being received ('' when the text so far ends with a whole line). */
  lineHead: string;
  secrets: number;
  timer: NodeJS.Timeout;
}

interface ReadSession {
  kind: 'read';
  lines: AsyncIterator<string>;
  input: ReadStream;
  secrets: number;
  first: boolean;
  timer: NodeJS.Timeout;
}

const tempPrefix = '.commonplace-backup-';
/** How every row line starts (rowLine in shared/backup): anything else from the page is refused. */
const rowStart = '{"t":';

export function backupFolder(options: BackupFolderOptions) {
  const folder = options.folder;
  const keepAutomatic = options.keepAutomatic ?? 7;
  const keepBeforeRestore = options.keepBeforeRestore ?? 3;
  const idleMs = options.idleMs ?? 10 * 60_000;
  const readChunkBytes = options.readChunkBytes ?? 4_000_000;
  const sessions = new Map<string, WriteSession | ReadSession>();

  const touch = (id: string, session: WriteSession | ReadSession) => {
    clearTimeout(session.timer);
    session.timer = setTimeout(() => void drop(id), idleMs);
    session.timer.unref();
  };

  async function drop(id: string): Promise<void> {
    const session = sessions.get(id);
    if (!session) return;
    sessions.delete(id);
    clearTimeout(session.timer);
    if (session.kind === 'write') {
      session.gzip.destroy();
      session.file.destroy();
      await session.closed.catch(() => undefined);
      await rm(session.temp, { force: true });
    } else {
      session.input.destroy();
    }
  }

  function session<K extends 'write' | 'read'>(id: string, kind: K): K extends 'write' ? WriteSession : ReadSession {
    const found = sessions.get(id);
    if (!found || found.kind !== kind) {
      throw new HostFailure('invalid-request', 'This backup was interrupted (Commonplace stopped waiting for it). Start it again.');
    }
    touch(id, found);
    return found as K extends 'write' ? WriteSession : ReadSession;
  }

  async function list(): Promise<BackupInfo[]> {
    let names: string[];
    try {
      names = await readdir(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw folderFailure(error, folder);
    }
    const backups: BackupInfo[] = [];
    for (const name of names) {
      const parsed = parseBackupFileName(name);
      if (!parsed) continue;
      const info = await stat(path.join(folder, name)).catch(() => undefined);
      if (info?.isFile()) backups.push({ name, createdAt: parsed.createdAt, kind: parsed.kind, bytes: info.size });
    }
    return backups.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
  }

  /** Partial files no live session writes: left by a backup interrupted when the app stopped. */
  async function removeAbandoned(): Promise<void> {
    const live = new Set([...sessions.values()].flatMap((entry) => (entry.kind === 'write' ? [path.basename(entry.temp)] : [])));
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names) if (name.startsWith(tempPrefix) && !live.has(name)) await rm(path.join(folder, name), { force: true });
  }

  async function secretsToInclude(): Promise<BackupSecret[]> {
    if (!options.secrets) return [];
    const secrets: BackupSecret[] = [];
    for (const name of await options.secrets.names()) {
      const value = await options.secrets.get(name);
      if (value !== undefined) secrets.push({ name, value });
    }
    return secrets;
  }

  async function write(entry: WriteSession, text: string): Promise<void> {
    if (!entry.gzip.write(text)) await new Promise<void>((resolve) => entry.gzip.once('drain', resolve));
  }

  function resolveBackup(name: string): string {
    if (!parseBackupFileName(name)) throw new HostFailure('invalid-request', `"${name}" is not one of Commonplace's backups.`);
    return path.join(folder, name);
  }

  async function rotate(): Promise<string[]> {
    const backups = await list();
    const removed: string[] = [];
    for (const [kind, keep] of [['auto', keepAutomatic], ['before-restore', keepBeforeRestore]] as const) {
      for (const old of backups.filter((backup) => backup.kind === kind).slice(keep)) {
        await rm(path.join(folder, old.name), { force: true });
        removed.push(old.name);
      }
    }
    return removed;
  }

  async function freeName(header: BackupHeader): Promise<string> {
    const base = backupFileName(new Date(header.createdAt), header.kind);
    const taken = new Set(await readdir(folder));
    if (!taken.has(base)) return base;
    for (let suffix = 2; ; suffix += 1) {
      const candidate = base.replace(/\.json\.gz$/, `-${suffix}.json.gz`);
      if (!taken.has(candidate)) return candidate;
    }
  }

  return {
    folder,

    list,

    async begin(header: BackupHeader, includeSecrets: boolean): Promise<{ session: string }> {
      if (Number.isNaN(Date.parse(header.createdAt))) throw new HostFailure('invalid-request', 'The backup needs the time it was made.');
      try {
        await mkdir(folder, { recursive: true, mode: 0o700 });
      } catch (error) {
        throw folderFailure(error, folder);
      }
      await removeAbandoned();
      const secrets = includeSecrets ? await secretsToInclude() : [];
      const id = randomUUID();
      const temp = path.join(folder, `${tempPrefix}${id}.partial`);
      const gzip = createGzip();
      // 0600: a backup holds the whole archive, and the secrets when asked.
      const file = createWriteStream(temp, { mode: 0o600, flush: true });
      const closed = new Promise<void>((resolve, reject) => {
        file.once('close', resolve);
        file.once('error', reject);
        gzip.once('error', reject);
      });
      closed.catch(() => undefined);
      gzip.pipe(file);
      const entry: WriteSession = { kind: 'write', header, temp, gzip, file, closed, rows: 0, lineHead: '', secrets: secrets.length, timer: setTimeout(() => undefined, 0) };
      sessions.set(id, entry);
      touch(id, entry);
      await write(entry, `${headerLine(header)}\n`);
      if (secrets.length > 0) await write(entry, `${secretsLine(secrets)}\n`);
      return { session: id };
    },

    async append(id: string, text: string): Promise<void> {
      const entry = session(id, 'write');
      if (text === '') return;
      // Only rows come from the page; the header, secrets and end lines are the host's to write. A piece may end
      // mid-line (a long line comes in slices), so each line is checked where it starts.
      let refused = false;
      const segments = text.split('\n');
      segments.forEach((segment, index) => {
        if (index > 0) entry.lineHead = '';
        if (entry.lineHead.length < rowStart.length) {
          entry.lineHead += segment.slice(0, rowStart.length - entry.lineHead.length);
          const isComplete = index < segments.length - 1;
          const known = isComplete || entry.lineHead.length === rowStart.length;
          if (known && entry.lineHead !== rowStart) refused = true;
        }
        if (index < segments.length - 1) entry.rows += 1;
      });
      if (refused) {
        await drop(id);
        throw new HostFailure('invalid-request', 'Only table rows can be added to a backup. Nothing was saved.');
      }
      try {
        await write(entry, text);
      } catch (error) {
        await drop(id);
        throw folderFailure(error, folder);
      }
    },

    async finish(id: string, rows: number) {
      const entry = session(id, 'write');
      if (entry.lineHead !== '') {
        await drop(id);
        throw new HostFailure('invalid-request', 'The backup ended in the middle of a row. Nothing was saved; try again.');
      }
      if (rows !== entry.rows) {
        await drop(id);
        throw new HostFailure('invalid-request', `The backup lost rows on the way (${entry.rows} of ${rows} arrived). Nothing was saved; try again.`);
      }
      const counted = Object.values(entry.header.tables).reduce((sum, count) => sum + count, 0);
      if (counted !== rows) {
        await drop(id);
        throw new HostFailure('invalid-request', `The backup's header counts ${counted} rows but ${rows} were sent. Nothing was saved.`);
      }
      try {
        entry.gzip.end(`${endLine(rows)}\n`);
        await entry.closed;
        sessions.delete(id);
        clearTimeout(entry.timer);
        const name = await freeName(entry.header);
        await rename(entry.temp, path.join(folder, name));
        const bytes = (await stat(path.join(folder, name))).size;
        const removed = await rotate();
        const info: BackupInfo = { name, createdAt: parseBackupFileName(name)!.createdAt, kind: entry.header.kind, bytes };
        return { backup: info, path: path.join(folder, name), secrets: entry.secrets, removed };
      } catch (error) {
        await drop(id);
        throw error instanceof HostFailure ? error : folderFailure(error, folder);
      }
    },

    abort: (id: string) => drop(id),

    async open(name: string): Promise<{ session: string; bytes: number }> {
      const file = resolveBackup(name);
      const info = await stat(file).catch(() => undefined);
      if (!info?.isFile()) throw new HostFailure('not-found', `The backup ${name} is no longer in ${folder}.`);
      const input = createReadStream(file);
      const gunzip = createGunzip();
      input.on('error', (error) => gunzip.destroy(error));
      const lines = createInterface({ input: input.pipe(gunzip), crlfDelay: Infinity })[Symbol.asyncIterator]();
      const id = randomUUID();
      const entry: ReadSession = { kind: 'read', lines, input, secrets: 0, first: true, timer: setTimeout(() => undefined, 0) };
      sessions.set(id, entry);
      touch(id, entry);
      return { session: id, bytes: info.size };
    },

    async read(id: string): Promise<{ lines: string; done: boolean; read: number; secrets: number }> {
      const entry = session(id, 'read');
      const out: string[] = [];
      let size = 0;
      let done = false;
      try {
        while (size < readChunkBytes) {
          const next = await entry.lines.next();
          if (next.done) {
            done = true;
            break;
          }
          const line = next.value;
          // The secrets line stays on the host: the page learns only how many there are.
          if (line.startsWith('{"secrets":')) {
            entry.secrets = countSecrets(line);
            continue;
          }
          out.push(line);
          size += line.length + 1;
        }
      } catch {
        await drop(id);
        throw new HostFailure('invalid-request', 'This backup is damaged or was cut short: it cannot be read to its end. Nothing was restored.');
      }
      const read = entry.input.bytesRead;
      const secrets = entry.secrets;
      if (done) await drop(id);
      return { lines: out.length > 0 ? `${out.join('\n')}\n` : '', done, read, secrets };
    },

    async restoreSecrets(from: { name: string } | { secrets: BackupSecret[] }): Promise<{ restored: number }> {
      if (!options.secrets) throw new HostFailure('unavailable', 'This copy of Commonplace cannot keep publishing secrets.');
      const secrets = 'secrets' in from ? from.secrets : await readSecrets(resolveBackup(from.name));
      for (const secret of secrets) await options.secrets.set(secret.name, secret.value);
      return { restored: secrets.length };
    },
  };
}

export type BackupFolder = ReturnType<typeof backupFolder>;

function countSecrets(line: string): number {
  return parseSecrets(line).length;
}

function parseSecrets(line: string): BackupSecret[] {
  try {
    const parsed = backupSecretSchema.array().safeParse((JSON.parse(line) as { secrets?: unknown }).secrets);
    if (parsed.success) return parsed.data;
  } catch {
    // Reported below in words, without quoting the line (it holds secrets).
  }
  throw new HostFailure('invalid-request', 'The publishing secrets in this backup are damaged.');
}

/** The secrets line is the second line when there is one: only the start of the file is read. */
async function readSecrets(file: string): Promise<BackupSecret[]> {
  const input = createReadStream(file);
  const gunzip = createGunzip();
  input.on('error', (error) => gunzip.destroy(error));
  const lines = createInterface({ input: input.pipe(gunzip), crlfDelay: Infinity });
  try {
    let index = 0;
    for await (const line of lines) {
      if (index === 1) return line.startsWith('{"secrets":') ? parseSecrets(line) : [];
      index += 1;
    }
    return [];
  } catch (error) {
    if (error instanceof HostFailure) throw error;
    throw new HostFailure('invalid-request', 'This backup is damaged: its secrets cannot be read.');
  } finally {
    lines.close();
    input.destroy();
  }
}

function folderFailure(error: unknown, where: string): HostFailure {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return new HostFailure('unavailable', `The disk is full: the backup could not be written to ${where}. Nothing was saved.`);
  if (code === 'EACCES' || code === 'EPERM') return new HostFailure('forbidden', `Commonplace may not write backups to ${where}: check the folder's permissions.`);
  if (code === 'EROFS') return new HostFailure('unavailable', `${where} is on a read-only disk: the backup could not be written.`);
  return new HostFailure('unavailable', `The backup could not be written to ${where} (${code ?? 'unknown error'}).`);
}
