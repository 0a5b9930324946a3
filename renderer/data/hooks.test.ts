import { act, renderHook, waitFor } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { CommonplaceDb } from './db';
import { DatabaseContext, useNotes, useRiver, useSetting, useSources } from './hooks';
import { setItemState, upsertItems } from './items';
import { freshDatabaseForEachTest } from './migration-harness';
import { createNote } from './notes';
import { setSetting } from './settings';
import { addSource } from './sources';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened));

function withDb({ children }: { children: ReactNode }) {
  return createElement(DatabaseContext.Provider, { value: db }, children);
}

describe('data hooks', () => {
  it('useSources loads, then follows writes', async () => {
    const { result } = renderHook(() => useSources(), { wrapper: withDb });
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current).toEqual([]));
    await act(() => addSource(db, { kind: 'feed', url: 'https://example.com/feed', title: 'Example' }));
    await waitFor(() => expect(result.current?.map((source) => source.title)).toEqual(['Example']));
  });

  it('useRiver follows reading state and re-queries when its options change', async () => {
    const { addedIds } = await upsertItems(db, [
      { dedupeKey: 'a', sourceIds: ['s'], title: 'A', publishedAt: 1 },
      { dedupeKey: 'b', sourceIds: ['s'], title: 'B', publishedAt: 2 },
    ]);
    const { result, rerender } = renderHook((props: { unreadOnly: boolean }) => useRiver(props), {
      wrapper: withDb,
      initialProps: { unreadOnly: true },
    });
    await waitFor(() => expect(result.current?.map((item) => item.title)).toEqual(['B', 'A']));
    await act(() => setItemState(db, addedIds[1]!, { read: true }));
    await waitFor(() => expect(result.current?.map((item) => item.title)).toEqual(['A']));
    rerender({ unreadOnly: false });
    await waitFor(() => expect(result.current?.map((item) => item.title)).toEqual(['B', 'A']));
  });

  it('useNotes lists notes as they are created', async () => {
    const { result } = renderHook(() => useNotes({ limit: 10 }), { wrapper: withDb });
    await waitFor(() => expect(result.current).toEqual([]));
    await act(() => createNote(db, { title: 'First thought' }));
    await waitFor(() => expect(result.current?.map((note) => note.title)).toEqual(['First thought']));
  });

  it('useSetting gives undefined while loading, the fallback when unset, then the stored value', async () => {
    const { result } = renderHook(() => useSetting<string>('theme', 'system'), { wrapper: withDb });
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current).toBe('system'));
    await act(() => setSetting(db, 'theme', 'dark'));
    await waitFor(() => expect(result.current).toBe('dark'));
  });

  it('useDatabase fails clearly without a provider', () => {
    expect(() => renderHook(() => useSources())).toThrow(/DatabaseContext/);
  });
});
