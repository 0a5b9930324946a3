import { describe, expect, it } from 'vitest';
import type { CommonplaceDb } from './db';
import { freshDatabaseForEachTest } from './migration-harness';
import { folderName, folderPath, importSubscriptions, sourcesToSubscriptions } from './opml-sources';
import { addSource, listSources } from './sources';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened));

describe('folders', () => {
  it.each([
    [[], undefined],
    [['Tech'], 'Tech'],
    [['Tech', ' Rust '], 'Tech / Rust'],
    [['', 'News'], 'News'],
  ])('%j ↔ %j', (path, name) => {
    expect(folderName(path)).toBe(name);
    expect(folderPath(name)).toEqual(path.map((part) => part.trim()).filter(Boolean));
  });
});

describe('importSubscriptions', () => {
  it('adds each feed with its folder, tags and site, and skips duplicates and bad addresses one by one', async () => {
    await addSource(db, { kind: 'feed', url: 'https://old.example/feed', title: 'Already here' });
    const result = await importSubscriptions(db, [
      { title: 'Rust blog', xmlUrl: 'https://blog.rust-lang.org/feed.xml', htmlUrl: 'https://blog.rust-lang.org/', folderPath: ['Tech', 'Rust'], tags: ['lang'] },
      { title: 'Old', xmlUrl: 'https://old.example/feed', folderPath: [] },
      { title: 'Bad', xmlUrl: 'javascript:alert(1)', folderPath: [] },
      { title: '', xmlUrl: 'https://untitled.example/rss', folderPath: [] },
    ]);
    expect(result.added.map((source) => source.title)).toEqual(['Rust blog', 'https://untitled.example/rss']);
    expect(result.skipped.map((skip) => skip.reason)).toEqual(['duplicate', 'invalid URL']);
    expect(result.skipped[0]?.detail).toContain('Already here');
    const rust = (await listSources(db)).find((source) => source.title === 'Rust blog');
    expect(rust).toMatchObject({ folder: 'Tech / Rust', tags: ['lang'], siteUrl: 'https://blog.rust-lang.org/' });
  });
});

describe('sourcesToSubscriptions', () => {
  it('splits folders back into paths and leaves out searches', async () => {
    await addSource(db, { kind: 'feed', url: 'https://a.example/feed', title: 'A', folder: 'Tech / Rust', tags: ['x'] });
    await addSource(db, { kind: 'hn-search', url: 'https://hn.algolia.com/api/v1/search_by_date?query=rust', title: 'HN: rust', query: 'rust' });
    expect(sourcesToSubscriptions(await listSources(db))).toEqual([
      { title: 'A', xmlUrl: 'https://a.example/feed', folderPath: ['Tech', 'Rust'], tags: ['x'] },
    ]);
  });
});
