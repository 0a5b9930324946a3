/**
 * Plain-text mentions of a note's title or alias in other notes ("unlinked mentions"), and the sentence
 * around one for display. Matching is case-insensitive and whole-word in any script, so "Rust" does not
 * match "trusted"; text already inside `[[…]]` is a link, not a mention.
 */
import { findWikiLinks } from './wiki-link-syntax';

/** A range of characters in a string: `text.slice(start, end)`. The one definition, re-exported by highlights. */
export interface TextSpan {
  start: number;
  end: number;
}

const wordChar = /[\p{L}\p{M}\p{N}_]/u;
const wordCharClass = '[\\p{L}\\p{M}\\p{N}_]';

/** Escapes only syntax characters: with the `u` flag any other escape (`\-`, `\#`) is an error. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * A global pattern for `phrase`: its words escaped, whitespace matching any whitespace run,
 * and word boundaries required only on a side where the phrase itself ends in a word character
 * (so "C++" still matches before a space or a digit-free neighbour).
 */
export function mentionPattern(phrase: string): RegExp | undefined {
  const words = phrase.trim().split(/\s+/u).filter((word) => word !== '');
  if (words.length === 0) return undefined;
  const body = words.map(escapeRegExp).join('\\s+');
  const first = words[0]!;
  const last = words[words.length - 1]!;
  const before = wordChar.test(first[0]!) ? `(?<!${wordCharClass})` : '';
  const after = wordChar.test(last[last.length - 1]!) ? `(?!${wordCharClass})` : '';
  return new RegExp(`${before}${body}${after}`, 'giu');
}

export function findMentions(text: string, phrase: string): TextSpan[] {
  const pattern = mentionPattern(phrase);
  if (!pattern) return [];
  const links = findWikiLinks(text);
  const spans: TextSpan[] = [];
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    const end = start + match[0].length;
    if (links.some((link) => start < link.end && end > link.start)) continue;
    spans.push({ start, end });
  }
  return spans;
}

export interface SentenceContext {
  before: string;
  match: string;
  after: string;
}

/** Where the sentence holding `from` starts: after the last `. ! ?` + whitespace, or blank line, before it. */
function sentenceStart(text: string, from: number): number {
  const head = text.slice(0, from);
  let start = 0;
  for (const boundary of head.matchAll(/[.!?]["')\]]*\s+|\n[ \t]*\n\s*/gu)) start = boundary.index + boundary[0].length;
  return start;
}

/** Where the sentence holding `from` ends: just after its `. ! ?`, or at a blank line or the end. */
function sentenceEnd(text: string, from: number): number {
  const tail = text.slice(from);
  const boundary = /[.!?]["')\]]*(?=\s|$)|\n[ \t]*\n/u.exec(tail);
  if (!boundary) return text.length;
  return from + boundary.index + (boundary[0].startsWith('\n') ? 0 : boundary[0].length);
}

const collapse = (text: string): string => text.replace(/\s+/gu, ' ');

/** Keeps at most `budget` characters of the end of `text`, cutting at a word boundary with a leading '…'. */
function keepEnd(text: string, budget: number): string {
  if (text.length <= budget) return text;
  if (budget <= 1) return '';
  const kept = text.slice(text.length - (budget - 1));
  const atWord = kept.replace(/^\S*\s/u, '');
  return '…' + (atWord.trim().length > 0 && atWord.length < kept.length ? atWord : kept).trimStart();
}

/** Keeps at most `budget` characters of the start of `text`, cutting at a word boundary with a trailing '…'. */
function keepStart(text: string, budget: number): string {
  if (text.length <= budget) return text;
  if (budget <= 1) return '';
  const kept = text.slice(0, budget - 1);
  const atWord = kept.replace(/\s\S*$/u, '');
  return (atWord.trim().length > 0 && atWord.length < kept.length ? atWord : kept).trimEnd() + '…';
}

/**
 * The sentence around `span`, whitespace collapsed, cut to at most `maxChars` characters in all
 * (ellipses included), giving the two sides equal room and passing unused room to the other side.
 */
export function sentenceAround(text: string, span: TextSpan, maxChars = 160): SentenceContext {
  const start = sentenceStart(text, span.start);
  const end = Math.max(span.end, sentenceEnd(text, span.end));
  let match = collapse(text.slice(span.start, span.end));
  let before = collapse(text.slice(start, span.start)).trimStart();
  let after = collapse(text.slice(span.end, end)).trimEnd();
  if (match.length >= maxChars) {
    match = match.length > maxChars ? match.slice(0, Math.max(0, maxChars - 1)) + '…' : match;
    return { before: '', match, after: '' };
  }
  const room = maxChars - match.length;
  if (before.length + after.length > room) {
    const half = Math.floor(room / 2);
    const beforeRoom = Math.max(half, room - after.length);
    before = keepEnd(before, Math.min(beforeRoom, room));
    after = keepStart(after, room - before.length);
  }
  return { before, match, after };
}
