/**
 * File names and paths for an Obsidian-style vault on disk. A note title can hold anything; a file name
 * must survive Windows, macOS and Linux, and Obsidian's own link syntax (`#`, `^`, `[`, `]`, `|`).
 * Paths that come back from the host are normalised here so `..` can never leave the vault.
 */

const maxLength = 120;
/** Windows refuses these names with any extension, in any case. */
const reservedNames = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go.
const controlCharacters = /[\u0000-\u001f\u007f-\u009f]/g;
/** Forbidden on Windows (`<>:"/\|?*`) or meaningful in Obsidian links (`#^[]|`). */
const unsafeCharacters = /[*"\\/<>:|?#^[\]]/g;

export function noteFileName(title: string): string {
  let name = title
    .normalize('NFC')
    .replace(controlCharacters, ' ')
    .replace(unsafeCharacters, (character) => (character === ':' || character === '/' || character === '\\' || character === '|' ? '-' : ' '))
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (name.length > maxLength) {
    // Cut by code point so a surrogate pair is never split, then tidy the new end.
    name = Array.from(name).slice(0, maxLength).join('');
    while (name.length > maxLength) name = Array.from(name).slice(0, -1).join('');
    name = name.replace(/[\s.]+$/g, '');
  }
  if (name === '') return 'Untitled';
  if (reservedNames.test(name)) return name.replace(/^[^.]*/, (stem) => `${stem}-`);
  return name;
}

/** The names in the same order; later ones that collide case-insensitively get ' 2', ' 3' … */
export function uniqueFileNames(names: readonly string[]): string[] {
  const taken = new Set(names.map((name) => name.toLowerCase()));
  const used = new Set<string>();
  return names.map((name) => {
    const key = name.toLowerCase();
    if (!used.has(key)) {
      used.add(key);
      return name;
    }
    let counter = 2;
    let candidate = `${name} ${counter}`;
    // Skip numbers that another name in the list already has ('Note 2' written by the user).
    while (used.has(candidate.toLowerCase()) || taken.has(candidate.toLowerCase())) candidate = `${name} ${++counter}`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

/** A tidy vault-relative path, or undefined for one that is absolute or climbs out of the vault. */
export function normalizeVaultPath(path: string): string | undefined {
  const slashed = path.replace(/\\/g, '/');
  if (/^[a-z]:/i.test(slashed) || slashed.startsWith('//')) return undefined;
  const segments: string[] = [];
  for (const segment of slashed.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return undefined;
      segments.pop();
      continue;
    }
    segments.push(segment);
  }
  return segments.join('/');
}
