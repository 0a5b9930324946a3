import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { DocNode } from '../../shared/model';
import { wikiLinkNode } from '../../shared/notes/doc-nodes';
import type { CommonplaceDb } from './db';
import { DatabaseContext } from './hooks';
import { freshDatabaseForEachTest } from './migration-harness';
import { saveNoteContent } from './note-content';
import { snapshotNow } from './note-versions';
import { createNote, deleteNote } from './notes';
import { useBacklinks, useNote, useNoteGraph, useNoteList, useNoteTags, useNoteVersions, useUnlinkedMentions } from './sense-hooks';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened), { beforeDelete: cleanup });

function withDb({ children }: { children: ReactNode }) {
  return createElement(DatabaseContext.Provider, { value: db }, children);
}

const body = (...parts: Array<string | DocNode>): DocNode => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: parts.map((part) => (typeof part === 'string' ? { type: 'text', text: part } : part)) }],
});

describe('sense hooks', () => {
  it('useNote loads, follows edits, and gives null once the note is deleted', async () => {
    const note = await createNote(db, { title: 'Watched' });
    const { result } = renderHook(() => useNote(note.id), { wrapper: withDb });
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current?.title).toBe('Watched'));
    await act(() => saveNoteContent(db, note.id, { doc: body('changed') }));
    await waitFor(() => expect(result.current?.text).toBe('changed'));
    await act(() => deleteNote(db, note.id));
    await waitFor(() => expect(result.current).toBeNull());
  });

  it('useNoteList and useNoteTags follow tags as notes are written', async () => {
    const list = renderHook(() => useNoteList({ tag: 'idea' }), { wrapper: withDb });
    const tags = renderHook(() => useNoteTags(), { wrapper: withDb });
    await waitFor(() => expect(list.result.current).toEqual([]));
    await waitFor(() => expect(tags.result.current).toEqual([]));
    await act(() => createNote(db, { title: 'Tagged', doc: body('#idea/small') }));
    await waitFor(() => expect(list.result.current?.map((note) => note.title)).toEqual(['Tagged']));
    await waitFor(() =>
      expect(tags.result.current).toEqual([
        { tag: 'idea', count: 1 },
        { tag: 'idea/small', count: 1 },
      ]),
    );
  });

  it('useBacklinks, useUnlinkedMentions, useNoteGraph and useNoteVersions follow writes', async () => {
    const target = await createNote(db, { title: 'Hub' });
    const backlinks = renderHook(() => useBacklinks(target.id), { wrapper: withDb });
    const mentions = renderHook(() => useUnlinkedMentions(target.id), { wrapper: withDb });
    const graph = renderHook(() => useNoteGraph(), { wrapper: withDb });
    const versions = renderHook(() => useNoteVersions(target.id), { wrapper: withDb });
    await waitFor(() => expect(backlinks.result.current).toEqual([]));
    await waitFor(() => expect(mentions.result.current).toEqual([]));
    await waitFor(() => expect(versions.result.current).toEqual([]));

    const writer = await act(() => createNote(db, { title: 'Spoke', doc: body('The hub is here.') }));
    await waitFor(() => expect(mentions.result.current?.map((mention) => mention.noteId)).toEqual([writer.id]));
    await act(() => saveNoteContent(db, writer.id, { doc: body('The ', wikiLinkNode({ target: 'Hub' }), ' is here.') }));
    await waitFor(() => expect(backlinks.result.current?.map((entry) => entry.kind === 'note' && entry.noteId)).toEqual([writer.id]));
    await waitFor(() => expect(mentions.result.current).toEqual([]));
    await waitFor(() => expect(graph.result.current?.edges).toEqual([{ source: writer.id, target: target.id }]));
    await act(() => snapshotNow(db, target.id));
    await waitFor(() => expect(versions.result.current).toHaveLength(1));
  });
});
