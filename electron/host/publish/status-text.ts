/**
 * The text of a Mastodon status made to fit the server's limit, counted the way Mastodon counts it:
 * grapheme clusters (an emoji family or an accented letter is one character), and every http(s) URL as 23
 * characters whatever its length (StatusLengthValidator). Pure; it lives here because only publishing uses it.
 *
 * Layout: the text, a blank line, the URL, a blank line, the hashtags. Hashtags in the last paragraph on
 * their own let Mastodon (4.2+) show them as a tag bar. When it does not fit, the text is cut at a word
 * boundary with '…'; the URL is never cut. Hashtags are dropped, last first, only while they would leave
 * the text less than half the limit (or less than all of itself): the writing matters more than the tags.
 *
 * Approximation: Mastodon only gives the 23-character price to URLs its extractor recognises (a real
 * domain); this counts every `http(s)://…` run as one, and does not shorten @user@domain mentions.
 */

/** What Mastodon charges for any URL, however long or short. */
export const urlWeight = 23;

const ellipsis = '…';
const separator = '\n\n';
const urlPattern = /https?:\/\/[^\s<>"]+/giu;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function fitStatus(parts: { text: string; url?: string; tags?: string[] }, limit: number): string {
  const text = parts.text.trim();
  const url = parts.url?.trim() ?? '';
  const tags = hashtags(parts.tags ?? []);
  const compose = (body: string, kept: string[]) => [body, url, kept.join(' ')].filter(Boolean).join(separator);

  const whole = compose(text, tags);
  if (statusLength(whole) <= limit) return whole;

  const textWeight = statusLength(text);
  let kept = tags;
  for (;;) {
    const tail = compose('', kept);
    const budget = limit - statusLength(tail) - (tail ? separator.length : 0);
    const enough = Math.min(textWeight, Math.floor(limit / 2));
    if (budget >= enough || kept.length === 0) return compose(cutText(text, budget), kept);
    kept = kept.slice(0, -1);
  }
}

/** The length Mastodon counts: grapheme clusters, each URL as 23. */
export function statusLength(text: string): number {
  let length = 0;
  for (const token of tokens(text)) length += token.weight;
  return length;
}

/** `#Tag` words: '#' added, characters a hashtag cannot hold removed, all-digit and repeated tags left out. */
function hashtags(tags: string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const tag of tags) {
    const word = tag.replace(/[^\p{L}\p{M}\p{N}_]/gu, '');
    if (!word || /^\p{N}+$/u.test(word) || seen.has(word.toLowerCase())) continue;
    seen.add(word.toLowerCase());
    result.push(`#${word}`);
  }
  return result;
}

interface Token {
  text: string;
  weight: number;
  kind: 'url' | 'space' | 'word';
}

/** Words, runs of white space and URLs (a URL's trailing punctuation is the sentence's, not the URL's). */
function tokens(text: string): Token[] {
  const result: Token[] = [];
  let at = 0;
  for (const match of text.matchAll(urlPattern)) {
    const url = trimUrl(match[0]);
    plainTokens(text.slice(at, match.index), result);
    result.push({ text: url, weight: urlWeight, kind: 'url' });
    at = match.index + url.length;
  }
  plainTokens(text.slice(at), result);
  return result;
}

function plainTokens(text: string, into: Token[]): void {
  for (const [piece] of text.matchAll(/\s+|\S+/gu)) {
    into.push({ text: piece, weight: graphemes(piece).length, kind: /^\s/u.test(piece) ? 'space' : 'word' });
  }
}

/** Trailing `.,;:!?'"` end the sentence; a trailing ')' belongs to the URL only if it opened one. */
function trimUrl(url: string): string {
  let end = url.length;
  for (;;) {
    const last = url[end - 1];
    if (last && '.,;:!?\'"'.includes(last)) end -= 1;
    else if (last === ')' && count(url.slice(0, end), '(') < count(url.slice(0, end), ')')) end -= 1;
    else return url.slice(0, end);
  }
}

const count = (text: string, char: string) => text.split(char).length - 1;

const graphemes = (text: string) => Array.from(segmenter.segment(text), (part) => part.segment);

/**
 * The text in at most `budget` counted characters, '…' included: cut after the last whole word that fits
 * (' …' after a URL, so the link stays whole), or inside the first word when even that is too long; never
 * inside a URL. Empty when nothing fits.
 */
function cutText(text: string, budget: number): string {
  if (statusLength(text) <= budget) return text;
  if (budget < 2) return '';
  const all = tokens(text);
  let used = 0;
  let prefix = '';
  let best = '';
  for (const token of all) {
    if (used + token.weight > budget - ellipsis.length) break;
    used += token.weight;
    prefix += token.text;
    if (token.kind === 'url' && used + 2 <= budget) best = `${prefix} ${ellipsis}`;
    if (token.kind !== 'word') continue;
    const trimmed = prefix.replace(/[\s,;:.\-–—]+$/u, '');
    // Punctuation trimmed back to a URL: that URL's own cut (' …') stands.
    if (trimmed && !endsWithUrl(trimmed)) best = `${trimmed}${ellipsis}`;
  }
  if (best) return best;
  const first = all[0];
  if (!first || first.kind !== 'word') return '';
  return `${graphemes(first.text).slice(0, budget - ellipsis.length).join('')}${ellipsis}`;
}

function endsWithUrl(text: string): boolean {
  return tokens(text).at(-1)?.kind === 'url';
}
