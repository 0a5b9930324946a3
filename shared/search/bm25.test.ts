import { describe, expect, it } from 'vitest';
import { bm25fTerm, DEFAULT_BM25, idf, lengthNorm } from './bm25';

describe('bm25', () => {
  it('idf falls as a term gets commoner and never goes negative', () => {
    expect(idf(1, 1000)).toBeGreaterThan(idf(10, 1000));
    expect(idf(1000, 1000)).toBeGreaterThan(0);
  });

  it.each([
    [10, 10, 0.75, 1],
    [20, 10, 0.75, 1.75],
    [5, 10, 0.75, 0.625],
    [20, 10, 0, 1],
    [3, 0, 0.75, 1],
  ])('lengthNorm(%d, avg %d, b %d) = %d', (length, average, b, expected) => {
    expect(lengthNorm(length, average, b)).toBeCloseTo(expected);
  });

  it('saturates: bounded by idf·(k1+1), and a title occurrence counts titleWeight times', () => {
    const huge = bm25fTerm(2, 0, 10_000, 1, 1, DEFAULT_BM25);
    expect(huge).toBeLessThan(2 * (DEFAULT_BM25.k1 + 1));
    expect(huge).toBeGreaterThan(bm25fTerm(2, 0, 1, 1, 1, DEFAULT_BM25));
    expect(bm25fTerm(2, 1, 0, 1, 1, DEFAULT_BM25)).toBeCloseTo(bm25fTerm(2, 0, DEFAULT_BM25.titleWeight, 1, 1, DEFAULT_BM25));
    expect(bm25fTerm(2, 0, 0, 1, 1, DEFAULT_BM25)).toBe(0);
  });
});
