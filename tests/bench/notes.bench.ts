/**
 * The notes data layer at vault scale: 10,000 notes holding 50,000 wiki links whose targets follow a
 * Zipf law (exponent 1: a few notes have thousands of backlinks, dozens have hundreds, most have a
 * handful), in Dexie over fake-indexeddb (the renderer's code as is; Node has no IndexedDB, so absolute
 * times are those of fake-indexeddb, which is slower than Chromium's, and the ratios are what to read).
 *
 * Building goes through a bulk path, not 10,000 createNote calls: each note's text and tags come from
 * `derivedFields` and its links rows from `linkRows` (the functions createNote and saveNoteContent
 * use), with titles resolved from an in-memory map of the final titles, then `bulkAdd`. The rows are
 * those createNote would leave once every note exists (links to later notes start dangling and are
 * claimed when the target is created); a sample of notes is checked against `relinkAll` before timing.
 *
 * Measured: getBacklinks of the most linked note and of a typical one, renameNote of a note with about
 * 200 backlinks (each run rewrites all of them), suggestTitles for 1–3 character prefixes, getNoteGraph.
 * suggestTitles and getNoteGraph read whole indexes; fake-indexeddb walks an index cursor at roughly
 * 8 µs per entry (Chromium batches cursor reads), so there that walk is most of their time.
 */
import 'fake-indexeddb/auto';
import type { DocNode, Link, Note } from '../../shared/model';
import { wikiLinkNode } from '../../shared/notes/doc-nodes';
import { titleKey } from '../../shared/notes/wiki-link-syntax';
import { getBacklinks } from '../../renderer/data/backlinks';
import { openDatabase, type CommonplaceDb } from '../../renderer/data/db';
import { getNoteGraph, linkedKeys, linkRows, outgoingRows, relinkAll, suggestTitles } from '../../renderer/data/note-links';
import { renameNote } from '../../renderer/data/note-rename';
import { derivedFields } from '../../renderer/data/notes';
import { type Sample, sample } from './measure';
import { mulberry32, zipfSampler } from './feed-farm';

export interface NotesBenchOptions {
  notes?: number;
  links?: number;
  /** Zipf exponent of link targets. */
  zipf?: number;
  seed?: number;
}


const syllables = ['ka', 'lo', 'mi', 're', 'sa', 'tu', 'ven', 'dor', 'pi', 'an', 'el', 'os', 'ri', 'gu', 'no', 'ba', 'ze', 'qui', 'fa', 'ly'];

function word(next: () => number, parts: number): string {
  let text = '';
  for (let index = 0; index < parts; index += 1) text += syllables[Math.floor(next() * syllables.length)];
  return text;
}

interface Vault {
  db: CommonplaceDb;
  notes: Note[];
  backlinks: Map<string, number>;
  buildMs: number;
}

async function buildVault({ notes: count = 10_000, links = 50_000, zipf = 1, seed = 20261122 }: NotesBenchOptions): Promise<Vault> {
  const started = performance.now();
  const next = mulberry32(seed);
  const titles: string[] = [];
  const taken = new Set<string>();
  while (titles.length < count) {
    const title = `${word(next, 2 + Math.floor(next() * 2))} ${word(next, 1 + Math.floor(next() * 3))}`;
    const capitalised = title[0]!.toUpperCase() + title.slice(1);
    if (taken.has(titleKey(capitalised))) continue;
    taken.add(titleKey(capitalised));
    titles.push(capitalised);
  }
  // Ranks are shuffled over notes so the popular notes are not simply the first ones created.
  const byRank = titles.map((_, index) => index);
  for (let index = byRank.length - 1; index > 0; index -= 1) {
    const other = Math.floor(next() * (index + 1));
    [byRank[index], byRank[other]] = [byRank[other]!, byRank[index]!];
  }
  const pick = zipfSampler(count, zipf, next);
  const perNote = Math.round(links / count);
  const ids = titles.map(() => crypto.randomUUID());
  const resolved = new Map(titles.map((title, index) => [titleKey(title), ids[index]!]));

  const notes: Note[] = [];
  const rows: Link[] = [];
  const backlinks = new Map<string, number>();
  for (let index = 0; index < count; index += 1) {
    const targets = new Set<number>();
    while (targets.size < perNote) {
      const target = byRank[pick()]!;
      if (target !== index) targets.add(target);
    }
    const paragraphs: DocNode[] = [...targets].map((target) => {
      // Links are written as people write them: sometimes in lower case, sometimes with a label.
      const written = next() < 0.2 ? titles[target]!.toLowerCase() : titles[target]!;
      const label = next() < 0.1 ? word(next, 2) : null;
      return {
        type: 'paragraph',
        content: [
          { type: 'text', text: `${word(next, 3)} ${word(next, 2)} about ` },
          wikiLinkNode({ target: written, label }),
          { type: 'text', text: ` and ${word(next, 2)} ${word(next, 3)}. ${next() < 0.3 ? `#${word(next, 2)} ` : ''}More ${word(next, 2)}.` },
        ],
      };
    });
    const doc: DocNode = { type: 'doc', content: paragraphs };
    const at = 1_700_000_000_000 + index * 60_000;
    notes.push({ id: ids[index]!, title: titles[index]!, aliases: [], doc, ...derivedFields(doc, undefined), createdAt: at, updatedAt: at });
    for (const row of linkRows(ids[index]!, doc, resolved)) {
      rows.push(row);
      backlinks.set(row.targetId, (backlinks.get(row.targetId) ?? 0) + 1);
    }
  }

  const db = await openDatabase(`bench-notes-${crypto.randomUUID()}`);
  for (let start = 0; start < notes.length; start += 1_000) await db.notes.bulkAdd(notes.slice(start, start + 1_000));
  for (let start = 0; start < rows.length; start += 5_000) await db.links.bulkAdd(rows.slice(start, start + 5_000));
  const buildMs = performance.now() - started;

  // The bulk rows must be what the data functions derive: re-derive a sample through them and compare.
  const checked = notes.filter((_, index) => index % 200 === 0).map((note) => note.id);
  const before = await Promise.all(checked.map((id) => outgoingRows(db, id)));
  // An async scope, so Dexie keeps the transaction across the native awaits inside relinkAll.
  await db.transaction('rw', db.notes, db.links, async () => {
    await relinkAll(db, checked, 'all');
  });
  const after = await Promise.all(checked.map((id) => outgoingRows(db, id)));
  if (JSON.stringify(before) !== JSON.stringify(after)) throw new Error('The bulk-built links rows differ from what relinkNote derives.');
  if (notes.some((note) => linkedKeys(note.doc).size !== perNote)) throw new Error('A note holds fewer distinct links than planned.');
  return { db, notes, backlinks, buildMs };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export async function notesBench(options: NotesBenchOptions = {}): Promise<Sample[]> {
  const vault = await buildVault(options);
  const { db, notes, backlinks } = vault;
  try {
    const counts = notes.map((note) => ({ note, count: backlinks.get(note.id) ?? 0 })).sort((a, b) => b.count - a.count);
    const popular = counts[0]!;
    const typicalCount = median(counts.map((entry) => entry.count));
    const typical = counts.find((entry) => entry.count === typicalCount)!;
    const renamed = counts.reduce((best, entry) => (Math.abs(entry.count - 200) < Math.abs(best.count - 200) ? entry : best));
    const fmt = (value: number) => value.toLocaleString('en');

    const samples: Sample[] = [];
    samples.push(await sample(`getBacklinks, typical note (${typical.count} backlinks)`, 200, () => getBacklinks(db, typical.note.id)));
    samples.push(await sample(`getBacklinks, most linked note (${fmt(popular.count)} backlinks)`, 10, () => getBacklinks(db, popular.note.id)));
    let round = 0;
    samples.push(
      await sample(`renameNote, ${renamed.count} backlinks rewritten`, 5, async () => {
        round += 1;
        const { updatedNotes } = await renameNote(db, renamed.note.id, `${renamed.note.title} v${round}`);
        if (updatedNotes !== renamed.count) throw new Error(`rename rewrote ${updatedNotes} notes, expected ${renamed.count}`);
      }),
    );
    const prefix = popular.note.title.toLowerCase();
    for (const length of [1, 2, 3]) {
      const query = prefix.slice(0, length);
      samples.push(await sample(`suggestTitles '${query}' (${fmt(notes.length)} notes)`, 30, () => suggestTitles(db, query)));
    }
    samples.push(await sample(`getNoteGraph (${fmt(notes.length)} nodes)`, 10, () => getNoteGraph(db)));
    samples.push({ name: `build: ${fmt(notes.length)} notes, ${fmt(notes.length * Math.round((options.links ?? 50_000) / notes.length))} links (bulk path)`, runs: 1, medianMs: vault.buildMs, p95Ms: vault.buildMs });
    return samples;
  } finally {
    await db.delete();
  }
}
