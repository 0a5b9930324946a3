// The full-text index behind Search (issue 5): pure TypeScript so it runs in the search worker, in tests
// and in the benchmarks alike.
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
//   prefixes and 2–3 words each in most documents: they still score ~100–200k postings, since postings
//   are not in document order (no skipping); max-score pruning over doc-ordered lists is the next step
//   if the tail must shrink further.
import { type Bm25Params, DEFAULT_BM25 } from './bm25';
import { type DumpContent, readDump, writeDump } from './index-dump';
import { InvertedIndex, packPosting, postingBodyTf, postingDoc, postingTitleTf } from './inverted-index';
import { isStopWord, stem } from './analyzer';
import { type ParsedQuery, parseQuery } from './query-parser';
import { evaluate, Scratch } from './search-query';
import type { SearchDoc, SearchHit } from './search-types';
import { leadSnippet, makeSnippet } from './snippet';
import { TermDictionary } from './term-dictionary';

export type { SearchDoc, SearchHit } from './search-types';

export interface SearchOptions {
  /** Most hits returned; 20 by default. */
  limit?: number;
}

export class SearchIndex {
  private index: InvertedIndex;
  /** Document numbers index into this; removed documents leave holes that later additions reuse. */
  private docs: Array<SearchDoc | undefined>;
  private readonly numbers = new Map<string, number>();
  private readonly free: number[] = [];
  private readonly scratch = new Scratch();
  private readonly params: Bm25Params;

  constructor(params: Partial<Bm25Params> = {}) {
    this.params = { ...DEFAULT_BM25, ...params };
    this.index = new InvertedIndex();
    this.docs = [];
  }

  get size(): number {
    return this.numbers.size;
  }

  has(id: string): boolean {
    return this.numbers.has(id);
  }

  /**
   * Every indexed id with the date it was indexed with: the app compares them with the library to find what
   * was added, removed or (for notes, whose date is their last change) edited while it was closed.
   */
  entries(): Array<[id: string, date: number]> {
    return [...this.numbers].map(([id, number]) => [id, this.docs[number]!.date]);
  }

  /** Adds a document, or replaces the one with the same id (an edit re-indexes that document only). */
  add(doc: SearchDoc): void {
    this.remove(doc.id);
    const number = this.free.pop() ?? this.docs.length;
    this.docs[number] = doc;
    this.numbers.set(doc.id, number);
    this.index.addDocument(number, doc.title, doc.body);
  }

  remove(id: string): void {
    const number = this.numbers.get(id);
    if (number === undefined) return;
    const doc = this.docs[number]!;
    this.index.removeDocument(number, doc.title, doc.body);
    this.docs[number] = undefined;
    this.numbers.delete(id);
    this.free.push(number);
  }

  search(query: ParsedQuery | string, options: SearchOptions = {}): SearchHit[] {
    const parsed = typeof query === 'string' ? parseQuery(query) : query;
    const limit = options.limit ?? 20;
    const context = { index: this.index, docs: this.docs, params: this.params, scratch: this.scratch };
    const { ranked, matched } = evaluate(context, parsed, limit);
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
      const doc = this.docs[number]!;
      const shown = makeSnippet(doc.body, marks) ?? makeSnippet(doc.title, marks) ?? leadSnippet(doc.body === '' ? doc.title : doc.body);
      return { id: doc.id, kind: doc.kind, title: doc.title, date: doc.date, score, snippet: shown.snippet, marks: shown.marks };
    });
  }

  /** Structured-cloneable chunks (header first, with a format version) for IndexedDB; see index-dump.ts. */
  exportIndex(): unknown[] {
    // Renumber the live documents 0..n-1 so the dump has no holes.
    const renumber = new Map<number, number>();
    const content: DumpContent = { docs: [], titleLengths: [], bodyLengths: [], postings: new Map(), surfaces: [], stems: [] };
    this.docs.forEach((doc, number) => {
      if (doc === undefined) return;
      renumber.set(number, content.docs.length);
      content.docs.push(doc);
      content.titleLengths.push(this.index.titleLengths[number] ?? 0);
      content.bodyLengths.push(this.index.bodyLengths[number] ?? 0);
    });
    for (const [term, list] of this.index.postings) {
      content.postings.set(term, list.map((posting) => packPosting(renumber.get(postingDoc(posting))!, postingTitleTf(posting), postingBodyTf(posting))));
    }
    const { surfaces, stems } = this.index.dictionary.entries((stemmed) => this.index.postings.has(stemmed));
    content.surfaces = surfaces;
    content.stems = stems;
    return writeDump(content);
  }

  /** The index a dump describes; throws an Error saying so when the dump is damaged or of another version. */
  static importIndex(chunks: unknown[], params: Partial<Bm25Params> = {}): SearchIndex {
    const content = readDump(chunks);
    const index = new SearchIndex(params);
    index.docs = content.docs;
    content.docs.forEach((doc, number) => index.numbers.set(doc.id, number));
    index.index = new InvertedIndex(
      content.postings,
      TermDictionary.fromEntries(content.surfaces, content.stems),
      content.titleLengths,
      content.bodyLengths,
      content.docs.length,
    );
    return index;
  }
}
