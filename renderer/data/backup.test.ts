/**
 * A backup restored into an empty profile reproduces the archive: every table, every row, deeply equal, and
 * reachable through its indexes. The archive is built through the data API, as the app builds it.
 */
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { wikiLinkNode } from '../../shared/notes/doc-nodes';
import { backupReader, endLine, headerLine, lineSplitter, type BackupContent } from '../../shared/backup/backup-format';
import { saveArticle } from './articles';
import { saveAttachments } from './attachments';
import { backedUpTables, restoreArchive, snapshotArchive, snapshotLines, type ArchiveSnapshot } from './backup';
import { openDatabase, type CommonplaceDb } from './db';
import { createDigest } from './digests';
import { createHighlight } from './highlights';
import { upsertItems } from './items';
import { freshDatabaseName } from './migration-harness';
import { createNote } from './notes';
import { snapshotNow } from './note-versions';
import { recordPublication } from './publications';
import { schemaV1 } from './schema';
import { setSetting } from './settings';
import { addSource } from './sources';

const opened: CommonplaceDb[] = [];
async function fresh(): Promise<CommonplaceDb> {
  const db = await openDatabase(freshDatabaseName('backup'));
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/** An archive with rows in every table, made the way the app makes them. */
async function buildArchive(db: CommonplaceDb): Promise<void> {
  const source = await addSource(db, { kind: 'feed', url: 'https://blog.example/feed.xml', title: 'A blog' });
  const { addedIds } = await upsertItems(
    db,
    Array.from({ length: 30 }, (_, index) => ({
      dedupeKey: `guid:${source.id}:${index}`,
      sourceIds: [source.id],
      title: `Post ${index} — “quoted” & <b>bold</b>`,
      link: `https://blog.example/posts/${index}`,
      publishedAt: Date.UTC(2026, 10, 1 + (index % 20)),
      summaryHtml: `<p>Summary ${index}\nwith a line break and émoji 🎉</p>`,
    })),
  );
  await db.items.update(addedIds[0]!, { starred: 1, starredAt: Date.UTC(2026, 10, 20) });
  await saveArticle(db, addedIds[0]!, { html: '<p>Full text</p>', text: 'Full text', byline: 'Ada' });
  const highlight = await createHighlight(db, { itemId: addedIds[0]!, exact: 'Full', prefix: '', suffix: ' text', comment: 'Nice' });
  const target = await createNote(db, { title: 'Target note', doc: doc('Linked to') });
  const note = await createNote(db, {
    title: 'On reading',
    aliases: ['Reading'],
    doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'See ' }, wikiLinkNode({ target: 'Target note' }), { type: 'text', text: ' #pkm/reading' }] }] },
  });
  await snapshotNow(db, note.id);
  await db.highlights.update(highlight.id, { noteId: note.id });
  await saveAttachments(db, [{ path: 'images/pixel.png', bytes: Uint8Array.from([137, 80, 78, 71, 0, 255, 13, 10]) }]);
  const digest = await createDigest(db, { now: Date.UTC(2026, 10, 22) });
  await recordPublication(db, { digestId: digest.id }, { target: 'site', url: 'file:///site/posts/finds.html', contentHash: 'sha256:1' });
  await recordPublication(db, { noteId: target.id }, { target: 'mastodon', remoteId: '42', url: 'https://social.example/@me/42', contentHash: 'sha256:2' });
  await setSetting(db, 'share.site', { folder: '/home/me/site', title: 'My finds' });
  await db.searchIndex.put({ key: 'meta', data: { documents: 31 } } as never);
}

/** What the host does with the lines: a header first, then the rows, then the end line. */
function throughTheHost(snapshot: ArchiveSnapshot, chunkChars?: number): BackupContent {
  const reader = backupReader();
  reader.add(headerLine(snapshot.header));
  let rows = 0;
  const splitter = lineSplitter((line) => reader.add(line));
  for (const piece of snapshotLines(snapshot, chunkChars)) {
    rows += piece.rows;
    splitter.push(piece.text);
  }
  splitter.end();
  reader.add(endLine(rows));
  return reader.finish();
}

async function everyRow(db: Dexie): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    result[table.name] = await table.toArray();
  }
  return result;
}

describe('backup and restore', () => {
  let original: CommonplaceDb;
  beforeEach(async () => {
    original = await fresh();
    await buildArchive(original);
  });

  it('covers every table but the derived search index, and the archive has rows in each', async () => {
    const snapshot = await snapshotArchive(original, { kind: 'manual', appVersion: '0.1.0' });
    expect(backedUpTables(original)).toEqual(original.tables.map((table) => table.name).filter((name) => name !== 'searchIndex').sort());
    for (const name of backedUpTables(original)) expect(snapshot.header.tables[name], name).toBeGreaterThan(0);
    expect(snapshot.header.schemaVersion).toBe(original.verno);
  });

  it('restored into an empty profile, reproduces every row of every table, deeply, in pieces of any size', async () => {
    const snapshot = await snapshotArchive(original, { kind: 'manual', appVersion: '0.1.0' });
    const restored = await fresh();
    expect(await restoreArchive(restored, throughTheHost(snapshot, 500))).toEqual({ rows: snapshot.total });
    const before = await everyRow(original);
    const after = await everyRow(restored);
    for (const name of backedUpTables(original)) expect(after[name], name).toEqual(before[name]);
    expect(after.searchIndex).toEqual([]);
    const attachment = await restored.attachments.where('path').equals('images/pixel.png').first();
    expect(Object.prototype.toString.call(attachment?.bytes)).toBe('[object Uint8Array]');
    expect([...attachment!.bytes]).toEqual([137, 80, 78, 71, 0, 255, 13, 10]);
    // Indexes are rebuilt, not just rows: the app's queries find them.
    expect(await restored.items.where('[starred+publishedAt]').between([1, Dexie.minKey], [1, Dexie.maxKey]).count()).toBe(1);
    expect(await restored.notes.where('aliases').equals('Reading').count()).toBe(1);
    expect(await restored.links.where('targetId').equals((await restored.notes.where('title').equals('Target note').first())!.id).count()).toBe(1);
  });

  it('sends a line longer than a piece (a big attachment) in slices that join back', async () => {
    await saveAttachments(original, [{ path: 'files/big.pdf', bytes: Uint8Array.from({ length: 5_000 }, (_, index) => index % 251) }]);
    const snapshot = await snapshotArchive(original, { kind: 'manual', appVersion: '0.1.0' });
    const pieces = [...snapshotLines(snapshot, 1_000)];
    expect(pieces.every((piece) => piece.text.length <= 1_000)).toBe(true);
    expect(pieces.some((piece) => piece.rows === 0)).toBe(true);
    expect(pieces.reduce((sum, piece) => sum + piece.rows, 0)).toBe(snapshot.total);
    const restored = await fresh();
    await restoreArchive(restored, throughTheHost(snapshot, 1_000));
    expect(await restored.attachments.toArray()).toEqual(await original.attachments.toArray());
  });

  it('replaces a profile that already holds other things, leaving none of them', async () => {
    const snapshot = await snapshotArchive(original, { kind: 'manual', appVersion: '0.1.0' });
    const other = await fresh();
    await addSource(other, { kind: 'feed', url: 'https://other.example/feed.xml', title: 'Other' });
    await createNote(other, { title: 'Only here' });
    await restoreArchive(other, throughTheHost(snapshot));
    expect(await other.sources.where('url').equals('https://other.example/feed.xml').count()).toBe(0);
    expect(await other.notes.where('title').equals('Only here').count()).toBe(0);
    expect(await everyRow(other)).toEqual({ ...(await everyRow(original)), searchIndex: [] });
  });

  it('changes nothing when the backup cannot be stored (a broken unique index), and says so', async () => {
    const snapshot = await snapshotArchive(original, { kind: 'manual', appVersion: '0.1.0' });
    const sources = snapshot.rows.get('sources')!;
    sources.push({ ...(sources[0] as object), id: 'copy-with-the-same-url' });
    snapshot.header.tables.sources = sources.length;
    const target = await fresh();
    await createNote(target, { title: 'Kept' });
    await expect(restoreArchive(target, throughTheHost(snapshot))).rejects.toThrow(/nothing was changed/);
    expect(await target.notes.where('title').equals('Kept').count()).toBe(1);
    expect(await target.items.count()).toBe(0);
  });

  it('refuses a backup from a newer Commonplace or with an unknown table, before touching anything', async () => {
    const snapshot = await snapshotArchive(original, { kind: 'manual', appVersion: '0.1.0' });
    const target = await fresh();
    await createNote(target, { title: 'Kept' });
    const newer = throughTheHost({ ...snapshot, header: { ...snapshot.header, schemaVersion: 99 } });
    await expect(restoreArchive(target, newer)).rejects.toThrow(/newer version/);
    const unknown = throughTheHost({ ...snapshot, rows: new Map([...snapshot.rows, ['mystery', [{ id: 1 }]]]), header: { ...snapshot.header, tables: { ...snapshot.header.tables, mystery: 1 } } });
    await expect(restoreArchive(target, unknown)).rejects.toThrow(/mystery/);
    expect(await target.notes.count()).toBe(1);
  });

  it('upgrades a backup made under schema 1 the way a stored database is upgraded', async () => {
    const v1Item = { id: 'item-1', dedupeKey: 'guid:1', sourceIds: ['s'], title: 'Hello', link: 'https://Example.com/1?utm_source=x', publishedAt: 1, firstSeenAt: 2, read: 0, starred: 0, later: 0, archived: 0 };
    const tables = Object.fromEntries(Object.keys(schemaV1.stores).map((name) => [name, 0]));
    const content = throughTheHost({
      header: { format: 'commonplace-backup', formatVersion: 1, schemaVersion: 1, createdAt: new Date().toISOString(), appVersion: '0.0.1', kind: 'manual', tables: { ...tables, items: 1 } },
      rows: new Map([['items', [v1Item]]]),
      total: 1,
    });
    const target = await fresh();
    await restoreArchive(target, content);
    const item = await target.items.get('item-1');
    expect(item).toMatchObject(v1Item);
    expect(item?.canonicalLink).toBe('https://example.com/1');
    expect(await target.items.where('canonicalLink').equals('https://example.com/1').count()).toBe(1);
    expect((await Dexie.getDatabaseNames()).filter((name) => name.startsWith('commonplace-restore-'))).toEqual([]);
  });
});
