/**
 * Test support for interrupted jobs: writes that fail midway, as a full disk, a closed window or a
 * crashed host stop a job, and the invariants the database keeps whatever stopped it. Used by tests
 * only; not exported from index.ts.
 *
 *   const fault = failWrites(db.items, { after: 2 });   // the third row written to items fails
 *   await expect(job()).rejects.toThrow(simulatedFailure);
 *   fault.disarm();
 *   expect(await consistencyProblems(db)).toEqual([]);
 */
import type { Table } from 'dexie';
import type { Id, Link } from '../../shared/model';
import type { CommonplaceDb } from './db';
import { derivedFields } from './notes';
import { isUnresolvedId, linkedTargets, linkRows, resolveTitle } from './note-links';

/** The message every simulated failure carries, so a test can tell it from a real bug. */
export const simulatedFailure = 'Simulated write failure';

export interface WriteFault {
  /** Writes refused so far. */
  readonly failures: number;
  disarm(): void;
}

export interface FaultOptions<Row> {
  /** Matching rows written before the first failure (rows, not calls: a bulkPut of ten counts ten). */
  after?: number;
  /** How many writes fail before the table works again; every later one by default. */
  times?: number;
  /** Only rows this accepts count and fail; `row` is the stored row for an update or a delete. */
  matching?: (row: Row | undefined, key: unknown) => boolean;
}

/**
 * Makes writes to `table` throw through Dexie's hooks, which fail the write and so abort the
 * transaction it belongs to, exactly where a real failure would.
 */
export function failWrites<Row, Key>(table: Table<Row, Key>, { after = 0, times = Infinity, matching = () => true }: FaultOptions<Row> = {}): WriteFault {
  let seen = 0;
  let failures = 0;
  const check = (key: unknown, row: Row | undefined) => {
    if (!matching(row, key)) return;
    seen += 1;
    if (seen > after && failures < times) {
      failures += 1;
      throw new Error(`${simulatedFailure} on ${table.name}`);
    }
  };
  const creating = (key: Key, row: Row) => void check(key, row);
  const updating = (_changes: object, key: Key, row: Row) => void check(key, row);
  const deleting = (key: Key, row: Row) => void check(key, row);
  table.hook('creating', creating);
  table.hook('updating', updating);
  table.hook('deleting', deleting);
  return {
    get failures() {
      return failures;
    },
    disarm() {
      table.hook('creating').unsubscribe(creating);
      table.hook('updating').unsubscribe(updating);
      table.hook('deleting').unsubscribe(deleting);
    },
  };
}

const rowKey = (row: Link) => `${row.sourceId} → ${row.targetId} (${row.kind}, ${row.targetTitle})`;

/**
 * Everything that disagrees across tables, in words; empty when the database is consistent. Items are
 * not required to have a stored source: unsubscribing keeps the stories the user kept, naming it still.
 */
export async function consistencyProblems(db: CommonplaceDb): Promise<string[]> {
  const [items, articles, highlights, notes, versions, links, publications, digests] = await Promise.all([
    db.items.toArray(),
    db.articles.toArray(),
    db.highlights.toArray(),
    db.notes.toArray(),
    db.noteVersions.toArray(),
    db.links.toArray(),
    db.publications.toArray(),
    db.digests.toArray(),
  ]);
  const itemIds = new Set<Id>(items.map((item) => item.id));
  const noteIds = new Set<Id>(notes.map((note) => note.id));
  const digestIds = new Set<Id>(digests.map((digest) => digest.id));
  const problems: string[] = [];

  for (const article of articles) if (!itemIds.has(article.itemId)) problems.push(`article of missing item ${article.itemId}`);
  for (const highlight of highlights) {
    if (!itemIds.has(highlight.itemId)) problems.push(`highlight ${highlight.id} of missing item ${highlight.itemId}`);
    if (highlight.noteId !== undefined && !noteIds.has(highlight.noteId)) problems.push(`highlight ${highlight.id} in missing note ${highlight.noteId}`);
  }
  for (const version of versions) if (!noteIds.has(version.noteId)) problems.push(`version ${version.id} of missing note ${version.noteId}`);
  for (const publication of publications) {
    if (publication.digestId !== undefined && !digestIds.has(publication.digestId)) problems.push(`publication ${publication.id} of missing digest`);
    if (publication.noteId !== undefined && !noteIds.has(publication.noteId)) problems.push(`publication ${publication.id} of missing note`);
  }

  // Derived fields: each note's text and tags are what its doc gives.
  for (const note of notes) {
    const derived = derivedFields(note.doc, note.frontMatter);
    if (derived.text !== note.text || JSON.stringify(derived.tags) !== JSON.stringify(note.tags)) problems.push(`note “${note.title}”: text or tags not derived from its doc`);
  }

  // The links index: exactly the rows each note's doc produces with titles resolved as they stand now.
  const stored = new Set(links.map(rowKey));
  const expected = new Set<string>();
  for (const note of notes) {
    const resolved = new Map<string, Id>();
    for (const [key, written] of linkedTargets(note.doc)) {
      const target = await resolveTitle(db, written);
      if (target) resolved.set(key, target.id);
    }
    for (const row of linkRows(note.id, note.doc, resolved)) expected.add(rowKey(row));
  }
  for (const row of links) {
    if (!noteIds.has(row.sourceId)) problems.push(`link row from missing note: ${rowKey(row)}`);
    else if (row.kind === 'note' && !isUnresolvedId(row.targetId) && !noteIds.has(row.targetId)) problems.push(`link row to missing note: ${rowKey(row)}`);
    else if (!expected.has(rowKey(row))) problems.push(`link row not derived from its note: ${rowKey(row)}`);
  }
  for (const key of expected) if (!stored.has(key)) problems.push(`link row missing: ${key}`);
  return problems;
}
