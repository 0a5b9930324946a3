import { mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { changedSiteFiles, manifestName, pruneSiteFiles, resolveFolder, sha256, writeSiteFiles } from './site-folder';

describe('site folder', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'site-folder-'));
  });

  const files = [
    { path: 'index.html', content: '<h1>Home</h1>' },
    { path: 'posts/finds.html', content: '<h1>Finds</h1>' },
    { path: 'tags/pkm.html', content: '<h1>#pkm</h1>' },
  ];
  const hashes = (list: typeof files) => list.map((file) => ({ path: file.path, sha256: sha256(file.content) }));

  it('writes the files, then reports only what changed since', async () => {
    expect(await changedSiteFiles(folder, hashes(files))).toEqual(files.map((file) => file.path));
    expect(await writeSiteFiles(folder, files)).toBe(3);
    expect(await readFile(path.join(folder, 'posts/finds.html'), 'utf8')).toBe('<h1>Finds</h1>');
    expect(await changedSiteFiles(folder, hashes(files))).toEqual([]);

    const edited = files.map((file) => (file.path === 'index.html' ? { ...file, content: '<h1>Home, again</h1>' } : file));
    expect(await changedSiteFiles(folder, hashes(edited))).toEqual(['index.html']);
  });

  it('leaves no partial files behind', async () => {
    await writeSiteFiles(folder, files);
    expect((await readdir(path.join(folder, 'posts'))).sort()).toEqual(['finds.html']);
  });

  it('removes only files an earlier export wrote, and the folders that empties', async () => {
    await writeFile(path.join(folder, 'README.md'), 'mine');
    await writeSiteFiles(folder, files);
    expect(await pruneSiteFiles(folder, files.map((file) => file.path))).toEqual([]);

    // The tag page is gone from the site; the user's README is not ours to remove.
    expect(await pruneSiteFiles(folder, ['index.html', 'posts/finds.html'])).toEqual(['tags/pkm.html']);
    await expect(stat(path.join(folder, 'tags'))).rejects.toThrow();
    expect(await readFile(path.join(folder, 'README.md'), 'utf8')).toBe('mine');
    const manifest = JSON.parse(await readFile(path.join(folder, manifestName), 'utf8')) as { files: string[] };
    expect(manifest.files).toEqual(['index.html', 'posts/finds.html']);
  });

  it('survives a damaged list of files by removing nothing', async () => {
    await writeSiteFiles(folder, files);
    await writeFile(path.join(folder, manifestName), '{ not json');
    expect(await pruneSiteFiles(folder, [])).toEqual([]);
    expect(await readFile(path.join(folder, 'index.html'), 'utf8')).toBe('<h1>Home</h1>');
  });

  it('refuses paths that climb out of the folder, and a relative or empty folder, in words', async () => {
    for (const bad of ['../escape.html', '/etc/passwd', 'posts/../../x', 'a\\b', '', 'C:/x', manifestName]) {
      await expect(writeSiteFiles(folder, [{ path: bad, content: 'x' }])).rejects.toThrow(/not a file name inside the site|reserved/);
    }
    expect(() => resolveFolder('site')).toThrow(/full path/);
    expect(() => resolveFolder('  ')).toThrow(/Choose the folder/);
    expect(() => resolveFolder('/')).toThrow(/root of a disk/);
    // A listed path that climbs out is skipped, never followed.
    await writeFile(path.join(folder, manifestName), JSON.stringify({ files: ['../outside.txt'] }));
    expect(await pruneSiteFiles(folder, [])).toEqual([]);
  });

  it('says in words when something is in the way of a file', async () => {
    // A file named like the folder a page needs (this also covers permissions, which root ignores here).
    await writeFile(path.join(folder, 'posts'), 'a file, not a folder');
    await expect(writeSiteFiles(folder, files)).rejects.toThrow(/in the way/);
  });
});
