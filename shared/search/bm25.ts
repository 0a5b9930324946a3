// BM25F scoring (Robertson & Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond", 2009):
// each field's term frequency is length-normalised on its own and weighted, the weighted sum is saturated
// once with k1. A title word then counts as several body words without a long title being rewarded for
// its length, which plain "title + body as one text" BM25 cannot express.

export interface Bm25Params {
  /** Saturation: how fast repeated occurrences stop adding score. */
  k1: number;
  /** Length normalisation of the body (0 = none, 1 = full). */
  bodyB: number;
  /** Length normalisation of the title; titles vary little in length, so less of it. */
  titleB: number;
  /** How many body occurrences one title occurrence is worth. */
  titleWeight: number;
}

/** Tuned on Cranfield (tests/bench/cranfield.ts); k1 and b stay near the textbook 1.2 / 0.75. */
export const DEFAULT_BM25: Readonly<Bm25Params> = { k1: 1.2, bodyB: 0.75, titleB: 0.5, titleWeight: 2 };

/** Robertson–Spärck Jones idf with the +1 inside the log (Lucene's form): never negative for common terms. */
export function idf(documentFrequency: number, documentCount: number): number {
  return Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/** 1 − b + b·len/avg: above 1 for longer-than-average fields, below 1 for shorter ones. */
export function lengthNorm(length: number, averageLength: number, b: number): number {
  return averageLength > 0 ? 1 - b + (b * length) / averageLength : 1;
}

/**
 * One term's BM25F contribution to one document. `titleNorm`/`bodyNorm` come from lengthNorm; the
 * result is idf × tf̃·(k1+1)/(k1+tf̃), so it is bounded by idf·(k1+1) however often the term occurs.
 */
export function bm25fTerm(termIdf: number, titleTf: number, bodyTf: number, titleNorm: number, bodyNorm: number, params: Bm25Params): number {
  const weighted = (params.titleWeight * titleTf) / titleNorm + bodyTf / bodyNorm;
  if (weighted === 0) return 0;
  return (termIdf * weighted * (params.k1 + 1)) / (params.k1 + weighted);
}
