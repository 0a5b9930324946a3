// Autosave as the note page uses it: the journal is written on every change, the database on the
// debounce or at once when the page is hidden, closed or left, and nothing is dropped when a save fails.
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocNode, Note } from '../../../shared/model';
import { wikiLinkNode } from '../../../shared/notes/doc-nodes';
import { createNote, pendingJournal, type CommonplaceDb } from '../../data';
import { freshDatabaseForEachTest } from '../../data/migration-harness';
import { useNoteAutosave } from './use-note-autosave';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened), { beforeDelete: cleanup });
beforeEach(() => localStorage.clear());

const body = (text: string): DocNode => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/** A debounce so long that only the flush triggers under test can have saved. */
const never = { delayMs: 60 * 60_000 };

async function mount(note: Note, options = never) {
  return renderHook(() => useNoteAutosave(db, note.id, { doc: note.doc, title: note.title }, options));
}

describe('useNoteAutosave', () => {
  it('journals every change at once and saves the latest after the debounce, then clears the journal', async () => {
    const note = await createNote(db, { title: 'Draft' });
    const { result } = await mount(note, { delayMs: 20 });
    act(() => {
      result.current.change({ doc: body('a') });
      result.current.change({ doc: body('ab') });
      result.current.change({ doc: body('abc') });
    });
    expect(pendingJournal(localStorage).map((entry) => entry.doc)).toEqual([body('abc')]);
    expect(result.current.state.kind).toBe('pending');
    await waitFor(async () => expect((await db.notes.get(note.id))?.text).toBe('abc'));
    await waitFor(() => expect(result.current.state.kind).toBe('saved'));
    expect(pendingJournal(localStorage)).toEqual([]);
  });

  it.each([
    ['the page is hidden', () => {
      vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
      document.dispatchEvent(new Event('visibilitychange'));
    }],
    ['the page is closed', () => window.dispatchEvent(new Event('pagehide'))],
  ])('saves at once when %s', async (_when, trigger) => {
    const note = await createNote(db, { title: 'Draft' });
    const { result } = await mount(note);
    act(() => result.current.change({ doc: body('typed just now') }));
    act(trigger);
    await waitFor(async () => expect((await db.notes.get(note.id))?.text).toBe('typed just now'));
    vi.restoreAllMocks();
  });

  it('saves when the note is left, and keeps a version of it', async () => {
    const note = await createNote(db, { title: 'Draft', doc: body('before') });
    const { result, unmount } = await mount(note);
    act(() => result.current.change({ doc: body('after') }));
    unmount();
    await waitFor(async () => expect((await db.notes.get(note.id))?.text).toBe('after'));
    await waitFor(async () => expect((await db.noteVersions.where('[noteId+savedAt]').between([note.id, 0], [note.id, Infinity]).toArray()).map((v) => v.text)).toContain('after'));
  });

  it('commits a title only when asked (blur, Enter, leaving), never half-typed after a pause', async () => {
    const other = await createNote(db, { title: 'Other', doc: { type: 'doc', content: [{ type: 'paragraph', content: [wikiLinkNode({ target: 'Plan B' })] }] } });
    const note = await createNote(db, { title: 'Plan' });
    const { result } = await mount(note, { delayMs: 10 });
    act(() => result.current.change({ title: 'Plan B', doc: body('budget lines') }));
    // The body is saved after the pause; the title "Plan B", typed on the way to "Plan Budget", is not.
    await waitFor(async () => expect((await db.notes.get(note.id))?.text).toBe('budget lines'));
    expect((await db.notes.get(note.id))?.title).toBe('Plan');
    act(() => result.current.change({ title: 'Plan Budget' }));
    await act(() => result.current.flush());
    expect((await db.notes.get(note.id))?.title).toBe('Plan Budget');
    // Other's dangling [[Plan B]] was never taken over and rewritten.
    expect((await db.notes.get(other.id))?.doc).toEqual(other.doc);
  });

  it('renames through the title, and says so in words when another note has that title', async () => {
    await createNote(db, { title: 'Taken' });
    const note = await createNote(db, { title: 'Mine' });
    const { result } = await mount(note);
    act(() => result.current.change({ title: 'Taken', doc: body('kept anyway') }));
    await act(() => result.current.flush());
    expect(result.current.titleProblem).toMatch(/Taken/);
    const stored = await db.notes.get(note.id);
    expect(stored?.title).toBe('Mine');
    expect(stored?.text).toBe('kept anyway');
  });

  it('keeps the work and reports it when a save fails, and saves it on the next try', async () => {
    const note = await createNote(db, { title: 'Draft' });
    const { result } = await mount(note);
    const put = vi.spyOn(db.notes, 'put').mockRejectedValueOnce(new Error('QuotaExceededError'));
    act(() => result.current.change({ doc: body('precious') }));
    await act(() => result.current.flush());
    expect(result.current.state.kind).toBe('failed');
    expect(pendingJournal(localStorage).map((entry) => entry.doc)).toEqual([body('precious')]);
    put.mockRestore();
    await act(() => result.current.flush());
    expect((await db.notes.get(note.id))?.text).toBe('precious');
    expect(result.current.state.kind).toBe('saved');
    expect(pendingJournal(localStorage)).toEqual([]);
  });
});
