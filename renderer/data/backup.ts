/**
 * The whole archive as backup lines, and back (issue 8). A backup is read in ONE read transaction, so it is a
 * consistent snapshot even while a refresh writes; a restore validates everything first and then replaces every
 * table in ONE write transaction, so an interrupted or failed restore leaves the archive as it was.
 *
 * Every table is backed up except the search index, which is derived from the rest and rebuilt after a
 * restore (a saved index for other rows would be stale). A backup made under an older schema is loaded into a
 * scratch database at that version and upgraded by the same steps a user's database goes through.
 */
import { Dexie } from 'dexie';
import { backupFormat, backupFormatVersion, rowLine, type BackupContent, type BackupHeader, type BackupKind } from '../../shared/backup/backup-format';
import { CommonplaceDb, latestSchema, versionSteps } from './db';
import { StoreError } from './store-error';

/** Tables derived from the others: left out of backups, emptied by a restore. */
const derivedTables = new Set(['searchIndex']);

export function backedUpTables(db: Dexie): string[] {
  return db.tables.map((table) => table.name).filter((name) => !derivedTables.has(name)).sort();
}

export interface ArchiveSnapshot {
  header: BackupHeader;
  rows: Map<string, unknown[]>;
  /** How many rows in all. */
  total: number;
}

/** Every backed-up table read in one transaction. */
export async function snapshotArchive(db: CommonplaceDb, options: { kind: BackupKind; appVersion: string; now?: Date }): Promise<ArchiveSnapshot> {
  const names = backedUpTables(db);
  const tables = names.map((name) => db.table(name));
  const contents = await db.transaction('r', tables, () => Promise.all(tables.map((table) => table.toArray())));
  const rows = new Map(names.map((name, index) => [name, contents[index] as unknown[]]));
  const header: BackupHeader = {
    format: backupFormat,
    formatVersion: backupFormatVersion,
    schemaVersion: db.verno,
    createdAt: (options.now ?? new Date()).toISOString(),
    appVersion: options.appVersion,
    kind: options.kind,
    tables: Object.fromEntries(names.map((name) => [name, rows.get(name)!.length])),
  };
  return { header, rows, total: contents.reduce((sum, list) => sum + list.length, 0) };
}

/**
 * The snapshot's row lines as text pieces of at most `chunkChars` characters, each with the number of rows it
 * completes. Pieces end on line breaks, except that a line longer than a piece (a big vault attachment) is sent
 * in slices: the host joins them.
 */
export function* snapshotLines(snapshot: ArchiveSnapshot, chunkChars = 3_000_000): Generator<{ text: string; rows: number }> {
  let parts: string[] = [];
  let size = 0;
  const flush = () => {
    const piece = { text: parts.join(''), rows: parts.length };
    parts = [];
    size = 0;
    return piece;
  };
  for (const [table, list] of snapshot.rows) {
    for (const row of list) {
      const line = `${rowLine(table, row)}\n`;
      if (size + line.length > chunkChars && parts.length > 0) yield flush();
      if (line.length > chunkChars) {
        for (let from = 0; from < line.length; from += chunkChars) {
          const end = Math.min(line.length, from + chunkChars);
          yield { text: line.slice(from, end), rows: end === line.length ? 1 : 0 };
        }
        continue;
      }
      parts.push(line);
      size += line.length;
    }
  }
  if (parts.length > 0) yield flush();
}

/** The rows as today's schema stores them: a backup from an older schema goes through the upgrade steps. */
async function upgradedRows(content: BackupContent): Promise<Map<string, unknown[]>> {
  const version = content.header.schemaVersion;
  if (version > latestSchema.version) {
    throw new StoreError('invalid-backup', 'This backup was made by a newer version of Commonplace. Update Commonplace to restore it.');
  }
  if (!versionSteps.some((step) => step.schema.version === version)) {
    throw new StoreError('invalid-backup', `This backup names database version ${version}, which Commonplace never had.`);
  }
  const scratchName = `commonplace-restore-${crypto.randomUUID()}`;
  const useScratch = version < latestSchema.version;
  const target = useScratch ? new CommonplaceDb(scratchName, versionSteps.filter((step) => step.schema.version <= version)) : undefined;
  try {
    if (!target) return content.rows;
    await target.open();
    await fill(target, content.rows);
    target.close();
    const upgraded = new CommonplaceDb(scratchName);
    await upgraded.open();
    const names = backedUpTables(upgraded);
    const lists = await Promise.all(names.map((name) => upgraded.table(name).toArray()));
    upgraded.close();
    return new Map(names.map((name, index) => [name, lists[index]!]));
  } finally {
    if (target) await Dexie.delete(scratchName);
  }
}

/** Replaces every table's rows (derived tables emptied) in one transaction: all of the backup or nothing. */
async function fill(db: Dexie, rows: Map<string, unknown[]>): Promise<void> {
  const known = new Set(db.tables.map((table) => table.name));
  for (const name of rows.keys()) {
    if (!known.has(name) || derivedTables.has(name)) throw new StoreError('invalid-backup', `This backup holds a table Commonplace does not know (${name}); nothing was restored.`);
  }
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) {
      await table.clear();
      const list = rows.get(table.name);
      if (list && list.length > 0) await table.bulkAdd(list);
    }
  });
}

/**
 * Makes the archive exactly the backup's content. Rows that break a unique index or a key fail the whole
 * transaction, and the archive stays as it was.
 */
export async function restoreArchive(db: CommonplaceDb, content: BackupContent): Promise<{ rows: number }> {
  const rows = await upgradedRows(content);
  try {
    await fill(db, rows);
  } catch (error) {
    if (error instanceof StoreError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreError('invalid-backup', `The backup could not be restored, and nothing was changed: ${reason}`);
  }
  return { rows: [...rows.values()].reduce((sum, list) => sum + list.length, 0) };
}
