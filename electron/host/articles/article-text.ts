/**
 * Plain text, word count and reading time for an extracted article. The text feeds search and
 * highlights, so block boundaries become line breaks (textContent would glue "end.</p><p>Next" into
 * "end.Next", making one word of two).
 */

const blockElements = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tr', 'ul', 'caption',
]);

const wordsPerMinute = 230;

// Node's Text and Element node types, without needing a DOM global in the host.
const textNode = 3;
const elementNode = 1;

/** The readable text of a DOM subtree: paragraphs separated by blank lines, runs of spaces collapsed. */
export function textOfElement(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node, inPre: boolean): void => {
    if (node.nodeType === textNode) {
      const value = node.nodeValue ?? '';
      parts.push(inPre ? value : value.replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== elementNode && node !== root) return;
    const name = (node as Element).localName ?? '';
    if (name === 'br') {
      parts.push('\n');
      return;
    }
    const block = blockElements.has(name);
    if (block) parts.push('\n\n');
    else if (name === 'td' || name === 'th') parts.push(' ');
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child, inPre || name === 'pre');
    if (block) parts.push('\n\n');
  };
  walk(root, false);
  return normaliseText(parts.join(''));
}

/** Trims each line (indentation means nothing to search), and keeps at most one blank line between paragraphs. */
export function normaliseText(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t\f\r]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

// A word: letters, combining marks (Devanagari vowel signs, accents) and digits, with inner apostrophes.
const wordRun = /[\p{L}\p{M}\p{N}]+(?:['\u2019][\p{L}\p{M}\p{N}]+)*/gu;
// Scripts written without spaces between words.
const unspacedScript = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const segmenter = new Intl.Segmenter('und', { granularity: 'word' });
/** Longer unspaced runs are counted a character at a time (see wordsOf). */
const maxSegmentedRun = 2000;

/**
 * The words of a text, lower-cased, as a reader counts them. Space-separated runs are words; runs in
 * Chinese, Japanese, Thai and the like go through Intl.Segmenter, which knows their word boundaries.
 * Only those short runs are segmented: V8's segment iterator is quadratic in the length of its input
 * (a 200 kB article took minutes), and a regular expression handles everything else in linear time.
 */
export function* wordsOf(text: string): Generator<string> {
  for (const [run] of text.toLowerCase().matchAll(wordRun)) {
    if (!unspacedScript.test(run)) {
      yield run;
    } else if (run.length > maxSegmentedRun) {
      yield* run;
    } else {
      for (const segment of segmenter.segment(run)) if (segment.isWordLike) yield segment.segment;
    }
  }
}

export function countWords(text: string): number {
  let count = 0;
  for (const _word of wordsOf(text)) count += 1;
  return count;
}

/** Minutes to read at about 230 words a minute, never less than one. */
export function readingMinutesFor(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / wordsPerMinute));
}
