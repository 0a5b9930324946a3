/**
 * Test support: a host that keeps backups in memory the way electron/host/backup/backup-folder.ts keeps them on
 * disk (header and secrets written by the host, rows from the page, the end line at finish; secrets never read
 * back). The real folder has its own tests; this lets the dialog be tested in jsdom. Never imported by the app.
 */
import { endLine, headerLine, parseBackupFileName, secretsLine, backupFileName, type BackupSecret } from '../../../shared/backup/backup-format';
import type { BackupInfo } from '../../../shared/backup/backup-schemas';
import type { HostCallName } from '../../../shared/host-contract';
import { HostCallError } from '../../../shared/host-error';
import type { HostClient } from '../../host/host-client';

export interface FakeBackupHost extends HostClient {
  files: Map<string, string>;
  secrets: Map<string, string>;
  calls: HostCallName[];
}

export function fakeBackupHost(options: { supported?: boolean; transport?: 'ipc' | 'http'; readChunk?: number } = {}): FakeBackupHost {
  const files = new Map<string, string>();
  const secrets = new Map<string, string>();
  const calls: HostCallName[] = [];
  const writing = new Map<string, { name: string; text: string; secrets: number }>();
  const reading = new Map<string, { lines: string[]; at: number; secrets: number }>();
  const readChunk = options.readChunk ?? 3;
  let counter = 0;
  const info = (name: string): BackupInfo => ({ name, ...parseBackupFileName(name)!, bytes: files.get(name)!.length });
  const handlers: Record<string, (request: never) => unknown> = {
    'backup:list': () =>
      options.supported === false
        ? { supported: false }
        : { supported: true, folder: '/home/me/.commonplace/backups', backups: [...files.keys()].sort().reverse().map(info) },
    'backup:begin': (request: { header: { createdAt: string; kind: BackupInfo['kind'] }; includeSecrets: boolean }) => {
      counter += 1;
      const name = backupFileName(new Date(Date.parse(request.header.createdAt) + counter * 1000), request.header.kind);
      const kept: BackupSecret[] = request.includeSecrets ? [...secrets].map(([key, value]) => ({ name: key, value })) : [];
      const text = `${headerLine(request.header as never)}\n${kept.length > 0 ? `${secretsLine(kept)}\n` : ''}`;
      writing.set(`w${counter}`, { name, text, secrets: kept.length });
      return { session: `w${counter}` };
    },
    'backup:append': (request: { session: string; text: string }) => {
      writing.get(request.session)!.text += request.text;
      return {};
    },
    'backup:finish': (request: { session: string; rows: number }) => {
      const entry = writing.get(request.session)!;
      writing.delete(request.session);
      files.set(entry.name, `${entry.text}${endLine(request.rows)}\n`);
      return { backup: info(entry.name), path: `/home/me/.commonplace/backups/${entry.name}`, secrets: entry.secrets, removed: [] };
    },
    'backup:abort': (request: { session: string }) => {
      writing.delete(request.session);
      return {};
    },
    'backup:open': (request: { name: string }) => {
      const text = files.get(request.name);
      if (text === undefined) throw new HostCallError({ code: 'not-found', message: `The backup ${request.name} is no longer there.` });
      counter += 1;
      const lines = text.split('\n').filter((line) => line !== '');
      const secretLines = lines.filter((line) => line.startsWith('{"secrets":'));
      const count = secretLines.length > 0 ? (JSON.parse(secretLines[0]!) as { secrets: unknown[] }).secrets.length : 0;
      reading.set(`r${counter}`, { lines: lines.filter((line) => !line.startsWith('{"secrets":')), at: 0, secrets: count });
      return { session: `r${counter}`, bytes: text.length };
    },
    'backup:read': (request: { session: string }) => {
      const entry = reading.get(request.session)!;
      const slice = entry.lines.slice(entry.at, entry.at + readChunk);
      entry.at += slice.length;
      const done = entry.at >= entry.lines.length;
      return { lines: slice.map((line) => `${line}\n`).join(''), done, read: entry.at, secrets: entry.secrets };
    },
    'backup:restore-secrets': (request: { name?: string; secrets?: BackupSecret[] }) => {
      let list = request.secrets ?? [];
      if (request.name) {
        const line = files.get(request.name)!.split('\n').find((candidate) => candidate.startsWith('{"secrets":'));
        list = line ? (JSON.parse(line) as { secrets: BackupSecret[] }).secrets : [];
      }
      for (const secret of list) secrets.set(secret.name, secret.value);
      return { restored: list.length };
    },
  };
  const call = async (name: HostCallName, request: unknown) => {
    calls.push(name);
    const handler = handlers[name];
    if (!handler) throw new Error(`The fake backup host does not answer ${name}`);
    return handler(request as never);
  };
  return { transport: options.transport ?? 'http', files, secrets, calls, call: call as HostClient['call'] };
}
