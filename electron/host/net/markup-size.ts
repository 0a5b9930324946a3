/**
 * How much work a piece of HTML would make for jsdom, judged before anything parses it. jsdom runs on
 * the host's only thread and builds every element in memory, so two shapes of hostile markup hurt:
 *  - many elements: 14 MB of `<b>x</b>` is 1.8 million elements, and the host ran out of its 4 GB heap
 *    and died before a count after parsing could refuse the page (countStartTags);
 *  - deep nesting: parse5 walks the stack of open elements for every block it opens, so 2,000 unclosed
 *    `<b>` followed by 8,000 `<p>` (55 KB) took 12 s to parse, and the time grows with the square
 *    (openDepth). Chromium caps its tree at 512 levels for the same reason.
 * Both are estimates, made in one linear scan, for refusing absurd markup, not exact counts.
 */

/**
 * Nesting no real document comes near: Mozilla's Readability corpus peaks at 32 levels, the feed corpora's
 * HTML at 22. At 128 levels and 60,000 elements parse5 still needs some 7 s; a browser caps at 512.
 */
export const maxOpenDepth = 128;

const startTag = /<[A-Za-z]/g;

/** Start tags in `html` ("<" and a letter), counting no further than just past `limit`. */
export function countStartTags(html: string, limit = Number.POSITIVE_INFINITY): number {
  startTag.lastIndex = 0;
  let count = 0;
  while (count <= limit && startTag.exec(html)) count += 1;
  startTag.lastIndex = 0;
  return count;
}

/** Elements that never stay open. */
const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen', 'basefont', 'bgsound', 'frame']);
/** Elements whose end tag may be left out: the next sibling closes them, so they do not pile up. */
const selfClosing = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'rb', 'rt', 'rtc', 'rp', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption', 'html', 'head', 'body']);
/** Elements whose content is text to the parser, up to their end tag (found case-insensitively). */
const rawText = new Map(
  ['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext'].map((name) => [name, new RegExp(`</${name}`, 'gi')]),
);

const tag = /<!--[\s\S]*?(?:-->|$)|<(\/?)([A-Za-z][A-Za-z0-9:-]*)\b[^>]*>/g;

/**
 * The deepest the stack of open elements gets, as a parser would keep it: start tags push (but void
 * elements, those whose end tag is optional, and text-only elements' content do not), an end tag pops
 * down to its element when that is open. Stops just past `limit`.
 */
export function openDepth(html: string, limit = Number.POSITIVE_INFINITY): number {
  const open: string[] = [];
  let deepest = 0;
  tag.lastIndex = 0;
  for (let match = tag.exec(html); match && deepest <= limit; match = tag.exec(html)) {
    const [, slash, rawName] = match;
    if (!rawName) continue; // a comment
    const name = rawName.toLowerCase();
    if (slash) {
      const at = open.lastIndexOf(name);
      if (at >= 0) open.length = at;
      continue;
    }
    const closer = rawText.get(name);
    if (closer) {
      closer.lastIndex = tag.lastIndex;
      tag.lastIndex = closer.exec(html)?.index ?? html.length;
      continue;
    }
    if (voidElements.has(name) || selfClosing.has(name)) continue;
    open.push(name);
    deepest = Math.max(deepest, open.length);
  }
  tag.lastIndex = 0;
  return deepest;
}
