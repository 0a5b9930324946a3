/**
 * The synthetic archive's words, shared by the search benchmarks: 50,000 made-up words (syllables, no stop
 * words) drawn by a Zipf law of exponent 1, as natural-language vocabularies are, from a seeded PRNG, so the
 * engine bench and the Chromium bench search the same kind of text and a seed reproduces a run.
 */
import { isStopWord } from '../../shared/search/analyzer';
import { mulberry32, zipfSampler } from './feed-farm';

const syllables = ['ka', 'lo', 'mi', 're', 'sa', 'tu', 'ven', 'dor', 'pi', 'an', 'el', 'os', 'ri', 'gu', 'no', 'ba', 'ze', 'qui', 'fa', 'ly', 'st', 'er'];

export interface Vocabulary {
  words: readonly string[];
  /** An index into `words`, Zipf-distributed. */
  draw: () => number;
  /** The seeded PRNG the vocabulary was made with, for everything else a bench draws. */
  next: () => number;
  /** `length` words joined by spaces. */
  text: (length: number) => string;
}

export function zipfVocabulary(seed: number, size = 50_000): Vocabulary {
  const next = mulberry32(seed);
  const taken = new Set<string>();
  const words: string[] = [];
  while (words.length < size) {
    let word = '';
    const parts = 1 + Math.floor(next() * 4);
    for (let part = 0; part < parts; part += 1) word += syllables[Math.floor(next() * syllables.length)];
    if (word.length >= 3 && !taken.has(word) && !isStopWord(word)) {
      taken.add(word);
      words.push(word);
    }
  }
  const draw = zipfSampler(words.length, 1, next);
  const text = (length: number) => Array.from({ length }, () => words[draw()]).join(' ');
  return { words, draw, next, text };
}
