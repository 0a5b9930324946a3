/**
 * The Cranfield 1400 collection (../shared/corpora/ir/cranfield, see its README) and the two measures the
 * search benchmark reports: MAP and nDCG@10. Cleverdon codes 1–4 (1 = complete answer) become gains 4–1;
 * the code −1 (one row per query) and unjudged documents are not relevant. Query ids are the ordinals
 * 1..225 qrels.tsv uses, not the gappy original .I numbers.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { tokenize, isStopWord } from '../../shared/search/analyzer';
import type { ParsedQuery } from '../../shared/search/query-parser';

export interface CranfieldDoc {
  id: string;
  title: string;
  text: string;
}

export interface Cranfield {
  docs: CranfieldDoc[];
  queries: Array<{ id: string; text: string }>;
  /** query id → document id → gain (1..4). */
  qrels: Map<string, Map<string, number>>;
}

export const cranfieldDir = (): string => path.join(process.env.CORPORA_DIR ?? '../shared/corpora', 'ir', 'cranfield');

const jsonLines = (text: string): unknown[] => text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as unknown);

export async function loadCranfield(dir = cranfieldDir()): Promise<Cranfield> {
  const docs = jsonLines(await readFile(path.join(dir, 'docs.jsonl'), 'utf8')) as CranfieldDoc[];
  const queries = jsonLines(await readFile(path.join(dir, 'queries.jsonl'), 'utf8')) as Array<{ id: string; text: string }>;
  const qrels = new Map<string, Map<string, number>>();
  for (const line of (await readFile(path.join(dir, 'qrels.tsv'), 'utf8')).split('\n').slice(1)) {
    const [query, doc, code] = line.trim().split('\t');
    const grade = Number(code);
    if (query === undefined || doc === undefined || !(grade >= 1 && grade <= 4)) continue;
    let judged = qrels.get(query);
    if (judged === undefined) qrels.set(query, (judged = new Map()));
    judged.set(doc, 5 - grade);
  }
  return { docs, queries, qrels };
}

/** nDCG@k with linear gains (trec_eval's form): Σ gain/log2(rank+1), over the ideal ordering's sum. */
export function ndcgAt(ranked: readonly string[], judged: ReadonlyMap<string, number>, k = 10): number {
  let dcg = 0;
  ranked.slice(0, k).forEach((id, index) => {
    dcg += (judged.get(id) ?? 0) / Math.log2(index + 2);
  });
  const ideal = [...judged.values()].sort((a, b) => b - a).slice(0, k);
  const idcg = ideal.reduce((sum, gain, index) => sum + gain / Math.log2(index + 2), 0);
  return idcg > 0 ? dcg / idcg : 0;
}

/** Average precision over the ranked list (a relevant document not retrieved counts as precision 0). */
export function averagePrecision(ranked: readonly string[], judged: ReadonlyMap<string, number>): number {
  let found = 0;
  let sum = 0;
  ranked.forEach((id, index) => {
    if ((judged.get(id) ?? 0) > 0) sum += ++found / (index + 1);
  });
  return judged.size > 0 ? sum / judged.size : 0;
}

export interface Quality {
  map: number;
  ndcg10: number;
  queries: number;
}

/** MAP and mean nDCG@10 over the queries with at least one relevant document; `search` returns document ids, best first. */
export function measureQuality(collection: Cranfield, search: (text: string) => readonly string[]): Quality {
  let map = 0;
  let ndcg = 0;
  let count = 0;
  for (const query of collection.queries) {
    const judged = collection.qrels.get(query.id);
    if (judged === undefined || judged.size === 0) continue;
    const ranked = search(query.text);
    map += averagePrecision(ranked, judged);
    ndcg += ndcgAt(ranked, judged, 10);
    count += 1;
  }
  return { map: map / count, ndcg10: ndcg / count, queries: count };
}

/**
 * A Cranfield question as a ranked OR query: the Search box ANDs its words, which suits a few typed words
 * but not a sentence-long question, so the benchmark asks for "any of these words", as BM25 evaluations do.
 */
export function orQuery(text: string): ParsedQuery {
  const terms = tokenize(text).filter((token) => !isStopWord(token.term));
  return {
    clauses: terms.length > 0 ? [terms.map((token) => ({ kind: 'term' as const, text: token.term, prefix: false }))] : [],
    excluded: [],
    filters: { kinds: [], sources: [], folders: [], tags: [], is: [] },
    sort: 'relevance',
    warnings: [],
  };
}
