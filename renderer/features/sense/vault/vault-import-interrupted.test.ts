/**
 * A vault import interrupted midway (issue 8, "Nothing lost"): the database refuses the notes partway
 * through, or a batch of attachments. What was committed stays whole (notes with their text, tags and
 * links rows; attachments by path), and importing the same vault again completes the import exactly:
 * the result equals an import that was never interrupted, with nothing stored twice.
 */
import { describe, expect, it } from 'vitest';
import type { Id } from '../../../../shared/model';
import { createNote, type CommonplaceDb } from '../../../data';
import { consistencyProblems, failWrites } from '../../../data/interruption-harness';
import { freshDatabaseForEachTest, openFreshDatabase } from '../../../data/migration-harness';
import { sampleVaultPicked } from './sample-vault';
import { readVaultFiles } from './vault-files';
import { importVault } from './vault-import';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened));

const vault = async () => (await readVaultFiles(sampleVaultPicked())).files;

/** A note written before the import, whose link to a vault note waits for it. */
const before = (database: CommonplaceDb) =>
  createNote(database, { title: 'Written before', doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'wikiLink', attrs: { target: 'Ideas', heading: null, label: null, embed: false } }] }] } });

/** The library as a reader sees it, without ids and times: notes, links by title, attachments by path. */
async function library(database: CommonplaceDb) {
  const [notes, links, attachments] = await Promise.all([database.notes.toArray(), database.links.toArray(), database.attachments.toArray()]);
  const titleOf = new Map<Id, string>(notes.map((note) => [note.id, note.title]));
  return {
    notes: notes.map(({ title, text, tags, aliases, folder, frontMatter, doc }) => ({ title, text, tags, aliases, folder, frontMatter, doc })).sort((a, b) => (a.title < b.title ? -1 : 1)),
    links: links.map((row) => `${titleOf.get(row.sourceId)} → ${titleOf.get(row.targetId) ?? row.targetId} (${row.targetTitle})`).sort(),
    attachments: attachments.map(({ path, mime, size, bytes }) => ({ path, mime, size, bytes: Array.from(bytes) })).sort((a, b) => (a.path < b.path ? -1 : 1)),
  };
}

/** The same vault imported once, without interruption, into a fresh library. */
async function uninterrupted() {
  const other = await openFreshDatabase();
  try {
    await before(other);
    await importVault(other, await vault());
    return await library(other);
  } finally {
    await other.delete();
  }
}

describe('an interrupted vault import', () => {
  it('stores no note when the notes are refused partway; importing again completes it exactly', async () => {
    await before(db);
    const fault = failWrites(db.notes, { after: 3 });
    const report = await importVault(db, await vault());
    fault.disarm();
    expect(fault.failures).toBe(1);
    expect(report.notes).toBe(0);
    expect(report.skipped.filter((skip) => skip.reason === 'not-stored').length).toBeGreaterThan(3);
    expect((await db.notes.toArray()).map((note) => note.title)).toEqual(['Written before']);
    expect(await consistencyProblems(db)).toEqual([]);
    const attachmentIds = (await db.attachments.toArray()).map((row) => row.id).sort();
    expect(attachmentIds.length).toBeGreaterThan(0);

    const again = await importVault(db, await vault());
    expect(again.notes).toBeGreaterThan(3);
    expect(await consistencyProblems(db)).toEqual([]);
    expect(await library(db)).toEqual(await uninterrupted());
    // Attachments were replaced by path, keeping their rows.
    expect((await db.attachments.toArray()).map((row) => row.id).sort()).toEqual(attachmentIds);

    const third = await importVault(db, await vault());
    expect(third.notes).toBe(0);
    expect(await library(db)).toEqual(await uninterrupted());
  });

  it('keeps the notes when a batch of attachments is refused; importing again stores the attachments once', async () => {
    await before(db);
    const fault = failWrites(db.attachments, { after: 1 });
    const report = await importVault(db, await vault());
    fault.disarm();
    expect(report.attachments).toBe(0);
    expect(report.skipped.some((skip) => skip.reason === 'not-stored')).toBe(true);
    expect(await db.attachments.count()).toBe(0);
    expect(await consistencyProblems(db)).toEqual([]);

    const again = await importVault(db, await vault());
    expect(again.notes).toBe(0);
    expect(await consistencyProblems(db)).toEqual([]);
    expect(await library(db)).toEqual(await uninterrupted());
  });
});
