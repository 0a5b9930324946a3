// The postings behind SearchIndex: stem → one packed number per document holding it, plus the per-document
// field lengths BM25F needs. Plain number arrays (8 bytes a posting) rather than FlexSearch's maps: see the
// comment at the top of search-index.ts for the measurements behind that choice.
import { isStopWord, stem, tokenize } from './analyzer';
import { lengthNorm } from './bm25';
import { TermDictionary } from './term-dictionary';

/** posting = doc · 1024 + titleTf · 64 + bodyTf; frequencies are capped (BM25 has saturated long before). */
const DOC_SHIFT = 1024;
const TITLE_SHIFT = 64;
const MAX_TITLE_TF = 15;
const MAX_BODY_TF = 63;

export const postingDoc = (posting: number): number => Math.floor(posting / DOC_SHIFT);
export const postingTitleTf = (posting: number): number => Math.floor((posting % DOC_SHIFT) / TITLE_SHIFT);
export const postingBodyTf = (posting: number): number => posting % TITLE_SHIFT;
export const packPosting = (doc: number, titleTf: number, bodyTf: number): number =>
  doc * DOC_SHIFT + Math.min(titleTf, MAX_TITLE_TF) * TITLE_SHIFT + Math.min(bodyTf, MAX_BODY_TF);

/** Counts of each indexed stem in a text; the token count excludes stop words (what BM25 calls length). */
function countStems(text: string, dictionary: TermDictionary | undefined, counts: Map<string, [number, number]>, field: 0 | 1): number {
  let length = 0;
  for (const token of tokenize(text)) {
    if (isStopWord(token.term)) continue;
    const stemmed = dictionary?.stemOf(token.term) ?? stem(token.term);
    dictionary?.add(token.term, stemmed);
    let pair = counts.get(stemmed);
    if (pair === undefined) counts.set(stemmed, (pair = [0, 0]));
    pair[field] += 1;
    length += 1;
  }
  return length;
}

export class InvertedIndex {
  readonly postings: Map<string, number[]>;
  readonly dictionary: TermDictionary;
  /** Indexed by document number; 0 for free slots. */
  readonly titleLengths: number[];
  readonly bodyLengths: number[];
  /** BM25 length norms per document, recomputed lazily after a change (they depend on the averages). */
  private norms: { title: Float64Array; body: Float64Array; titleB: number; bodyB: number } | undefined;
  private titleTotal = 0;
  private bodyTotal = 0;
  private live = 0;

  constructor(postings = new Map<string, number[]>(), dictionary = new TermDictionary(), titleLengths: number[] = [], bodyLengths: number[] = [], live = 0) {
    this.postings = postings;
    this.dictionary = dictionary;
    this.titleLengths = titleLengths;
    this.bodyLengths = bodyLengths;
    this.live = live;
    for (const length of titleLengths) this.titleTotal += length;
    for (const length of bodyLengths) this.bodyTotal += length;
  }

  get documentCount(): number {
    return this.live;
  }

  get averageTitleLength(): number {
    return this.live > 0 ? this.titleTotal / this.live : 0;
  }

  get averageBodyLength(): number {
    return this.live > 0 ? this.bodyTotal / this.live : 0;
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

  documentFrequency(stemmed: string): number {
    return this.postings.get(stemmed)?.length ?? 0;
  }

  addDocument(doc: number, title: string, body: string): void {
    const counts = new Map<string, [number, number]>();
    const titleLength = countStems(title, this.dictionary, counts, 0);
    const bodyLength = countStems(body, this.dictionary, counts, 1);
    for (const [stemmed, [titleTf, bodyTf]] of counts) {
      const list = this.postings.get(stemmed);
      const posting = packPosting(doc, titleTf, bodyTf);
      if (list === undefined) this.postings.set(stemmed, [posting]);
      else list.push(posting);
    }
    this.titleLengths[doc] = titleLength;
    this.bodyLengths[doc] = bodyLength;
    this.titleTotal += titleLength;
    this.bodyTotal += bodyLength;
    this.live += 1;
    this.norms = undefined;
  }

  /** title and body must be the texts the document was added with (the stems are derived again from them). */
  removeDocument(doc: number, title: string, body: string): void {
    const counts = new Map<string, [number, number]>();
    countStems(title, undefined, counts, 0);
    countStems(body, undefined, counts, 1);
    for (const stemmed of counts.keys()) {
      const list = this.postings.get(stemmed);
      if (list === undefined) continue;
      // Order within a list does not matter (scoring accumulates per document), so swap-remove.
      const at = list.findIndex((posting) => postingDoc(posting) === doc);
      if (at < 0) continue;
      list[at] = list[list.length - 1]!;
      list.pop();
      if (list.length === 0) this.postings.delete(stemmed);
    }
    this.titleTotal -= this.titleLengths[doc] ?? 0;
    this.bodyTotal -= this.bodyLengths[doc] ?? 0;
    this.titleLengths[doc] = 0;
    this.bodyLengths[doc] = 0;
    this.live -= 1;
    this.norms = undefined;
  }
}
