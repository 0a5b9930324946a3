/**
 * The backup file: one gzip-compressed file of JSON lines that holds the whole archive.
 *
 *   {"header":{format, formatVersion, schemaVersion, createdAt, appVersion, kind, tables:{name: rows}}}
 *   {"secrets":[{name, value}]}            only when the user asked for publishing secrets to be included
 *   {"t":"items","r":{…one row…}}          one line per row of every table
 *   {"end":{"rows":N}}                     last: a file without it was cut short and is refused
 *
 * Lines, not one JSON document, so a backup of a hundred thousand items is written and read a few megabytes
 * at a time (the web host takes at most 32 MB per call), and a torn file is recognised rather than half-read.
 * Values JSON cannot carry are tagged: bytes (vault attachments) as base64, and the non-finite numbers.
 * Anything else that is not plain data (a Date, a Map, a Blob) is refused when the backup is made, because
 * silently turning it into {} would lose it.
 */
import { z } from 'zod';
import { base64ToBytes, bytesToBase64 } from './base64';

export const backupFormat = 'commonplace-backup';
export const backupFormatVersion = 1;

export const backupKinds = ['manual', 'auto', 'before-restore'] as const;
export type BackupKind = (typeof backupKinds)[number];

export const backupHeaderSchema = z
  .object({
    format: z.literal(backupFormat),
    formatVersion: z.literal(backupFormatVersion),
    /** The database schema the rows were read under; a restore upgrades older ones. */
    schemaVersion: z.number().int().positive(),
    createdAt: z.string().max(40),
    appVersion: z.string().max(40),
    kind: z.enum(backupKinds),
    /** Rows per table, so a restore can check it read them all. */
    tables: z.record(z.string().max(64), z.number().int().nonnegative()),
  })
  .strict();
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

export const backupSecretSchema = z.object({ name: z.string().min(1).max(1000), value: z.string().max(8192) }).strict();
export type BackupSecret = z.infer<typeof backupSecretSchema>;

/** What a backup holds once read: the rows of every table, and the secrets if it carried them. */
export interface BackupContent {
  header: BackupHeader;
  rows: Map<string, unknown[]>;
  secrets: BackupSecret[];
}

export class BackupFormatError extends Error {}

const tag = '$commonplace';

function encodeValue(this: unknown, key: string, value: unknown): unknown {
  // The holder's own value: JSON.stringify has already replaced a Date by its toJSON() string in `value`.
  const raw = (this as Record<string, unknown>)[key];
  if (ArrayBuffer.isView(raw) && Object.prototype.toString.call(raw) === '[object Uint8Array]') {
    return { [tag]: 'bytes', base64: bytesToBase64(raw as Uint8Array) };
  }
  if (typeof raw === 'number' && !Number.isFinite(raw)) return { [tag]: 'number', value: String(raw) };
  if (typeof raw === 'bigint' || typeof raw === 'function' || typeof raw === 'symbol') {
    throw new BackupFormatError(`"${key}" holds a ${typeof raw}, which a backup cannot keep.`);
  }
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    // Plain means its prototype is an Object.prototype (of any realm: rows read from IndexedDB may come from
    // another one) or null; a class instance's prototype has a prototype of its own.
    const prototype = Object.getPrototypeOf(raw) as object | null;
    const plain = prototype === null || Object.getPrototypeOf(prototype) === null;
    const kind = Object.prototype.toString.call(raw).slice(8, -1);
    if (!plain || kind !== 'Object') {
      const name = kind !== 'Object' ? kind : ((prototype as { constructor?: { name?: string } }).constructor?.name ?? kind);
      throw new BackupFormatError(`"${key}" holds a ${name}, which a backup cannot keep.`);
    }
  }
  return value;
}

function decodeValue(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !(tag in value)) return value;
  const tagged = value as Record<string, unknown>;
  if (tagged[tag] === 'bytes' && typeof tagged.base64 === 'string') {
    const bytes = base64ToBytes(tagged.base64);
    if (bytes) return bytes;
  }
  if (tagged[tag] === 'number' && ['Infinity', '-Infinity', 'NaN'].includes(tagged.value as string)) return Number(tagged.value);
  throw new BackupFormatError('A value in the backup is damaged.');
}

/** The line for one row of a table (no newline). */
export function rowLine(table: string, row: unknown): string {
  try {
    return JSON.stringify({ t: table, r: row }, encodeValue);
  } catch (error) {
    if (error instanceof BackupFormatError) throw new BackupFormatError(`A row of ${table} cannot be backed up: ${error.message}`);
    throw error;
  }
}

export const headerLine = (header: BackupHeader): string => JSON.stringify({ header });
export const secretsLine = (secrets: readonly BackupSecret[]): string => JSON.stringify({ secrets });
export const endLine = (rows: number): string => JSON.stringify({ end: { rows } });

export type BackupLine =
  | { kind: 'header'; header: BackupHeader }
  | { kind: 'secrets'; secrets: BackupSecret[] }
  | { kind: 'row'; table: string; row: unknown }
  | { kind: 'end'; rows: number };

const damaged = (what: string) => new BackupFormatError(`This file is not a Commonplace backup, or it is damaged (${what}).`);

export function parseBackupLine(line: string, lineNumber: number): BackupLine {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line, decodeValue);
  } catch (error) {
    if (error instanceof BackupFormatError) throw damaged(`line ${lineNumber}: ${error.message}`);
    throw damaged(`line ${lineNumber} is not JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw damaged(`line ${lineNumber}`);
  const record = parsed as Record<string, unknown>;
  if (typeof record.t === 'string' && typeof record.r === 'object' && record.r !== null) return { kind: 'row', table: record.t, row: record.r };
  if ('header' in record) {
    const header = backupHeaderSchema.safeParse(record.header);
    if (!header.success) {
      const format = (record.header as { format?: unknown } | null)?.format;
      const version = (record.header as { formatVersion?: unknown } | null)?.formatVersion;
      if (format === backupFormat && typeof version === 'number' && version > backupFormatVersion) {
        throw new BackupFormatError('This backup was made by a newer version of Commonplace. Update Commonplace to restore it.');
      }
      throw damaged('its first line is not a backup header');
    }
    return { kind: 'header', header: header.data };
  }
  if ('secrets' in record) {
    const secrets = z.array(backupSecretSchema).safeParse(record.secrets);
    if (!secrets.success) throw damaged(`line ${lineNumber}: the saved secrets`);
    return { kind: 'secrets', secrets: secrets.data };
  }
  const end = z.object({ rows: z.number().int().nonnegative() }).safeParse(record.end);
  if (end.success) return { kind: 'end', rows: end.data.rows };
  throw damaged(`line ${lineNumber}`);
}

/**
 * Reads backup lines in order and checks the file's shape: a header first, rows of the tables the header
 * names, the end line last with the right count. Feed it lines as they arrive; `finish()` gives the content.
 */
export function backupReader() {
  let header: BackupHeader | undefined;
  const rows = new Map<string, unknown[]>();
  let secrets: BackupSecret[] = [];
  let count = 0;
  let ended = false;
  let lineNumber = 0;
  return {
    add(line: string): void {
      lineNumber += 1;
      if (line.trim() === '') return;
      if (ended) throw damaged('text after its end');
      const parsed = parseBackupLine(line, lineNumber);
      if (!header) {
        if (parsed.kind !== 'header') throw damaged('its first line is not a backup header');
        header = parsed.header;
        for (const table of Object.keys(header.tables)) rows.set(table, []);
        return;
      }
      if (parsed.kind === 'header') throw damaged(`a second header on line ${lineNumber}`);
      if (parsed.kind === 'secrets') secrets = parsed.secrets;
      else if (parsed.kind === 'row') {
        const table = rows.get(parsed.table);
        if (!table) throw damaged(`line ${lineNumber} names a table the header does not, ${parsed.table}`);
        table.push(parsed.row);
        count += 1;
      } else {
        if (parsed.rows !== count) throw damaged(`it ends after ${count} rows but says ${parsed.rows}`);
        ended = true;
      }
    },
    finish(): BackupContent {
      if (!header) throw damaged('it is empty');
      if (!ended) throw new BackupFormatError('This backup is incomplete: it was cut short while it was written or copied.');
      for (const [table, expected] of Object.entries(header.tables)) {
        const found = rows.get(table)?.length ?? 0;
        if (found !== expected) throw damaged(`${table} has ${found} rows, the header says ${expected}`);
      }
      return { header, rows, secrets };
    },
  };
}

/** Splits text that arrives in pieces into whole lines, keeping a partial last line for the next piece. */
export function lineSplitter(onLine: (line: string) => void) {
  let rest = '';
  return {
    push(text: string): void {
      const lines = (rest + text).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) onLine(line);
    },
    end(): void {
      if (rest !== '') onLine(rest);
      rest = '';
    },
  };
}

/** The file name a backup gets: its time and kind, sortable, safe on every file system. */
export function backupFileName(createdAt: Date, kind: BackupKind): string {
  const stamp = createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-');
  return `commonplace-${stamp}-${kind}.json.gz`;
}

const fileNamePattern = /^commonplace-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z)-(manual|auto|before-restore)(?:-\d+)?\.json\.gz$/;

/** The time and kind a backup's file name says, or undefined for any other name (never a path). */
export function parseBackupFileName(name: string): { createdAt: string; kind: BackupKind } | undefined {
  const match = fileNamePattern.exec(name);
  if (!match) return undefined;
  const [date, time] = match[1]!.split('T') as [string, string];
  return { createdAt: `${date}T${time.replace(/-/g, ':')}`, kind: match[2] as BackupKind };
}
