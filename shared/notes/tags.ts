/**
 * `#tags` written in a note's text, by Obsidian's rules, so a vault's tags mean the same here.
 * The note's tag list, the tag pane and tag filters all go through these three functions.
 */

/** Letters (any script), combining marks, digits, `_`, `-` and `/` (nesting). */
const tagPattern = /#([\p{L}\p{M}\p{N}_\-/]+)/gu;
const wordChar = /[\p{L}\p{M}\p{N}_]/u;

/**
 * Regions where a `#` is never a tag: web addresses (`https://x.com/#frag`), wiki links (`[[note#heading]]`)
 * and Markdown code (`` `#define` ``, fenced blocks). Replaced by spaces so offsets stay put.
 */
const maskedRegions = /```[\s\S]*?(?:```|$)|`[^`\n]+`|\[\[[^\]\n]*\]\]|\b[a-z][a-z0-9+.-]*:\/\/[^\s<>"'`)\]]+/giu;

function maskIgnored(text: string): string {
  return text.replace(maskedRegions, (region) => ' '.repeat(region.length));
}

/**
 * May a `#` preceded by `previous` start a tag? Start of text, whitespace, or punctuation; not a word
 * character (`a#b`), not another `#` (`##x`, headings), not `&` (`&#39;`) and not `/` (`x.com/#frag`
 * written without a scheme).
 */
function canStartTag(previous: string | undefined): boolean {
  if (previous === undefined) return true;
  if (wordChar.test(previous)) return false;
  return previous !== '#' && previous !== '&' && previous !== '/';
}

/** Tags in order of first appearance, without `#`, deduplicated case-insensitively (first spelling kept). */
export function extractTags(text: string): string[] {
  const masked = maskIgnored(text);
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const match of masked.matchAll(tagPattern)) {
    if (!canStartTag(masked[match.index - 1])) continue;
    const tag = match[1]!.replace(/\/+$/, '');
    // Obsidian: "#1984 isn't a tag but #y1984 is"; a tag needs something other than digits.
    if (!/[^\p{N}\-/]/u.test(tag)) continue;
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags;
}

function cleanTag(tag: string): string {
  return tag
    .trim()
    .replace(/^#/, '')
    .split('/')
    .filter((part) => part !== '')
    .join('/');
}

/** A nested tag and every tag it is nested in, outermost first: 'a/b/c' → ['a', 'a/b', 'a/b/c']. */
export function tagAndAncestors(tag: string): string[] {
  const parts = cleanTag(tag).split('/').filter((part) => part !== '');
  return parts.map((_, index) => parts.slice(0, index + 1).join('/'));
}

/** Does `tag` fall under `filter`? 'area' matches 'area' and 'Area/topic' but not 'areas'. */
export function tagMatches(tag: string, filter: string): boolean {
  const wanted = cleanTag(filter).toLowerCase();
  const actual = cleanTag(tag).toLowerCase();
  if (wanted === '' || actual === '') return false;
  return actual === wanted || actual.startsWith(wanted + '/');
}
