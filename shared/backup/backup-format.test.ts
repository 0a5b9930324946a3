import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from './base64';
import {
  backupFileName,
  backupReader,
  endLine,
  headerLine,
  lineSplitter,
  parseBackupFileName,
  rowLine,
  secretsLine,
  type BackupHeader,
} from './backup-format';

const header = (tables: Record<string, number>): BackupHeader => ({
  format: 'commonplace-backup',
  formatVersion: 1,
  schemaVersion: 4,
  createdAt: '2026-11-22T16:30:00.000Z',
  appVersion: '0.1.0',
  kind: 'manual',
  tables,
});

/** shared/ has no TextEncoder (no DOM or Node typings); these tests need only ASCII. */
const ascii = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));

function read(lines: string[]) {
  const reader = backupReader();
  for (const line of lines) reader.add(line);
  return reader.finish();
}

describe('base64', () => {
  it.each([0, 1, 2, 3, 4, 5, 255, 256, 70_000])('round-trips %i bytes of every value', (length) => {
    const bytes = Uint8Array.from({ length }, (_, index) => (index * 37 + 11) % 256);
    const text = bytesToBase64(bytes);
    expect(text.length).toBe(Math.ceil(length / 3) * 4);
    expect(base64ToBytes(text)).toEqual(bytes);
  });

  it('matches the standard alphabet and padding', () => {
    expect(bytesToBase64(ascii('Man'))).toBe('TWFu');
    expect(bytesToBase64(ascii('Ma'))).toBe('TWE=');
    expect(bytesToBase64(ascii('M'))).toBe('TQ==');
    expect(bytesToBase64(Uint8Array.from([251, 255]))).toBe('+/8=');
  });

  it.each(['abc', 'ab=c', '@@@@', 'TQ=a', 'T===', 'é123'])('refuses %j', (text) => {
    expect(base64ToBytes(text)).toBeUndefined();
  });
});

describe('backup lines', () => {
  it('round-trips rows with bytes, non-finite numbers, nesting, unicode and line breaks in text', () => {
    const rows = [
      { id: 'a', bytes: Uint8Array.from([0, 1, 2, 250]), nested: { list: [1, 'two', null, { deep: true }] } },
      { id: 'b', text: 'line one\nline two\u2028 and "quotes" \\ and 🎉', next: Infinity, low: -Infinity, nan: NaN },
    ];
    const content = read([headerLine(header({ notes: 2 })), ...rows.map((row) => rowLine('notes', row)), endLine(2)]);
    expect(content.rows.get('notes')).toEqual(rows);
    expect(content.secrets).toEqual([]);
    // One row is one line whatever its text holds.
    expect(rowLine('notes', rows[1]).includes('\n')).toBe(false);
  });

  it.each([
    ['a Date', { at: new Date(0) }, /Date/],
    ['a Map', { map: new Map() }, /Map/],
    ['a Blob-like class', { blob: new (class Blob {})() }, /Object|Blob/],
    ['a bigint', { big: 1n }, /bigint/],
  ])('refuses to back up %s rather than lose it', (_name, row, message) => {
    expect(() => rowLine('items', row)).toThrow(message);
  });

  it('keeps secrets apart from rows', () => {
    const content = read([headerLine(header({})), secretsLine([{ name: 'micropub:https://blog.example', value: 't0ken' }]), endLine(0)]);
    expect(content.secrets).toEqual([{ name: 'micropub:https://blog.example', value: 't0ken' }]);
  });

  it('refuses a file cut short: no end line', () => {
    expect(() => read([headerLine(header({ notes: 1 })), rowLine('notes', { id: 'a' })])).toThrow(/incomplete/);
  });

  it.each([
    ['an empty file', [], /empty/],
    ['rows before the header', [rowLine('notes', { id: 'a' })], /first line/],
    ['a count that disagrees with the end line', [headerLine(header({ notes: 1 })), rowLine('notes', { id: 'a' }), endLine(2)], /says 2/],
    ['a count that disagrees with the header', [headerLine(header({ notes: 2 })), rowLine('notes', { id: 'a' }), endLine(1)], /header says 2/],
    ['a table the header does not name', [headerLine(header({ notes: 0 })), rowLine('evil', { id: 'a' }), endLine(1)], /evil/],
    ['text that is not JSON', [headerLine(header({})), '{"t":"notes",', endLine(0)], /not JSON/],
    ['damaged bytes', [headerLine(header({ a: 1 })), '{"t":"a","r":{"b":{"$commonplace":"bytes","base64":"!!"}}}', endLine(1)], /damaged/],
    ['lines after the end', [headerLine(header({})), endLine(0), rowLine('notes', {})], /after its end/],
    ['another format', ['{"header":{"format":"other"}}', endLine(0)], /not a Commonplace backup/],
  ])('refuses %s in words', (_name, lines, message) => {
    expect(() => read(lines as string[])).toThrow(message);
  });

  it('says when a newer Commonplace made the backup', () => {
    expect(() => read([JSON.stringify({ header: { ...header({}), formatVersion: 9 } })])).toThrow(/newer version/);
  });

  it('splits pieces into whole lines', () => {
    const lines: string[] = [];
    const splitter = lineSplitter((line) => lines.push(line));
    splitter.push('{"a":1}\n{"b"');
    splitter.push(':2}\n');
    splitter.push('{"c":3}');
    splitter.end();
    expect(lines).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
  });
});

describe('backup file names', () => {
  it('name a time and kind that read back, and refuse anything else', () => {
    const name = backupFileName(new Date('2026-11-22T16:30:05.123Z'), 'auto');
    expect(name).toBe('commonplace-2026-11-22T16-30-05Z-auto.json.gz');
    expect(parseBackupFileName(name)).toEqual({ createdAt: '2026-11-22T16:30:05Z', kind: 'auto' });
    expect(parseBackupFileName(name.replace('.json.gz', '-2.json.gz'))?.kind).toBe('auto');
    for (const bad of ['../secrets.json', 'commonplace-2026-11-22T16-30-05Z-auto.json.gz/../../x', 'x.json.gz', `/tmp/${name}`]) {
      expect(parseBackupFileName(bad)).toBeUndefined();
    }
  });
});
