import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocNode, Id, Note } from '../../../../shared/model';
import { createNote, DatabaseContext, saveNoteContent, snapshotNow, type CommonplaceDb } from '../../../data';
import { freshDatabaseForEachTest } from '../../../data/migration-harness';
import { VersionHistoryDialog } from '.';
import { formatVersionTime } from './version-time';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened), { beforeDelete: cleanup });

beforeEach(() => {
  // Only Date is faked: fake-indexeddb and Testing Library's waits run on real timers.
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => vi.useRealTimers());

const paragraph = (text: string): DocNode => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const at = (day: number, hour: number, minute: number) => new Date(2026, 2, day, hour, minute).getTime();
const now = at(14, 12, 0);

interface History {
  noteId: Id;
  yesterday: number;
  today: number;
}

/**
 * Yesterday 18:05 "Draft: The first idea about reading" was saved as a version, today 10:42 a
 * second text; at 11:30 the note was renamed "Final" and rewritten. The dialog opens at 12:00.
 */
async function writeHistory(): Promise<History> {
  const yesterday = at(13, 18, 5);
  const today = at(14, 10, 42);
  vi.setSystemTime(yesterday);
  const note = await createNote(db, { title: 'Draft', doc: paragraph('The first idea about reading') });
  await snapshotNow(db, note.id);
  vi.setSystemTime(today);
  await saveNoteContent(db, note.id, { doc: paragraph('The second idea about reading and writing') });
  await snapshotNow(db, note.id);
  vi.setSystemTime(at(14, 11, 30));
  await saveNoteContent(db, note.id, { doc: paragraph('The final idea about writing'), title: 'Final' });
  vi.setSystemTime(now);
  return { noteId: note.id, yesterday, today };
}

function open(noteId: Id, props: { onClose?: () => void; onRestored?: (note: Note) => void } = {}) {
  const onClose = props.onClose ?? vi.fn();
  const onRestored = props.onRestored ?? vi.fn();
  const view = render(
    <DatabaseContext.Provider value={db}>
      <VersionHistoryDialog noteId={noteId} onClose={onClose} onRestored={onRestored} />
    </DatabaseContext.Provider>,
  );
  return { ...view, onClose, onRestored };
}

const label = (savedAt: number) => formatVersionTime(savedAt, now);
const versionRadios = () => within(screen.getByRole('group', { name: 'Versions, newest first' })).getAllByRole('radio');
const diffText = () => screen.getByTestId('version-diff');

describe('VersionHistoryDialog', () => {
  it('opens as a labelled modal dialog with its first control focused', async () => {
    const { noteId } = await writeHistory();
    open(noteId);
    const dialog = screen.getByRole('dialog', { name: 'Version history' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }));
  });

  it('lists versions newest first with their time and length, and compares the newest with now', async () => {
    const { noteId, yesterday, today } = await writeHistory();
    open(noteId);
    await waitFor(() => expect(versionRadios()).toHaveLength(2));
    expect(label(today)).toMatch(/^Today /);
    expect(label(yesterday)).toMatch(/^Yesterday /);
    const [newest, older] = versionRadios();
    expect(newest!.closest('label')?.textContent).toBe(`${label(today)}“Draft” · 7 words`);
    expect(older!.closest('label')?.textContent).toBe(`${label(yesterday)}“Draft” · 5 words`);
    expect((newest as HTMLInputElement).checked).toBe(true);

    expect(screen.getByRole('heading', { name: `${label(today)} compared with now` })).toBeTruthy();
    const removed = [...diffText().querySelectorAll('del.version-history__removed')].map((node) => node.textContent);
    const added = [...diffText().querySelectorAll('ins.version-history__added')].map((node) => node.textContent);
    expect(removed.join('|')).toContain('second');
    expect(removed.join('|')).toContain('reading and');
    expect(added.join('|')).toContain('final');
    // The title changed since, and says so.
    const title = screen.getByText(/^Title:/);
    expect(title.querySelector('del')?.textContent).toBe('Draft');
    expect(title.querySelector('ins')?.textContent).toBe('Final');
  });

  it('compares another version when it is chosen', async () => {
    const { noteId, yesterday } = await writeHistory();
    open(noteId);
    await waitFor(() => expect(versionRadios()).toHaveLength(2));
    fireEvent.click(versionRadios()[1]!);
    expect(screen.getByRole('heading', { name: `${label(yesterday)} compared with now` })).toBeTruthy();
    const removed = [...diffText().querySelectorAll('del')].map((node) => node.textContent).join('|');
    expect(removed).toContain('first');
    expect(removed).not.toContain('second');
  });

  it('restores a version, saying so, and keeps the replaced state so it can be restored back', async () => {
    const { noteId, yesterday } = await writeHistory();
    const { onRestored } = open(noteId);
    await waitFor(() => expect(versionRadios()).toHaveLength(2));
    fireEvent.click(versionRadios()[1]!);
    fireEvent.click(screen.getByRole('button', { name: 'Restore this version' }));

    await waitFor(() => expect(screen.getByText(new RegExp(`^Restored the version from ${label(yesterday)}\\.`))).toBeTruthy());
    const stored = await db.notes.get(noteId);
    expect(stored).toMatchObject({ title: 'Draft', text: 'The first idea about reading' });
    expect(onRestored).toHaveBeenCalledWith(expect.objectContaining({ id: noteId, title: 'Draft', text: 'The first idea about reading' }));
    // The state before the restore is now the newest version; the restored one matches the note.
    await waitFor(() => expect(versionRadios()).toHaveLength(3));
    expect(versionRadios()[0]!.closest('label')?.textContent).toBe(`${label(now)}“Final” · 5 words`);
    expect(screen.getByText('This version is the same as the note now.')).toBeTruthy();

    fireEvent.click(versionRadios()[0]!);
    fireEvent.click(screen.getByRole('button', { name: 'Restore this version' }));
    await waitFor(async () => expect(await db.notes.get(noteId)).toMatchObject({ title: 'Final', text: 'The final idea about writing' }));
    await waitFor(() => expect(screen.getByText(new RegExp(`^Restored the version from ${label(now)}\\.`))).toBeTruthy());
  });

  it('explains a restore that cannot happen and changes nothing', async () => {
    const { noteId } = await writeHistory();
    // Another note took the old title since, so the version's title cannot come back.
    await createNote(db, { title: 'Draft' });
    const { onRestored } = open(noteId);
    await waitFor(() => expect(versionRadios()).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Restore this version' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Draft');
    expect(onRestored).not.toHaveBeenCalled();
    expect(await db.notes.get(noteId)).toMatchObject({ title: 'Final', text: 'The final idea about writing' });
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('says when there are no versions yet', async () => {
    const note = await createNote(db, { title: 'Fresh', doc: paragraph('Just started') });
    open(note.id);
    expect(
      await screen.findByText('No earlier versions yet. Versions are saved every few minutes while you write, and when you leave a note.'),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Restore this version' })).toBeNull();
  });

  it('closes on Escape, on Close and on the backdrop, and gives focus back to what opened it', async () => {
    const { noteId } = await writeHistory();
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    const { onClose, unmount } = open(noteId);
    const dialog = screen.getByRole('dialog', { name: 'Version history' });
    expect(document.activeElement).not.toBe(opener);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(2);
    fireEvent.click(dialog);
    expect(onClose).toHaveBeenCalledTimes(3);
    // A click inside the dialog is not a click on the backdrop.
    fireEvent.click(screen.getByRole('heading', { name: 'Version history' }));
    expect(onClose).toHaveBeenCalledTimes(3);
    unmount();
    expect(document.activeElement).toBe(opener);
    opener.remove();
  });
});
