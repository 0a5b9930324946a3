// The text analysis shared by the search index and the query parser: folding, tokenizing, stop words and
// stemming. Pure and synchronous so the worker, the tests and the benchmarks all analyze text identically.
import { stemmer } from 'stemmer';
import { ENGLISH_STOP_WORDS } from './stop-words';

/**
 * Diacritics to strip after NFKD: the general-purpose combining blocks (Latin, Greek, Cyrillic accents),
 * Hebrew points and Arabic harakat. Marks that are part of a letter in other scripts (Indic vowel signs,
 * the kana voicing marks ゛゜) are kept: stripping them would merge different words.
 */
// eslint-disable-next-line no-misleading-character-class -- lone combining marks are exactly what this class matches
const DIACRITICS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u064b-\u065f\u0670]/gu;

/** Letters NFKD does not decompose but a reader treats as a plain-letter spelling. */
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h', ŧ: 't',
  // Greek final sigma: lower-casing a whole word produces ς at its end, σ elsewhere; the word is the same.
  ς: 'σ',
};
const LETTER_FOLD_PATTERN = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g');
const ASCII_ONLY = /^\p{ASCII}*$/u;

/** Case and diacritic folding: NFKD, strip combining marks, lower-case (locale-independent); ß→ss, æ→ae, ø→o, œ→oe, ł→l, đ→d, þ→th. */
export function fold(text: string): string {
  // Most text is ASCII; skipping normalization there keeps indexing fast.
  if (ASCII_ONLY.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD') // before lower-casing: compatibility forms such as 𝐀 and Ａ only lower-case once decomposed
    .replace(DIACRITICS, '')
    .toLowerCase()
    .normalize('NFC') // recompose what must stay whole: Hangul syllables, kana with voicing marks
    .replace(LETTER_FOLD_PATTERN, (letter) => LETTER_FOLDS[letter] ?? letter);
}

/** A folded word and where it stands in the original text: [start, end) in UTF-16 code units. */
export interface Token { term: string; start: number; end: number }

/**
 * One token per ideograph or kana (Chinese and Japanese are written without spaces; phrases of such tokens
 * still match in order), otherwise a run of letters, digits and their combining marks. U+02BC (ʼ) is a
 * letter to Unicode but an apostrophe to a reader, so it never joins a run.
 */
// The first alternative is a fast path for whole ASCII words, most of any English text; the lookahead sends
// a word that continues past ASCII ("café") to the general alternative, which re-matches it whole.
const TOKEN_PATTERN = /([A-Za-z0-9]+)(?![\p{L}\p{N}\p{M}])|[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u02bc])[\p{L}\p{N}\p{M}])+/gu;
const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;
/** After folding, compatibility forms can bring in non-word characters (½ → 1⁄2); they split the term. */
const NON_WORD = /[^\p{L}\p{N}\p{M}]+/u;

/**
 * Folded word tokens in order with their offsets in the ORIGINAL text.
 * Apostrophes: a possessive "'s" at the end of a word is dropped ("Ada's" → "ada"); any other apostrophe
 * splits the word ("don't" → "don", "t"; "O'Brien" → "o", "brien"), so the query parser can turn a typed
 * "o'brien" into the phrase "o brien" and match either spelling's parts.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_PATTERN.lastIndex = 0;
  for (let match = TOKEN_PATTERN.exec(text); match !== null; match = TOKEN_PATTERN.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    const term = match[1] !== undefined ? match[1].toLowerCase() : foldWord(match[0]);
    if (match[1] !== undefined || (term !== '' && !NON_WORD.test(term))) tokens.push({ term, start, end });
    else for (const part of term.split(NON_WORD)) if (part !== '') tokens.push({ term: part, start, end });
    if (isPossessiveAt(text, end)) TOKEN_PATTERN.lastIndex = end + 2;
  }
  return tokens;
}

/** Words repeat (Zipf), and folding a non-ASCII one costs two normalizations: remember the recent ones. */
const FOLD_CACHE = new Map<string, string>();
const FOLD_CACHE_LIMIT = 20_000;

function foldWord(word: string): string {
  let folded = FOLD_CACHE.get(word);
  if (folded === undefined) {
    folded = fold(word);
    if (FOLD_CACHE.size >= FOLD_CACHE_LIMIT) FOLD_CACHE.clear();
    FOLD_CACHE.set(word, folded);
  }
  return folded;
}

/** Whether text[at] begins an "'s" that ends the word (so "it's" drops the s, "it'sa" does not). */
function isPossessiveAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  // Checked by code first: this runs after every word, and almost none is followed by an apostrophe.
  if (code !== 0x27 && code !== 0x2019 && code !== 0x2bc) return false;
  const s = text[at + 1];
  const after = text[at + 2];
  return (s === 's' || s === 'S') && (after === undefined || !WORD_CHARACTER.test(after));
}

/** English stop word test on a folded term. */
export function isStopWord(term: string): boolean {
  return ENGLISH_STOP_WORDS.has(term);
}

const STEMMABLE = /^[a-z]{3,}$/;
/** Stems repeat with a Zipf distribution, so a small memo saves most Porter runs while indexing. */
const STEM_CACHE = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

/**
 * The index/ranking form of a folded term: the Porter stem of a Latin-letter term of 3+ letters. Shorter
 * terms, terms with digits ("2024", "b52") and other scripts are kept as they are: Porter's English
 * suffix rules would only mangle them.
 */
export function stem(term: string): string {
  if (!STEMMABLE.test(term)) return term;
  let stemmed = STEM_CACHE.get(term);
  if (stemmed === undefined) {
    stemmed = stemmer(term);
    if (STEM_CACHE.size >= STEM_CACHE_LIMIT) STEM_CACHE.clear();
    STEM_CACHE.set(term, stemmed);
  }
  return stemmed;
}

/** tokenize → drop stop words → stem; what the index stores and what query words are matched as. */
export function analyze(text: string): string[] {
  const terms: string[] = [];
  for (const token of tokenize(text)) {
    if (!isStopWord(token.term)) terms.push(stem(token.term));
  }
  return terms;
}
