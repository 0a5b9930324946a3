import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommonplaceDb } from './db';
import { openFreshDatabase } from './migration-harness';
import { firstRetryMs, listDueSources, maxFetchIntervalMs, nextFetchAfterFailure, nextFetchAfterSuccess, recordFetchFailure, recordFetchSuccess } from './refresh-state';
import { addSource } from './sources';

const now = 1_700_000_000_000;
const hour = 3_600_000;

describe('nextFetchAfterSuccess', () => {
  it.each([
    ['hourly by default', {}, now + hour],
    ['a short TTL does not make us poll faster', { ttlMinutes: 5 }, now + hour],
    ['a long TTL is honoured', { ttlMinutes: 180 }, now + 3 * hour],
    ['a TTL beyond a day is capped', { ttlMinutes: 10_000 }, now + maxFetchIntervalMs],
    ['Retry-After wins when later', { retryAfter: now + 5 * hour }, now + 5 * hour],
    ['an earlier Retry-After does not make us poll faster', { retryAfter: now + 60_000 }, now + hour],
  ])('%s', (_name, timing, expected) => {
    expect(nextFetchAfterSuccess(now, timing)).toBe(expected);
  });
});

describe('nextFetchAfterFailure', () => {
  it('retries after 15 minutes, then doubles per failure, up to a day', () => {
    let source: { nextFetchAt: number; lastError?: { code: string; message: string; at: number } } = { nextFetchAt: now };
    const gaps: number[] = [];
    let at = now;
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const next = nextFetchAfterFailure(source, at);
      gaps.push(next - at);
      source = { nextFetchAt: next, lastError: { code: 'timeout', message: 'x', at } };
      at = next;
    }
    expect(gaps.slice(0, 4)).toEqual([firstRetryMs, 2 * firstRetryMs, 4 * firstRetryMs, 8 * firstRetryMs]);
    expect(gaps.at(-1)).toBe(maxFetchIntervalMs);
  });

  it('never comes back before Retry-After', () => {
    expect(nextFetchAfterFailure({ nextFetchAt: now }, now, now + 6 * hour)).toBe(now + 6 * hour);
  });
});

describe('stored refresh state', () => {
  let db: CommonplaceDb;
  beforeEach(async () => {
    db = await openFreshDatabase();
  });
  afterEach(async () => {
    await db.delete();
  });

  it('lists due sources, feeds and searches alike, and only those a refresh can fetch', async () => {
    const due = await addSource(db, { kind: 'feed', url: 'https://a.example/feed', title: 'A' });
    const later = await addSource(db, { kind: 'feed', url: 'https://b.example/feed', title: 'B' });
    const search = await addSource(db, { kind: 'mastodon-tag', url: 'https://social.example/api/v1/timelines/tag/pkm', title: '#pkm', query: '#pkm@social.example' });
    await addSource(db, { kind: 'hn-search', url: 'https://hn.algolia.com/api/v1/search_by_date?query=x', title: 'hn: x' });
    await recordFetchSuccess(db, later.id, { at: Date.now() });
    expect((await listDueSources(db)).map((source) => source.id).sort()).toEqual([due.id, search.id].sort());
  });

  it('drops a validator a 200 no longer sends, but keeps it through a 304 that omits it', async () => {
    const source = await addSource(db, { kind: 'feed', url: 'https://a.example/feed', title: 'A' });
    await recordFetchSuccess(db, source.id, { at: now, etag: '"1"' });
    await recordFetchSuccess(db, source.id, { at: now, notModified: true });
    expect((await db.sources.get(source.id))?.etag).toBe('"1"');
    await recordFetchSuccess(db, source.id, { at: now });
    expect(await db.sources.get(source.id)).not.toHaveProperty('etag');
  });

  it('refuses to record for a source that is gone', async () => {
    await expect(recordFetchFailure(db, 'missing', { code: 'timeout', message: 'x' })).rejects.toMatchObject({ code: 'not-found' });
  });
});
