import { describe, expect, test } from 'vitest';
import { analyze, fold, isStopWord, stem, tokenize, type Token } from './analyzer';
import { ENGLISH_STOP_WORDS } from './stop-words';

describe('fold', () => {
  test.each<[string, string, string]>([
    ['ASCII lower-cased', 'Hello WORLD', 'hello world'],
    ['acute, grave, circumflex', 'Crème Brûlée Café', 'creme brulee cafe'],
    ['umlaut and ring', 'Über Ångström', 'uber angstrom'],
    ['cedilla and tilde', 'Façade Señor São', 'facade senor sao'],
    ['sharp s, also capital', 'Straße STRAẞE', 'strasse strasse'],
    ['æ and œ ligatures', 'Æsir œuvre', 'aesir oeuvre'],
    ['ø, ł, đ, ð, þ', 'Øre Łódź Đorđe Garðar Þór', 'ore lodz dorde gardar thor'],
    ['dotted capital I loses its dot', 'İstanbul', 'istanbul'],
    ['dotless i', 'Kırşehir', 'kirsehir'],
    ['compatibility ligature', 'ﬁne ﬂow', 'fine flow'],
    ['full-width letters', 'ＡＢＣ', 'abc'],
    ['Greek accents and final sigma', 'ΟΔΟΣ οδός', 'οδοσ οδοσ'],
    ['Cyrillic case', 'Москва', 'москва'],
    ['Hangul syllables stay whole', '한국어', '한국어'],
    ['kana voicing marks are kept', 'がっこう', 'がっこう'],
    ['Hebrew points are stripped', 'שָׁלוֹם', 'שלום'],
    ['punctuation untouched', "a-b, c's!", "a-b, c's!"],
    ['empty', '', ''],
  ])('%s', (_name, input, expected) => {
    expect(fold(input)).toBe(expected);
  });
});

const tok = (term: string, start: number, end: number): Token => ({ term, start, end });

describe('tokenize', () => {
  test.each<[string, string, Token[]]>([
    ['words with offsets', 'Hello, world', [tok('hello', 0, 5), tok('world', 7, 12)]],
    ['offsets are in the original text, not the folded one', 'Straße ok', [tok('strasse', 0, 6), tok('ok', 7, 9)]],
    ['decomposed accents stay inside the word', 'cafe\u0301 au', [tok('cafe', 0, 5), tok('au', 6, 8)]],
    ['digits are words', 'In 2024, 3.14', [tok('in', 0, 2), tok('2024', 3, 7), tok('3', 9, 10), tok('14', 11, 13)]],
    ['letters and digits together', 'B52s covid19', [tok('b52s', 0, 4), tok('covid19', 5, 12)]],
    ['possessive s dropped', "Ada's book", [tok('ada', 0, 3), tok('book', 6, 10)]],
    ['possessive with a typographic apostrophe', 'Ada’s', [tok('ada', 0, 3)]],
    ['possessive with a capital S', "ADA'S", [tok('ada', 0, 3)]],
    ['possessive at the end of a sentence', "it's.", [tok('it', 0, 2)]],
    ['other apostrophes split', "don't", [tok('don', 0, 3), tok('t', 4, 5)]],
    ['a name with an apostrophe splits', 'O’Brien', [tok('o', 0, 1), tok('brien', 2, 7)]],
    ['modifier-letter apostrophe splits too', 'donʼt', [tok('don', 0, 3), tok('t', 4, 5)]],
    ["an 's that runs on is not a possessive", "it'sa", [tok('it', 0, 2), tok('sa', 3, 5)]],
    ['plural possessive apostrophe ignored', "students' work", [tok('students', 0, 8), tok('work', 10, 14)]],
    ['hyphens, slashes and underscores split', 'e-mail area/topic snake_case', [
      tok('e', 0, 1), tok('mail', 2, 6), tok('area', 7, 11), tok('topic', 12, 17), tok('snake', 18, 23), tok('case', 24, 28),
    ]],
    ['one token per ideograph', '東京', [tok('東', 0, 1), tok('京', 1, 2)]],
    ['kana one per character, Latin beside it as a run', 'へ行くabc', [tok('へ', 0, 1), tok('行', 1, 2), tok('く', 2, 3), tok('abc', 3, 6)]],
    ['Hangul is a run', '한국어 단어', [tok('한국어', 0, 3), tok('단어', 4, 6)]],
    ['a compatibility form that folds to two words gives both, at its own offsets', '½', [tok('1', 0, 1), tok('2', 0, 1)]],
    ['astral letters keep UTF-16 offsets', '𝐀b c', [tok('ab', 0, 3), tok('c', 4, 5)]],
    ['punctuation only', ' ,.;!? ', []],
    ['a lone combining accent folds away to nothing', 'a \u0301 b', [tok('a', 0, 1), tok('b', 4, 5)]],
    ['empty', '', []],
  ])('%s', (_name, input, expected) => {
    expect(tokenize(input)).toEqual(expected);
  });

  test('offsets slice the original word back out', () => {
    const text = 'Crème brûlée at Łódź, naïvely.';
    expect(tokenize(text).map((t) => text.slice(t.start, t.end))).toEqual(['Crème', 'brûlée', 'at', 'Łódź', 'naïvely']);
  });
});

describe('isStopWord', () => {
  test.each<[string, boolean]>([
    ['the', true], ['and', true], ['of', true], ['between', true], ['very', true],
    ['t', true], ['ve', true], ['isn', true], // contraction fragments left by tokenize
    ['don', false], ['can', false], ['won', false], // fragments that are also real words
    ['The', false], // it is asked about folded terms only
    ['search', false], ['note', false], ['2024', false], ['', false],
  ])('%s → %s', (term, expected) => {
    expect(isStopWord(term)).toBe(expected);
  });

  test('the list is folded: lower-case, no apostrophes, no blanks', () => {
    for (const word of ENGLISH_STOP_WORDS) expect(word).toMatch(/^[a-z]+$/);
    expect(ENGLISH_STOP_WORDS.size).toBeGreaterThan(100);
  });
});

describe('stem', () => {
  test.each<[string, string]>([
    ['running', 'run'], ['runs', 'run'], ['ponies', 'poni'], ['caresses', 'caress'], ['relational', 'relat'],
    ['connection', 'connect'], ['connected', 'connect'], ['generalization', 'gener'],
    ['is', 'is'], ['as', 'as'], // under 3 letters: left alone
    ['2024', '2024'], ['covid19', 'covid19'], ['b52s', 'b52s'], // digits: left alone
    ['москва', 'москва'], ['東', '東'], // other scripts: left alone
    ['', ''],
  ])('%s → %s', (term, expected) => {
    expect(stem(term)).toBe(expected);
  });

  test('the memo returns the same stem on repeat', () => {
    expect(stem('flowers')).toBe(stem('flowers'));
    expect(stem('flowers')).toBe('flower');
  });
});

describe('analyze', () => {
  test.each<[string, string, string[]]>([
    ['stop words dropped, words stemmed', 'The running dogs were jumping over the fences', ['run', 'dog', 'jump', 'fenc']],
    ['folding before stemming', 'CAFÉS Naïvely', ['cafe', 'naiv']],
    ['numbers kept', 'Apollo 11 in 1969', ['apollo', '11', '1969']],
    ['contractions leave no fragments', "Don't stop, it's fine", ['don', 'stop', 'fine']],
    ['query and document forms meet', 'connections', ['connect']],
    ['ideographs', '東京', ['東', '京']],
    ['only stop words', 'to be or not to be', []],
    ['empty', '', []],
  ])('%s', (_name, input, expected) => {
    expect(analyze(input)).toEqual(expected);
  });
});
