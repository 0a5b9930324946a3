import { describe, expect, it } from 'vitest';
import { mulberry32 as random } from '../seeded-random';
import { isStopWord, stem, tokenize } from './analyzer';
import { bm25fTerm, DEFAULT_BM25, idf, lengthNorm } from './bm25';
import { SearchIndex, type SearchDoc } from './search-index';

// The evaluator narrows by its rarest group, keeps only a bounded set of leaders and clears its scratch
// arrays in two ways; this checks all of it against BM25F computed the slow, obvious way on every document.

// Skewed on purpose: the first words are in most documents (the slow case the narrowing is for), the last in few.
const VOCABULARY = ['kettle', 'harbour', 'lantern', 'meadow', 'quarry', 'saddle', 'tundra', 'velvet', 'walnut', 'zephyr', 'bramble', 'copper', 'dune', 'fjord', 'glacier', 'hollow', 'inlet', 'juniper'];

function corpus(count: number, next: () => number): SearchDoc[] {
  const word = () => VOCABULARY[Math.floor(VOCABULARY.length * next() ** 2.5)]!;
  const words = (length: number) => Array.from({ length }, word).join(' ');
  return Array.from({ length: count }, (_, n) => ({
    id: `d${n}`,
    kind: 'note',
    title: words(1 + Math.floor(next() * 4)),
    body: words(3 + Math.floor(next() * 30)),
    date: 1_700_000_000_000 + n * 3_600_000,
  }));
}

const stemCounts = (text: string): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const { term } of tokenize(text)) if (!isStopWord(term)) counts.set(stem(term), (counts.get(stem(term)) ?? 0) + 1);
  return counts;
};
const total = (counts: Map<string, number>) => [...counts.values()].reduce((sum, count) => sum + count, 0);

/** AND of OR-groups of whole words, scored document by document; ties by date, newest first. */
function reference(docs: readonly SearchDoc[], groups: string[][], limit: number): Array<[string, number]> {
  const analyzed = docs.map((doc) => ({ doc, title: stemCounts(doc.title), body: stemCounts(doc.body) }));
  const averageTitle = analyzed.reduce((sum, entry) => sum + total(entry.title), 0) / docs.length;
  const averageBody = analyzed.reduce((sum, entry) => sum + total(entry.body), 0) / docs.length;
  const holds = (entry: (typeof analyzed)[number], stemmed: string) => entry.title.has(stemmed) || entry.body.has(stemmed);
  const frequency = (stemmed: string) => analyzed.filter((entry) => holds(entry, stemmed)).length;
  const hits: Array<[string, number, number]> = [];
  for (const entry of analyzed) {
    if (!groups.every((group) => group.some((word) => holds(entry, stem(word))))) continue;
    const titleNorm = lengthNorm(total(entry.title), averageTitle, DEFAULT_BM25.titleB);
    const bodyNorm = lengthNorm(total(entry.body), averageBody, DEFAULT_BM25.bodyB);
    let score = 0;
    for (const group of groups) {
      for (const word of group) {
        const stemmed = stem(word);
        if (!holds(entry, stemmed)) continue;
        const termIdf = idf(frequency(stemmed), docs.length);
        score += bm25fTerm(termIdf, entry.title.get(stemmed) ?? 0, entry.body.get(stemmed) ?? 0, titleNorm, bodyNorm, DEFAULT_BM25);
      }
    }
    hits.push([entry.doc.id, score, entry.doc.date]);
  }
  hits.sort((a, b) => b[1] - a[1] || b[2] - a[2]);
  return hits.slice(0, limit).map(([id, score]) => [id, score]);
}

function randomGroups(next: () => number): string[][] {
  const pool = [...VOCABULARY];
  const take = () => pool.splice(Math.floor(next() * pool.length), 1)[0]!;
  return Array.from({ length: 1 + Math.floor(next() * 3) }, () => Array.from({ length: next() < 0.25 ? 2 : 1 }, take));
}

/** A trailing space keeps the last word whole (no prefix completion), as the reference scores it. */
const queryText = (groups: string[][]) => `${groups.map((group) => group.join(' OR ')).join(' ')} `;

describe('query evaluation against a document-by-document BM25F', () => {
  const next = random(20261122);
  const docs = corpus(400, next);
  const index = new SearchIndex();
  for (const doc of docs) index.add(doc);
  // Churn: removals leave holes that later additions reuse, so postings are not in document order.
  const live = new Map(docs.map((doc) => [doc.id, doc]));
  for (let n = 0; n < 60; n += 1) {
    const victim = docs[Math.floor(next() * docs.length)]!;
    index.remove(victim.id);
    live.delete(victim.id);
    if (n % 2 === 0) {
      const again = { ...victim, body: `${victim.body} ${VOCABULARY[n % VOCABULARY.length]}` };
      index.add(again);
      live.set(again.id, again);
    }
  }
  const queries = Array.from({ length: 150 }, () => randomGroups(next));

  it.each([3, 20, 100])('returns the same documents with the same scores, limit %d', (limit) => {
    for (const groups of queries) {
      const got = index.search(queryText(groups), { limit }).map((hit): [string, number] => [hit.id, hit.score]);
      expect(got, queryText(groups)).toEqual(reference([...live.values()], groups, limit));
    }
  });

  it('gives the same answer whichever order the words are typed in', () => {
    for (const groups of queries) {
      const forward = index.search(queryText(groups), { limit: 50 }).map((hit) => hit.id);
      const backward = index.search(queryText([...groups].reverse()), { limit: 50 }).map((hit) => hit.id);
      expect(backward).toEqual(forward);
    }
  });

  it.each([
    ['a prefix', 'ke'],
    ['a word and a prefix', 'harbour la'],
    ['a phrase', '"kettle harbour"'],
    ['a phrase and a word', 'lantern "kettle kettle"'],
    ['an exclusion', 'kettle -harbour'],
    ['an excluded phrase', 'kettle -"harbour kettle"'],
    ['a filter', 'kettle after:2023-11-22'],
    ['a date sort', 'kettle harbour sort:date'],
  ])('a small limit is the head of a large one: %s', (_label, query) => {
    const all = index.search(query, { limit: 1000 });
    expect(all.length).toBeGreaterThan(0);
    for (const limit of [1, 5, 64, 200]) expect(index.search(query, { limit })).toEqual(all.slice(0, limit));
  });
});

describe('prefix completion', () => {
  it('completes to the 24 words held by the most documents, ties to the first in the dictionary', () => {
    // 30 words starting "prek", word n in n+1 documents of its own, except word 6 in 6 like word 5 (a tie).
    const letters = 'bcdfgkmnprtvz';
    const words = Array.from({ length: 30 }, (_, n) => `prek${letters[Math.floor(n / letters.length)]}${letters[n % letters.length]}`);
    const index = new SearchIndex();
    words.forEach((word, n) => {
      for (let copy = 0; copy < (n === 6 ? 6 : n + 1); copy += 1) index.add({ id: `${word}-${copy}`, kind: 'note', title: 'Note', body: word, date: 0 });
    });
    index.add({ id: 'other', kind: 'note', title: 'Note', body: words[0]!.replace('prek', 'prel'), date: 0 }); // another prefix
    const found = new Set(index.search('prek', { limit: 1000 }).map((hit) => hit.id.split('-')[0]));
    expect([...found].sort()).toEqual([words[5]!, ...words.slice(7)].sort());
  });
});
