import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { maxVaultFileBytes, readVaultFiles, readVaultZip } from './vault-files';

const bytes = (text: string) => new TextEncoder().encode(text);
const picked = (relativePath: string, content: Uint8Array | string = 'x') => {
  const file = new File([typeof content === 'string' ? content : (content as Uint8Array<ArrayBuffer>)], relativePath.split('/').pop()!);
  Object.defineProperty(file, 'webkitRelativePath', { value: relativePath });
  return file;
};
const paths = (read: { files: Array<{ path: string }> }) => read.files.map((file) => file.path).sort();

describe('readVaultFiles from a picked folder', () => {
  it('drops the folder name, keeps bytes, and leaves out hidden files, reporting each hidden folder once', async () => {
    const read = await readVaultFiles([
      picked('My Vault/Note.md', 'hello'),
      picked('My Vault/sub/deeper/Other.md'),
      picked('My Vault/.obsidian/app.json'),
      picked('My Vault/.obsidian/plugins/x/main.js'),
      picked('My Vault/.trash/Old.md'),
      picked('My Vault/sub/.DS_Store'),
    ]);
    expect(paths(read)).toEqual(['Note.md', 'sub/deeper/Other.md']);
    expect(Array.from(read.files.find((file) => file.path === 'Note.md')!.bytes)).toEqual(Array.from(bytes('hello')));
    expect(read.skipped).toEqual([
      { path: '.obsidian/', reason: 'hidden' },
      { path: '.trash/', reason: 'hidden' },
      { path: 'sub/.DS_Store', reason: 'hidden' },
    ]);
  });

  it('takes files picked without a folder by their names, and skips one over the size cap', async () => {
    const big = new File([new Uint8Array(maxVaultFileBytes + 1)], 'huge.pdf');
    const read = await readVaultFiles([new File(['a'], 'Loose.md'), big]);
    expect(paths(read)).toEqual(['Loose.md']);
    expect(read.skipped).toEqual([{ path: 'huge.pdf', reason: 'too-large' }]);
  });

  it('reads one picked .zip as a zipped vault', async () => {
    const zip = zipSync({ 'Note.md': bytes('hi'), 'img/a.png': new Uint8Array([1, 2]) });
    const read = await readVaultFiles([new File([zip], 'Vault.zip', { type: 'application/zip' })]);
    expect(paths(read)).toEqual(['Note.md', 'img/a.png']);
  });

  it('reports a .zip that is not one, without throwing', async () => {
    expect(await readVaultFiles([new File(['not a zip at all'], 'Broken.zip')])).toEqual({ files: [], skipped: [{ path: 'Broken.zip', reason: 'not-a-zip' }] });
  });

  it('gives nothing for nothing', async () => {
    expect(await readVaultFiles([])).toEqual({ files: [], skipped: [] });
  });
});

describe('readVaultZip', () => {
  it.each([
    ['a zipped Obsidian vault folder: the folder is dropped', { 'V/Note.md': 'a', 'V/.obsidian/app.json': '{}', 'V/sub/B.md': 'b' }, 'any.zip', ['Note.md', 'sub/B.md']],
    ['a folder named like the zip: dropped', { 'Notes/Note.md': 'a', 'Notes/sub/B.md': 'b' }, 'Notes.zip', ['Note.md', 'sub/B.md']],
    ['one real folder of a vault: kept', { 'Projects/Note.md': 'a', 'Projects/B.md': 'b' }, 'Commonplace vault 2026-11-22.zip', ['Projects/B.md', 'Projects/Note.md']],
    ['files at the root: nothing dropped', { 'Note.md': 'a', 'sub/B.md': 'b' }, 'sub.zip', ['Note.md', 'sub/B.md']],
    ['macOS leftovers ignored', { 'Notes/Note.md': 'a', '__MACOSX/Notes/._Note.md': 'junk' }, 'Notes.zip', ['Note.md']],
  ])('%s', (_name, entries, zipName, expected) => {
    const zip = zipSync(Object.fromEntries(Object.entries(entries).map(([path, text]) => [path, bytes(text)])));
    expect(paths(readVaultZip(zip, zipName))).toEqual(expected);
  });

  it('skips entries that climb out of the vault and entries declared over the cap', () => {
    // fflate writes names as given, so a hostile zip can be built directly.
    const zip = zipSync({ '../evil.md': bytes('x'), 'ok.md': bytes('y'), 'big.bin': [new Uint8Array(maxVaultFileBytes + 1), { level: 1 }] });
    const read = readVaultZip(zip, 'v.zip');
    expect(paths(read)).toEqual(['ok.md']);
    expect(read.skipped).toEqual([
      { path: '../evil.md', reason: 'unsafe-path' },
      { path: 'big.bin', reason: 'too-large' },
    ]);
  });

  it.each([
    ['empty bytes', new Uint8Array()],
    ['text', bytes('hello')],
    ['a truncated zip', zipSync({ 'a.md': bytes('x'.repeat(1000)) }).slice(0, 40)],
  ])('reports %s as not a zip', (_name, data) => {
    const read = readVaultZip(data, 'bad.zip');
    expect(read.files).toEqual([]);
    expect(read.skipped).toEqual([{ path: 'bad.zip', reason: 'not-a-zip' }]);
  });
});
