/**
 * File names for posts and tag pages: lower-case ASCII words joined by '-', so the same name works on
 * every file system, in every URL and from file:// without percent-encoding.
 */

const MAX_LENGTH = 80;

// Letters that Unicode decomposition does not reduce to ASCII: the usual transliterations.
const FOLDS: Record<string, string> = {
  ß: 'ss', ẞ: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', ð: 'd', Ð: 'd',
  þ: 'th', Þ: 'th', ł: 'l', Ł: 'l', ı: 'i', ħ: 'h', Ħ: 'h', ŧ: 't', Ŧ: 't', ŋ: 'ng', Ŋ: 'ng', ĸ: 'k',
};

/** The ASCII words of a text joined by '-', cut at a word boundary where possible; '' when it has none. */
export function asciiSlug(text: string, maxLength = MAX_LENGTH): string {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/\P{ASCII}/gu, (character) => FOLDS[character] ?? ' ')
    .toLowerCase()
    // An apostrophe joins its word ("don't" is one word), everything else separates.
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > maxLength) return slug === '' ? word.slice(0, maxLength) : slug;
    slug = next;
  }
  return slug;
}

/** A post's file name from its title; `post` when the title has no letter or digit that folds to ASCII. */
export function slugify(title: string): string {
  return asciiSlug(title) || 'post';
}

/** `wanted` if it is free, else the first free `wanted-2`, `wanted-3`…, kept within the same length limit. */
export function uniqueSlug(wanted: string, taken: ReadonlySet<string>): string {
  if (!taken.has(wanted)) return wanted;
  for (let counter = 2; ; counter += 1) {
    const suffix = `-${counter}`;
    const stem = wanted.length + suffix.length > MAX_LENGTH ? wanted.slice(0, MAX_LENGTH - suffix.length).replace(/-+$/, '') : wanted;
    const candidate = stem + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Whether a slug can be used as a file name as is: ASCII letters, digits, '-' and '_', no dot (so no
 * `..`), no separator. Slugs are kept for life once published, so this accepts older spellings too
 * (capitals, underscores) while refusing anything that could leave the output folder.
 */
export function isSafeSlug(slug: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_-]{0,119}$/.test(slug);
}
