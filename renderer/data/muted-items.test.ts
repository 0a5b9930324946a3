import { describe, expect, it } from 'vitest';
import { compileRules } from '../../shared/feeds/mute-rules';
import type { Id } from '../../shared/model';
import type { CommonplaceDb } from './db';
import { upsertItems } from './items';
import { freshDatabaseForEachTest } from './migration-harness';
import { chunkSize, classifyStored } from './muted-items';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened));

describe('classifyStored', () => {
  it('classifies stored rows in chunks, per source, and reports rows that are gone', async () => {
    const count = chunkSize * 2 + 7;
    await upsertItems(
      db,
      Array.from({ length: count }, (_, index) => ({ dedupeKey: `k${index}`, sourceIds: [index % 2 === 0 ? 'even' : 'odd'], title: `Story ${index} sponsored`, publishedAt: index })),
    );
    const ids = (await db.items.orderBy('publishedAt').primaryKeys()) as Id[];
    const matcher = compileRules([{ id: 'r', action: 'mute', pattern: 'sponsored', kind: 'keyword', scope: { kind: 'source', sourceId: 'odd' }, fields: ['title'], enabled: true }]);
    const chunks: number[] = [];
    const verdicts = new Map<Id, boolean | undefined>();
    await classifyStored(db, matcher, [...ids, 'missing'], (chunk) => {
      chunks.push(chunk.size);
      for (const [id, muted] of chunk) verdicts.set(id, muted);
      return true;
    });
    expect(chunks).toEqual([chunkSize, chunkSize, 8]);
    expect([...verdicts.values()].filter((muted) => muted === true)).toHaveLength((count - 1) / 2);
    expect(verdicts.get(ids[1]!)).toBe(true);
    expect(verdicts.get(ids[0]!)).toBe(false);
    expect(verdicts.get('missing')).toBeUndefined();
    expect(verdicts.has('missing')).toBe(true);

    let calls = 0;
    await classifyStored(db, matcher, ids, () => ++calls < 1);
    expect(calls).toBe(1); // returning false stops the pass
  });
});
