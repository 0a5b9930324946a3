import { beforeEach, describe, expect, it } from 'vitest';
import type { CommonplaceDb } from './db';
import { listRiver, setItemState, upsertItems, type IncomingItem } from './items';
import { freshDatabaseForEachTest, openFreshDatabase } from './migration-harness';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened));

function incoming(key: string, overrides: Partial<IncomingItem> = {}): IncomingItem {
  return { dedupeKey: key, sourceIds: ['s1'], title: `Story ${key}`, link: `https://example.com/${key}`, publishedAt: 1_000, ...overrides };
}

async function byKey(key: string) {
  return db.items.where('dedupeKey').equals(key).first();
}

describe('upsertItems', () => {
  it('adds new stories unread, with an id and first-seen time, and reports their ids', async () => {
    const before = Date.now();
    const result = await upsertItems(db, [incoming('a'), incoming('b')]);
    expect(result.addedIds).toHaveLength(2);
    expect(result.updatedIds).toEqual([]);
    const a = await byKey('a');
    expect(a).toMatchObject({ title: 'Story a', sourceIds: ['s1'], read: 0, starred: 0, later: 0, archived: 0 });
    expect(result.addedIds).toContain(a?.id);
    expect(a?.firstSeenAt).toBeGreaterThanOrEqual(before);
  });

  it('does nothing for an empty batch', async () => {
    expect(await upsertItems(db, [])).toEqual({ addedIds: [], updatedIds: [] });
    expect(await db.items.count()).toBe(0);
  });

  it('merges a story seen in a second source: one item, both source ids, state kept', async () => {
    const { addedIds } = await upsertItems(db, [incoming('a', { sourceIds: ['s1'] })]);
    await setItemState(db, addedIds[0]!, { read: true, starred: true });
    const result = await upsertItems(db, [incoming('a', { sourceIds: ['s2'], title: 'Other wording' })]);
    expect(result).toEqual({ addedIds: [], updatedIds: addedIds });
    expect(await db.items.count()).toBe(1);
    const a = await byKey('a');
    expect(a).toMatchObject({ id: addedIds[0], sourceIds: ['s1', 's2'], read: 1, starred: 1 });
    // Another source's copy does not overwrite the stored content…
    expect(a?.title).toBe('Story a');
    expect(await db.items.where('sourceIds').equals('s2').primaryKeys()).toEqual(addedIds);
  });

  it('lets another source fill only what the stored copy lacks', async () => {
    await upsertItems(db, [incoming('a', { sourceIds: ['s1'], imageUrl: undefined, author: undefined, title: '' })]);
    expect(await byKey('a')).not.toHaveProperty('imageUrl');
    await upsertItems(db, [incoming('a', { sourceIds: ['s2'], imageUrl: 'https://example.com/i.png', author: 'Ada', title: 'Now titled' })]);
    expect(await byKey('a')).toMatchObject({ imageUrl: 'https://example.com/i.png', author: 'Ada', title: 'Now titled' });
  });

  it('takes edits from a source that already carried the story', async () => {
    await upsertItems(db, [incoming('a', { summaryHtml: '<p>v1</p>' })]);
    const result = await upsertItems(db, [incoming('a', { summaryHtml: '<p>v2</p>', title: 'Edited', publishedAt: 2_000 })]);
    expect(result.updatedIds).toHaveLength(1);
    expect(await byKey('a')).toMatchObject({ summaryHtml: '<p>v2</p>', title: 'Edited', publishedAt: 2_000 });
  });

  it('reports nothing updated when a refetch brings the same copy', async () => {
    await upsertItems(db, [incoming('a'), incoming('b')]);
    const stored = await db.items.toArray();
    expect(await upsertItems(db, [incoming('a'), incoming('b')])).toEqual({ addedIds: [], updatedIds: [] });
    expect(await db.items.toArray()).toEqual(stored);
  });

  it('merges duplicates inside one batch', async () => {
    const result = await upsertItems(db, [incoming('a', { sourceIds: ['s1'] }), incoming('a', { sourceIds: ['s2', 's1'] })]);
    expect(result.addedIds).toHaveLength(1);
    expect(result.updatedIds).toEqual([]);
    expect(await db.items.count()).toBe(1);
    expect((await byKey('a'))?.sourceIds).toEqual(['s1', 's2']);
  });

  describe('by canonical link, when feeds key the same story differently', () => {
    const story = 'https://news.example/2026/11/story';

    it('stores the canonical form of the link', async () => {
      await upsertItems(db, [incoming('guid:https://a.example/feed:1', { link: `${story}?utm_source=rss#top` })]);
      expect(await db.items.where('canonicalLink').equals(story).count()).toBe(1);
    });

    it('merges two sources with different guid: keys and the same link into one item with both source ids', async () => {
      const { addedIds } = await upsertItems(db, [
        incoming('guid:https://a.example/feed:tag:a,2026:1', { sourceIds: ['s1'], link: `${story}?utm_source=a-feed&utm_medium=rss`, author: undefined }),
      ]);
      await setItemState(db, addedIds[0]!, { read: true, starred: true });
      const result = await upsertItems(db, [
        incoming('guid:https://b.example/rss:98765', { sourceIds: ['s2'], link: `${story}?fbclid=xyz`, title: 'Other wording', author: 'Ada' }),
      ]);
      expect(result).toEqual({ addedIds: [], updatedIds: addedIds });
      const items = await db.items.toArray();
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        id: addedIds[0],
        dedupeKey: 'guid:https://a.example/feed:tag:a,2026:1', // the stored key is kept
        sourceIds: ['s1', 's2'],
        read: 1,
        starred: 1,
        title: 'Story guid:https://a.example/feed:tag:a,2026:1', // not overwritten by another source…
        author: 'Ada', // …which only fills what was missing
        canonicalLink: story,
      });
      expect(await db.items.where('sourceIds').equals('s2').primaryKeys()).toEqual(addedIds);
      // The second source's next fetch finds the same item again (by link: its own key was never stored).
      const again = await upsertItems(db, [incoming('guid:https://b.example/rss:98765', { sourceIds: ['s2'], link: `${story}?fbclid=xyz` })]);
      expect(again.addedIds).toEqual([]);
      expect(await db.items.toArray()).toMatchObject([{ id: addedIds[0], sourceIds: ['s1', 's2'], read: 1, starred: 1 }]);
    });

    it('merges across sources inside one batch too', async () => {
      const result = await upsertItems(db, [
        incoming('guid:a:1', { sourceIds: ['s1'], link: story }),
        incoming('guid:b:1', { sourceIds: ['s2'], link: `${story}?utm_campaign=x` }),
      ]);
      expect(result.addedIds).toHaveLength(1);
      expect(await db.items.toArray()).toMatchObject([{ dedupeKey: 'guid:a:1', sourceIds: ['s1', 's2'] }]);
    });

    it('keeps stories with different links apart', async () => {
      await upsertItems(db, [incoming('guid:a:1', { sourceIds: ['s1'], link: story })]);
      const result = await upsertItems(db, [incoming('guid:b:1', { sourceIds: ['s2'], link: `${story}-2` })]);
      expect(result.addedIds).toHaveLength(1);
      expect(await db.items.count()).toBe(2);
      // A parameter that is not tracking makes a different link.
      await upsertItems(db, [incoming('guid:c:1', { sourceIds: ['s3'], link: `${story}?page=2` })]);
      expect(await db.items.count()).toBe(3);
    });

    it("never merges one feed's own entries that share a link", async () => {
      const home = 'https://podcast.example/';
      await upsertItems(db, [incoming('guid:p:1', { sourceIds: ['s1'], link: home }), incoming('guid:p:2', { sourceIds: ['s1'], link: home })]);
      await upsertItems(db, [incoming('guid:p:3', { sourceIds: ['s1'], link: home })]);
      expect(await db.items.count()).toBe(3);
    });
  });

  it('is one transaction: a row IndexedDB refuses stores none of the batch', async () => {
    await upsertItems(db, [incoming('existing', { sourceIds: ['s1'] })]);
    // A function cannot be cloned into IndexedDB, so this row fails inside the write.
    const bad = incoming('bad', { title: (() => 'x') as unknown as string });
    await expect(upsertItems(db, [incoming('new'), incoming('existing', { sourceIds: ['s2'] }), bad])).rejects.toThrow();
    expect((await db.items.toArray()).map((item) => [item.dedupeKey, item.sourceIds])).toEqual([['existing', ['s1']]]);
  });
});

describe('listRiver', () => {
  beforeEach(async () => {
    await upsertItems(db, [
      incoming('old', { publishedAt: 1_000 }),
      incoming('new', { publishedAt: 3_000 }),
      incoming('mid', { publishedAt: 2_000 }),
    ]);
  });

  it('lists newest first', async () => {
    expect((await listRiver(db)).map((item) => item.dedupeKey)).toEqual(['new', 'mid', 'old']);
  });

  it('honours the limit', async () => {
    expect((await listRiver(db, { limit: 2 })).map((item) => item.dedupeKey)).toEqual(['new', 'mid']);
  });

  it('lists only unread items when asked, still newest first', async () => {
    await setItemState(db, (await byKey('new'))!.id, { read: true });
    expect((await listRiver(db, { unreadOnly: true })).map((item) => item.dedupeKey)).toEqual(['mid', 'old']);
    expect((await listRiver(db, { unreadOnly: true, limit: 1 })).map((item) => item.dedupeKey)).toEqual(['mid']);
    expect(await listRiver(db)).toHaveLength(3);
  });
});

describe('setItemState', () => {
  it('stores booleans as 0/1 and leaves unnamed flags alone', async () => {
    const { addedIds } = await upsertItems(db, [incoming('a')]);
    const id = addedIds[0]!;
    await setItemState(db, id, { starred: true, later: true });
    await setItemState(db, id, { later: false, archived: undefined });
    expect(await db.items.get(id)).toMatchObject({ read: 0, starred: 1, later: 0, archived: 0 });
    expect(await db.items.where('[starred+publishedAt]').between([1, 0], [1, Infinity]).primaryKeys()).toEqual([id]);
  });

  it('accepts an unchanged or empty patch for an existing item', async () => {
    const { addedIds } = await upsertItems(db, [incoming('a')]);
    await expect(setItemState(db, addedIds[0]!, { read: false })).resolves.toBeUndefined();
    await expect(setItemState(db, addedIds[0]!, {})).resolves.toBeUndefined();
  });

  it('throws not-found for an unknown id', async () => {
    await expect(setItemState(db, 'missing', { read: true })).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('upsertItems keeps enclosures and extras', () => {
  it('stores them, and does not count an equal copy as a change', async () => {
    const db = await openFreshDatabase();
    try {
      const copy = {
        dedupeKey: 'url:https://pod.example/ep1',
        sourceIds: ['s1'],
        title: 'Episode 1',
        publishedAt: 1,
        enclosures: [{ url: 'https://pod.example/ep1.mp3', type: 'audio/mpeg', length: 10 }],
        extras: { 'itunes:duration': '10:00' },
      };
      const { addedIds } = await upsertItems(db, [copy]);
      const stored = await db.items.get(addedIds[0]!);
      expect(stored).toMatchObject({ enclosures: copy.enclosures, extras: copy.extras });
      const again = await upsertItems(db, [{ ...copy, enclosures: copy.enclosures.map((enclosure) => ({ ...enclosure })), extras: { ...copy.extras } }]);
      expect(again).toEqual({ addedIds: [], updatedIds: [] });
    } finally {
      await db.delete();
    }
  });
});
