/**
 * Paths inside a vault as the importer and exporter need them: a note's folder and title from its
 * file path, a relative reference from a note to a file (and back), and the percent-encoding a
 * Markdown link destination needs. The safe-name rules themselves live in shared/notes/vault-paths.ts.
 */
import { normalizeVaultPath, noteFileName } from '../../../../shared/notes/vault-paths';

export const markdownExtension = /\.(md|markdown)$/i;

export function isNotePath(path: string): boolean {
  return markdownExtension.test(path);
}

/** 'a/b/Note.md' → { folder: 'a/b', stem: 'Note' }; the root folder is ''. */
export function splitNotePath(path: string): { folder: string; stem: string } {
  const slash = path.lastIndexOf('/');
  const name = slash === -1 ? path : path.slice(slash + 1);
  return { folder: slash === -1 ? '' : path.slice(0, slash), stem: name.replace(markdownExtension, '') };
}

/** A stored folder as written to the zip: tidy, and each segment a name every file system accepts. */
export function exportFolder(folder: string | undefined): string {
  const clean = normalizeVaultPath(folder ?? '') ?? '';
  return clean === '' ? '' : clean.split('/').map(noteFileName).join('/');
}

/** `path` (vault-relative) as seen from a note in `folder`: 'attachments/x.png' from 'a/b' is '../../attachments/x.png'. */
export function relativeFrom(folder: string, path: string): string {
  const from = folder === '' ? [] : folder.split('/');
  const to = path.split('/');
  let shared = 0;
  while (shared < from.length && shared < to.length - 1 && from[shared] === to[shared]) shared += 1;
  return [...from.slice(shared).map(() => '..'), ...to.slice(shared)].join('/');
}

/**
 * Characters a Markdown link destination cannot hold bare, percent-encoded the way Obsidian writes
 * them ('my pic.png' → 'my%20pic.png'); letters of any script stay readable.
 */
export function encodeMarkdownPath(path: string): string {
  return path.replace(/[%\s()<>[\]#?]/g, (character) =>
    Array.from(new TextEncoder().encode(character), (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Has a scheme (`https:`, `data:`, `C:`…) or starts with '//': not a file in the vault. */
function isExternal(src: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//');
}

/**
 * The vault paths a relative image reference in a note in `folder` may mean, best first: relative to
 * the note (what Markdown means), then relative to the vault's root (what Obsidian also accepts).
 */
export function candidatePaths(folder: string, src: string): string[] {
  const reference = safeDecode(src.trim().replace(/^<|>$/g, '').replace(/[?#].*$/, ''));
  if (reference === '' || isExternal(reference)) return [];
  const paths = [normalizeVaultPath(folder === '' ? reference : `${folder}/${reference}`), normalizeVaultPath(reference)];
  return [...new Set(paths.filter((path): path is string => path !== undefined && path !== ''))];
}
