// Sense as the shell mounts it, over a real (fake-indexeddb) library: new notes, titles and bodies saved
// as typed, the notes list and tag pane, Today, backlinks, following links, deleting with Undo.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocNode } from '../../../shared/model';
import { wikiLinkNode } from '../../../shared/notes/doc-nodes';
import { localDateOf } from '../../../shared/notes/daily';
import { createNote, DatabaseContext, saveNoteContent, snapshotNow, type CommonplaceDb } from '../../data';
import { freshDatabaseForEachTest } from '../../data/migration-harness';
import { SenseView } from '.';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened), { beforeDelete: cleanup });

beforeEach(() => {
  window.location.hash = '#/sense';
  window.localStorage.clear();
});
afterEach(() => {
  window.location.hash = '';
});

function show() {
  return render(
    <DatabaseContext.Provider value={db}>
      <SenseView />
    </DatabaseContext.Provider>,
  );
}

const paragraph = (...content: DocNode[]): DocNode => ({ type: 'doc', content: [{ type: 'paragraph', content }] });
const text = (value: string): DocNode => ({ type: 'text', text: value });

async function go(hash: string) {
  await act(async () => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

describe('Sense', () => {
  it('starts empty, saying how to begin', async () => {
    show();
    expect(await screen.findByRole('heading', { name: 'Write to think' })).toBeTruthy();
    expect(await screen.findByText('No notes yet. Choose New note to write one.')).toBeTruthy();
  });

  it('New note opens an empty note whose title is saved as typed and listed first', async () => {
    show();
    fireEvent.click(await screen.findByRole('button', { name: 'New note' }));
    const title = await screen.findByRole('textbox', { name: 'Note title' });
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/sense\/note\//));
    fireEvent.change(title, { target: { value: 'Evergreen notes' } });
    fireEvent.blur(title);
    await waitFor(async () => expect((await db.notes.toArray()).map((note) => note.title)).toEqual(['Evergreen notes']));
    const list = screen.getByRole('list', { name: 'Notes, most recently changed first' });
    await waitFor(() => expect(within(list).getByRole('link', { name: /Evergreen notes/ }).getAttribute('aria-current')).toBe('page'));
    expect(screen.getByRole('textbox', { name: 'Note body' })).toBeTruthy();
  });

  it('Ctrl+N makes a new note too', async () => {
    show();
    await screen.findByRole('button', { name: 'New note' });
    fireEvent.keyDown(document, { key: 'n', ctrlKey: true });
    await waitFor(async () => expect(await db.notes.count()).toBe(1));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/sense\/note\//));
  });

  it('Today opens the daily note, the same one every time', async () => {
    show();
    fireEvent.click(await screen.findByRole('button', { name: 'Today' }));
    const title = await screen.findByRole('textbox', { name: 'Note title' });
    await waitFor(() => expect((title as HTMLInputElement).value).toBe(localDateOf(new Date())));
    fireEvent.click(screen.getByRole('button', { name: 'Today' }));
    await waitFor(async () => expect(await db.notes.count()).toBe(1));
  });

  it('shows who links here, with the sentence, and opens the linking note', async () => {
    const target = await createNote(db, { title: 'Zettelkasten' });
    const source = await createNote(db, { title: 'Slip boxes', doc: paragraph(text('Luhmann kept a '), wikiLinkNode({ target: 'Zettelkasten' }), text(' for decades.')) });
    await createNote(db, { title: 'Plain mention', doc: paragraph(text('My zettelkasten is small.')) });
    show();
    await go(`#/sense/note/${target.id}`);
    const panel = await screen.findByRole('complementary', { name: 'Backlinks' });
    const from = await within(panel).findByRole('button', { name: 'Slip boxes' });
    expect(panel.textContent).toContain('Luhmann kept a');
    // The plain-text mention is offered as a link, and one click makes it one.
    const mentions = await within(panel).findByRole('region', { name: 'Unlinked mentions' });
    fireEvent.click(within(mentions).getByRole('button', { name: 'Link this mention in Plain mention' }));
    await waitFor(async () => expect(await db.links.where('targetId').equals(target.id).count()).toBe(2));
    fireEvent.click(from);
    await waitFor(() => expect(window.location.hash).toBe(`#/sense/note/${source.id}`));
  });

  it('follows a wiki link to a note that does not exist yet by creating it', async () => {
    const source = await createNote(db, { title: 'Ideas', doc: paragraph(text('Next: '), wikiLinkNode({ target: 'Not written yet' })) });
    show();
    await go(`#/sense/note/${source.id}`);
    const body = await screen.findByRole('textbox', { name: 'Note body' });
    const link = await waitFor(() => {
      const found = body.querySelector('[data-wiki-link]');
      if (!found) throw new Error('no link rendered yet');
      return found;
    });
    fireEvent.click(link);
    await waitFor(async () => expect((await db.notes.toArray()).map((note) => note.title).sort()).toEqual(['Ideas', 'Not written yet']));
    const created = (await db.notes.toArray()).find((note) => note.title === 'Not written yet')!;
    await waitFor(() => expect(window.location.hash).toBe(`#/sense/note/${created.id}`));
    // The link that was dangling now resolves to the new note.
    await waitFor(async () => expect(await db.links.where('targetId').equals(created.id).count()).toBe(1));
  });

  it('filters the list by tag, nested tags included', async () => {
    await createNote(db, { title: 'Garden', doc: paragraph(text('Growing #pkm/gardening ideas')) });
    await createNote(db, { title: 'Stream', doc: paragraph(text('Working #pkm in public')) });
    await createNote(db, { title: 'Groceries', doc: paragraph(text('Milk #home')) });
    show();
    const tags = await screen.findByRole('region', { name: 'Tags' });
    fireEvent.click(await within(tags).findByRole('button', { name: '#pkm, 2 notes' }));
    const list = await screen.findByRole('list', { name: 'Notes, most recently changed first' });
    await waitFor(() => expect(within(list).getAllByRole('link').map((link) => link.textContent)).toEqual([expect.stringContaining('Stream'), expect.stringContaining('Garden')]));
    fireEvent.click(within(tags).getByRole('button', { name: '#pkm/gardening, 1 note' }));
    await waitFor(() => expect(within(list).getAllByRole('link')).toHaveLength(1));
  });

  it('restores an earlier version into the editor itself, so the next keystroke builds on it', async () => {
    const note = await createNote(db, { title: 'Drafts', doc: paragraph(text('first draft')) });
    await snapshotNow(db, note.id);
    await saveNoteContent(db, note.id, { doc: paragraph(text('second draft')) });
    show();
    await go(`#/sense/note/${note.id}`);
    const body = await screen.findByRole('textbox', { name: 'Note body' });
    await waitFor(() => expect(body.textContent).toBe('second draft'));
    fireEvent.click(screen.getByRole('button', { name: 'History' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Restore this version' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Note body' }).textContent).toBe('first draft'));
    expect((await db.notes.get(note.id))?.text).toBe('first draft');
  });

  it('deletes a note with Undo', async () => {
    const note = await createNote(db, { title: 'Scratch', doc: paragraph(text('temporary')) });
    show();
    await go(`#/sense/note/${note.id}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete note' }));
    await waitFor(async () => expect(await db.notes.count()).toBe(0));
    expect(await screen.findByText('Deleted “Scratch”.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await db.notes.get(note.id))?.text).toBe('temporary'));
  });
});
