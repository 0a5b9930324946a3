// The full-text index behind Search (issue 5): pure TypeScript so it runs in the search worker, in tests
// and in the benchmarks alike.
//
// What it keeps: postings (typed arrays, in document order), field lengths, and per document its id, title,
// date, kind, flags and filter names (doc-table.ts). Not the bodies: they are most of an archive's bytes, and
// a start would wait for them. A search reads the bodies of the hits it shows (and of the leaders when a
// phrase must be checked) from a TextSource: the app's is a file beside the saved index, read by offset
// (renderer/features/search/engine/stored-texts.ts); tests and benchmarks keep them in memory.
//
// Why an inverted index of our own rather than FlexSearch (numbers: tests/bench/search.bench.ts, see
// MEASUREMENTS (one run of tests/bench/search.bench.ts on the 2-core dev machine, shared with other jobs;
// 100,000 synthetic documents of ~160 words; ours is timed after export → structuredClone → import):
//   Cranfield nDCG@10 / MAP: ours 0.379 / 0.316; MiniSearch defaults 0.327 / 0.255, with our Porter and
//   stop words 0.365 / 0.300; FlexSearch forward alone 0.215 / 0.171; FlexSearch strict top 100 re-ranked
//   by our BM25F 0.376 / 0.297 (the candidate cut costs MAP, and it needs a second index beside ours).
//   100k build 13.2 s / +128 MB heap (MiniSearch 36.2 s / +552 MB; the FlexSearch forward: 75 s /
//   +1.06 GB); export → structuredClone → import 3.0 s (MiniSearch JSON 19.8 s); whole search() including
//   snippets: 1–3 words p50 1.22 ms / p95 4.70 ms (MiniSearch 217 / 699 ms: p50 178× faster), 1–4 letter
//   prefixes p50 3.76 ms / p95 6.55 ms (MiniSearch 1947 / 4995 ms: 518×). Targets met: p95 < 10 ms for
//   both, p50 ≥ 100× MiniSearch for both, build and heap below MiniSearch's, nDCG@10 ≥ 0.36.
//   MiniSearch measured p50 111 ms for words in a quieter earlier run; ours would then be about 130×
//   faster (the 100× margin is thinner than this run's 178× suggests).
//   Before/after in one process on the same corpus (search-query.ts's narrowing, streamed top-k, typed
//   scratch arrays and single-pass prefix completion vs the previous term-at-a-time version that collected
//   and ranked every match; identical hits and scores on 600 queries): words p50 8.2 → 1.4 ms, p95 19.0
//   → 5.2 ms; prefixes p50 19.4 → 4.3 ms, p95 35.7 → 7.7 ms. The slowest queries left are 1-letter
//   prefixes and 2–3 words each in most documents: they still score ~100–200k postings, since scoring does
//   not skip; max-score pruning over the lists (now in document order) is the next step if the tail must
//   shrink further.
// Bodies out of the dump, postings kept as the dump's typed arrays, removals as tombstones (measured the
// same way, before → after on the same machine, one run each): 100k save + load 2660 ms → 691 + 277 ms,
// heap 128 MB (JS heap) → 92 MB (JS heap and ArrayBuffers, bodies included as before), words p50/p95
// 1.19 / 4.14 → 0.99 / 3.39 ms, prefixes 4.21 / 6.75 → 2.69 / 4.46 ms; Cranfield unchanged. In the same
// full run MiniSearch took 35.8 s / +552 MB to build and answered words at p50 104 ms: 98–105× ours, a
// ratio that moves with MiniSearch's own variance (111–217 ms in earlier runs). In Chromium with 100,000
// items and 10,000 notes (tests/bench/search-ui.bench.ts), a start is searchable after 0.55–0.79 s
// (was 6–12 s): see renderer/features/search/engine/opfs-files.ts for the part the storage played.
import { type Bm25Params, DEFAULT_BM25 } from './bm25';
import { DocTable, type DocSummary } from './doc-table';
import { type LoadedDump, readDump, writeDump } from './index-dump';
import { InvertedIndex } from './inverted-index';
import { isStopWord, stem } from './analyzer';
import { type ParsedQuery, parseQuery } from './query-parser';
import { evaluate, passesPhrases, type Ranked, Scratch } from './search-query';
import type { SearchDoc, SearchHit } from './search-types';
import { leadSnippet, makeSnippet } from './snippet';
import { TermDictionary } from './term-dictionary';
import { MemoryTexts, type TextRef, type TextSource } from './text-source';

export type { SearchDoc, SearchHit } from './search-types';
export type { DocSummary } from './doc-table';

export interface SearchOptions {
  /** Most hits returned; 20 by default. */
  limit?: number;
}

export interface SearchIndexOptions {
  bm25?: Partial<Bm25Params>;
  /** Where bodies are read for snippets and phrase checks; by default they are kept in memory as documents are added. */
  texts?: TextSource;
}

/** Texts read at a time when phrase checks reject the leaders and the search goes further down the list. */
const CHECK_BATCH = 64;

type Bodies = ReadonlyArray<string | undefined>;

const isPromise = (value: unknown): value is Promise<unknown> => typeof (value as { then?: unknown } | null)?.then === 'function';

export class SearchIndex {
  private index: InvertedIndex;
  private docs: DocTable;
  private readonly scratch = new Scratch();
  private readonly params: Bm25Params;
  readonly texts: TextSource;
  /** Bumped when document numbers change (an export compacts them); a search reading texts across that fails. */
  private layout = 0;

  constructor(options: SearchIndexOptions = {}) {
    this.params = { ...DEFAULT_BM25, ...options.bm25 };
    this.texts = options.texts ?? new MemoryTexts();
    this.index = new InvertedIndex();
    this.docs = new DocTable();
  }

  get size(): number {
    return this.docs.size;
  }

  has(id: string): boolean {
    return this.docs.numberOf(id) !== undefined;
  }

  /** What the index holds for an id (its kind, title, date…), without its text; the app compares it with the library. */
  describe(id: string): DocSummary | undefined {
    const number = this.docs.numberOf(id);
    return number === undefined ? undefined : this.docs.summary(number);
  }

  /** Every indexed id. */
  ids(): string[] {
    return this.docs.liveIds();
  }

  /** Adds a document, or replaces the one with the same id (an edit re-indexes that document only). */
  add(doc: SearchDoc): void {
    this.remove(doc.id);
    const number = this.docs.append(doc);
    this.index.addDocument(number, doc.title, doc.body);
    this.texts.remember?.(doc.id, doc.body);
  }

  remove(id: string): void {
    const number = this.docs.numberOf(id);
    if (number === undefined) return;
    this.docs.remove(number);
    this.index.removeDocument(number);
    this.texts.forget?.(id);
  }

  /** Searches with texts read synchronously (the in-memory default); an index reading them asynchronously needs searchAsync. */
  search(query: ParsedQuery | string, options: SearchOptions = {}): SearchHit[] {
    const run = this.run(query, options);
    let step = run.next();
    while (step.done !== true) {
      const bodies = this.texts.read(step.value);
      if (isPromise(bodies)) throw new Error('This search index reads its texts asynchronously: use searchAsync().');
      step = run.next(bodies);
    }
    return step.value;
  }

  async searchAsync(query: ParsedQuery | string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const run = this.run(query, options);
    let step = run.next();
    while (step.done !== true) step = run.next(await this.texts.read(step.value));
    return step.value;
  }

  /**
   * One search, as a generator that yields the documents whose bodies it needs (the leaders when phrases
   * must be checked, then the hits for their snippets) and is resumed with them, so the same code serves a
   * synchronous and an asynchronous text source.
   */
  private *run(query: ParsedQuery | string, options: SearchOptions): Generator<TextRef[], SearchHit[], Bodies> {
    const parsed = typeof query === 'string' ? parseQuery(query) : query;
    const limit = options.limit ?? 20;
    const layout = this.layout;
    const docs = this.docs;
    const { leaders, checks, matched } = evaluate({ index: this.index, docs, params: this.params, scratch: this.scratch }, parsed, limit);
    const bodies = new Map<number, string>();
    const layoutNow = () => this.layout;
    function* read(ranked: readonly Ranked[]): Generator<TextRef[], void, Bodies> {
      const missing = ranked.map(({ doc }) => doc).filter((doc) => !bodies.has(doc));
      if (missing.length === 0) return;
      const got = yield missing.map((doc) => ({ id: docs.ids[doc]!, kind: docs.kind(doc) }));
      if (layoutNow() !== layout) throw new Error('The search index was compacted during the search; search again.');
      missing.forEach((doc, at) => bodies.set(doc, got[at] ?? ''));
    }
    let ranked = leaders;
    if (checks !== undefined) {
      const accepted: Ranked[] = [];
      const accept = (batch: readonly Ranked[]) => {
        for (const hit of batch) {
          if (accepted.length >= limit) return;
          if (passesPhrases(checks, hit.doc, { title: docs.titles[hit.doc]!, body: bodies.get(hit.doc)! })) accepted.push(hit);
        }
      };
      yield* read(leaders);
      accept(leaders);
      if (accepted.length < limit) {
        // Phrase checks rejected too many leaders: go down the whole list (rare, and only as slow as a sort).
        const rest = checks.all().slice(leaders.length);
        for (let from = 0; from < rest.length && accepted.length < limit; from += CHECK_BATCH) {
          const batch = rest.slice(from, from + CHECK_BATCH);
          yield* read(batch);
          accept(batch);
        }
      }
      ranked = accepted;
    }
    yield* read(ranked);
    const prefixes = parsed.clauses.flat().flatMap((alternative) => (alternative.kind === 'term' && alternative.prefix ? [alternative.text] : []));
    const memo = new Map<string, boolean>();
    // A marked word starts with the first letter of a typed prefix or of a matched stem (Porter only
    // rewrites endings), so most of a snippet's words are turned away before any map lookup.
    const initials = new Set<number>([...prefixes, ...matched.stems].map((text) => text.charCodeAt(0)));
    const marks = (term: string): boolean => {
      if (!initials.has(term.charCodeAt(0)) && !prefixes.includes('')) return false;
      let marked = memo.get(term);
      if (marked === undefined) {
        marked = !isStopWord(term) && (prefixes.some((prefix) => term.startsWith(prefix)) || matched.stems.has(this.index.dictionary.stemOf(term) ?? stem(term)));
        memo.set(term, marked);
      }
      return marked;
    };
    return ranked.map(({ doc: number, score }) => {
      const title = docs.titles[number]!;
      const body = bodies.get(number)!;
      const shown = makeSnippet(body, marks) ?? makeSnippet(title, marks) ?? leadSnippet(body === '' ? title : body);
      return { id: docs.ids[number]!, kind: docs.kind(number), title, date: docs.dates[number]!, score, snippet: shown.snippet, marks: shown.marks };
    });
  }

  /**
   * Structured-cloneable chunks (header first, with a format version) for IndexedDB; see index-dump.ts.
   * Exporting also compacts the index in memory: it goes on from the dump's arrays, without the documents
   * removals left behind. Its answers stay the same; document numbers change.
   */
  exportIndex(): unknown[] {
    const { columns, renumber } = this.docs.compacted();
    const titleLengths: number[] = [];
    const bodyLengths: number[] = [];
    renumber.forEach((to, from) => {
      if (to < 0) return;
      titleLengths.push(this.index.titleLengths[from]!);
      bodyLengths.push(this.index.bodyLengths[from]!);
    });
    const chunks = writeDump({
      docs: columns,
      titleLengths,
      bodyLengths,
      postings: this.index.compacted(renumber),
      dictionary: (kept) => this.index.dictionary.entries(kept),
    });
    this.adopt(readDump(chunks, { trusted: true }));
    return chunks;
  }

  /** The index a dump describes; throws an Error saying so when the dump is damaged or of another version. */
  static importIndex(chunks: unknown[], options: SearchIndexOptions = {}): SearchIndex {
    const index = new SearchIndex(options);
    index.adopt(readDump(chunks));
    return index;
  }

  private adopt(loaded: LoadedDump): void {
    this.docs = new DocTable(loaded.docs);
    this.index = new InvertedIndex({
      chunks: loaded.postings,
      dictionary: TermDictionary.fromEntries(loaded.surfaces, loaded.stems),
      titleLengths: loaded.titleLengths,
      bodyLengths: loaded.bodyLengths,
    });
    this.layout += 1;
  }
}
