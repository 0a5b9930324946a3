/**
 * The links index: one `links` row per (source note, target), derived from the source's doc.
 * - `[[Title]]` or `[[alias]]` of a note → targetId = that note's id, kind 'note';
 * - a citation of an item → targetId = the item id, kind 'item';
 * - `[[Title]]` no note has (yet) → targetId = `unresolved:<titleKey>`, kind 'note', so creating the
 *   note later finds the rows waiting for it through the `targetId` index.
 * The rows are a pure function of the docs and of which note owns which title key; every write that
 * changes either (save, create, rename, aliases, delete) re-derives the rows it affects, in the same
 * transaction. Also the read side of titles: resolution, `[[` suggestions and the graph.
 */
import { Dexie } from 'dexie';
import type { DocNode, Id, Link, Note } from '../../shared/model';
import { citationNodeName } from '../../shared/notes/doc-nodes';
import { collectDocLinks } from '../../shared/notes/doc-links';
import { titleKey } from '../../shared/notes/wiki-link-syntax';
import type { CommonplaceDb } from './db';
import { StoreError } from './store-error';

export const unresolvedPrefix = 'unresolved:';

export function unresolvedId(key: string): Id {
  return `${unresolvedPrefix}${key}`;
}

export function isUnresolvedId(id: Id): boolean {
  return id.startsWith(unresolvedPrefix);
}

/**
 * How a title is stored: Unicode-normalised, trimmed, inner whitespace collapsed. Storing titles in
 * this form lets the `title` index's case-insensitive lookup find every note whose `titleKey` matches.
 */
export function canonicalTitle(title: string): string {
  return title.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** The keys a note answers to: its title (when it has one) and its aliases. */
export function noteKeys(note: Pick<Note, 'title' | 'aliases'>): Set<string> {
  const keys = new Set<string>();
  for (const name of [note.title, ...note.aliases]) {
    const key = titleKey(name);
    if (key !== '') keys.add(key);
  }
  return keys;
}

function byAge(a: Note, b: Note): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * How a title with this key is likely spelled: as written in the link, all lower case, capitalised,
 * in title case, in capitals. Exact lookups of these are single index reads; the case-insensitive
 * scan behind them is needed only when none matches (a dangling link, a free title, "iPhone").
 */
function likelySpellings(key: string, written?: string): string[] {
  const capitalise = (word: string) => word.charAt(0).toLocaleUpperCase('en') + word.slice(1);
  const spellings = [key, capitalise(key), key.split(' ').map(capitalise).join(' '), key.toLocaleUpperCase('en')];
  if (written !== undefined) spellings.unshift(canonicalTitle(written));
  return [...new Set(spellings)];
}

/** Notes with a title (or alias) of this key: likely spellings first, then a case-insensitive scan. */
async function notesNamed(db: CommonplaceDb, index: 'title' | 'aliases', key: string, written?: string): Promise<Note[]> {
  if (key === '') return [];
  const matches = (note: Note) => (index === 'title' ? [note.title] : note.aliases).some((name) => name !== '' && titleKey(name) === key);
  let found = (await Promise.all(likelySpellings(key, written).map((spelling) => db.notes.where(index).equals(spelling).toArray()))).flat().filter(matches);
  if (found.length === 0) found = await db.notes.where(index).equalsIgnoreCase(key).filter(matches).toArray();
  const unique = [...new Map(found.map((note) => [note.id, note])).values()];
  return unique.sort(byAge);
}

/** Notes whose non-empty title has this key (at most one while titles are unique), oldest first. */
function notesTitled(db: CommonplaceDb, key: string, written?: string): Promise<Note[]> {
  return notesNamed(db, 'title', key, written);
}

/** Notes with an alias of this key, oldest first (aliases are not unique; the oldest wins). */
function notesAliased(db: CommonplaceDb, key: string, written?: string): Promise<Note[]> {
  return notesNamed(db, 'aliases', key, written);
}

/** The note a key resolves to: a title beats an alias; among aliases the oldest note wins. */
async function noteForKey(db: CommonplaceDb, key: string, written?: string): Promise<Note | undefined> {
  return (await notesTitled(db, key, written))[0] ?? (await notesAliased(db, key, written))[0];
}

/** The note with this title (ignoring case and spacing), aliases not considered. */
export async function findNoteByTitle(db: CommonplaceDb, title: string): Promise<Note | undefined> {
  return (await notesTitled(db, titleKey(title), title))[0];
}

/** What a `[[title]]` link reaches: the note with that title, else the oldest note with that alias. */
export async function resolveTitle(db: CommonplaceDb, title: string): Promise<Note | undefined> {
  return noteForKey(db, titleKey(title), title);
}

/** Throws `duplicate-title` when another note already has this (non-empty) title. */
export async function assertTitleFree(db: CommonplaceDb, title: string, ownId?: Id): Promise<void> {
  const taken = (await notesTitled(db, titleKey(title), title)).find((note) => note.id !== ownId);
  if (taken) {
    throw new StoreError('duplicate-title', `Another note is already called “${taken.title}”. Choose a different title.`, taken.id);
  }
}

/**
 * Key → target id lookups for one transaction, cached: a rename or a delete relinks hundreds of
 * notes that mostly link to the same few popular titles. Build a new one after changing titles.
 */
export class TitleResolver {
  private readonly cache = new Map<string, Id>();

  constructor(private readonly db: CommonplaceDb) {}

  /** Seeds the cache from rows known to be current (a note's own rows, see relinkNote). */
  remember(key: string, targetId: Id): void {
    if (!this.cache.has(key)) this.cache.set(key, targetId);
  }

  /** `written`: the target as a link wrote it, which is usually how the title is spelled. */
  async targetId(key: string, written?: string): Promise<Id> {
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const id = (await noteForKey(this.db, key, written))?.id ?? unresolvedId(key);
    this.cache.set(key, id);
    return id;
  }
}

/** Item id → the cited title, for the rows of cited items (the first citation of an item names it). */
function citationTitles(doc: DocNode): Map<Id, string> {
  const titles = new Map<Id, string>();
  const visit = (node: DocNode): void => {
    const { itemId, title } = node.attrs ?? {};
    if (node.type === citationNodeName && typeof itemId === 'string' && !titles.has(itemId)) {
      titles.set(itemId, typeof title === 'string' ? title : '');
    }
    for (const child of node.content ?? []) visit(child);
  };
  visit(doc);
  return titles;
}

/** The distinct title keys a doc's wiki links point at. */
export function linkedKeys(doc: DocNode): Set<string> {
  return new Set(linkedTargets(doc).keys());
}

/** The distinct title keys a doc's wiki links point at, each with the target as first written. */
export function linkedTargets(doc: DocNode): Map<string, string> {
  const keys = new Map<string, string>();
  for (const { target } of collectDocLinks(doc).wikiLinks) if (!keys.has(titleKey(target))) keys.set(titleKey(target), target);
  return keys;
}

/**
 * The rows a note's doc produces, given where each linked key resolves (`resolved` must hold every
 * key of `linkedKeys(doc)`; a missing key counts as unresolved). Pure, so a bulk import or the
 * benchmark can build the same rows with an in-memory map. The first link to a target names the row.
 */
export function linkRows(sourceId: Id, doc: DocNode, resolved: ReadonlyMap<string, Id>): Link[] {
  const rows = new Map<Id, Link>();
  const { wikiLinks, itemIds } = collectDocLinks(doc);
  for (const attrs of wikiLinks) {
    const key = titleKey(attrs.target);
    const targetId = resolved.get(key) ?? unresolvedId(key);
    if (!rows.has(targetId)) rows.set(targetId, { sourceId, targetId, targetTitle: attrs.target, kind: 'note' });
  }
  const titles = citationTitles(doc);
  for (const itemId of itemIds) {
    if (!rows.has(itemId)) rows.set(itemId, { sourceId, targetId: itemId, targetTitle: titles.get(itemId) ?? '', kind: 'item' });
  }
  return [...rows.values()];
}

export function outgoingRows(db: CommonplaceDb, sourceId: Id): Promise<Link[]> {
  return db.links.where('[sourceId+targetId]').between([sourceId, Dexie.minKey], [sourceId, Dexie.maxKey]).toArray();
}

/** Rows whose target changed hands: every row, or those pointing at these ids. */
export type Distrust = ReadonlySet<Id> | 'all';

/**
 * Re-derives one note's rows from its doc and writes only the difference. The note's current rows
 * seed the resolver, except those pointing at `distrust` (targets whose titles just changed hands):
 * each says where its title resolved, and any change to that resolution relinks the note with that
 * row distrusted, so an autosave or a delete looks up only the titles whose answer may differ.
 * A note that no longer exists loses its rows. Call inside a rw transaction over notes and links.
 */
export async function relinkNote(
  db: CommonplaceDb,
  sourceId: Id,
  resolver: TitleResolver,
  { note, distrust = new Set() }: { note?: Note; distrust?: Distrust } = {},
): Promise<void> {
  const source = note ?? (await db.notes.get(sourceId));
  const existing = await outgoingRows(db, sourceId);
  let wanted: Link[] = [];
  if (source) {
    for (const row of existing) {
      if (row.kind === 'note' && distrust !== 'all' && !distrust.has(row.targetId)) resolver.remember(titleKey(row.targetTitle), row.targetId);
    }
    const resolved = new Map<string, Id>();
    for (const [key, written] of linkedTargets(source.doc)) resolved.set(key, await resolver.targetId(key, written));
    wanted = linkRows(sourceId, source.doc, resolved);
  }
  const wantedIds = new Set(wanted.map((row) => row.targetId));
  const stale = existing.filter((row) => !wantedIds.has(row.targetId)).map((row): [Id, Id] => [row.sourceId, row.targetId]);
  const byTarget = new Map(existing.map((row) => [row.targetId, row]));
  const changed = wanted.filter((row) => {
    const old = byTarget.get(row.targetId);
    return !old || old.targetTitle !== row.targetTitle || old.kind !== row.kind;
  });
  if (stale.length > 0) await db.links.bulkDelete(stale);
  if (changed.length > 0) await db.links.bulkPut(changed);
}

/** Source notes of rows pointing at any of these targets. */
export async function sourcesLinkingTo(db: CommonplaceDb, targetIds: Iterable<Id>): Promise<Set<Id>> {
  const ids = [...new Set(targetIds)];
  if (ids.length === 0) return new Set();
  const rows = await db.links.where('targetId').anyOf(ids).toArray();
  return new Set(rows.map((row) => row.sourceId));
}

/**
 * After `claimant` took these keys (created, restored, renamed, given aliases): the notes whose links
 * may now resolve differently, i.e. those with dangling links to the keys and those linking to another
 * note that held a key only as an alias (a title beats an alias). Their rows are re-derived in full,
 * not patched, since a row names one target while the doc may hold several links that merge into it.
 * `claimantRelinked`: the claimant's own rows were just derived, so it is skipped as a source.
 */
export async function relinkClaimedKeys(db: CommonplaceDb, keys: Iterable<string>, claimant: Id, claimantRelinked: boolean): Promise<void> {
  const targets: Id[] = [];
  for (const key of keys) {
    targets.push(unresolvedId(key));
    for (const owner of await notesAliased(db, key)) if (owner.id !== claimant) targets.push(owner.id);
  }
  const sources = await sourcesLinkingTo(db, targets);
  if (claimantRelinked) sources.delete(claimant);
  await relinkAll(db, sources, new Set(targets));
}

/**
 * Re-derives every listed note's rows with one fresh resolver. `distrust` (see relinkNote): the
 * targets whose titles changed hands; by default no old row is trusted, which is always correct and
 * slower (every linked title is looked up again).
 */
export async function relinkAll(db: CommonplaceDb, sourceIds: Iterable<Id>, distrust: Distrust = 'all'): Promise<void> {
  const resolver = new TitleResolver(db);
  for (const id of sourceIds) await relinkNote(db, id, resolver, { distrust });
}

// ------------------------------------------------------------------ reading titles

export interface TitleSuggestion {
  noteId: Id;
  title: string;
  /** The alias that matched, when the title itself did not. */
  alias: string | null;
}

/** Case- and diacritic-insensitive form for suggestions: "Élan" is found by "ela". */
function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLocaleLowerCase('en');
}

/**
 * Every note's id with its title, and ids from least to most recently updated, read from the indexes
 * alone (never the notes' docs) in one read transaction so the lists agree.
 */
async function titleIndex(db: CommonplaceDb): Promise<{ ids: Id[]; titles: string[]; aliasIds: Id[]; aliases: string[]; byUpdate: Id[] }> {
  return db.transaction('r', db.notes, async () => {
    const [titles, ids, aliases, aliasIds, byUpdate] = await Promise.all([
      db.notes.orderBy('title').keys(),
      db.notes.orderBy('title').primaryKeys(),
      db.notes.orderBy('aliases').keys(),
      db.notes.orderBy('aliases').primaryKeys(),
      db.notes.orderBy('updatedAt').primaryKeys(),
    ]);
    return { ids: ids as Id[], titles: titles as string[], aliasIds: aliasIds as Id[], aliases: aliases as string[], byUpdate: byUpdate as Id[] };
  });
}

/**
 * `[[` suggestions: prefix matches of a title or an alias before substring matches, each group most
 * recently updated first; one entry per note, a title match preferred to an alias match.
 */
export async function suggestTitles(db: CommonplaceDb, query: string, limit = 8): Promise<TitleSuggestion[]> {
  const wanted = foldForSearch(query);
  const { ids, titles, aliasIds, aliases, byUpdate } = await titleIndex(db);
  const recency = new Map(byUpdate.map((id, index) => [id, index]));
  const titleOf = new Map(ids.map((id, index) => [id, titles[index]!]));
  const best = new Map<Id, { rank: number; suggestion: TitleSuggestion }>();
  const consider = (noteId: Id, name: string, alias: string | null) => {
    const folded = foldForSearch(name);
    if (folded === '') return;
    const at = folded.indexOf(wanted);
    if (at === -1) return;
    // 0 title prefix, 1 alias prefix, 2 title substring, 3 alias substring.
    const rank = (at === 0 ? 0 : 2) + (alias === null ? 0 : 1);
    const held = best.get(noteId);
    if (!held || rank < held.rank) best.set(noteId, { rank, suggestion: { noteId, title: titleOf.get(noteId) ?? '', alias } });
  };
  ids.forEach((id, index) => consider(id, titles[index]!, null));
  aliasIds.forEach((id, index) => consider(id, aliases[index]!, aliases[index]!));
  return [...best.entries()]
    .sort(([a, x], [b, y]) => Math.floor(x.rank / 2) - Math.floor(y.rank / 2) || (recency.get(b) ?? 0) - (recency.get(a) ?? 0) || x.rank - y.rank)
    .slice(0, limit)
    .map(([, entry]) => entry.suggestion);
}

export interface NoteGraph {
  nodes: Array<{ id: Id; title: string; links: number }>;
  edges: Array<{ source: Id; target: Id }>;
}

/**
 * Every note, and the resolved links between notes (a link to a note's own title is not an edge;
 * dangling links and cited items are left out). `links` is a node's degree, for sizing it.
 */
export async function getNoteGraph(db: CommonplaceDb): Promise<NoteGraph> {
  const [{ ids, titles }, rows] = await db.transaction('r', db.notes, db.links, async () => Promise.all([titleIndex(db), db.links.toArray()]));
  const nodes = new Map(ids.map((id, index) => [id, { id, title: titles[index]!, links: 0 }]));
  const edges: NoteGraph['edges'] = [];
  for (const row of rows) {
    if (row.kind !== 'note' || row.sourceId === row.targetId) continue;
    const source = nodes.get(row.sourceId);
    const target = nodes.get(row.targetId);
    if (!source || !target) continue;
    source.links += 1;
    target.links += 1;
    edges.push({ source: row.sourceId, target: row.targetId });
  }
  return { nodes: [...nodes.values()], edges };
}
