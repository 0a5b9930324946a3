/**
 * Migration tests: a database left by an old release, reopened by today's code, keeps its data.
 *
 * Version 3 (vault attachments) is the latest. When a later version ships, add to this file
 * (the rehearsal below runs this very pattern):
 *
 *   it('v2 → v3: <what the upgrade does>', async () => {
 *     const db = await openUpgradedFrom(name, schemaV1, rowsAsV1Stored);
 *     expect(db.verno).toBe(2);
 *     expect(await db.items.get('item-1')).toEqual({ ...rowsAsV1Stored.items[0], newField: 'its value' });
 *     expect(await db.items.where('newIndex').equals('its value').count()).toBe(1);
 *   });
 *
 * Keep `rowsAsV1Stored` as it is: it is what version 1 wrote, whatever today's types say.
 */
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CommonplaceDb, latestSchema, versionSteps, type VersionStep } from './db';
import { createAtVersion, declaredShape, freshDatabaseName, installedShape, openUpgradedFrom } from './migration-harness';
import { schemaV1, schemaV2, schemaV3 } from './schema';

/** One row per v1 table, exactly as version 1 stored them. */
const rowsAsV1Stored = {
  sources: [
    { id: 'source-1', kind: 'feed', url: 'https://example.com/feed.xml', title: 'Example', tags: ['web'], etag: 'W/"1"',
      nextFetchAt: 1_700_000_000_000, createdAt: 1_690_000_000_000, public: true,
      lastError: { code: 'timeout', message: 'The site took too long to answer.', at: 1_699_000_000_000 } },
  ],
  items: [
    { id: 'item-1', dedupeKey: 'guid:1', sourceIds: ['source-1'], title: 'Hello', link: 'https://example.com/1',
      publishedAt: 1_695_000_000_000, firstSeenAt: 1_695_000_100_000, summaryHtml: '<p>Hi</p>', read: 0, starred: 1, later: 0, archived: 0 },
  ],
  articles: [{ itemId: 'item-1', html: '<p>Hi there</p>', text: 'Hi there', extractedAt: 1_695_000_200_000, length: 8 }],
  highlights: [
    { id: 'hl-1', itemId: 'item-1', noteId: 'note-1', exact: 'Hi', prefix: '', suffix: ' there', color: 'yellow', createdAt: 1_695_000_300_000 },
  ],
  notes: [
    { id: 'note-1', title: 'On greetings', aliases: ['Greetings'], tags: ['language'], text: 'Hi',
      doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hi' }] }] },
      createdAt: 1_695_000_400_000, updatedAt: 1_695_000_500_000, dailyDate: '2023-09-18' },
  ],
  noteVersions: [{ id: 'nv-1', noteId: 'note-1', doc: { type: 'doc' }, text: '', title: 'On greetings', savedAt: 1_695_000_450_000 }],
  links: [{ sourceId: 'note-1', targetId: 'item-1', targetTitle: 'Hello', kind: 'item' }],
  digests: [
    { id: 'digest-1', title: 'Week 38', intro: 'What I read.', periodStart: 1_694_000_000_000, periodEnd: 1_695_000_000_000,
      entries: [{ ref: { kind: 'item', id: 'item-1' }, commentary: 'Short and kind.' }], status: 'published',
      createdAt: 1_695_000_600_000, updatedAt: 1_695_000_700_000 },
  ],
  publications: [
    { id: 'pub-1', digestId: 'digest-1', target: 'atom', url: 'https://me.example/feed.xml', publishedAt: 1_695_000_800_000, contentHash: 'sha256:abc' },
  ],
  settings: [{ key: 'theme', value: 'dark' }],
} as const;

const toDelete: string[] = [];
function name(): string {
  const fresh = freshDatabaseName('migration');
  toDelete.push(fresh);
  return fresh;
}
afterEach(async () => {
  for (const db of toDelete.splice(0)) await Dexie.delete(db);
});

describe('from version 1', () => {
  it('the fixture covers every v1 table', () => {
    expect(Object.keys(rowsAsV1Stored).sort()).toEqual(Object.keys(schemaV1.stores).sort());
  });

  it('reopening keeps every row of every table, still reachable through its indexes', async () => {
    const db = await openUpgradedFrom(name(), schemaV1, rowsAsV1Stored);
    expect(db.verno).toBe(latestSchema.version);
    expect(await installedShape(db.name)).toEqual(declaredShape(latestSchema));
    for (const [table, rows] of Object.entries(rowsAsV1Stored)) {
      // Items also gain v2's canonicalLink (its own test is below); every v1 field is kept.
      const expected = table === 'items' ? rows.map((row) => ({ ...row, canonicalLink: 'https://example.com/1' })) : rows;
      expect({ table, rows: await db.table(table).toArray() }).toEqual({ table, rows: expected });
    }
    expect(await db.items.where('[starred+publishedAt]').between([1, 0], [1, Infinity]).primaryKeys()).toEqual(['item-1']);
    expect(await db.sources.where('url').equals('https://example.com/feed.xml').primaryKeys()).toEqual(['source-1']);
    expect(await db.links.where('targetId').equals('item-1').count()).toBe(1);
    expect(await db.notes.where('dailyDate').equals('2023-09-18').primaryKeys()).toEqual(['note-1']);
    db.close();
  });
});

describe('from version 1 to version 2', () => {
  it('fills canonicalLink from each item\'s link, keeps every row, and indexes it', async () => {
    const items = [
      rowsAsV1Stored.items[0],
      { id: 'item-2', dedupeKey: 'guid:https://other.example/feed:tag:other,2026:7', sourceIds: ['source-1'], title: 'Tracked',
        link: 'HTTPS://News.Example:443/story?utm_source=rss&b=2&a=1#comments', publishedAt: 1_695_000_000_001,
        firstSeenAt: 1_695_000_100_001, read: 1, starred: 0, later: 1, archived: 0 },
      { id: 'item-3', dedupeKey: 'sha256:abc', sourceIds: ['source-1'], title: 'No link', publishedAt: 1_695_000_000_002,
        firstSeenAt: 1_695_000_100_002, read: 0, starred: 0, later: 0, archived: 0 },
      { id: 'item-4', dedupeKey: 'guid:x', sourceIds: ['source-1'], title: 'Not a web link', link: 'mailto:someone@example.com',
        publishedAt: 1_695_000_000_003, firstSeenAt: 1_695_000_100_003, read: 0, starred: 0, later: 0, archived: 0 },
    ];
    const db = await openUpgradedFrom(name(), schemaV1, { ...rowsAsV1Stored, items });
    expect(db.verno).toBe(latestSchema.version);
    expect((await installedShape(db.name)).items).toContain('canonicalLink');
    expect(await db.items.get('item-1')).toEqual({ ...items[0], canonicalLink: 'https://example.com/1' });
    expect(await db.items.get('item-2')).toEqual({ ...items[1], canonicalLink: 'https://news.example/story?a=1&b=2' });
    expect(await db.items.get('item-3')).toEqual(items[2]);
    expect(await db.items.get('item-4')).toEqual(items[3]);
    expect(await db.items.where('canonicalLink').equals('https://news.example/story?a=1&b=2').primaryKeys()).toEqual(['item-2']);
    expect(await db.items.where('canonicalLink').equals('https://example.com/1').primaryKeys()).toEqual(['item-1']);
    expect(await db.items.where('[later+publishedAt]').between([1, 0], [1, Infinity]).primaryKeys()).toEqual(['item-2']);
    expect(await db.items.count()).toBe(4);
    db.close();
  });
});

describe('from version 2 to version 3', () => {
  /** Rows as version 2 stored them: v1's rows, items with their canonicalLink. */
  const rowsAsV2Stored = {
    ...rowsAsV1Stored,
    items: rowsAsV1Stored.items.map((item) => ({ ...item, canonicalLink: 'https://example.com/1' })),
  };

  it('keeps every v2 row and adds an empty, usable attachments table with a unique path index', async () => {
    const db = await openUpgradedFrom(name(), schemaV2, rowsAsV2Stored);
    expect(db.verno).toBe(latestSchema.version);
    expect(await installedShape(db.name)).toEqual(declaredShape(latestSchema));
    expect((await installedShape(db.name)).attachments).toEqual(['id', '&path']);
    for (const [table, rows] of Object.entries(rowsAsV2Stored)) {
      expect({ table, rows: await db.table(table).toArray() }).toEqual({ table, rows });
    }
    expect(await db.items.where('canonicalLink').equals('https://example.com/1').primaryKeys()).toEqual(['item-1']);
    expect(await db.notes.where('aliases').equals('Greetings').primaryKeys()).toEqual(['note-1']);

    expect(await db.attachments.count()).toBe(0);
    const bytes = new Uint8Array([137, 80, 78, 71, 0, 255]);
    await db.attachments.add({ id: 'att-1', path: 'attachments/x.png', mime: 'image/png', bytes, size: 6, createdAt: 1_700_000_000_000 });
    const stored = await db.attachments.where('path').equals('attachments/x.png').first();
    expect(stored?.id).toBe('att-1');
    expect(Array.from(stored?.bytes ?? [])).toEqual(Array.from(bytes));
    await expect(
      db.attachments.add({ id: 'att-2', path: 'attachments/x.png', mime: 'image/png', bytes, size: 6, createdAt: 1 }),
    ).rejects.toMatchObject({ name: 'ConstraintError' });
    db.close();
  });
});

describe('from version 3 to version 4', () => {
  const rowsAsV3Stored = {
    ...rowsAsV1Stored,
    items: rowsAsV1Stored.items.map((item) => ({ ...item, canonicalLink: 'https://example.com/1' })),
    attachments: [{ id: 'att-1', path: 'attachments/x.png', mime: 'image/png', bytes: new Uint8Array([1, 2, 3]), size: 3, createdAt: 1_700_000_000_000 }],
  };

  it('keeps every v3 row and adds an empty search index table keyed by row name', async () => {
    const db = await openUpgradedFrom(name(), schemaV3, rowsAsV3Stored);
    expect(db.verno).toBe(4);
    expect(await installedShape(db.name)).toEqual(declaredShape(latestSchema));
    const { attachments, ...plainTables } = rowsAsV3Stored;
    for (const [table, rows] of Object.entries(plainTables)) {
      expect({ table, rows: await db.table(table).toArray() }).toEqual({ table, rows });
    }
    // Bytes come back as a Uint8Array of another realm in the test database; compare the values.
    const [attachment] = await db.attachments.toArray();
    expect({ ...attachment, bytes: Array.from(attachment!.bytes) }).toEqual({ ...attachments[0], bytes: [1, 2, 3] });
    expect(await db.searchIndex.count()).toBe(0);
    await db.searchIndex.bulkPut([{ key: 'meta', data: { format: 1 } }, { key: 'chunk:0', data: [['a', 1]] }]);
    expect(await db.searchIndex.get('chunk:0')).toEqual({ key: 'chunk:0', data: [['a', 1]] });
    db.close();
  });
});

describe('the harness', () => {
  it('builds the old version from its frozen constant, not from today\'s code', async () => {
    // A smaller version 1 (two tables, fewer indexes) stands in for "an older schema".
    const older = { version: 1, date: '2000-01-01', stores: { sources: schemaV1.stores.sources, items: 'id, &dedupeKey' } };
    const fresh = name();
    await createAtVersion(fresh, older, { items: [{ id: 'i', dedupeKey: 'k' }] });
    expect(await installedShape(fresh)).toEqual(declaredShape(older));
  });

  it('refuses a name that already holds a database', async () => {
    const taken = name();
    (await openUpgradedFrom(taken, schemaV1, {})).close();
    await expect(openUpgradedFrom(taken, schemaV1, {})).rejects.toThrow(/already exists/);
  });

  it('fails on a table the old version did not have', async () => {
    await expect(openUpgradedFrom(name(), schemaV1, { nosuchtable: [{ id: 'x' }] })).rejects.toThrow();
  });

  it('rehearsal: runs a later version\'s upgrade over the old rows, as a real v2 will', async () => {
    // A throwaway version 2 (never shipped) proves the pattern end to end: new index, rewritten rows.
    const rehearsal: VersionStep = {
      schema: { version: latestSchema.version + 1, date: '2099-01-01', stores: { ...latestSchema.stores, items: `${latestSchema.stores.items}, firstSeenDay` } },
      upgrade: (tx) =>
        tx.table('items').toCollection().modify((item: { firstSeenAt: number; firstSeenDay?: string }) => {
          item.firstSeenDay = new Date(item.firstSeenAt).toISOString().slice(0, 10);
        }),
    };
    const openWithRehearsal = async (dbName: string) => {
      const db = new CommonplaceDb(dbName, [...versionSteps, rehearsal]);
      await db.open();
      return db;
    };
    const db = await openUpgradedFrom(name(), schemaV1, rowsAsV1Stored, openWithRehearsal);
    expect(db.verno).toBe(latestSchema.version + 1);
    expect(await db.items.get('item-1')).toEqual({ ...rowsAsV1Stored.items[0], canonicalLink: 'https://example.com/1', firstSeenDay: '2023-09-18' });
    expect(await db.items.where('firstSeenDay').equals('2023-09-18').primaryKeys()).toEqual(['item-1']);
    expect((await installedShape(db.name)).items).toContain('firstSeenDay');
    expect(await db.notes.get('note-1')).toEqual(rowsAsV1Stored.notes[0]);
    db.close();
  });
});
