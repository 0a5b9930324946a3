import { act, renderHook, waitFor } from '@testing-library/react';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { CommonplaceDb } from './db';
import { setItemState, upsertItems } from './items';
import { freshDatabaseForEachTest } from './migration-harness';
import { addSource } from './sources';
import { useIndexQuery } from './use-index-query';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened));

describe('useIndexQuery', () => {
  it('reruns when a write touches a watched index, and not for other writes', async () => {
    let runs = 0;
    const { result } = renderHook(() =>
      useIndexQuery(db, 'items', ['[starred+publishedAt]'], async () => {
        runs += 1;
        return db.items.where('[starred+publishedAt]').between([1, Dexie.minKey], [1, Dexie.maxKey]).count();
      }, 'starred'),
    );
    await waitFor(() => expect(result.current).toBe(0));
    const { addedIds } = await act(() => upsertItems(db, [{ dedupeKey: 'a', sourceIds: ['s'], title: 'A', publishedAt: 1 }]));
    await waitFor(() => expect(runs).toBe(2)); // a new item touches every index
    await act(() => setItemState(db, addedIds[0]!, { starred: true }));
    await waitFor(() => expect(result.current).toBe(1));
    const before = runs;
    await act(() => setItemState(db, addedIds[0]!, { read: true }));
    await act(() => addSource(db, { kind: 'feed', url: 'https://a.example/feed', title: 'A' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(runs).toBe(before);
  });

  it('shows nothing from a previous key while the new one loads', async () => {
    const { result, rerender } = renderHook(({ key }) => useIndexQuery(db, 'items', ['sourceIds'], async () => key, key), { initialProps: { key: 'one' } });
    await waitFor(() => expect(result.current).toBe('one'));
    rerender({ key: 'two' });
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current).toBe('two'));
  });
});
