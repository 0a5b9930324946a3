/**
 * Test support for the database: unique throwaway databases, and the migration harness that
 * proves an upgrade keeps users' data. Used by tests only; not exported from index.ts.
 *
 * A migration test reads:
 *   const db = await openUpgradedFrom(freshDatabaseName(), schemaV1, { items: [rowAsV1StoredIt] });
 *   expect(await db.items.get(id)).toEqual(rowAsTodaysCodeExpectsIt);
 */
import { Dexie } from 'dexie';
import { afterEach, beforeEach, vi } from 'vitest';
import { openDatabase, type CommonplaceDb } from './db';
import type { SchemaVersion } from './schema';

/** Rows per table, in the shape that old version stored them (not today's types, which move on). */
export type RowsByTable = Readonly<Record<string, readonly object[]>>;

/** A database name no other test uses, so tests never see each other's rows. */
export function freshDatabaseName(label = 'test'): string {
  return `commonplace-${label}-${crypto.randomUUID()}`;
}

/** Today's database under a fresh name; call `db.delete()` when the test is done. */
export function openFreshDatabase(): Promise<CommonplaceDb> {
  return openDatabase(freshDatabaseName());
}

/**
 * Builds a database exactly as an old release left it: only `oldSchema`'s stores, at its version,
 * from the frozen constant in schema.ts (not today's Dexie class, so the old shape is what the old
 * release wrote), with `rows` inserted in one transaction (an unknown table fails). Then closes it.
 */
export async function createAtVersion(name: string, oldSchema: SchemaVersion, rows: RowsByTable): Promise<void> {
  if (await Dexie.exists(name)) {
    throw new Error(`Database “${name}” already exists; a migration test needs a fresh name.`);
  }
  const old = new Dexie(name);
  old.version(oldSchema.version).stores(oldSchema.stores);
  try {
    await old.open();
    const tables = Object.keys(rows);
    if (tables.length > 0) {
      await old.transaction('rw', tables, async () => {
        for (const table of tables) await old.table(table).bulkAdd([...(rows[table] ?? [])]);
      });
    }
  } finally {
    old.close();
  }
}

/**
 * `createAtVersion`, then `open(name)`: today's `openDatabase` (unless a test rehearses a
 * version not yet shipped), which runs every `.upgrade()` after `oldSchema`.
 * The caller deletes the returned database (`db.delete()`).
 */
export async function openUpgradedFrom(
  name: string,
  oldSchema: SchemaVersion,
  rows: RowsByTable,
  open: (name: string) => Promise<CommonplaceDb> = openDatabase,
): Promise<CommonplaceDb> {
  await createAtVersion(name, oldSchema, rows);
  return open(name);
}

/** Per table, `[primary key, ...indexes sorted]` in Dexie's notation. */
export type SchemaShape = Record<string, string[]>;

/** The shape a schema constant declares (tables it deletes with `null` are left out). */
export function declaredShape(schema: SchemaVersion): SchemaShape {
  const shape: SchemaShape = {};
  for (const [table, stores] of Object.entries(schema.stores)) {
    if (stores === null) continue;
    const [primKey = '', ...indexes] = stores.split(',').map((part) => part.trim());
    shape[table] = [primKey, ...indexes.sort()];
  }
  return shape;
}

/**
 * The shape IndexedDB really holds for `name`, read back by a Dexie without versions (dynamic
 * mode). Dexie 4 silently adapts a database whose schema differs at the same version number,
 * so comparing this with `declaredShape` is how a test sees what users' databases contain.
 */
export async function installedShape(name: string): Promise<SchemaShape> {
  const raw = new Dexie(name);
  try {
    await raw.open();
    const shape: SchemaShape = {};
    for (const table of raw.tables) {
      shape[table.name] = [table.schema.primKey.src, ...table.schema.indexes.map((index) => index.src).sort()];
    }
    return shape;
  } finally {
    raw.close();
  }
}

/**
 * Registers, for every test in the file, `beforeEach` opening `openFreshDatabase()` (handed to
 * `onOpen`) and `afterEach` deleting it, after `beforeDelete` (where a `.tsx` test runs React
 * Testing Library's `cleanup()`, so nothing still reads the database as it goes):
 *   let db: CommonplaceDb;
 *   freshDatabaseForEachTest((opened) => (db = opened), { beforeDelete: cleanup });
 */
export function freshDatabaseForEachTest(
  onOpen: (db: CommonplaceDb) => void,
  options: {
    beforeDelete?: () => void;
    /** Freeze Date.now() at this time for each test (only Date: fake-indexeddb schedules its work on real timers). */
    fixedTime?: number;
  } = {},
): void {
  let db: CommonplaceDb | undefined;
  beforeEach(async () => {
    db = await openFreshDatabase();
    onOpen(db);
    if (options.fixedTime !== undefined) {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(options.fixedTime);
    }
  });
  afterEach(async () => {
    if (options.fixedTime !== undefined) vi.useRealTimers();
    options.beforeDelete?.();
    await db?.delete();
    db = undefined;
  });
}
