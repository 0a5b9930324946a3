// Planning a query before it is scored: which stems each typed word stands for (its own stem, and the
// most frequent completions when it is the prefix being typed), what each OR-group will cost in postings,
// and which group should narrow the others. search-query.ts scores what this plans.
import { isStopWord, stem } from './analyzer';
import type { InvertedIndex } from './inverted-index';
import type { QueryAlternative } from './query-parser';

/** Weight of a completion of a prefix relative to the typed word itself. */
const PREFIX_WEIGHT = 0.7;
/** A 1–2 letter prefix can start thousands of words: expand to the most frequent ones up to this many postings. */
const PREFIX_POSTINGS_BUDGET = 100_000;
const MAX_PREFIX_EXPANSIONS = 24;

export interface WeightedStem {
  stem: string;
  weight: number;
}

/** The stems a term alternative stands for: its own stem, plus frequent completions when it is a prefix. */
export function expandTerm(index: InvertedIndex, text: string, prefix: boolean): WeightedStem[] {
  const out: WeightedStem[] = [];
  const own = isStopWord(text) ? undefined : stem(text);
  if (own !== undefined && index.has(own)) out.push({ stem: own, weight: 1 });
  if (!prefix) return out;
  // The most frequent completions, ties to the first met, kept in order as the words stream by: a 1-letter
  // prefix starts thousands of words, and most are turned away by one comparison with the last kept.
  const best: Array<{ stem: string; frequency: number }> = [];
  index.dictionary.withPrefix(text, (_surface, stemmed) => {
    if (stemmed === own) return;
    // Postings, dead documents included: planning needs an estimate, not the exact live count.
    const frequency = index.postingCount(stemmed);
    if (frequency === 0 || (best.length === MAX_PREFIX_EXPANSIONS && frequency <= best[best.length - 1]!.frequency)) return;
    // A stem met again through another word was kept then (and still is) or lost to as many better ones.
    if (best.some((kept) => kept.stem === stemmed)) return;
    let at = best.length;
    while (at > 0 && best[at - 1]!.frequency < frequency) at -= 1;
    best.splice(at, 0, { stem: stemmed, frequency });
    if (best.length > MAX_PREFIX_EXPANSIONS) best.pop();
  });
  let budget = PREFIX_POSTINGS_BUDGET;
  for (const { stem: stemmed, frequency } of best) {
    if (out.length >= MAX_PREFIX_EXPANSIONS || budget <= 0) break;
    out.push({ stem: stemmed, weight: PREFIX_WEIGHT });
    budget -= frequency;
  }
  return out;
}

export interface GroupPlan {
  bit: number;
  terms: Array<{ text: string; stems: WeightedStem[] }>;
  phrases: string[][];
  /** Postings the group reads. */
  cost: number;
}

export function planGroup(index: InvertedIndex, group: QueryAlternative[], position: number): GroupPlan {
  const terms: GroupPlan['terms'] = [];
  const phrases: string[][] = [];
  let cost = 0;
  for (const alternative of group) {
    if (alternative.kind === 'term') {
      const stems = expandTerm(index, alternative.text, alternative.prefix);
      terms.push({ text: alternative.text, stems });
      for (const { stem: stemmed } of stems) cost += index.postingCount(stemmed);
    } else {
      phrases.push(alternative.words);
    }
  }
  return { bit: 1 << position, terms, phrases, cost };
}

/** A group is dropped when it holds stop words only ("the" in "the wing"); a real word no document holds still counts. */
export function usable(plan: GroupPlan): boolean {
  return plan.phrases.length > 0 || plan.terms.some(({ text, stems }) => stems.length > 0 || !isStopWord(text));
}

/**
 * The cheapest group of plain terms, when it is not already the first: its documents are marked before
 * scoring starts so that every group scores only the documents that can still match them all. Groups are
 * still scored in the query's order, so every document's score is the same sum, bit for bit.
 */
export function narrowingGroup(plans: readonly GroupPlan[]): GroupPlan | undefined {
  let best: GroupPlan | undefined;
  for (const plan of plans) {
    if (plan.phrases.length > 0 || !usable(plan)) continue;
    if (best === undefined || plan.cost < best.cost) best = plan;
  }
  return best === plans[0] ? undefined : best;
}
