// The postings behind SearchIndex: stem → the documents holding it (packed numbers in document order, see
// posting-list.ts), plus the per-document field lengths BM25F needs.
//
// A loaded index reads its lists straight from the dump's typed arrays (frozen-postings.ts). Documents are
// never taken out of a list: removing one marks its number dead (a tombstone), queries skip dead numbers
// and count only live ones in a term's document frequency, and the next export leaves them out. So a
// removal needs neither the document's text nor a list of its terms, and numbers are never reused before
// that export (a list stays in document order: new documents get higher numbers).
import { isStopWord, stem, tokenize } from './analyzer';
import { lengthNorm } from './bm25';
import { FrozenPostings, type PostingsChunk } from './frozen-postings';
import { MAX_DOCUMENT_NUMBERS, packPosting, PostingList } from './posting-list';
import { TermDictionary } from './term-dictionary';

export { packPosting, postingBodyTf, postingDoc, postingTitleTf } from './posting-list';

/** Counts of each indexed stem in a text; the token count excludes stop words (what BM25 calls length). */
function countStems(text: string, dictionary: TermDictionary, counts: Map<string, [number, number]>, field: 0 | 1): number {
  let length = 0;
  for (const token of tokenize(text)) {
    if (isStopWord(token.term)) continue;
    let stemmed = dictionary.stemOf(token.term);
    if (stemmed === undefined) {
      stemmed = stem(token.term);
      dictionary.add(token.term, stemmed);
    }
    let pair = counts.get(stemmed);
    if (pair === undefined) counts.set(stemmed, (pair = [0, 0]));
    pair[field] += 1;
    length += 1;
  }
  return length;
}

export interface LoadedPostings {
  chunks: readonly PostingsChunk[];
  dictionary: TermDictionary;
  titleLengths: number[];
  bodyLengths: number[];
}

export class InvertedIndex {
  readonly dictionary: TermDictionary;
  /** Indexed by document number; 0 for dead numbers. */
  readonly titleLengths: number[];
  readonly bodyLengths: number[];
  /** 1 at a dead document number (removed, its postings still in the lists until the next export). */
  deadFlags = new Uint8Array(0);
  deadCount = 0;
  private readonly frozen: FrozenPostings;
  /** Lists read or written since the load: views of the frozen ones, or the index's own. */
  private readonly lists = new Map<string, PostingList>();
  /** Live document frequencies counted since the last change (only needed while there are dead numbers). */
  private readonly liveCounts = new Map<string, number>();
  /** BM25 length norms per document, recomputed lazily after a change (they depend on the averages). */
  private norms: { title: Float64Array; body: Float64Array; titleB: number; bodyB: number } | undefined;
  private titleTotal = 0;
  private bodyTotal = 0;
  private live = 0;

  constructor(loaded?: LoadedPostings) {
    this.frozen = new FrozenPostings(loaded?.chunks ?? []);
    this.dictionary = loaded?.dictionary ?? new TermDictionary();
    this.titleLengths = loaded?.titleLengths ?? [];
    this.bodyLengths = loaded?.bodyLengths ?? [];
    this.live = this.titleLengths.length;
    this.deadFlags = new Uint8Array(this.titleLengths.length);
    for (const length of this.titleLengths) this.titleTotal += length;
    for (const length of this.bodyLengths) this.bodyTotal += length;
  }

  get documentCount(): number {
    return this.live;
  }

  /** Document numbers in use, dead ones included: arrays indexed by number need this length. */
  get numberCount(): number {
    return this.titleLengths.length;
  }

  get averageTitleLength(): number {
    return this.live > 0 ? this.titleTotal / this.live : 0;
  }

  get averageBodyLength(): number {
    return this.live > 0 ? this.bodyTotal / this.live : 0;
  }

  isLive(doc: number): boolean {
    return doc < this.titleLengths.length && this.deadFlags[doc] !== 1;
  }

  /** 1 − b + b·len/avg for every document's title and body, for the given b's. */
  lengthNorms(titleB: number, bodyB: number): { title: Float64Array; body: Float64Array } {
    const cached = this.norms;
    if (cached !== undefined && cached.titleB === titleB && cached.bodyB === bodyB && cached.title.length === this.titleLengths.length) return cached;
    const title = new Float64Array(this.titleLengths.length);
    const body = new Float64Array(this.bodyLengths.length);
    const averageTitle = this.averageTitleLength;
    const averageBody = this.averageBodyLength;
    for (let doc = 0; doc < title.length; doc += 1) {
      title[doc] = lengthNorm(this.titleLengths[doc] ?? 0, averageTitle, titleB);
      body[doc] = lengthNorm(this.bodyLengths[doc] ?? 0, averageBody, bodyB);
    }
    this.norms = { title, body, titleB, bodyB };
    return this.norms;
  }

  /** The postings of a stem (dead documents included: check isLive), or undefined when no document held it. */
  list(stemmed: string): PostingList | undefined {
    let list = this.lists.get(stemmed);
    if (list === undefined) {
      const frozen = this.frozen.find(stemmed);
      if (frozen === undefined) return undefined;
      list = PostingList.view(frozen);
      this.lists.set(stemmed, list);
    }
    return list;
  }

  has(stemmed: string): boolean {
    return this.lists.has(stemmed) || this.frozen.has(stemmed);
  }

  /** Postings of a stem, dead documents included: what reading it costs, and a cheap stand-in for its frequency when planning. */
  postingCount(stemmed: string): number {
    return this.lists.get(stemmed)?.length ?? this.frozen.count(stemmed);
  }

  /** Live documents holding the stem: what idf needs. */
  documentFrequency(stemmed: string): number {
    const list = this.list(stemmed);
    if (list === undefined) return 0;
    if (this.deadCount === 0) return list.length;
    let count = this.liveCounts.get(stemmed);
    if (count === undefined) {
      count = 0;
      const { data, length } = list;
      const dead = this.deadFlags;
      for (let at = 0; at < length; at += 1) if (dead[data[at]! >>> 10] !== 1) count += 1;
      this.liveCounts.set(stemmed, count);
    }
    return count;
  }

  addDocument(doc: number, title: string, body: string): void {
    if (doc >= MAX_DOCUMENT_NUMBERS) throw new Error('The search index holds too many document numbers; rebuild it.');
    const counts = new Map<string, [number, number]>();
    const titleLength = countStems(title, this.dictionary, counts, 0);
    const bodyLength = countStems(body, this.dictionary, counts, 1);
    for (const [stemmed, [titleTf, bodyTf]] of counts) {
      const list = this.list(stemmed);
      const posting = packPosting(doc, titleTf, bodyTf);
      if (list === undefined) this.lists.set(stemmed, PostingList.of(posting));
      else list.push(posting);
    }
    this.titleLengths[doc] = titleLength;
    this.bodyLengths[doc] = bodyLength;
    if (this.deadFlags.length <= doc) {
      // Room to grow, so a bulk build does not copy at every document.
      const grown = new Uint8Array(Math.max(1024, (doc + 1) * 2));
      grown.set(this.deadFlags);
      this.deadFlags = grown;
    }
    this.titleTotal += titleLength;
    this.bodyTotal += bodyLength;
    this.live += 1;
    this.changed();
  }

  /** Marks the document dead: queries skip it from now on, the next export leaves it out. */
  removeDocument(doc: number): void {
    if (!this.isLive(doc)) return;
    this.deadFlags[doc] = 1;
    this.deadCount += 1;
    this.titleTotal -= this.titleLengths[doc] ?? 0;
    this.bodyTotal -= this.bodyLengths[doc] ?? 0;
    this.titleLengths[doc] = 0;
    this.bodyLengths[doc] = 0;
    this.live -= 1;
    this.changed();
  }

  private changed(): void {
    this.norms = undefined;
    if (this.liveCounts.size > 0) this.liveCounts.clear();
  }

  /**
   * Every stem in sorted order with its postings renumbered by `renumber` (old number → new, −1 for a dead
   * one); stems left with no posting are skipped. What an export writes.
   */
  *compacted(renumber: Int32Array): Generator<[string, Uint32Array]> {
    const fresh = [...this.lists.keys()].filter((stemmed) => !this.frozen.has(stemmed)).sort();
    let next = 0;
    const emit = (list: ArrayLike<number>): Uint32Array => {
      const out = new Uint32Array(list.length);
      let count = 0;
      for (let at = 0; at < list.length; at += 1) {
        const posting = list[at]!;
        const doc = renumber[posting >>> 10]!;
        if (doc >= 0) out[count++] = doc * 1024 + (posting & 1023);
      }
      return out.subarray(0, count);
    };
    for (const [stemmed, frozen] of this.frozen.entries()) {
      while (next < fresh.length && fresh[next]! < stemmed) {
        const list = emit(this.lists.get(fresh[next]!)!.postings());
        if (list.length > 0) yield [fresh[next]!, list];
        next += 1;
      }
      const list = emit(this.lists.get(stemmed)?.postings() ?? frozen);
      if (list.length > 0) yield [stemmed, list];
    }
    for (; next < fresh.length; next += 1) {
      const list = emit(this.lists.get(fresh[next]!)!.postings());
      if (list.length > 0) yield [fresh[next]!, list];
    }
  }
}
