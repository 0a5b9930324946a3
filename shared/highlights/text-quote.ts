/**
 * Highlights are stored as W3C Web Annotation TextQuoteSelectors (the quote plus a little text on each
 * side), not offsets, because an article's text changes when it is extracted again. Anchoring follows
 * Hypothesis: exact search first, disambiguated by context, then ignoring whitespace, then a fuzzy search
 * (Myers' bit-parallel algorithm from `approx-string-match`) that tolerates small edits.
 */
import search from 'approx-string-match';
import type { TextSpan } from '../notes/mentions';

export type { TextSpan } from '../notes/mentions';

export interface TextQuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

export function describeTextQuote(text: string, start: number, end: number, contextChars = 32): TextQuoteSelector {
  const from = Math.max(0, Math.min(start, end, text.length));
  const to = Math.min(text.length, Math.max(start, end, 0));
  return {
    exact: text.slice(from, to),
    prefix: text.slice(Math.max(0, from - contextChars), from),
    suffix: text.slice(to, to + contextChars),
  };
}

/** How many characters of `expected` agree with `actual`, counted from the end (prefix) or start (suffix). */
function agreement(expected: string, actual: string, fromEnd: boolean): number {
  let count = 0;
  const length = Math.min(expected.length, actual.length);
  for (let i = 0; i < length; i++) {
    const a = fromEnd ? expected[expected.length - 1 - i] : expected[i];
    const b = fromEnd ? actual[actual.length - 1 - i] : actual[i];
    if (a !== b) break;
    count++;
  }
  return count;
}

interface Candidate extends TextSpan {
  errors: number;
  context: number;
}

/** Fewest errors, then most context agreement, then nearest the hint, then first. */
function best(candidates: Candidate[], hint: number | undefined): TextSpan | undefined {
  let chosen: Candidate | undefined;
  const distance = (candidate: Candidate) => (hint === undefined ? 0 : Math.abs(candidate.start - hint));
  for (const candidate of candidates) {
    if (
      !chosen ||
      candidate.errors < chosen.errors ||
      (candidate.errors === chosen.errors && candidate.context > chosen.context) ||
      (candidate.errors === chosen.errors && candidate.context === chosen.context && distance(candidate) < distance(chosen))
    ) {
      chosen = candidate;
    }
  }
  return chosen && { start: chosen.start, end: chosen.end };
}

function contextScore(text: string, selector: TextQuoteSelector, start: number, end: number): number {
  const before = text.slice(Math.max(0, start - selector.prefix.length), start);
  const after = text.slice(end, end + selector.suffix.length);
  return agreement(selector.prefix, before, true) + agreement(selector.suffix, after, false);
}

function exactMatches(text: string, selector: TextQuoteSelector): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(selector.exact); at !== -1; at = text.indexOf(selector.exact, at + 1)) {
    const end = at + selector.exact.length;
    found.push({ start: at, end, errors: 0, context: contextScore(text, selector, at, end) });
  }
  return found;
}

/** `text` without whitespace, and for each kept character its offset in `text`. */
function stripWhitespace(text: string): { stripped: string; offsets: number[] } {
  let stripped = '';
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (/\s/u.test(text[i]!)) continue;
    stripped += text[i];
    offsets.push(i);
  }
  return { stripped, offsets };
}

function whitespaceInsensitiveMatches(text: string, selector: TextQuoteSelector): Candidate[] {
  const { stripped, offsets } = stripWhitespace(text);
  const squeeze = (value: string) => value.replace(/\s+/gu, '');
  const squeezed = { exact: squeeze(selector.exact), prefix: squeeze(selector.prefix), suffix: squeeze(selector.suffix) };
  if (squeezed.exact === '') return [];
  return exactMatches(stripped, squeezed).map((match) => ({
    ...match,
    start: offsets[match.start]!,
    end: offsets[match.end - 1]! + 1,
  }));
}

function fuzzyMatches(text: string, selector: TextQuoteSelector): Candidate[] {
  const maxErrors = Math.min(32, Math.floor(selector.exact.length / 4));
  if (maxErrors === 0) return [];
  return search(text, selector.exact, maxErrors).map((match) => ({
    start: match.start,
    end: match.end,
    errors: match.errors,
    context: contextScore(text, selector, match.start, match.end),
  }));
}

export function anchorTextQuote(text: string, selector: TextQuoteSelector, hint?: number): TextSpan | undefined {
  if (selector.exact === '') return undefined;
  return (
    best(exactMatches(text, selector), hint) ??
    best(whitespaceInsensitiveMatches(text, selector), hint) ??
    best(fuzzyMatches(text, selector), hint)
  );
}
