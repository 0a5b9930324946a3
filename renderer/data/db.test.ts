import type { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CommonplaceDb, latestSchema, openDatabase, versionSteps } from './db';
import { declaredShape, freshDatabaseName, installedShape } from './migration-harness';
import { schemaV1 } from './schema';

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('openDatabase', () => {
  it('creates every table of the latest schema, at the latest version', async () => {
    const db = await openDatabase(freshDatabaseName());
    opened.push(db);
    expect(db).toBeInstanceOf(CommonplaceDb);
    expect(db.isOpen()).toBe(true);
    expect(db.verno).toBe(latestSchema.version);
    expect(db.tables.map((table) => table.name).sort()).toEqual(Object.keys(latestSchema.stores).sort());
  });

  it('builds in IndexedDB exactly the keys and indexes the schema constant declares', async () => {
    const db = await openDatabase(freshDatabaseName());
    opened.push(db);
    db.close();
    expect(await installedShape(db.name)).toEqual(declaredShape(latestSchema));
  });

  it("uses the app's database name unless given another", async () => {
    const db = await openDatabase();
    opened.push(db);
    expect(db.name).toBe('commonplace');
  });
});

describe('schema versions', () => {
  it('are frozen, so a shipped version cannot be edited at run time', () => {
    expect(Object.isFrozen(schemaV1)).toBe(true);
    expect(Object.isFrozen(schemaV1.stores)).toBe(true);
    expect(() => {
      (schemaV1.stores as Record<string, string>).items = 'id';
    }).toThrow(TypeError);
  });

  it('are applied oldest first with increasing version numbers and dates', () => {
    const numbers = versionSteps.map((step) => step.schema.version);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(numbers).size).toBe(numbers.length);
    const dates = versionSteps.map((step) => step.schema.date);
    expect(dates.every((date) => /^\d{4}-\d{2}-\d{2}$/.test(date))).toBe(true);
    expect(dates).toEqual([...dates].sort());
    expect(versionSteps[0]?.schema).toBe(schemaV1);
  });
});
