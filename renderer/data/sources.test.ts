import { describe, expect, it } from 'vitest';
import type { CommonplaceDb } from './db';
import { freshDatabaseForEachTest } from './migration-harness';
import { addSource, canonicalSourceUrl, listSources } from './sources';
import { StoreError, isStoreError } from './store-error';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened));

describe('canonicalSourceUrl', () => {
  it.each([
    ['  https://Example.COM  ', 'https://example.com/'],
    ['HTTP://example.com:80/feed.xml', 'http://example.com/feed.xml'],
    ['https://example.com/feed#top', 'https://example.com/feed'],
    ['https://example.com/search?q=a%20b', 'https://example.com/search?q=a%20b'],
  ])('%s → %s', (raw, expected) => {
    expect(canonicalSourceUrl(raw)).toBe(expected);
  });

  it.each(['not a url', '', 'javascript:alert(1)', 'file:///etc/passwd', 'ftp://example.com/feed'])(
    'refuses %j as invalid-url',
    (raw) => {
      expect(() => canonicalSourceUrl(raw)).toThrow(expect.objectContaining({ code: 'invalid-url' }));
    },
  );
});

describe('addSource', () => {
  it('stores a source with defaults: due now, no tags, not public', async () => {
    const before = Date.now();
    const source = await addSource(db, { kind: 'feed', url: 'https://example.com/feed.xml', title: ' Example ' });
    expect(source).toMatchObject({ kind: 'feed', url: 'https://example.com/feed.xml', title: 'Example', tags: [], public: false });
    expect(source.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(source.createdAt).toBeGreaterThanOrEqual(before);
    expect(source.nextFetchAt).toBe(source.createdAt);
    expect(await db.sources.get(source.id)).toEqual(source);
  });

  it('keeps the optional fields it is given and leaves the others out', async () => {
    const source = await addSource(db, {
      kind: 'hn-search',
      url: 'https://hn.algolia.com/api/v1/search_by_date?query=local-first&tags=story',
      title: 'HN: local-first',
      query: 'local-first',
      folder: 'Research',
      tags: ['crdt', 'sync'],
      public: true,
    });
    const stored = await db.sources.get(source.id);
    expect(stored).toMatchObject({ query: 'local-first', folder: 'Research', tags: ['crdt', 'sync'], public: true });
    expect(stored).not.toHaveProperty('siteUrl');
    expect(stored).not.toHaveProperty('lastError');
    expect(await db.sources.where('tags').equals('sync').primaryKeys()).toEqual([source.id]);
  });

  it('falls back to the address when the title is blank', async () => {
    const source = await addSource(db, { kind: 'feed', url: 'https://example.com/rss', title: '   ' });
    expect(source.title).toBe('https://example.com/rss');
  });

  it('refuses a duplicate url, also spelled differently, with a typed error naming the existing source', async () => {
    const first = await addSource(db, { kind: 'feed', url: 'https://example.com/feed', title: 'Example' });
    const error = await addSource(db, { kind: 'feed', url: 'HTTPS://EXAMPLE.com/feed', title: 'Again' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(isStoreError(error, 'duplicate-url')).toBe(true);
    expect(error).toMatchObject({ code: 'duplicate-url', existingId: first.id });
    expect((error as Error).message).toContain('Example');
    expect(await db.sources.count()).toBe(1);
  });

  it('lets only one of two simultaneous adds of the same url succeed', async () => {
    const results = await Promise.allSettled([
      addSource(db, { kind: 'feed', url: 'https://example.com/a', title: 'A' }),
      addSource(db, { kind: 'feed', url: 'https://example.com/a', title: 'A again' }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await db.sources.count()).toBe(1);
  });

  it('refuses an invalid url without storing anything', async () => {
    await expect(addSource(db, { kind: 'feed', url: 'javascript:alert(1)', title: 'x' })).rejects.toMatchObject({
      code: 'invalid-url',
    });
    expect(await db.sources.count()).toBe(0);
  });
});

describe('listSources', () => {
  it('is empty for a new database', async () => {
    expect(await listSources(db)).toEqual([]);
  });

  it('sorts by title as a person would: ignoring case, numbers by value', async () => {
    for (const [path, title] of [
      ['b', 'beta'],
      ['a10', 'Feed 10'],
      ['a2', 'Feed 2'],
      ['c', 'Alpha'],
    ] as const) {
      await addSource(db, { kind: 'feed', url: `https://example.com/${path}`, title });
    }
    expect((await listSources(db)).map((source) => source.title)).toEqual(['Alpha', 'beta', 'Feed 2', 'Feed 10']);
  });
});
