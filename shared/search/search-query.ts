// Query evaluation over the inverted index, term at a time: every OR-group of the query sets one bit per
// document it matches while BM25F contributions accumulate per document in flat typed arrays (no per-query
// maps or growing arrays). The group with the fewest postings is marked first, so every group scores only
// the documents that hold all the groups before it and that one: "rare common" costs the rare word's
// postings plus a bit test per common posting. Groups are still scored in the query's order, so a score is
// the same floating-point sum whichever group narrowed. The matching documents stream through a bounded
// sorted array of leaders (one comparison turns away a candidate below the last leader). Phrases need the
// text, which the index does not keep: evaluation ends with a shortlist, and the caller checks the phrases
// of the leaders once it has read their texts (search-index.ts).
import { isStopWord, stem, tokenize } from './analyzer';
import { type Bm25Params, idf } from './bm25';
import type { DocTable } from './doc-table';
import type { InvertedIndex } from './inverted-index';
import type { ParsedQuery, QueryExclusion } from './query-parser';
import { passesFilters } from './query-filters';
import { expandTerm, narrowingGroup, planGroup, usable } from './query-plan';

type Filters = ParsedQuery['filters'];

/** Group bits live in an Int32Array. */
const MAX_GROUPS = 30;

/** What a query matched, for marking snippets. */
export interface MatchedTerms {
  stems: Set<string>;
}

export interface QueryContext {
  index: InvertedIndex;
  docs: DocTable;
  params: Bm25Params;
  scratch: Scratch;
}

/** Per-document accumulators reused across queries; only touched entries are reset. */
export class Scratch {
  score = new Float64Array(0);
  mask = new Int32Array(0);
  pending = new Int32Array(0);
  count = new Uint8Array(0);
  /** Documents whose mask went non-zero, in order (each at most once per query). */
  touched = new Int32Array(0);
  /** Documents that passed every check, for the rare full sort when phrase checks reject the leaders. */
  candidates = new Int32Array(0);

  ensure(capacity: number): void {
    if (this.score.length >= capacity) return;
    const size = Math.max(capacity, this.score.length * 2, 1024);
    this.score = new Float64Array(size);
    this.mask = new Int32Array(size);
    this.pending = new Int32Array(size);
    this.count = new Uint8Array(size);
    this.touched = new Int32Array(size);
    this.candidates = new Int32Array(size);
  }
}

/** Distinct indexable stems of a phrase (stop words are not indexed; the text check still sees them). */
function phraseStems(words: readonly string[]): string[] {
  return [...new Set(words.filter((word) => !isStopWord(word)).map((word) => stem(word)))];
}

/** Whether the folded words occur consecutively in the title or the body. */
export function containsPhrase(doc: { title: string; body: string }, words: readonly string[]): boolean {
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
  /** How many entries of scratch.touched this query has filled. */
  touchedCount = 0;
  readonly matched = new Set<string>();
  /** Phrases per group bit that documents marked pending must contain one of. */
  readonly groupPhrases = new Map<number, string[][]>();
  private readonly n: number;

  constructor(private readonly context: QueryContext) {
    this.n = context.index.documentCount;
  }

  /**
   * Adds the BM25F contribution of `stemmed` to every document holding it that already holds every bit of
   * `required` (the groups evaluated before: a document missing one can never match the AND, so its
   * score is not worth computing), and only those `only` accepts when given.
   */
  accumulate(stemmed: string, weight: number, bit: number, required: number, only?: (doc: number) => boolean): void {
    const { index } = this.context;
    const list = index.list(stemmed);
    if (list === undefined) return;
    this.matched.add(stemmed);
    const { score, mask, touched } = this.context.scratch;
    const { k1, titleB, bodyB, titleWeight } = this.context.params;
    const norms = index.lengthNorms(titleB, bodyB);
    const titleNorms = norms.title;
    const bodyNorms = norms.body;
    const termIdf = idf(index.documentFrequency(stemmed), this.n) * weight;
    const dead = index.deadCount > 0 ? index.deadFlags : undefined;
    const { data, length } = list;
    let count = this.touchedCount;
    for (let at = 0; at < length; at += 1) {
      const posting = data[at]!;
      const doc = posting >>> 10;
      if (dead !== undefined && dead[doc] === 1) continue;
      const seen = mask[doc]!;
      if ((seen & required) !== required) continue;
      if (only !== undefined && !only(doc)) continue;
      const rest = posting & 1023;
      const titleTf = rest >> 6;
      let tf = (rest & 63) / bodyNorms[doc]!;
      if (titleTf > 0) tf += (titleWeight * titleTf) / titleNorms[doc]!;
      score[doc]! += (termIdf * tf * (k1 + 1)) / (k1 + tf);
      if (seen === 0) touched[count++] = doc;
      mask[doc] = seen | bit;
    }
    this.touchedCount = count;
  }

  /** Sets `bit` on every document holding `stemmed`, without scoring it (that comes later, in query order). */
  mark(stemmed: string, bit: number): void {
    const list = this.context.index.list(stemmed);
    if (list === undefined) return;
    const { mask, touched } = this.context.scratch;
    const { data, length } = list;
    let count = this.touchedCount;
    for (let at = 0; at < length; at += 1) {
      const doc = data[at]! >>> 10;
      if (mask[doc] === 0) touched[count++] = doc;
      mask[doc]! |= bit;
    }
    this.touchedCount = count;
  }

  /** Documents holding every stem of the phrase get the group bit, pending a check of the text unless a plain term already matched. */
  phrase(words: readonly string[], bit: number): void {
    const { mask, pending, count, touched } = this.context.scratch;
    const phrases = this.groupPhrases.get(bit) ?? [];
    phrases.push([...words]);
    this.groupPhrases.set(bit, phrases);
    const stems = phraseStems(words);
    const mark = (doc: number) => {
      if ((mask[doc]! & bit) === 0 || (pending[doc]! & bit) !== 0) pending[doc]! |= bit;
    };
    const { index } = this.context;
    if (stems.length === 0) {
      // Only stop words: nothing narrows the candidates, the text check does it all.
      for (let number = 0; number < index.numberCount; number += 1) {
        if (!index.isLive(number)) continue;
        mark(number);
        if (mask[number] === 0) touched[this.touchedCount++] = number;
        mask[number]! |= bit;
      }
      return;
    }
    const lists = stems.map((stemmed) => index.list(stemmed));
    if (lists.some((list) => list === undefined)) return;
    const seen: number[] = [];
    // Dead documents are left out here as accumulate leaves them out: a document marked pending must be touched.
    const dead = index.deadCount > 0 ? index.deadFlags : undefined;
    for (const list of lists) {
      const { data, length } = list!;
      for (let at = 0; at < length; at += 1) {
        const doc = data[at]! >>> 10;
        if (dead !== undefined && dead[doc] === 1) continue;
        if (count[doc] === 0) seen.push(doc);
        count[doc]! += 1;
      }
    }
    const complete = (doc: number) => count[doc] === stems.length;
    for (const doc of seen) if (complete(doc)) mark(doc);
    // No `required` here: every document marked pending must be touched, or reset() would not clear it.
    for (const stemmed of stems) this.accumulate(stemmed, 1, bit, 0, complete);
    for (const doc of seen) count[doc] = 0;
  }

  reset(): void {
    const { score, mask, pending, touched } = this.context.scratch;
    const numbers = this.context.index.numberCount;
    if (this.touchedCount > numbers / 8) {
      // A common word touched most documents: clearing whole arrays is faster than scattered writes.
      score.fill(0, 0, numbers);
      mask.fill(0, 0, numbers);
      pending.fill(0, 0, numbers);
      this.touchedCount = 0;
      return;
    }
    for (let at = 0; at < this.touchedCount; at += 1) {
      const doc = touched[at]!;
      score[doc] = 0;
      mask[doc] = 0;
      pending[doc] = 0;
    }
    this.touchedCount = 0;
  }
}

/** The phrases the leaders must be checked for, once their texts are read. */
export interface PhraseChecks {
  /** For each OR-group with phrases that the document matched only through a phrase: those phrases (one must be in its text). */
  required(doc: number): string[][][];
  /** Phrases the query excludes: none may be in the text. */
  excluded: string[][];
  /** Every candidate, best first (leaders included): sorted at the first call, for when checks reject too many leaders. */
  all(): Ranked[];
}

/**
 * What evaluation ends with. Without phrases, `leaders` is the answer (at most `limit`). With phrases,
 * `leaders` are the best max(2·limit, 64) candidates, to be checked against their texts (see `checks`).
 */
export interface Shortlist {
  leaders: Ranked[];
  checks: PhraseChecks | undefined;
  matched: MatchedTerms;
}

/** Ranks the documents matching `query`: the shortlist of the best, at most `limit` once checked. */
export function evaluate(context: QueryContext, query: ParsedQuery, limit: number): Shortlist {
  const { index, scratch } = context;
  scratch.ensure(index.numberCount);
  const evaluation = new Evaluation(context);
  try {
    const groups = query.clauses.slice(0, MAX_GROUPS);
    const plans = groups.map((group, position) => planGroup(index, group, position));
    const narrowing = narrowingGroup(plans);
    let full = 0;
    if (narrowing !== undefined) {
      for (const { stems } of narrowing.terms) for (const { stem: stemmed } of stems) evaluation.mark(stemmed, narrowing.bit);
      full = narrowing.bit;
    }
    for (const plan of plans) {
      const { bit, terms, phrases } = plan;
      // Documents must already hold every group scored before (and the narrowing one): others cannot match.
      const required = full & ~bit;
      for (const { stems } of terms) {
        for (const { stem: stemmed, weight } of stems) evaluation.accumulate(stemmed, weight, bit, required);
      }
      for (const words of phrases) evaluation.phrase(words, bit);
      if (usable(plan)) full |= bit;
    }
    const { leaders, checks } = rank(context, evaluation, query, groups.length === 0, full, limit);
    return { leaders, checks, matched: { stems: evaluation.matched } };
  } finally {
    evaluation.reset();
  }
}

function excludedPhrases(query: ParsedQuery): string[][] {
  return query.excluded.flatMap((exclusion: QueryExclusion) => (exclusion.kind === 'phrase' ? [exclusion.words] : []));
}

/**
 * The documents holding every group bit (all documents for a filters-only query), minus exclusions and
 * filter failures, ranked: the leaders are kept in a bounded sorted array as the candidates stream by (a
 * candidate scoring below the last leader is turned away with one comparison). When phrases are to be
 * checked, every candidate is kept too, with what the checks need copied out of the scratch arrays (they
 * are cleared before the texts are read).
 */
function rank(context: QueryContext, evaluation: Evaluation, query: ParsedQuery, noGroups: boolean, full: number, limit: number): Omit<Shortlist, 'matched'> {
  const { index, docs, scratch } = context;
  if (!noGroups && full === 0) return { leaders: [], checks: undefined };
  const { score, mask, pending, touched, candidates } = scratch;
  const excluded = new Set<number>();
  for (const exclusion of query.excluded) {
    if (exclusion.kind !== 'term') continue;
    for (const { stem: stemmed } of expandTerm(index, exclusion.text, false)) {
      const list = index.list(stemmed);
      if (list !== undefined) for (let at = 0; at < list.length; at += 1) excluded.add(list.data[at]! >>> 10);
    }
  }
  const filtering = hasFilters(query.filters);
  const byDate = query.sort === 'date';
  const dates = docs.dates;
  const better = byDate
    ? (a: number, b: number) => dates[b]! - dates[a]! || score[b]! - score[a]! || a - b
    : (a: number, b: number) => score[b]! - score[a]! || dates[b]! - dates[a]! || a - b;
  const phrasesExcluded = excludedPhrases(query);
  // Without phrases every leader is accepted, so the candidates that cannot lead are not even kept.
  const keepAll = evaluation.groupPhrases.size > 0 || phrasesExcluded.length > 0;
  const k = keepAll ? Math.max(limit * 2, 64) : limit;
  const top: number[] = [];
  /** Score of the last leader once there are k of them (relevance order only): lower never gets in. */
  let threshold = -Infinity;
  let candidateCount = 0;
  const offer = (doc: number): void => {
    if ((excluded.size > 0 && excluded.has(doc)) || (filtering && !passesFilters(docs.meta(doc), query.filters))) return;
    if (keepAll) candidates[candidateCount++] = doc;
    if (top.length === k) {
      if (score[doc]! < threshold) return;
      if (better(doc, top[k - 1]!) >= 0) return;
    }
    let low = 0;
    let high = top.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (better(top[middle]!, doc) <= 0) low = middle + 1;
      else high = middle;
    }
    top.splice(low, 0, doc);
    if (top.length > k) top.pop();
    if (top.length === k && !byDate) threshold = score[top[k - 1]!]!;
  };
  if (k > 0) {
    if (noGroups) {
      for (let number = 0; number < index.numberCount; number += 1) if (index.isLive(number)) offer(number);
    } else {
      for (let at = 0; at < evaluation.touchedCount; at += 1) {
        const doc = touched[at]!;
        if (mask[doc] === full && (keepAll || score[doc]! >= threshold) && index.isLive(doc)) offer(doc);
      }
    }
  }
  const leaders = top.map((doc) => ({ doc, score: score[doc]! }));
  if (!keepAll) return { leaders, checks: undefined };
  const kept = candidates.slice(0, candidateCount);
  const keptScores = Float64Array.from(kept, (doc) => score[doc]!);
  const pendingOf = new Map<number, number>();
  for (const doc of kept) if (pending[doc] !== 0) pendingOf.set(doc, pending[doc]!);
  const { groupPhrases } = evaluation;
  let sorted: Ranked[] | undefined;
  const checks: PhraseChecks = {
    required: (doc) => {
      const out: string[][][] = [];
      for (let bits = pendingOf.get(doc) ?? 0; bits !== 0; bits &= bits - 1) out.push(groupPhrases.get(bits & -bits) ?? []);
      return out;
    },
    excluded: phrasesExcluded,
    all: () => {
      if (sorted === undefined) {
        const order = Array.from(kept.keys());
        const keptBetter = byDate
          ? (a: number, b: number) => dates[kept[b]!]! - dates[kept[a]!]! || keptScores[b]! - keptScores[a]! || kept[a]! - kept[b]!
          : (a: number, b: number) => keptScores[b]! - keptScores[a]! || dates[kept[b]!]! - dates[kept[a]!]! || kept[a]! - kept[b]!;
        sorted = order.sort(keptBetter).map((at) => ({ doc: kept[at]!, score: keptScores[at]! }));
      }
      return sorted;
    },
  };
  return { leaders, checks };
}

/** Whether a document's text passes the phrase checks. */
export function passesPhrases(checks: PhraseChecks, doc: number, text: { title: string; body: string }): boolean {
  for (const phrases of checks.required(doc)) if (!phrases.some((words) => containsPhrase(text, words))) return false;
  return !checks.excluded.some((words) => containsPhrase(text, words));
}
