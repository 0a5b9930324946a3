import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { DocNode, Id } from '../../../../shared/model';
import { wikiLinkNode } from '../../../../shared/notes/doc-nodes';
import { createDigest, createNote, listPublications, setItemState, updateDigest, upsertItems, addSource, type CommonplaceDb } from '../../../data';
import { freshDatabaseForEachTest } from '../../../data/migration-harness';
import { folderHost } from './folder-host';
import { publishToFolder } from './publish-site';
import { defaultSiteConfig, fileUrlOf, siteSettingsOf, type SiteConfig } from './site-config';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened));

const config: SiteConfig = { ...defaultSiteConfig, title: 'Reading in public', baseUrl: 'https://me.example/notes/', authorName: 'Ada', folder: '/srv/site', generatorFolders: { hugo: '/srv/hugo', jekyll: '/srv/jekyll' } };

async function starredDigest(count = 3): Promise<Id> {
  const source = await addSource(db, { kind: 'feed', url: 'https://blog.example/feed', title: 'The Blog' });
  const { addedIds } = await upsertItems(
    db,
    Array.from({ length: count }, (_, at) => ({ dedupeKey: `k${at}`, sourceIds: [source.id], title: `Story <${at}>`, link: `https://blog.example/${at}`, publishedAt: Date.UTC(2026, 10, 18) })),
  );
  for (const id of addedIds) await setItemState(db, id, { starred: true });
  const digest = await createDigest(db);
  await updateDigest(db, digest.id, {
    title: 'Finds — 20 November 2026',
    intro: 'Three reads on memory.',
    entries: digest.entries.map((entry, at) => ({ ...entry, commentary: `Why #${at} matters & more` })),
  });
  return digest.id;
}

describe('publishing to a folder', () => {
  it('writes the whole static site: pages, feeds with every find and its commentary, and logs where', async () => {
    const host = folderHost();
    const digestId = await starredDigest();
    const result = await publishToFolder(db, host, 'site', config, { digestId }, { now: Date.UTC(2026, 10, 20, 12) });
    const files = host.folders.get('/srv/site')!;
    expect([...files.keys()].sort()).toEqual(['feed.json', 'feed.xml', 'index.html', 'posts/finds-20-november-2026.html', 'rss.xml', 'sitemap.xml', 'style.css', 'tags/finds.html']);
    expect(result).toMatchObject({ written: 8, unchanged: 0, removed: [], url: 'https://me.example/notes/posts/finds-20-november-2026.html' });

    const feed = JSON.parse(files.get('feed.json')!) as { items: Array<{ title: string; external_url: string; summary: string }> };
    expect(feed.items.map((entry) => [entry.title, entry.external_url, entry.summary])).toEqual([
      ['Story <0>', 'https://blog.example/0', 'Why #0 matters & more'],
      ['Story <1>', 'https://blog.example/1', 'Why #1 matters & more'],
      ['Story <2>', 'https://blog.example/2', 'Why #2 matters & more'],
    ]);
    expect(files.get('feed.xml')).toContain('<link rel="related" href="https://blog.example/1"');
    expect(files.get('posts/finds-20-november-2026.html')).toContain('Three reads on memory.');
    expect(files.get('posts/finds-20-november-2026.html')).toContain('Story &lt;2&gt;');

    const [logged] = await listPublications(db, { digestId });
    expect(logged).toMatchObject({ target: 'site', remoteId: 'finds-20-november-2026', url: result.url, publishedAt: Date.UTC(2026, 10, 20, 12) });
    expect((await db.digests.get(digestId))!.status).toBe('published');
  });

  it('writes nothing when nothing changed, a few files after an edit, and keeps the address when the title changes', async () => {
    const host = folderHost();
    const digestId = await starredDigest();
    await publishToFolder(db, host, 'site', config, { digestId }, { now: 1_000 });
    const again = await publishToFolder(db, host, 'site', config, { digestId }, { now: 2_000 });
    expect(again).toMatchObject({ written: 0, unchanged: 8, removed: [] });

    const digest = (await db.digests.get(digestId))!;
    await updateDigest(db, digestId, { title: 'A better title', entries: [{ ...digest.entries[0]!, commentary: 'Changed my mind.' }, ...digest.entries.slice(1)] }, { now: 3_000 });
    host.writes.length = 0;
    const edited = await publishToFolder(db, host, 'site', config, { digestId }, { now: 4_000 });
    // The post keeps its slug: links to it do not break. Its page, the index, its tag page and the feeds change.
    expect(edited.url).toBe('https://me.example/notes/posts/finds-20-november-2026.html');
    expect(host.writes.sort()).toEqual(['feed.json', 'feed.xml', 'index.html', 'posts/finds-20-november-2026.html', 'rss.xml', 'sitemap.xml', 'tags/finds.html']);
    expect(host.folders.get('/srv/site')!.get('feed.json')).toContain('Changed my mind.');
    // Still one row in the log, now saying it was updated.
    const rows = await listPublications(db, { digestId });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ publishedAt: 1_000, updatedAt: 4_000 });
  });

  it('publishes a note as a post, its wiki links pointing at published notes and plain words otherwise', async () => {
    const host = folderHost();
    const doc = (content: DocNode[]): DocNode => ({ type: 'doc', content: [{ type: 'paragraph', content }] });
    const target = await createNote(db, { title: 'Spaced repetition', doc: doc([{ type: 'text', text: 'Review at growing intervals.' }]) });
    const note = await createNote(db, {
      title: 'Reading habits',
      doc: doc([{ type: 'text', text: 'See ' }, wikiLinkNode({ target: 'Spaced repetition' }), { type: 'text', text: ' and ' }, wikiLinkNode({ target: 'Private thoughts', label: 'my diary' }), { type: 'text', text: '.' }]),
    });
    await publishToFolder(db, host, 'site', config, { noteId: target.id }, { now: 1_000 });
    await publishToFolder(db, host, 'site', config, { noteId: note.id }, { now: 2_000 });
    const page = host.folders.get('/srv/site')!.get('posts/reading-habits.html')!;
    expect(page).toContain('<a href="spaced-repetition.html">Spaced repetition</a>');
    expect(page).toContain('and my diary.');
    expect(page).not.toContain('[[');
    const atom = host.folders.get('/srv/site')!.get('feed.xml')!;
    // In the feed the same link is absolute, under the site's sub-path.
    expect(atom).toContain('https://me.example/notes/posts/spaced-repetition.html');
  });

  it('writes Hugo and Jekyll posts whose front matter those generators read', async () => {
    const host = folderHost();
    const digestId = await starredDigest(2);
    await publishToFolder(db, host, 'hugo', config, { digestId }, { now: Date.UTC(2026, 10, 20, 12) });
    await publishToFolder(db, host, 'jekyll', config, { digestId }, { now: Date.UTC(2026, 10, 20, 12) });
    const hugo = host.folders.get('/srv/hugo')!.get('content/posts/finds-20-november-2026.md')!;
    const jekyll = host.folders.get('/srv/jekyll')!.get('_posts/2026-11-20-finds-20-november-2026.md')!;
    for (const file of [hugo, jekyll]) {
      const front = parseYaml(file.split(/^---$/m)[1]!) as Record<string, unknown>;
      expect(front).toMatchObject({ title: 'Finds — 20 November 2026', draft: false, links: ['https://blog.example/0', 'https://blog.example/1'] });
      expect(file).toContain('Why #1 matters & more');
    }
    expect((await listPublications(db, { digestId })).map((row) => row.target).sort()).toEqual(['hugo', 'jekyll']);
  });

  it('offers the sources the user listed as public as an OPML blogroll, and none when there are none', async () => {
    const host = folderHost();
    const digestId = await starredDigest(1);
    await publishToFolder(db, host, 'site', config, { digestId }, { now: 1_000 });
    expect(host.folders.get('/srv/site')!.has('blogroll.opml')).toBe(false);
    const [source] = await db.sources.toArray();
    await db.sources.update(source!.id, { public: true });
    await publishToFolder(db, host, 'site', config, { digestId }, { now: 2_000 });
    const opml = host.folders.get('/srv/site')!.get('blogroll.opml')!;
    expect(opml).toContain('xmlUrl="https://blog.example/feed"');
    expect(host.folders.get('/srv/site')!.get('index.html')).toContain('blogroll.opml');
  });

  it('says what is missing before writing anything', async () => {
    const host = folderHost();
    const digestId = await starredDigest(1);
    await expect(publishToFolder(db, host, 'site', { ...config, folder: ' ' }, { digestId })).rejects.toThrow('Choose the output folder for the site first.');
    await expect(publishToFolder(db, host, 'jekyll', { ...config, generatorFolders: { hugo: '', jekyll: '' } }, { digestId })).rejects.toThrow(/Jekyll site folder|your Jekyll site/);
    expect(await listPublications(db, { digestId })).toEqual([]);
  });
});

describe('site settings', () => {
  it('default the address to the output folder, so the pages and feeds work from disk', () => {
    expect(fileUrlOf('/home/ada/my site')).toBe('file:///home/ada/my%20site/');
    expect(fileUrlOf('C:\\Users\\ada\\site')).toBe('file:///C:/Users/ada/site/');
    expect(siteSettingsOf({ ...defaultSiteConfig, folder: '/srv/site' }).baseUrl).toBe('file:///srv/site/');
    expect(siteSettingsOf({ ...defaultSiteConfig, baseUrl: 'https://me.example/blog' }).baseUrl).toBe('https://me.example/blog/');
    expect(siteSettingsOf({ ...defaultSiteConfig, authorName: ' ' }).author.name).toBe('Anonymous');
  });
});
