/**
 * Reads what the person picked into vault files (`{ path, bytes }`, paths relative to the vault's root
 * with '/' separators): the files of a folder chosen through `<input type="file" webkitdirectory>`, or
 * the entries of a .zip. Obsidian's own folders (`.obsidian/`, `.trash/`) and every other dotfile are
 * left out, as are files over the size cap; every left-out file is reported, and nothing here throws
 * on bad input.
 */
import { unzipSync } from 'fflate';
import { attachmentPath } from '../../../data';
import type { VaultSkip } from './vault-report';
import { readFileBytes } from '../../../ui/read-file-bytes';

export interface VaultFile {
  path: string;
  bytes: Uint8Array;
}

export interface VaultRead {
  files: VaultFile[];
  skipped: VaultSkip[];
}

/** One file larger than this is skipped: a vault's notes are small, and the bytes are held in memory. */
export const maxVaultFileBytes = 50 * 1024 * 1024;

/** A zip is read whole into memory before its entries are; past this a browser tab would run out. */
export const maxVaultZipBytes = 2 * 1024 * 1024 * 1024;

/** What the picker hands over: jsdom and browsers differ on `arrayBuffer`, and only browsers set the relative path. */
type PickedFile = Blob & { name: string; webkitRelativePath?: string };

/**
 * Sorts a path into kept (its tidy form) or skipped. A hidden folder is reported once, as the folder
 * (`.obsidian/`), not once per file inside it: a `.git/` can hold thousands.
 */
class PathSorter {
  readonly skipped: VaultSkip[] = [];
  private readonly hiddenReported = new Set<string>();

  keep(rawPath: string): string | undefined {
    const path = attachmentPath(rawPath);
    if (path === undefined) {
      this.skipped.push({ path: rawPath, reason: 'unsafe-path' });
      return undefined;
    }
    const segments = path.split('/');
    const hiddenAt = segments.findIndex((segment) => segment.startsWith('.') || segment === '__MACOSX');
    if (hiddenAt === -1) return path;
    const isFolder = hiddenAt < segments.length - 1;
    const reported = segments.slice(0, hiddenAt + 1).join('/') + (isFolder ? '/' : '');
    if (!this.hiddenReported.has(reported)) {
      this.hiddenReported.add(reported);
      this.skipped.push({ path: reported, reason: 'hidden' });
    }
    return undefined;
  }
}

function isZip(file: PickedFile): boolean {
  return /\.zip$/i.test(file.name) || file.type === 'application/zip' || file.type === 'application/x-zip-compressed';
}

/**
 * The files of a picked folder (each file's `webkitRelativePath` starts with the folder's own name,
 * which is dropped), or, when the one file picked is a .zip, its entries.
 */
export async function readVaultFiles(picked: ArrayLike<PickedFile> | Iterable<PickedFile>): Promise<VaultRead> {
  const list = Array.from(picked as ArrayLike<PickedFile>);
  if (list.length === 1 && isZip(list[0]!)) {
    const zip = list[0]!;
    if (zip.size > maxVaultZipBytes) return { files: [], skipped: [{ path: zip.name, reason: 'too-large' }] };
    try {
      return readVaultZip(await readFileBytes(zip), zip.name);
    } catch {
      return { files: [], skipped: [{ path: zip.name, reason: 'unreadable' }] };
    }
  }
  const sorter = new PathSorter();
  const files: VaultFile[] = [];
  for (const file of list) {
    const relative = file.webkitRelativePath || file.name;
    // "Vault/notes/a.md" → "notes/a.md"; a file picked on its own has no folder to drop.
    const inVault = file.webkitRelativePath ? relative.split('/').slice(1).join('/') : relative;
    const path = sorter.keep(inVault);
    if (path === undefined) continue;
    if (file.size > maxVaultFileBytes) {
      sorter.skipped.push({ path, reason: 'too-large' });
      continue;
    }
    try {
      files.push({ path, bytes: await readFileBytes(file) });
    } catch {
      sorter.skipped.push({ path, reason: 'unreadable' });
    }
  }
  return { files, skipped: sorter.skipped };
}

/**
 * The single folder every entry sits in, when the zip is a zipped vault folder rather than a vault's
 * contents: no file at the root, and the folder either holds `.obsidian/` (a vault) or is named like
 * the zip ("Notes.zip" holding "Notes/", what "compress folder" makes). Otherwise undefined, so a
 * vault whose notes all sit in one real folder keeps it.
 */
function wrappingFolder(names: readonly string[], zipName: string): string | undefined {
  const tops = new Set<string>();
  let hasObsidian = false;
  for (const name of names) {
    const parts = name.replace(/\\/g, '/').split('/').filter((part) => part !== '');
    if (parts[0] === '__MACOSX') continue;
    if (parts.length < 2 && !name.endsWith('/')) return undefined; // a file at the root
    tops.add(parts[0]!);
    if (parts[1] === '.obsidian') hasObsidian = true;
  }
  if (tops.size !== 1) return undefined;
  const [top] = tops;
  return hasObsidian || top === zipName.replace(/\.zip$/i, '') ? top : undefined;
}

/** The entries of a zipped vault; a damaged or foreign file gives a report, never an exception. */
export function readVaultZip(zip: Uint8Array, zipName = 'vault.zip'): VaultRead {
  const sorter = new PathSorter();
  const tooLarge: string[] = [];
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip, {
      // Decided from the sizes the zip declares, before anything is inflated.
      filter: (info) => {
        if (info.name.endsWith('/')) return false;
        if (info.originalSize > maxVaultFileBytes) {
          tooLarge.push(info.name);
          return false;
        }
        return true;
      },
    });
  } catch {
    return { files: [], skipped: [{ path: zipName, reason: 'not-a-zip' }] };
  }
  const names = [...Object.keys(entries), ...tooLarge];
  const wrapper = wrappingFolder(names, zipName);
  const inVault = (name: string) => (wrapper === undefined ? name : name.replace(/\\/g, '/').replace(/^\/*[^/]+\//, ''));
  const files: VaultFile[] = [];
  for (const [name, bytes] of Object.entries(entries)) {
    const path = sorter.keep(inVault(name));
    if (path === undefined) continue;
    // A zip may understate a size; what was inflated is what counts.
    if (bytes.byteLength > maxVaultFileBytes) sorter.skipped.push({ path, reason: 'too-large' });
    else files.push({ path, bytes });
  }
  for (const name of tooLarge) {
    const path = sorter.keep(inVault(name));
    if (path !== undefined) sorter.skipped.push({ path, reason: 'too-large' });
  }
  return { files, skipped: sorter.skipped };
}
