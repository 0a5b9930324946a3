/**
 * Writes a published site into the folder the user chose, touching only what changed: the renderer first
 * asks which files differ (by SHA-256 of their content), then sends only those, then asks to remove the files
 * an earlier export wrote that the site no longer has. Removal only ever touches files listed in our own
 * manifest, so a folder that also holds the user's files (a Git checkout, a README) keeps them.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { HostFailure } from '../../../shared/host-error';

export const manifestName = '.commonplace-site.json';

interface Manifest {
  generator: 'Commonplace';
  files: string[];
}

/** The absolute folder, refused in words when it is not one we can write to. */
export function resolveFolder(folder: string): string {
  const trimmed = folder.trim();
  if (trimmed === '') throw new HostFailure('invalid-request', 'Choose the folder to publish the site into.');
  if (!path.isAbsolute(trimmed)) {
    throw new HostFailure('invalid-request', `The output folder must be a full path (such as /home/you/site), not "${trimmed}".`);
  }
  const resolved = path.resolve(trimmed);
  if (resolved === path.parse(resolved).root) throw new HostFailure('invalid-request', 'Publishing into the root of a disk is refused: choose a folder for the site.');
  return resolved;
}

/** A site file's place inside the folder; a path that would climb out of it (or is absolute) is refused. */
export function resolveInside(root: string, relative: string): string {
  if (relative === '' || relative.includes('\0') || relative.includes('\\') || path.posix.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative)) {
    throw new HostFailure('invalid-request', `"${relative}" is not a file name inside the site.`);
  }
  const parts = relative.split('/');
  if (parts.some((part) => part === '' || part === '.' || part === '..')) {
    throw new HostFailure('invalid-request', `"${relative}" is not a file name inside the site.`);
  }
  if (relative === manifestName) throw new HostFailure('invalid-request', `"${relative}" is reserved for the export's own list of files.`);
  return path.join(root, ...parts);
}

export const sha256 = (content: string | Buffer): string => createHash('sha256').update(content).digest('hex');

async function readIfPresent(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw folderFailure(error, file);
  }
}

function folderFailure(error: unknown, where: string): HostFailure {
  const code = (error as NodeJS.ErrnoException).code;
  const words =
    code === 'EACCES' || code === 'EPERM'
      ? `Commonplace may not write to ${where}: check the folder's permissions.`
      : code === 'ENOSPC'
        ? `The disk is full: ${where} could not be written.`
        : code === 'EROFS'
          ? `${where} is on a read-only disk.`
          : code === 'EISDIR' || code === 'ENOTDIR' || code === 'EEXIST'
            ? `${where} is in the way: a file and a folder of the same name cannot both be there.`
            : `${where} could not be written (${code ?? 'unknown error'}).`;
  return new HostFailure(code === 'EACCES' || code === 'EPERM' ? 'forbidden' : 'unavailable', words);
}

/** Which of these files are missing from the folder or hold other content. */
export async function changedSiteFiles(folder: string, files: ReadonlyArray<{ path: string; sha256: string }>): Promise<string[]> {
  const root = resolveFolder(folder);
  const changed: string[] = [];
  for (const file of files) {
    const existing = await readIfPresent(resolveInside(root, file.path));
    if (!existing || sha256(existing) !== file.sha256) changed.push(file.path);
  }
  return changed;
}

/** Writes each file whole (temporary name, then rename), so a reader of the site never sees half a page. */
export async function writeSiteFiles(folder: string, files: ReadonlyArray<{ path: string; content: string }>): Promise<number> {
  const root = resolveFolder(folder);
  let written = 0;
  for (const file of files) {
    const target = resolveInside(root, file.path);
    try {
      await mkdir(path.dirname(target), { recursive: true });
      const temporary = `${target}.${process.pid}.partial`;
      await writeFile(temporary, file.content, 'utf8');
      await rename(temporary, target);
    } catch (error) {
      throw folderFailure(error, target);
    }
    written += 1;
  }
  return written;
}

async function readManifest(root: string): Promise<Manifest> {
  const raw = await readIfPresent(path.join(root, manifestName));
  if (!raw) return { generator: 'Commonplace', files: [] };
  try {
    const parsed = JSON.parse(raw.toString('utf8')) as Partial<Manifest>;
    return { generator: 'Commonplace', files: Array.isArray(parsed.files) ? parsed.files.filter((file): file is string => typeof file === 'string') : [] };
  } catch {
    // A damaged list only means stale files may stay behind; never a reason to delete anything else.
    return { generator: 'Commonplace', files: [] };
  }
}

/**
 * Removes the files an earlier export wrote that are no longer part of the site, then records the site's
 * files as ours. Folders emptied by the removal go too; anything else in the folder is left alone.
 */
export async function pruneSiteFiles(folder: string, keep: readonly string[]): Promise<string[]> {
  const root = resolveFolder(folder);
  const kept = new Set(keep);
  for (const file of kept) resolveInside(root, file);
  const previous = await readManifest(root);
  const removed: string[] = [];
  for (const file of previous.files) {
    if (kept.has(file)) continue;
    let target: string;
    try {
      target = resolveInside(root, file);
    } catch {
      continue;
    }
    try {
      await rm(target, { force: true });
      removed.push(file);
      await removeEmptyParents(root, path.dirname(target));
    } catch (error) {
      throw folderFailure(error, target);
    }
  }
  try {
    await mkdir(root, { recursive: true });
    const manifest: Manifest = { generator: 'Commonplace', files: [...kept].sort() };
    await writeFile(path.join(root, manifestName), `${JSON.stringify(manifest, null, 1)}\n`, 'utf8');
  } catch (error) {
    throw folderFailure(error, path.join(root, manifestName));
  }
  return removed;
}

async function removeEmptyParents(root: string, folder: string): Promise<void> {
  for (let current = folder; current.startsWith(root + path.sep); current = path.dirname(current)) {
    try {
      await rmdir(current);
    } catch {
      return; // not empty (or already gone): stop climbing
    }
  }
}
