/**
 * Test support: the sample vault in fixtures/sample-vault, byte for byte (Vite inlines each file as a
 * data: URL, so the binary and Latin-1 files arrive unchanged), as vault files, as the File objects a
 * folder picker gives, or zipped. Hidden files (.obsidian/, .trash/) are included, as a real picker would.
 */
import { zipSync } from 'fflate';
import { dataUrlToBytes } from './data-url';
import type { VaultFile } from './vault-files';

const inlined = import.meta.glob<string>(
  ['./fixtures/sample-vault/**/*', './fixtures/sample-vault/.obsidian/*', './fixtures/sample-vault/.trash/*'],
  { query: '?url&inline', import: 'default', eager: true },
);

/** Every file of the sample vault, paths relative to its root, sorted. */
export function sampleVaultFiles(): VaultFile[] {
  return Object.entries(inlined)
    .map(([key, url]) => ({ path: key.replace('./fixtures/sample-vault/', ''), bytes: dataUrlToBytes(url)!.bytes }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** What `<input webkitdirectory>` hands over for the folder "sample-vault". */
export function sampleVaultPicked(): File[] {
  return sampleVaultFiles().map(({ path, bytes }) => {
    const file = new File([bytes as Uint8Array<ArrayBuffer>], path.split('/').pop()!);
    Object.defineProperty(file, 'webkitRelativePath', { value: `sample-vault/${path}` });
    return file;
  });
}

/** The vault zipped as "compress folder" makes it: everything inside a "sample-vault/" folder. */
export function sampleVaultZip(): Uint8Array {
  return zipSync(Object.fromEntries(sampleVaultFiles().map(({ path, bytes }) => [`sample-vault/${path}`, bytes])));
}
