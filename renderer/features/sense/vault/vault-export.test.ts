import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocNode } from '../../../../shared/model';
import { wikiLinkNode } from '../../../../shared/notes/doc-nodes';
import { createNote, saveAttachment, type CommonplaceDb } from '../../../data';
import { freshDatabaseForEachTest, openFreshDatabase } from '../../../data/migration-harness';
import { bytesToDataUrl } from './data-url';
import { readVaultZip } from './vault-files';
import { exportVault, vaultZipName } from './vault-export';
import { importVault } from './vault-import';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened));
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.UTC(2026, 10, 22, 12));
});
afterEach(() => vi.useRealTimers());

const doc = (...content: DocNode[]): DocNode => ({ type: 'doc', content });
const p = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });
const t = (text: string): DocNode => ({ type: 'text', text });
const image = (src: string): DocNode => ({ type: 'image', attrs: { src, alt: 'pasted', title: null } });

async function exported(database = db): Promise<Record<string, string | Uint8Array>> {
  const entries = unzipSync(await exportVault(database));
  return Object.fromEntries(Object.entries(entries).map(([path, bytes]) => [path, path.endsWith('.md') ? strFromU8(bytes) : bytes]));
}

async function reimport(zip: Uint8Array) {
  const again = await openFreshDatabase();
  const report = await importVault(again, readVaultZip(zip, 'x.zip').files);
  const notes = await again.notes.toArray();
  await again.delete();
  return { report, notes };
}

describe('exportVault', () => {
  it('writes a title a file name cannot hold as `title:`, links to the file name, and reads both back', async () => {
    await createNote(db, { title: 'A/B: why?', doc: doc(p(t('Unsafe name.'))), aliases: ['AB'] });
    await createNote(db, { title: 'Linker', doc: doc(p(wikiLinkNode({ target: 'A/B: why?' }), t(' and '), wikiLinkNode({ target: 'a/b: WHY?', heading: 'Part', label: 'shown' }))) });
    const files = await exported();
    expect(Object.keys(files).sort()).toEqual(['A-B- why.md', 'Linker.md']);
    expect(files['A-B- why.md']).toBe('---\ntitle: "A/B: why?"\naliases:\n  - AB\n---\n\nUnsafe name.\n');
    expect(files['Linker.md']).toBe('[[A-B- why|A/B: why?]] and [[A-B- why#Part|shown]]\n');

    const { report, notes } = await reimport(await exportVault(db));
    expect(report).toMatchObject({ notes: 2, skipped: [], problems: [] });
    const unsafe = notes.find((note) => note.title === 'A/B: why?')!;
    expect(unsafe).toMatchObject({ aliases: ['AB'] });
    expect(unsafe.frontMatter).toBeUndefined();
    const linker = notes.find((note) => note.title === 'Linker')!;
    expect(linker.doc.content?.[0]?.content?.filter((node) => node.type === 'wikiLink').map((node) => node.attrs)).toEqual([
      { target: 'A/B: why?', heading: null, label: null, embed: false },
      { target: 'A/B: why?', heading: 'Part', label: 'shown', embed: false },
    ]);
  });

  it('gives titles that make the same file name distinct names, the older note keeping the plain one', async () => {
    await createNote(db, { title: 'Q?', doc: doc(p(t('first'))) });
    vi.setSystemTime(Date.UTC(2026, 10, 22, 13));
    await createNote(db, { title: 'Q*', doc: doc(p(t('second'))), folder: 'Sub' });
    await createNote(db, { title: 'Points', doc: doc(p(wikiLinkNode({ target: 'Q*' }))) });
    const files = await exported();
    expect(files['Q.md']).toBe('---\ntitle: Q?\n---\n\nfirst\n');
    expect(files['Sub/Q 2.md']).toBe('---\ntitle: Q*\n---\n\nsecond\n');
    expect(files['Points.md']).toBe('[[Q 2|Q*]]\n');
    const { notes } = await reimport(await exportVault(db));
    expect(notes.map((note) => [note.folder ?? '', note.title]).sort()).toEqual([
      ['', 'Points'],
      ['', 'Q?'],
      ['Sub', 'Q*'],
    ]);
    expect(notes.find((note) => note.title === 'Points')!.doc.content?.[0]?.content?.[0]?.attrs).toMatchObject({ target: 'Q*', label: null });
  });

  it('writes a link by alias as [[File|alias]], since Obsidian resolves links by file name', async () => {
    await createNote(db, { title: 'Gardening', aliases: ['Garden'] });
    await createNote(db, { title: 'Walk', doc: doc(p(wikiLinkNode({ target: 'garden' }), t(' '), wikiLinkNode({ target: 'Garden', label: 'the plot' }), t(' '), wikiLinkNode({ target: 'gardening' }))) });
    expect((await exported())['Walk.md']).toBe('[[Gardening|garden]] [[Gardening|the plot]] [[gardening]]\n');
  });

  it('writes pasted images as files under attachments/, once per picture, linked relatively, and reads them back', async () => {
    const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3]);
    const gif = new Uint8Array([71, 73, 70, 56, 57, 97, 9]);
    await saveAttachment(db, { path: 'media/known.gif', bytes: gif });
    await createNote(db, { title: 'Top', doc: doc(image(bytesToDataUrl(png, 'image/png')), image(bytesToDataUrl(gif, 'image/gif'))) });
    await createNote(db, { title: 'Deep', folder: 'a/b c', doc: doc(image(bytesToDataUrl(png, 'image/png')), image('https://example.com/web.png')) });
    const files = await exported();
    const written = Object.keys(files).filter((path) => path.startsWith('attachments/'));
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^attachments\/[0-9a-f]{16}\.png$/);
    expect(files[written[0]!]).toEqual(png);
    expect(files['Top.md']).toBe(`![pasted](${written[0]})\n\n![pasted](media/known.gif)\n`);
    expect(files['a/b c/Deep.md']).toBe(`![pasted](../../${written[0]})\n\n![pasted](https://example.com/web.png)\n`);

    const { notes } = await reimport(await exportVault(db));
    const deep = notes.find((note) => note.title === 'Deep')!;
    expect(deep.folder).toBe('a/b c');
    expect(deep.doc.content?.map((node) => node.attrs?.src)).toEqual([bytesToDataUrl(png, 'image/png'), 'https://example.com/web.png']);
    expect(notes.find((note) => note.title === 'Top')!.doc.content?.map((node) => node.attrs?.src)).toEqual([
      bytesToDataUrl(png, 'image/png'),
      bytesToDataUrl(gif, 'image/gif'),
    ]);
  });

  it('exports an empty database as an empty zip, and reports progress', async () => {
    const progress: Array<[number, number]> = [];
    expect(Object.keys(unzipSync(await exportVault(db, { onProgress: (done, total) => progress.push([done, total]) })))).toEqual([]);
    expect(progress).toEqual([[0, 0]]);
  });

  it('names the download after the local day', () => {
    expect(vaultZipName(new Date(2026, 0, 5, 23, 30))).toBe('Commonplace vault 2026-01-05.zip');
  });
});

describe('importVault names', () => {
  const file = (path: string, text: string) => ({ path, bytes: new TextEncoder().encode(text) });

  it('skips a note whose title Commonplace already has, and suffixes a name used twice in the vault', async () => {
    const kept = await createNote(db, { title: 'Existing', doc: doc(p(t('mine'))) });
    const progress: number[] = [];
    const report = await importVault(
      db,
      [file('Existing.md', 'theirs'), file('a/Same.md', 'one'), file('b/Same.md', 'two [[Same]] [[b/Same]]'), file('Same 2.md', 'three')],
      { onProgress: (done) => progress.push(done) },
    );
    expect(report.skipped).toEqual([{ path: 'Existing.md', reason: 'title-taken' }]);
    expect(report.problems).toEqual([{ path: 'b/Same.md', message: 'Another note in the vault has the same name, so this one is called “Same 3”.' }]);
    expect(await db.notes.get(kept.id)).toMatchObject({ text: 'mine' });
    const notes = await db.notes.toArray();
    expect(notes.map((note) => [note.folder ?? '', note.title, note.text]).sort()).toEqual([
      ['', 'Existing', 'mine'],
      ['', 'Same 2', 'three'],
      ['a', 'Same', 'one'],
      ['b', 'Same 3', 'two Same Same 3'],
    ]);
    expect(progress.at(-1)).toBe(4);
  });

  it('keeps a foreign `title:` that is not what the file name was made from as front matter', async () => {
    await importVault(db, [file('Plain.md', '---\ntitle: Something else\nx: 1\n---\n\nBody')]);
    expect(await db.notes.toArray()).toMatchObject([{ title: 'Plain', frontMatter: { title: 'Something else', x: 1 }, text: 'Body' }]);
  });
});
