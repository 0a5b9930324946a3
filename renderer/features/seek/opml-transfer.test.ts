import { describe, expect, it, vi } from 'vitest';
import { addSource, listSources, type CommonplaceDb } from '../../data';
import { freshDatabaseForEachTest, openFreshDatabase } from '../../data/migration-harness';
import { defaultPipeline } from './default-pipeline';
import { describeImport, downloadText, exportOpmlText, importOpmlText } from './opml-transfer';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened));

const opml = `<?xml version="1.0"?>
<opml version="2.0"><head><title>Mine</title></head><body>
  <outline text="Tech">
    <outline text="Rust">
      <outline type="rss" text="Rust Blog" xmlUrl="https://blog.rust-lang.org/feed.xml" htmlUrl="https://blog.rust-lang.org/"/>
    </outline>
    <outline type="rss" text="LWN" xmlUrl="https://lwn.net/headlines/rss"/>
  </outline>
  <outline type="rss" text="Loose" xmlUrl="https://loose.example/feed"/>
  <outline type="rss" text="Loose again" xmlUrl="https://loose.example/feed"/>
  <outline type="rss" text="Broken" xmlUrl="javascript:alert(1)"/>
</body></opml>`;

describe('OPML import and export through shared/opml', () => {
  it('imports feeds with nested folders and reports what it skipped', async () => {
    const report = await importOpmlText(db, defaultPipeline, opml);
    expect(report.addedIds).toHaveLength(3);
    expect(describeImport(report)).toBe('Imported 3 feeds, skipped 2 (duplicate, invalid URL).');
    const sources = await listSources(db);
    expect(sources.map((source) => [source.title, source.folder])).toEqual([
      ['Loose', undefined],
      ['LWN', 'Tech'],
      ['Rust Blog', 'Tech / Rust'],
    ]);
  });

  it('skips subscriptions already followed, and says so', async () => {
    await addSource(db, { kind: 'feed', url: 'https://lwn.net/headlines/rss', title: 'LWN' });
    const report = await importOpmlText(db, defaultPipeline, opml);
    expect(report.addedIds).toHaveLength(2);
    expect(report.skipped.some((skip) => skip.reason === 'duplicate' && skip.detail.includes('You already follow this'))).toBe(true);
  });

  it('round-trips: export, import into an empty library, same sources and folders', async () => {
    await importOpmlText(db, defaultPipeline, opml);
    const exported = await exportOpmlText(db, defaultPipeline, new Date('2026-01-02T03:04:05Z'));
    expect(exported).toContain('<dateCreated>Fri, 02 Jan 2026 03:04:05 GMT</dateCreated>');
    const empty = await openFreshDatabase();
    try {
      await importOpmlText(empty, defaultPipeline, exported);
      const shape = (list: Awaited<ReturnType<typeof listSources>>) => list.map(({ title, url, folder, siteUrl }) => ({ title, url, folder, siteUrl }));
      expect(shape(await listSources(empty))).toEqual(shape(await listSources(db)));
    } finally {
      await empty.delete();
    }
  });

  it('passes on the readable error for a file that is not OPML', async () => {
    await expect(importOpmlText(db, defaultPipeline, '<html><body>hello</body></html>')).rejects.toMatchObject({ name: 'OpmlError' });
  });

  it('downloads through a temporary link named commonplace-subscriptions.opml', () => {
    const clicks: Array<{ download: string; href: string; inDocument: boolean }> = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ download: this.download, href: this.href, inDocument: document.body.contains(this) });
    });
    const created = vi.fn(() => 'blob:fake');
    const original = URL.createObjectURL;
    URL.createObjectURL = created;
    try {
      downloadText('<opml/>', 'commonplace-subscriptions.opml');
    } finally {
      URL.createObjectURL = original;
      click.mockRestore();
    }
    expect(created).toHaveBeenCalledWith(expect.any(Blob));
    expect(clicks).toEqual([{ download: 'commonplace-subscriptions.opml', href: 'blob:fake', inDocument: true }]);
    expect(document.querySelector('a[download]')).toBeNull();
  });
});
