// The Search box's query language (issue 5), parsed into what the index needs: AND-ed clauses of OR-ed
// words and phrases, exclusions, filters, a sort order, and warnings for the parts it had to ignore.
// Malformed input never throws: the box is parsed on every keystroke, half-typed queries included.
import { tokenize } from './analyzer';
import { parseDateFilter, parseFilterValue, type FilterName } from './query-filters';

export type QueryAlternative = { kind: 'term'; text: string; prefix: boolean } | { kind: 'phrase'; words: string[] };
export type QueryExclusion = { kind: 'term'; text: string } | { kind: 'phrase'; words: string[] };

export interface ParsedQuery {
  /** AND of clauses; each clause is an OR of alternatives; an alternative is a term or a phrase. */
  clauses: QueryAlternative[][];
  excluded: QueryExclusion[];
  filters: {
    kinds: Array<'note' | 'item' | 'highlight'>; // empty = all
    sources: string[];
    folders: string[];
    tags: string[];
    is: Array<'starred' | 'unread' | 'later'>;
    before?: number; // epoch ms, exclusive
    after?: number; // epoch ms, inclusive
  };
  sort: 'relevance' | 'date';
  /** Problems in words, e.g. 'before:2026-13-40 is not a date; it was ignored.' */
  warnings: string[];
}

/** The pieces of the raw query text, before any meaning is given to them. */
type Piece =
  | { type: 'word'; text: string; excluded: boolean }
  | { type: 'phrase'; text: string; excluded: boolean }
  | { type: 'or' }
  | { type: 'filter'; name: FilterName; value: string; raw: string; excluded: boolean };

const FILTER_NAMES: ReadonlySet<string> = new Set<FilterName>(['in', 'source', 'folder', 'tag', 'is', 'before', 'after', 'sort']);
const OPENING_QUOTES = '"“„';
const CLOSING_QUOTES = '"”“';
const WHITESPACE = /\s/u;
const FILTER_PREFIX = /^([a-z]+):/i;

/**
 * Cuts the input into pieces: "phrases" (an unclosed quote runs to the end), -exclusions, OR and `|`,
 * name:value filters (value may be quoted) and bare words. A word ends at whitespace, a quote or `|`.
 */
function lex(input: string): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  const readQuoted = (): string => {
    const start = at + 1;
    let end = start;
    while (end < input.length && !CLOSING_QUOTES.includes(input[end]!)) end++;
    at = Math.min(end + 1, input.length);
    return input.slice(start, end);
  };
  while (at < input.length) {
    const char = input[at]!;
    if (WHITESPACE.test(char)) { at++; continue; }
    if (char === '|') { pieces.push({ type: 'or' }); at++; continue; }
    const excluded = char === '-' && at + 1 < input.length && !WHITESPACE.test(input[at + 1]!);
    if (excluded) at++;
    if (OPENING_QUOTES.includes(input[at]!)) {
      pieces.push({ type: 'phrase', text: readQuoted(), excluded });
      continue;
    }
    const filter = FILTER_PREFIX.exec(input.slice(at, at + 12));
    const name = filter?.[1]!.toLowerCase();
    if (filter && name !== undefined && FILTER_NAMES.has(name)) {
      const start = at;
      at += filter[0].length;
      let value: string;
      if (at < input.length && OPENING_QUOTES.includes(input[at]!)) value = readQuoted();
      else {
        const valueStart = at;
        while (at < input.length && !WHITESPACE.test(input[at]!)) at++;
        value = input.slice(valueStart, at);
      }
      pieces.push({ type: 'filter', name: name as FilterName, value: value.trim(), raw: input.slice(start, at), excluded });
      continue;
    }
    const start = at;
    while (at < input.length && !WHITESPACE.test(input[at]!) && input[at] !== '|' && !OPENING_QUOTES.includes(input[at]!)) at++;
    const text = input.slice(start, at);
    // OR is an operator only in capitals and never when excluded ("-OR" excludes the word "or").
    pieces.push(text === 'OR' && !excluded ? { type: 'or' } : { type: 'word', text, excluded });
  }
  return pieces;
}

/**
 * Parses the Search box's text. Terms and phrase words come back folded but not stemmed (the index decides
 * how to match them); phrases keep their stop words. `now` anchors relative dates (before:today, after:7d).
 */
export function parseQuery(input: string, now: Date = new Date()): ParsedQuery {
  const query: ParsedQuery = {
    clauses: [],
    excluded: [],
    filters: { kinds: [], sources: [], folders: [], tags: [], is: [] },
    sort: 'relevance',
    warnings: [],
  };
  const pieces = lex(input);
  const last = pieces[pieces.length - 1];
  // While typing, the word under the caret is unfinished: match it as a prefix until a space follows it.
  const endsInWord = !WHITESPACE.test(input[input.length - 1] ?? ' ');
  const typingLastWord = last?.type === 'word' && !last.excluded && endsInWord;

  /** Whether the last piece handled added an alternative, so that an OR after it can join the next one. */
  let afterAlternative = false;
  let pendingOr = false;
  const addAlternatives = (words: string[], asPhrase: boolean, prefix: boolean): void => {
    if (words.length === 0) return;
    const joinLast = pendingOr && afterAlternative;
    pendingOr = false;
    afterAlternative = true;
    if (joinLast) {
      // An OR-ed multi-word alternative can only be a phrase, even while its last word is being typed.
      const alternative: QueryAlternative = words.length === 1 && !asPhrase ? { kind: 'term', text: words[0]!, prefix } : { kind: 'phrase', words };
      query.clauses[query.clauses.length - 1]!.push(alternative);
    } else if (words.length === 1 && !asPhrase) {
      query.clauses.push([{ kind: 'term', text: words[0]!, prefix }]);
    } else if (!asPhrase && prefix) {
      // "e-ma" being typed: a phrase cannot end in a prefix, so its words are AND-ed until it is finished.
      words.forEach((text, index) => query.clauses.push([{ kind: 'term', text, prefix: index === words.length - 1 }]));
    } else {
      query.clauses.push([{ kind: 'phrase', words }]);
    }
  };
  const breakOrChain = (): void => {
    if (pendingOr) query.warnings.push('OR needs a word or phrase on both sides; it was ignored.');
    pendingOr = false;
    afterAlternative = false;
  };

  pieces.forEach((piece, index) => {
    switch (piece.type) {
      case 'or':
        if (afterAlternative) pendingOr = true;
        else if (index !== 0 || pieces.length > 1) query.warnings.push('OR needs a word or phrase on both sides; it was ignored.');
        else addAlternatives(['or'], false, endsInWord); // a lone "OR" is a search for the word
        break;
      case 'word':
      case 'phrase': {
        const words = tokenize(piece.text).map((token) => token.term);
        if (piece.excluded) {
          breakOrChain();
          if (words.length === 1 && piece.type === 'word') query.excluded.push({ kind: 'term', text: words[0]! });
          else if (words.length > 0) query.excluded.push({ kind: 'phrase', words });
        } else {
          addAlternatives(words, piece.type === 'phrase', typingLastWord && index === pieces.length - 1);
        }
        break;
      }
      case 'filter':
        breakOrChain();
        if (piece.excluded) query.warnings.push(`-${piece.raw}: filters cannot be excluded; it was ignored.`);
        else applyFilter(query, piece.name, piece.value, now);
        break;
    }
  });
  const { before, after } = query.filters;
  if (before !== undefined && after !== undefined && after >= before) {
    query.warnings.push('The after: date is not earlier than the before: date, so nothing can match.');
  }
  return query;
}

function applyFilter(query: ParsedQuery, name: FilterName, value: string, now: Date): void {
  // An empty value is a filter still being typed ("tag:"), not a mistake worth a warning.
  if (value === '') return;
  const { filters } = query;
  const addOnce = <T>(list: T[], entry: T): void => { if (!list.includes(entry)) list.push(entry); };
  if (name === 'before' || name === 'after') {
    const time = parseDateFilter(value, now);
    if (time === undefined) query.warnings.push(`${name}:${value} is not a date; it was ignored.`);
    // Repeated bounds narrow the range: the earliest before and the latest after win.
    else if (name === 'before') filters.before = Math.min(time, filters.before ?? Infinity);
    else filters.after = Math.max(time, filters.after ?? -Infinity);
    return;
  }
  const parsed = parseFilterValue(name, value);
  query.warnings.push(...parsed.warnings);
  switch (parsed.value?.name) {
    case undefined: break;
    case 'in': parsed.value.kinds.forEach((kind) => addOnce(filters.kinds, kind)); break;
    case 'is': addOnce(filters.is, parsed.value.flag); break;
    case 'sort': query.sort = parsed.value.sort; break;
    case 'source': addOnce(filters.sources, parsed.value.text); break;
    case 'folder': addOnce(filters.folders, parsed.value.text); break;
    case 'tag': addOnce(filters.tags, parsed.value.text); break;
  }
}

/** True when the query has nothing to search for and no filter (show recent items instead). Exclusions count as filters. */
export function isEmptyQuery(query: ParsedQuery): boolean {
  const { kinds, sources, folders, tags, is, before, after } = query.filters;
  return query.clauses.length === 0 && query.excluded.length === 0 && kinds.length === 0 && sources.length === 0
    && folders.length === 0 && tags.length === 0 && is.length === 0 && before === undefined && after === undefined;
}
