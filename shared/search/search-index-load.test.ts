// A saved index holds no bodies: what a loaded index can do without them (find, rank, filter), how it reads
// them on demand for snippets and phrase checks, and how it takes removals and edits after a load.
import { describe, expect, it } from 'vitest';
import { mulberry32 as random } from '../seeded-random';
import { DUMP_VERSION, DumpVersionError, readDump } from './index-dump';
import { SearchIndex, type SearchDoc } from './search-index';
import { MemoryTexts, type TextRef, type TextSource } from './text-source';

/** What IndexedDB does to a stored value (shared/ compiles without the DOM and Node typings that declare it). */
const structuredClone = (globalThis as unknown as { structuredClone: <T>(value: T) => T }).structuredClone;

const DAY = 86_400_000;
const base = Date.UTC(2026, 0, 1);

const WORDS = ['kettle', 'harbour', 'lantern', 'meadow', 'quarry', 'saddle', 'tundra', 'velvet', 'walnut', 'zephyr', 'bramble', 'copper', 'dune', 'fjord', 'glacier', 'the', 'of'];

function corpus(count: number, next: () => number): SearchDoc[] {
  const word = () => WORDS[Math.floor(WORDS.length * next() ** 2)]!;
  const words = (length: number) => Array.from({ length }, word).join(' ');
  const kinds: SearchDoc['kind'][] = ['note', 'item', 'highlight'];
  return Array.from({ length: count }, (_, n) => ({
    id: `d${n}`,
    kind: kinds[n % 3]!,
    title: words(1 + Math.floor(next() * 4)),
    body: words(3 + Math.floor(next() * 30)),
    // Distinct dates: ties in score are then broken by date, never by document number (which a load changes).
    date: base + n * 3_600_000,
    ...(n % 4 === 0 ? { tags: ['area/topic'], starred: true } : {}),
    ...(n % 5 === 0 ? { sourceTitles: ['Harbour News'], folders: ['Reading'], unread: true } : {}),
  }));
}

/** Every string anywhere in the chunks. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const entry of value) strings(entry, out);
  else if (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value)) for (const entry of Object.values(value)) strings(entry, out);
  return out;
}

/** A text source that records what it was asked for. */
class CountingTexts implements TextSource {
  readonly asked: TextRef[][] = [];
  constructor(private readonly inner: MemoryTexts) {}
  read(refs: readonly TextRef[]) {
    this.asked.push([...refs]);
    return this.inner.read(refs);
  }
}

const QUERIES = ['kettle', 'harb', 'lantern meadow', 'quarry OR zephyr', 'kettle -harbour', '"kettle harbour"', 'velvet "the kettle"', 'copper -"dune fjord"',
  'tag:area', 'is:starred kettle', 'source:harbour', 'folder:reading lantern', 'in:notes kettle', 'kettle sort:date', 'g', 'after:2026-01-05 kettle'];

describe('a saved index without bodies', () => {
  const docs = corpus(300, random(7));
  const original = new SearchIndex();
  for (const doc of docs) original.add(doc);
  const chunks = structuredClone(original.exportIndex());

  it('keeps no document body in the dump', () => {
    const saved = new Set(strings(chunks));
    const long = docs.filter((doc) => doc.body.length > 80);
    expect(long.length).toBeGreaterThan(50);
    for (const doc of long) expect(saved.has(doc.body)).toBe(false);
    // Titles stay: a hit is shown with its title, and a title can hold a phrase.
    expect(saved.has(docs[1]!.title)).toBe(true);
  });

  it('finds, ranks and filters without any text, and reads the bodies of the hits shown only', () => {
    const texts = new CountingTexts(new MemoryTexts());
    const loaded = SearchIndex.importIndex(structuredClone(chunks), { texts });
    for (const query of QUERIES.filter((text) => !text.includes('"'))) {
      texts.asked.length = 0;
      const hits = loaded.search(query, { limit: 7 });
      expect(hits.map((hit) => [hit.id, hit.score]), query).toEqual(original.search(query, { limit: 7 }).map((hit) => [hit.id, hit.score]));
      // One read, of exactly the hits (no phrase to check).
      expect(texts.asked.map((refs) => refs.map((ref) => ref.id)), query).toEqual(hits.length > 0 ? [hits.map((hit) => hit.id)] : []);
      expect(texts.asked.flat().map((ref) => ref.kind)).toEqual(hits.map((hit) => hit.kind));
    }
  });

  it('makes snippets with the matched words marked from the bodies it reads', () => {
    const loaded = SearchIndex.importIndex(structuredClone(chunks), { texts: original.texts });
    for (const query of QUERIES) expect(loaded.search(query), query).toEqual(original.search(query));
    const [hit] = loaded.search('lantern');
    expect(hit!.marks.length).toBeGreaterThan(0);
    for (const [start, end] of hit!.marks) expect(hit!.snippet.slice(start, end)).toMatch(/^lanterns?$/);
  });

  it('checks a phrase against the texts of the leaders only, going further down only when they fail', () => {
    const texts = new CountingTexts(original.texts as MemoryTexts);
    const loaded = SearchIndex.importIndex(structuredClone(chunks), { texts });
    const hits = loaded.search('"kettle harbour"', { limit: 5 });
    expect(hits).toEqual(original.search('"kettle harbour"', { limit: 5 }));
    expect(hits.length).toBeGreaterThan(0);
    // The leaders' texts (at most 64), then nothing more: the hits' bodies were already read.
    expect(texts.asked).toHaveLength(1);
    expect(texts.asked[0]!.length).toBeLessThanOrEqual(64);
  });

  it('shows a hit whose body can no longer be read by its title', () => {
    const loaded = SearchIndex.importIndex(structuredClone(chunks), { texts: new MemoryTexts() });
    const [hit] = loaded.search('lantern');
    expect(hit).toBeDefined();
    expect(hit!.snippet).toBe(hit!.title.length > 160 ? expect.any(String) : hit!.title);
  });

  it('reads texts asynchronously with searchAsync, to the same answer', async () => {
    const memory = original.texts as MemoryTexts;
    // Resolved a few turns later, as an IndexedDB read would be.
    const slow: TextSource = { read: async (refs) => {
      for (let turn = 0; turn < 3; turn += 1) await Promise.resolve();
      return memory.read(refs);
    } };
    const loaded = SearchIndex.importIndex(structuredClone(chunks), { texts: slow });
    for (const query of QUERIES) expect(await loaded.searchAsync(query), query).toEqual(original.search(query));
    expect(() => loaded.search('kettle')).toThrow(/searchAsync/);
  });
});

describe('removing and editing after a load', () => {
  it('answers as an index built from scratch with the same documents, before and after the next export', () => {
    const next = random(11);
    const docs = corpus(300, next);
    const first = new SearchIndex();
    for (const doc of docs) first.add(doc);
    const loaded = SearchIndex.importIndex(structuredClone(first.exportIndex()), { texts: first.texts });
    const live = new Map(docs.map((doc) => [doc.id, doc]));
    const extra = corpus(40, random(12));
    for (let n = 0; n < 120; n += 1) {
      const victim = docs[Math.floor(next() * docs.length)]!;
      if (n % 3 === 0) {
        loaded.remove(victim.id);
        live.delete(victim.id);
      } else if (n % 3 === 1) {
        const edited = { ...victim, body: `${victim.body} glacier bramble`, date: victim.date + 1 };
        loaded.add(edited);
        live.set(edited.id, edited);
      } else {
        const added = { ...extra[n % extra.length]!, id: `new${n}`, date: base + 400 * DAY + n };
        loaded.add(added);
        live.set(added.id, added);
      }
    }
    const fresh = new SearchIndex();
    for (const doc of live.values()) fresh.add(doc);
    expect(loaded.size).toBe(fresh.size);
    const check = (index: SearchIndex) => {
      for (const query of [...QUERIES, 'glacier bramble', 'gla']) expect(index.search(query, { limit: 30 }), query).toEqual(fresh.search(query, { limit: 30 }));
    };
    check(loaded);
    for (const id of live.keys()) expect(loaded.has(id)).toBe(true);
    expect(loaded.has(docs.find((doc) => !live.has(doc.id))!.id)).toBe(false);
    expect(loaded.describe('new2')).toEqual({ id: 'new2', kind: extra[2]!.kind, title: extra[2]!.title, date: base + 400 * DAY + 2, hasArticle: false });

    // The export leaves out what the removals left behind, and the index goes on compacted.
    const again = loaded.exportIndex();
    expect((again[0] as { documents: number }).documents).toBe(live.size);
    check(loaded);
    check(SearchIndex.importIndex(structuredClone(again), { texts: first.texts }));
  });

  it('forgets a removed document in its text source', () => {
    const texts = new MemoryTexts();
    const index = new SearchIndex({ texts });
    index.add({ id: 'a', kind: 'note', title: 'A', body: 'walnut', date: base });
    index.remove('a');
    expect(texts.read([{ id: 'a', kind: 'note' }])).toEqual([undefined]);
  });
});

describe('a damaged or stale dump', () => {
  const index = new SearchIndex();
  for (const doc of corpus(50, random(3))) index.add(doc);
  const chunks = index.exportIndex();
  const replace = (kind: string, change: (chunk: Record<string, unknown>) => Record<string, unknown>) =>
    chunks.map((chunk) => ((chunk as { kind?: string }).kind === kind ? change({ ...(chunk as Record<string, unknown>) }) : chunk));

  it.each<[string, () => unknown[]]>([
    ['terms out of order', () => replace('postings', (chunk) => ({ ...chunk, terms: [...(chunk.terms as string[])].reverse() }))],
    ['a list not in document order', () => replace('postings', (chunk) => {
      const data = Uint32Array.from(chunk.data as Uint32Array);
      const offsets = chunk.offsets as Uint32Array;
      const at = [...offsets].findIndex((offset, index) => offsets[index + 1]! - offset >= 2);
      [data[offsets[at]!], data[offsets[at]! + 1]] = [data[offsets[at]! + 1]!, data[offsets[at]!]!];
      return { ...chunk, data };
    })],
    ['an unknown flag', () => replace('docs', (chunk) => ({ ...chunk, flags: Uint8Array.from(chunk.flags as Uint8Array, () => 64) }))],
    ['filter names that are not there', () => replace('docs', (chunk) => ({ ...chunk, facets: Uint32Array.from(chunk.facets as Uint32Array, () => 999) }))],
    ['columns of different lengths', () => replace('docs', (chunk) => ({ ...chunk, titles: (chunk.titles as string[]).slice(1) }))],
    ['a duplicate id', () => replace('docs', (chunk) => ({ ...chunk, ids: (chunk.ids as string[]).map((id, at) => (at === 1 ? (chunk.ids as string[])[0]! : id)) }))],
    ['no filter names', () => chunks.filter((chunk) => (chunk as { kind?: string }).kind !== 'facets').map((chunk, at) => (at === 0 ? { ...(chunk as object), chunks: chunks.length - 1 } : chunk))],
  ])('rejects %s as damaged', (_label, damage) => {
    expect(() => SearchIndex.importIndex(damage())).toThrow(/damaged/);
  });

  it('says a dump of another version is stale, not damaged', () => {
    const old = [{ ...(chunks[0] as object), version: DUMP_VERSION - 1 }, ...chunks.slice(1)];
    expect(() => readDump(old)).toThrow(DumpVersionError);
    expect(() => readDump(old)).toThrow(/version 1/);
  });
});
