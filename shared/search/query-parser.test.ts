import { describe, expect, test } from 'vitest';
import { isEmptyQuery, parseQuery, type ParsedQuery, type QueryAlternative, type QueryExclusion } from './query-parser';

const term = (text: string, prefix = false): QueryAlternative => ({ kind: 'term', text, prefix });
const phrase = (...words: string[]): QueryAlternative & QueryExclusion => ({ kind: 'phrase', words });
const not = (text: string): QueryExclusion => ({ kind: 'term', text });
const midnight = (year: number, month: number, day = 1): number => new Date(year, month - 1, day).getTime();
/** A fixed "now" (local time) for relative dates: Wednesday 2026-05-13, mid-afternoon. */
const NOW = new Date(2026, 4, 13, 15, 30);

const noFilters: ParsedQuery['filters'] = { kinds: [], sources: [], folders: [], tags: [], is: [] };

describe('parseQuery: words, phrases, exclusions and OR', () => {
  test.each<[string, string, ParsedQuery['clauses'], QueryExclusion[]]>([
    ['empty', '', [], []],
    ['blank', '   ', [], []],
    ['the last word is a prefix while typing', 'deep lea', [[term('deep')], [term('lea', true)]], []],
    ['a trailing space finishes the last word', 'deep lea ', [[term('deep')], [term('lea')]], []],
    ['words are folded, not stemmed', 'Crème RUNNING ', [[term('creme')], [term('running')]], []],
    ['stop words are kept for the index to decide', 'the cat ', [[term('the')], [term('cat')]], []],
    ['phrase', '"Deep Learning"', [[phrase('deep', 'learning')]], []],
    ['a phrase keeps its stop words', '"the state of the art"', [[phrase('the', 'state', 'of', 'the', 'art')]], []],
    ['a phrase is never a prefix', 'x "deep lea', [[term('x')], [phrase('deep', 'lea')]], []],
    ['unclosed quote runs to the end', '"deep learning', [[phrase('deep', 'learning')]], []],
    ['a one-word phrase stays a phrase (exact word)', '"cats"', [[phrase('cats')]], []],
    ['empty phrase is dropped', 'a "" b ', [[term('a')], [term('b')]], []],
    ['typographic quotes', '“deep learning” x ', [[phrase('deep', 'learning')], [term('x')]], []],
    ['a quote ends a word', 'foo"bar baz"', [[term('foo')], [phrase('bar', 'baz')]], []],
    ['excluded word', 'cats -dogs', [[term('cats')]], [not('dogs')]],
    ['an excluded last word is not a prefix', 'cats -dog', [[term('cats')]], [not('dog')]],
    ['excluded phrase', 'cats -"hot dogs" ', [[term('cats')]], [phrase('hot', 'dogs')]],
    ['excluded word with punctuation is a phrase', '-e-mail', [], [phrase('e', 'mail')]],
    ['a lone dash is nothing', 'a - b ', [[term('a')], [term('b')]], []],
    ['a hyphen inside a word is not an exclusion', 'well-known ', [[phrase('well', 'known')]], []],
    ['OR groups', 'a OR b c ', [[term('a'), term('b')], [term('c')]], []],
    ['OR chains', 'a OR b OR c', [[term('a'), term('b'), term('c', true)]], []],
    ['OR with phrases', '"x y" OR z ', [[phrase('x', 'y'), term('z')]], []],
    ['pipe is OR, spaced or not', 'a | b c|d ', [[term('a'), term('b')], [term('c'), term('d')]], []],
    ['lower-case or is a word', 'a or b ', [[term('a')], [term('or')], [term('b')]], []],
    ['-OR excludes the word', 'a -OR', [[term('a')]], [not('or')]],
    ['a lone OR is a search for it', 'OR', [[term('or', true)]], []],
    ['a trailing OR waits for its other side', 'a OR', [[term('a')]], []],
    ['apostrophe word is a phrase', "o'brien ", [[phrase('o', 'brien')]], []],
    ['possessive is one word', "Ada's ", [[term('ada')]], []],
    ['a word being typed with punctuation: its parts are AND-ed, the last a prefix', 'e-ma', [[term('e')], [term('ma', true)]], []],
    ['an OR-ed word being typed with punctuation is a phrase', 'x OR e-ma', [[term('x'), phrase('e', 'ma')]], []],
    ['CJK words are phrases of ideographs', '東京 ', [[phrase('東', '京')]], []],
    ['unknown name:value stays a plain word', 'note:x ', [[phrase('note', 'x')]], []],
    ['a web address being typed: its parts AND-ed', 'https://example.com', [[term('https')], [term('example')], [term('com', true)]], []],
    ['punctuation-only words vanish', 'a !!! b', [[term('a')], [term('b', true)]], []],
  ])('%s: %s', (_name, input, clauses, excluded) => {
    const query = parseQuery(input, NOW);
    expect(query.clauses).toEqual(clauses);
    expect(query.excluded).toEqual(excluded);
  });
});

describe('parseQuery: filters', () => {
  test.each<[string, string, Partial<ParsedQuery['filters']>, ParsedQuery['clauses']]>([
    ['in: notes', 'in:notes', { kinds: ['note'] }, []],
    ['in: singular, any case', 'IN:Item', { kinds: ['item'] }, []],
    ['in: repeated is OR-ed and deduplicated', 'in:notes in:highlights in:note', { kinds: ['note', 'highlight'] }, []],
    ['in: a list', 'in:notes|items', { kinds: ['note', 'item'] }, []],
    ['source: bare', 'source:Atlantic x', { sources: ['Atlantic'] }, [[term('x', true)]]],
    ['source: quoted name', 'source:"The Atlantic" x ', { sources: ['The Atlantic'] }, [[term('x')]]],
    ['source: unclosed quoted name', 'source:"The Atl', { sources: ['The Atl'] }, []],
    ['folder:', 'folder:Work', { folders: ['Work'] }, []],
    ['tag:', 'tag:area/topic', { tags: ['area/topic'] }, []],
    ['tag: with #', 'tag:#area', { tags: ['area'] }, []],
    ['tag: repeated', 'tag:a tag:b', { tags: ['a', 'b'] }, []],
    ['is: AND-ed', 'is:starred is:unread is:later', { is: ['starred', 'unread', 'later'] }, []],
    ['is: case-insensitive', 'is:Starred', { is: ['starred'] }, []],
    ['after: a day is inclusive from its local midnight', 'after:2024-03-05', { after: midnight(2024, 3, 5) }, []],
    ['before: a day is exclusive from its local midnight', 'before:2024-03-05', { before: midnight(2024, 3, 5) }, []],
    ['after: a month starts on its first', 'after:2024-03', { after: midnight(2024, 3, 1) }, []],
    ['before: a year ends with the year before', 'before:2024', { before: midnight(2024, 1, 1) }, []],
    ['single-digit month and day', 'after:2024-3-5', { after: midnight(2024, 3, 5) }, []],
    ['leap day', 'after:2024-02-29', { after: midnight(2024, 2, 29) }, []],
    ['a range', 'after:2023 before:2024', { after: midnight(2023, 1, 1), before: midnight(2024, 1, 1) }, []],
    ['repeated bounds narrow', 'before:2024 before:2023-06 after:2020 after:2021', { before: midnight(2023, 6, 1), after: midnight(2021, 1, 1) }, []],
    ['today', 'after:today', { after: midnight(2026, 5, 13) }, []],
    ['yesterday', 'before:yesterday', { before: midnight(2026, 5, 12) }, []],
    ['days ago', 'after:7d', { after: midnight(2026, 5, 6) }, []],
    ['weeks ago', 'after:2w', { after: midnight(2026, 4, 29) }, []],
    ['months ago', 'after:3m', { after: midnight(2026, 2, 13) }, []],
    ['years ago', 'after:1y', { after: midnight(2025, 5, 13) }, []],
    ['filters and words mix', 'tag:ml deep in:notes lea', { tags: ['ml'], kinds: ['note'] }, [[term('deep')], [term('lea', true)]]],
    ['a filter name with an empty value is still being typed', 'x tag: source:', {}, [[term('x')]]],
    ['a filter as the last piece leaves the words finished', 'deep tag:ml', { tags: ['ml'] }, [[term('deep')]]],
  ])('%s: %s', (_name, input, filters, clauses) => {
    const query = parseQuery(input, NOW);
    expect(query.filters).toEqual({ ...noFilters, ...filters });
    expect(query.clauses).toEqual(clauses);
    expect(query.warnings).toEqual([]);
  });

  test.each<[string, ParsedQuery['sort']]>([
    ['x', 'relevance'], ['sort:date x', 'date'], ['sort:DATE', 'date'], ['sort:date sort:relevance', 'relevance'],
  ])('sort of %s is %s', (input, sort) => {
    expect(parseQuery(input, NOW).sort).toBe(sort);
  });
});

describe('parseQuery: warnings, never errors', () => {
  test.each<[string, string, string[], Partial<ParsedQuery['filters']>]>([
    ['impossible date', 'before:2026-13-40', ['before:2026-13-40 is not a date; it was ignored.'], {}],
    ['day past the month end', 'after:2026-02-30', ['after:2026-02-30 is not a date; it was ignored.'], {}],
    ['not a date at all', 'after:soon', ['after:soon is not a date; it was ignored.'], {}],
    ['unknown kind, known kept', 'in:notes|books', ['in:books is not notes, items or highlights; it was ignored.'], { kinds: ['note'] }],
    ['unknown flag', 'is:read', ['is:read is not starred, unread or later; it was ignored.'], {}],
    ['unknown sort', 'sort:title', ['sort:title is not date or relevance; it was ignored.'], {}],
    ['an excluded filter', '-tag:x', ['-tag:x: filters cannot be excluded; it was ignored.'], {}],
    ['OR before a filter', 'a OR tag:x', ['OR needs a word or phrase on both sides; it was ignored.'], { tags: ['x'] }],
    ['OR at the start', 'OR a', ['OR needs a word or phrase on both sides; it was ignored.'], {}],
    ['an empty range', 'after:2024 before:2023', ['The after: date is not earlier than the before: date, so nothing can match.'], {
      after: midnight(2024, 1, 1), before: midnight(2023, 1, 1),
    }],
  ])('%s: %s', (_name, input, warnings, filters) => {
    const query = parseQuery(input, NOW);
    expect(query.warnings).toEqual(warnings);
    expect(query.filters).toEqual({ ...noFilters, ...filters });
  });

  test.each(['"', '-', '-"', '|', '||', 'OR OR', ':', 'tag:"', 'in:', '-"unclosed', '""""', 'a:b:c', '\u0000', '🙂', 'x'.repeat(10_000)])(
    'does not throw on %j', (input) => {
      expect(() => parseQuery(input, NOW)).not.toThrow();
    },
  );

  test('the default now is the current time', () => {
    expect(parseQuery('after:today').filters.after).toBe(new Date(new Date().setHours(0, 0, 0, 0)).getTime());
  });
});

describe('isEmptyQuery', () => {
  test.each<[string, boolean]>([
    ['', true], ['   ', true], ['!!!', true], ['sort:date', true], ['tag:', true], ['is:read', true],
    ['a', false], ['"x"', false], ['-x', false], ['in:notes', false], ['source:x', false], ['folder:x', false],
    ['tag:x', false], ['is:starred', false], ['before:2024', false], ['after:2024', false],
  ])('%j → %s', (input, expected) => {
    expect(isEmptyQuery(parseQuery(input, NOW))).toBe(expected);
  });
});
