// Query evaluation over the inverted index: every OR-group of the query sets one bit per document it
// matches while BM25F contributions accumulate per document in flat arrays (no per-query maps); the
// documents holding all bits, minus exclusions and failing filters, are ranked with a bounded heap, and
// phrases are checked against the text only for the few documents that reach the top.
import { isStopWord, stem, tokenize } from './analyzer';
import { type Bm25Params, idf } from './bm25';
import { postingDoc, type InvertedIndex } from './inverted-index';
import type { ParsedQuery, QueryAlternative, QueryExclusion } from './query-parser';
import { passesFilters } from './query-filters';
import type { SearchDoc } from './search-types';

type Filters = ParsedQuery['filters'];

/** Weight of a completion of a prefix relative to the typed word itself. */
const PREFIX_WEIGHT = 0.7;
/** A 1–2 letter prefix can start thousands of words: expand to the most frequent ones up to this many postings. */
const PREFIX_POSTINGS_BUDGET = 100_000;
const MAX_PREFIX_EXPANSIONS = 24;
/** Group bits live in an Int32Array. */
const MAX_GROUPS = 30;

interface WeightedStem {
  stem: string;
  weight: number;
}

/** What a query matched, for marking snippets. */
export interface MatchedTerms {
  stems: Set<string>;
}

export interface QueryContext {
  index: InvertedIndex;
  docs: ReadonlyArray<SearchDoc | undefined>;
  params: Bm25Params;
  scratch: Scratch;
}

/** Per-document accumulators reused across queries; only touched entries are reset. */
export class Scratch {
  score = new Float64Array(0);
  mask = new Int32Array(0);
  pending = new Int32Array(0);
  count = new Uint8Array(0);

  ensure(capacity: number): void {
    if (this.score.length >= capacity) return;
    const size = Math.max(capacity, this.score.length * 2, 1024);
    this.score = new Float64Array(size);
    this.mask = new Int32Array(size);
    this.pending = new Int32Array(size);
    this.count = new Uint8Array(size);
  }
}

/** The stems a term alternative stands for: its own stem, plus frequent completions when it is a prefix. */
function expandTerm(index: InvertedIndex, text: string, prefix: boolean): WeightedStem[] {
  const out: WeightedStem[] = [];
  const own = isStopWord(text) ? undefined : stem(text);
  if (own !== undefined && index.postings.has(own)) out.push({ stem: own, weight: 1 });
  if (!prefix) return out;
  const completions = new Set<string>();
  index.dictionary.withPrefix(text, (_surface, stemmed) => {
    if (stemmed !== own && index.postings.has(stemmed)) completions.add(stemmed);
  });
  const ranked = [...completions].sort((a, b) => index.documentFrequency(b) - index.documentFrequency(a));
  let budget = PREFIX_POSTINGS_BUDGET;
  for (const stemmed of ranked) {
    if (out.length >= MAX_PREFIX_EXPANSIONS || budget <= 0) break;
    out.push({ stem: stemmed, weight: PREFIX_WEIGHT });
    budget -= index.documentFrequency(stemmed);
  }
  return out;
}

/** Distinct indexable stems of a phrase (stop words are not indexed; the text check still sees them). */
function phraseStems(words: readonly string[]): string[] {
  return [...new Set(words.filter((word) => !isStopWord(word)).map((word) => stem(word)))];
}

/** Whether the folded words occur consecutively in the title or the body. */
export function containsPhrase(doc: SearchDoc, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  for (const text of [doc.title, doc.body]) {
    const terms = tokenize(text).map((token) => token.term);
    for (let at = 0; at + words.length <= terms.length; at += 1) {
      let all = true;
      for (let offset = 0; offset < words.length && all; offset += 1) all = terms[at + offset] === words[offset];
      if (all) return true;
    }
  }
  return false;
}

function hasFilters(filters: Filters): boolean {
  return (
    filters.kinds.length > 0 || filters.sources.length > 0 || filters.folders.length > 0 || filters.tags.length > 0 ||
    filters.is.length > 0 || filters.before !== undefined || filters.after !== undefined
  );
}

export interface Ranked {
  doc: number;
  score: number;
}

class Evaluation {
  readonly touched: number[] = [];
  readonly matched = new Set<string>();
  /** Phrases per group bit that documents marked pending must contain one of. */
  readonly groupPhrases = new Map<number, string[][]>();
  private readonly n: number;

  constructor(private readonly context: QueryContext) {
    this.n = context.index.documentCount;
  }

  /** Adds the BM25F contribution of `stemmed` to every document holding it (or only those `only` accepts). */
  accumulate(stemmed: string, weight: number, bit: number, only?: (doc: number) => boolean): void {
    const list = this.context.index.postings.get(stemmed);
    if (list === undefined) return;
    this.matched.add(stemmed);
    const { score, mask } = this.context.scratch;
    const { k1, titleB, bodyB, titleWeight } = this.context.params;
    const norms = this.context.index.lengthNorms(titleB, bodyB);
    const titleNorms = norms.title;
    const bodyNorms = norms.body;
    const termIdf = idf(list.length, this.n) * weight;
    for (const posting of list) {
      const doc = postingDoc(posting);
      if (only !== undefined && !only(doc)) continue;
      const rest = posting - doc * 1024;
      const titleTf = rest >> 6;
      let tf = (rest & 63) / bodyNorms[doc]!;
      if (titleTf > 0) tf += (titleWeight * titleTf) / titleNorms[doc]!;
      score[doc]! += (termIdf * tf * (k1 + 1)) / (k1 + tf);
      if (mask[doc] === 0) this.touched.push(doc);
      mask[doc]! |= bit;
    }
  }

  /** Documents holding every stem of the phrase get the group bit, pending a check of the text unless a plain term already matched. */
  phrase(words: readonly string[], bit: number): void {
    const { mask, pending, count } = this.context.scratch;
    const phrases = this.groupPhrases.get(bit) ?? [];
    phrases.push([...words]);
    this.groupPhrases.set(bit, phrases);
    const stems = phraseStems(words);
    const mark = (doc: number) => {
      if ((mask[doc]! & bit) === 0 || (pending[doc]! & bit) !== 0) pending[doc]! |= bit;
    };
    if (stems.length === 0) {
      // Only stop words: nothing narrows the candidates, the text check does it all.
      this.context.docs.forEach((doc, number) => {
        if (doc === undefined) return;
        mark(number);
        if (mask[number] === 0) this.touched.push(number);
        mask[number]! |= bit;
      });
      return;
    }
    const lists = stems.map((stemmed) => this.context.index.postings.get(stemmed));
    if (lists.some((list) => list === undefined)) return;
    const seen: number[] = [];
    for (const list of lists) {
      for (const posting of list!) {
        const doc = postingDoc(posting);
        if (count[doc] === 0) seen.push(doc);
        count[doc]! += 1;
      }
    }
    const complete = (doc: number) => count[doc] === stems.length;
    for (const doc of seen) if (complete(doc)) mark(doc);
    for (const stemmed of stems) this.accumulate(stemmed, 1, bit, complete);
    for (const doc of seen) count[doc] = 0;
  }

  reset(): void {
    const { score, mask, pending } = this.context.scratch;
    for (const doc of this.touched) {
      score[doc] = 0;
      mask[doc] = 0;
      pending[doc] = 0;
    }
  }
}

export interface QueryOutcome {
  ranked: Ranked[];
  matched: MatchedTerms;
}

/** Ranks the documents matching `query`; at most `limit`. */
export function evaluate(context: QueryContext, query: ParsedQuery, limit: number): QueryOutcome {
  const { index, docs, scratch } = context;
  scratch.ensure(docs.length);
  const evaluation = new Evaluation(context);
  try {
    const groups = query.clauses.slice(0, MAX_GROUPS);
    let full = 0;
    groups.forEach((group: QueryAlternative[], position: number) => {
      const bit = 1 << position;
      let usable = false;
      for (const alternative of group) {
        if (alternative.kind !== 'term') continue;
        const stems = expandTerm(index, alternative.text, alternative.prefix);
        for (const { stem: stemmed, weight } of stems) evaluation.accumulate(stemmed, weight, bit);
        // A real word that no document holds still counts (the group then matches nothing).
        usable ||= stems.length > 0 || !isStopWord(alternative.text);
      }
      for (const alternative of group) {
        if (alternative.kind !== 'phrase') continue;
        evaluation.phrase(alternative.words, bit);
        usable = true;
      }
      // A group of stop words only is dropped rather than matching nothing ("the" in "the wing").
      if (usable) full |= bit;
    });
    const candidates = collect(context, evaluation, query, groups.length === 0, full);
    const ranked = select(context, evaluation, candidates, query.sort, limit, excludedPhrases(query));
    return { ranked, matched: { stems: evaluation.matched } };
  } finally {
    evaluation.reset();
  }
}

function excludedPhrases(query: ParsedQuery): string[][] {
  return query.excluded.flatMap((exclusion: QueryExclusion) => (exclusion.kind === 'phrase' ? [exclusion.words] : []));
}

/** Documents holding every group bit (all documents for a filters-only query), minus exclusions and filter failures. */
function collect(context: QueryContext, evaluation: Evaluation, query: ParsedQuery, noGroups: boolean, full: number): number[] {
  const { index, docs, scratch } = context;
  if (!noGroups && full === 0) return [];
  const excluded = new Set<number>();
  for (const exclusion of query.excluded) {
    if (exclusion.kind !== 'term') continue;
    for (const { stem: stemmed } of expandTerm(index, exclusion.text, false)) {
      for (const posting of index.postings.get(stemmed) ?? []) excluded.add(postingDoc(posting));
    }
  }
  const filtering = hasFilters(query.filters);
  const keep = (number: number) => {
    if (excluded.has(number)) return false;
    return !filtering || passesFilters(docs[number]!, query.filters);
  };
  const out: number[] = [];
  if (noGroups) {
    docs.forEach((doc, number) => {
      if (doc !== undefined && keep(number)) out.push(number);
    });
    return out;
  }
  for (const number of evaluation.touched) if (scratch.mask[number] === full && keep(number)) out.push(number);
  return out;
}

/** The k best candidates in order, by binary insertion into a sorted array (k ≪ n, so few insertions). */
function topK(candidates: readonly number[], k: number, better: (a: number, b: number) => number): number[] {
  const top: number[] = [];
  for (const candidate of candidates) {
    if (top.length === k && better(candidate, top[k - 1]!) >= 0) continue;
    let low = 0;
    let high = top.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (better(top[middle]!, candidate) <= 0) low = middle + 1;
      else high = middle;
    }
    top.splice(low, 0, candidate);
    if (top.length > k) top.pop();
  }
  return top;
}

/** Orders candidates, checks phrases and excluded phrases on the text of the leaders only, and keeps `limit`. */
function select(context: QueryContext, evaluation: Evaluation, candidates: number[], sort: ParsedQuery['sort'], limit: number, excluded: string[][]): Ranked[] {
  const { docs, scratch } = context;
  const { score, pending } = scratch;
  const date = (doc: number) => docs[doc]!.date;
  const better =
    sort === 'date'
      ? (a: number, b: number) => date(b) - date(a) || score[b]! - score[a]! || a - b
      : (a: number, b: number) => score[b]! - score[a]! || date(b) - date(a) || a - b;
  const accepts = (doc: number): boolean => {
    const text = docs[doc]!;
    for (let bits = pending[doc]!; bits !== 0; bits &= bits - 1) {
      const bit = bits & -bits;
      const phrases = evaluation.groupPhrases.get(bit) ?? [];
      if (!phrases.some((words) => containsPhrase(text, words))) return false;
    }
    return !excluded.some((words) => containsPhrase(text, words));
  };
  const out: Ranked[] = [];
  const k = Math.min(candidates.length, Math.max(limit * 2, 64));
  const first = topK(candidates, k, better);
  for (const doc of first) {
    if (out.length >= limit) break;
    if (accepts(doc)) out.push({ doc, score: score[doc]! });
  }
  if (out.length < limit && k < candidates.length) {
    // Phrase checks rejected too many leaders: rank everything (rare, and only as slow as a sort).
    const rest = [...candidates].sort(better).slice(k);
    for (const doc of rest) {
      if (out.length >= limit) break;
      if (accepts(doc)) out.push({ doc, score: score[doc]! });
    }
  }
  return out;
}
