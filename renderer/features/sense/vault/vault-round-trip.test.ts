/**
 * The vault round trip on the sample vault (fixtures/sample-vault): import → export → import again into
 * a fresh database keeps titles, folders, text, headings, lists, links, tags, front matter and the
 * attachments' bytes. Exporting the second import gives the same zip entries again (a fixed point).
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { DocNode, Note } from '../../../../shared/model';
import { docText } from '../../../../shared/notes/doc-text';
import { wikiLinkText } from '../../../../shared/notes/wiki-link-syntax';
import { type CommonplaceDb } from '../../../data';
import { freshDatabaseForEachTest, openFreshDatabase } from '../../../data/migration-harness';
import { isUnresolvedId } from '../../../data/note-links';
import { sampleVaultFiles, sampleVaultPicked, sampleVaultZip } from './sample-vault';
import { readVaultFiles, readVaultZip } from './vault-files';
import { exportVault } from './vault-export';
import { importVault } from './vault-import';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened));

async function withFreshDatabase<T>(body: (other: CommonplaceDb) => Promise<T>): Promise<T> {
  const other = await openFreshDatabase();
  try {
    return await body(other);
  } finally {
    await other.delete();
  }
}

const byTitle = (a: Note, b: Note) => (a.title < b.title ? -1 : 1);
const notesOf = async (database: CommonplaceDb) => (await database.notes.toArray()).sort(byTitle);

function collect(doc: DocNode, type: string): DocNode[] {
  const found: DocNode[] = [];
  const visit = (node: DocNode) => {
    if (node.type === type) found.push(node);
    node.content?.forEach(visit);
  };
  visit(doc);
  return found;
}

/**
 * A link as the reader meets it: the note it reaches, the heading, the words shown, embed or not.
 * Links by alias come back as `[[File|alias]]`, which Obsidian needs; they reach and show the same.
 */
function readLinks(doc: DocNode, notes: Note[]) {
  const owner = (target: string) =>
    notes.find((note) => note.title.toLowerCase() === target.toLowerCase())?.title ??
    notes.find((note) => note.aliases.some((alias) => alias.toLowerCase() === target.toLowerCase()))?.title ??
    `(none: ${target})`;
  return collect(doc, 'wikiLink').map((node) => {
    const attrs = node.attrs as { target: string; heading: string | null; label: string | null; embed: boolean };
    return { reaches: owner(attrs.target), heading: attrs.heading, shows: wikiLinkText(attrs), embed: attrs.embed };
  });
}

/** The doc with each wiki link reduced to what readLinks compares, so everything else must match exactly. */
function withoutLinkSpelling(doc: DocNode): DocNode {
  if (doc.type === 'wikiLink') return { type: 'wikiLink' };
  return doc.content ? { ...doc, content: doc.content.map(withoutLinkSpelling) } : doc;
}

describe('the sample vault round trip', () => {
  it('imports the folder, exports it, and imports the export to the same notes, links and files', async () => {
    const read = await readVaultFiles(sampleVaultPicked());
    expect(read.skipped).toEqual([
      { path: '.obsidian/', reason: 'hidden' },
      { path: '.trash/', reason: 'hidden' },
    ]);
    const first = await importVault(db, read.files);
    expect(first).toMatchObject({ notes: 8, attachments: 3, skipped: [{ path: 'Binary.md', reason: 'binary' }] });
    expect(first.problems.map((problem) => problem.path)).toEqual(['Broken front matter.md', 'Latin1.md']);
    const before = await notesOf(db);
    expect(before.map((note) => [note.folder ?? '', note.title])).toEqual([
      ['', 'Broken front matter'],
      ['', 'Empty'],
      ['', 'Ideas'],
      ['', 'Latin1'],
      ['Projects/Archive', 'Old'],
      ['Projects', 'Plan'],
      ['Reading', 'Book notes'],
      ['', 'Welcome'],
    ].sort((a, b) => (a[1]! < b[1]! ? -1 : 1)));

    const zip = await exportVault(db);
    const entries = unzipSync(zip);
    expect(Object.keys(entries).sort()).toEqual([
      'Broken front matter.md',
      'Empty.md',
      'Ideas.md',
      'Latin1.md',
      'Projects/Archive/Old.md',
      'Projects/Plan.md',
      'Reading/Book notes.md',
      'Welcome.md',
      'attachments/paper.pdf',
      'attachments/x.png',
      'embed.png',
    ]);
    const original = new Map(sampleVaultFiles().map((file) => [file.path, file.bytes]));
    for (const path of ['attachments/paper.pdf', 'attachments/x.png', 'embed.png']) expect(entries[path]).toEqual(original.get(path));

    await withFreshDatabase(async (again) => {
      const second = await importVault(again, readVaultZip(zip, 'Commonplace vault.zip').files);
      expect(second).toEqual({ notes: 8, attachments: 3, skipped: [], problems: [] });
      const after = await notesOf(again);
      expect(after.map((note) => note.title)).toEqual(before.map((note) => note.title));
      for (const [index, note] of after.entries()) {
        const was = before[index]!;
        expect({ title: note.title, text: note.text }).toEqual({ title: was.title, text: was.text });
        expect({ title: note.title, aliases: note.aliases, tags: note.tags, frontMatter: note.frontMatter, folder: note.folder }).toEqual({
          title: was.title,
          aliases: was.aliases,
          tags: was.tags,
          frontMatter: was.frontMatter,
          folder: was.folder,
        });
        expect({ title: note.title, links: readLinks(note.doc, after) }).toEqual({ title: was.title, links: readLinks(was.doc, before) });
        expect(withoutLinkSpelling(note.doc)).toEqual(withoutLinkSpelling(was.doc));
      }
      const stored = await again.attachments.orderBy('path').toArray();
      expect(stored.map((row) => [row.path, row.mime])).toEqual([
        ['attachments/paper.pdf', 'application/pdf'],
        ['attachments/x.png', 'image/png'],
        ['embed.png', 'image/png'],
      ]);
      for (const row of stored) expect(Array.from(row.bytes)).toEqual(Array.from(original.get(row.path)!));

      // A second export is the first one again: nothing drifts on further trips.
      const entriesAgain = unzipSync(await exportVault(again));
      for (const path of Object.keys(entries)) {
        expect({ path, text: strFromU8(entriesAgain[path]!) }).toEqual({ path, text: strFromU8(entries[path]!) });
      }
    });
  });

  it('keeps what the sample notes hold: front matter, headings, nested and task lists, every link form, tags, images', async () => {
    await importVault(db, (await readVaultFiles(sampleVaultPicked())).files);
    const notes = await notesOf(db);
    const welcome = notes.find((note) => note.title === 'Welcome')!;
    expect(welcome.aliases).toEqual(['Home', 'Start here']);
    expect(welcome.frontMatter).toEqual({ tags: ['meta', 'guide/start'], date: '2026-11-20', rating: 5, draft: false, source: { kind: 'book', pages: [12, 40] } });
    expect(welcome.tags).toEqual(expect.arrayContaining(['inbox', 'project/alpha', 'meta', 'guide/start']));
    expect(collect(welcome.doc, 'heading').map((heading) => [heading.attrs?.level, docText({ type: 'doc', content: [heading] })])).toEqual([
      [1, 'Welcome'],
      [2, 'Lists'],
      [2, 'Tasks'],
      [2, 'Embeds'],
      [3, 'A third-level heading'],
    ]);
    expect(collect(welcome.doc, 'taskItem').map((item) => item.attrs?.checked)).toEqual([false, true, false]);
    expect(collect(welcome.doc, 'bulletList')).toHaveLength(3); // the list, its nested list, and the one nested in that
    expect(collect(welcome.doc, 'wikiLink').map((node) => node.attrs)).toEqual([
      { target: 'Ideas', heading: null, label: null, embed: false },
      { target: 'Ideas', heading: null, label: 'my ideas', embed: false },
      { target: 'Ideas', heading: 'Big ones', label: null, embed: false },
      { target: 'Ideas', heading: 'Big ones', label: 'the big ones', embed: false },
      { target: 'Garden', heading: null, label: null, embed: false },
      { target: 'Someday maybe', heading: null, label: null, embed: false },
      { target: 'Book notes', heading: null, label: null, embed: false }, // written [[Reading/Book notes]]
      { target: 'embed.png', heading: null, label: null, embed: true },
      { target: 'Ideas', heading: null, label: null, embed: true },
      { target: 'attachments/paper.pdf', heading: null, label: null, embed: false },
    ]);
    const [image] = collect(welcome.doc, 'image');
    expect(image?.attrs?.alt).toBe('A small square');
    const png = sampleVaultFiles().find((file) => file.path === 'attachments/x.png')!.bytes;
    expect(image?.attrs?.src).toBe(`data:image/png;base64,${btoa(String.fromCharCode(...png))}`);

    // Links resolve whatever the order the files came in: Old links to Plan, created after it.
    const plan = notes.find((note) => note.title === 'Plan')!;
    const old = notes.find((note) => note.title === 'Old')!;
    expect(collect(plan.doc, 'wikiLink').map((node) => node.attrs?.target)).toEqual(['Old', 'Old']); // [[Projects/Archive/Old|…]] too
    const rows = await db.links.toArray();
    expect(rows.filter((row) => !isUnresolvedId(row.targetId)).map((row) => `${notes.find((n) => n.id === row.sourceId)!.title} → ${row.targetTitle}`).sort()).toEqual([
      'Book notes → Plan',
      'Book notes → Welcome',
      'Ideas → Welcome',
      'Old → Plan',
      'Plan → Old',
      'Welcome → Book notes',
      'Welcome → Ideas',
    ]);
    expect(rows.find((row) => row.targetTitle === 'Garden')).toBeUndefined(); // merged into the row for Ideas
    expect(rows.filter((row) => isUnresolvedId(row.targetId)).map((row) => row.targetTitle).sort()).toEqual(['Someday maybe', 'attachments/paper.pdf', 'embed.png']);
    expect(old.frontMatter).toEqual({ status: 'archived' });

    const broken = notes.find((note) => note.title === 'Broken front matter')!;
    expect(broken.frontMatter).toBeUndefined();
    expect(broken.doc.content?.[0]).toEqual({ type: 'codeBlock', attrs: { language: 'yaml' }, content: [{ type: 'text', text: 'title: [unclosed\ntags: - nope' }] });
    expect(notes.find((note) => note.title === 'Latin1')!.text).toBe('Caf\uFFFD au lait, na\uFFFDve r\uFFFDsum\uFFFD written in Latin-1.');
    expect(notes.find((note) => note.title === 'Empty')!.doc).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });

  it('reads the same vault from a zip of its folder', async () => {
    const read = readVaultZip(sampleVaultZip(), 'sample-vault.zip');
    expect(read.skipped).toEqual([
      { path: '.obsidian/', reason: 'hidden' },
      { path: '.trash/', reason: 'hidden' },
    ]);
    expect(read.files.map((file) => file.path).sort()).toEqual(
      sampleVaultFiles()
        .map((file) => file.path)
        .filter((path) => !path.startsWith('.'))
        .sort(),
    );
    expect((await importVault(db, read.files)).notes).toBe(8);
  });
});
