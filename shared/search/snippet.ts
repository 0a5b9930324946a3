// The snippet under a search hit: about `width` characters of text around the densest run of matched
// words, cut at word boundaries, with the matched words' ranges relative to the snippet string.
import { tokenize, type Token } from './analyzer';

export interface Snippet {
  snippet: string;
  marks: Array<[start: number, end: number]>;
}

const ELLIPSIS = '…';
/** Line breaks and tabs become spaces one for one, so offsets computed on the text stay valid. */
const CONTROL_WHITESPACE = /[\t\n\v\f\r\u2028\u2029]/g;

/** The window [first, last] of matched tokens (indices into `matched`) with the most distinct terms, then the most matches. */
function bestWindow(matched: readonly Token[], width: number): [number, number] {
  let best: [number, number] = [0, 0];
  let bestScore = -1;
  for (let first = 0; first < matched.length; first += 1) {
    const distinct = new Set<string>();
    let last = first;
    for (let at = first; at < matched.length && matched[at]!.end - matched[first]!.start <= width; at += 1) {
      distinct.add(matched[at]!.term);
      last = at;
    }
    const score = distinct.size * 1000 + (last - first + 1);
    if (score > bestScore) {
      bestScore = score;
      best = [first, last];
    }
  }
  return best;
}

/**
 * The snippet of `text` around its best matches, or undefined when no token matches. `matches` is asked
 * about folded terms (analyzer.tokenize); `width` counts characters of the text, ellipses aside.
 */
export function makeSnippet(text: string, matches: (term: string) => boolean, width = 160): Snippet | undefined {
  const tokens = tokenize(text);
  const matched = tokens.filter((token) => matches(token.term));
  if (matched.length === 0) return undefined;
  const [first, last] = bestWindow(matched, width);
  const coreStart = matched[first]!.start;
  const coreEnd = matched[last]!.end;
  // Centre the matched run, then give any room left at one end of the text to the other end.
  const slack = Math.max(0, width - (coreEnd - coreStart));
  let start = Math.max(0, coreStart - Math.floor(slack / 2));
  const end = Math.min(text.length, start + Math.max(width, coreEnd - coreStart));
  start = Math.max(0, Math.min(start, end - width));
  // Snap inwards to whole words (never past the matched run).
  const startToken = tokens.find((token) => token.start >= start && token.start <= coreStart);
  const snappedStart = start === 0 ? 0 : (startToken?.start ?? coreStart);
  let snappedEnd = coreEnd;
  for (const token of tokens) if (token.end <= end && token.end > snappedEnd) snappedEnd = token.end;
  if (end === text.length) snappedEnd = end;
  const prefix = snappedStart > 0 ? ELLIPSIS : '';
  const suffix = snappedEnd < text.length ? ELLIPSIS : '';
  const body = text.slice(snappedStart, snappedEnd).replace(CONTROL_WHITESPACE, ' ');
  const marks: Array<[number, number]> = [];
  for (const token of matched) {
    if (token.start >= snappedStart && token.end <= snappedEnd) {
      marks.push([token.start - snappedStart + prefix.length, token.end - snappedStart + prefix.length]);
    }
  }
  return { snippet: `${prefix}${body}${suffix}`, marks };
}

/** The opening of a text (no match to centre on), cut at a word boundary. */
export function leadSnippet(text: string, width = 160): Snippet {
  if (text.length <= width) return { snippet: text.replace(CONTROL_WHITESPACE, ' '), marks: [] };
  let end = width;
  for (const token of tokenize(text.slice(0, width + 1))) if (token.end <= width) end = token.end;
  return { snippet: `${text.slice(0, end).replace(CONTROL_WHITESPACE, ' ')}${ELLIPSIS}`, marks: [] };
}
