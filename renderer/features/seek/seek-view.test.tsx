import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Source } from '../../../shared/model';
import { addSource, recordFetchFailure, upsertItems, type CommonplaceDb } from '../../data';
import { freshDatabaseForEachTest } from '../../data/migration-harness';
import { SeekView } from '.';
import { fakeSeekHost, renderSeek } from './test-support';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened), { beforeDelete: cleanup });

const key = (k: string, init: KeyboardEventInit = {}) => fireEvent.keyDown(document.body, { key: k, ...init });
const river = () => screen.getByRole('listbox');
const titles = () => within(river()).getAllByRole('option').map((option) => option.getAttribute('aria-labelledby') && option.querySelector('.river-row__title')?.textContent);
const selected = () => within(river()).queryAllByRole('option', { selected: true }).map((option) => option.querySelector('.river-row__title')?.textContent);
const stored = (title: string) => db.items.filter((item) => item.title === title).first();

async function seed(): Promise<{ blog: Source; news: Source }> {
  const blog = await addSource(db, { kind: 'feed', url: 'https://blog.example/feed', title: 'Blog' });
  const news = await addSource(db, { kind: 'feed', url: 'https://news.example/feed', title: 'News', folder: 'Daily' });
  await upsertItems(db, [
    { dedupeKey: '1', sourceIds: [blog.id], title: 'Oldest post', publishedAt: 1_000 },
    { dedupeKey: '2', sourceIds: [news.id], title: 'Middle news', publishedAt: 2_000 },
    { dedupeKey: '3', sourceIds: [blog.id], title: 'Newest post', publishedAt: 3_000, summaryHtml: '<p>Body of the newest post</p>' },
  ]);
  return { blog, news };
}

describe('Seek before the library is open', () => {
  it('keeps the h1 the shell focuses, and says it is waiting', () => {
    render(<SeekView />);
    const heading = screen.getByRole('heading', { level: 1 });
    expect(heading.textContent).toBe('Seek');
    expect(heading.tabIndex).toBe(-1);
    expect(screen.getByText('Opening your library…')).toBeTruthy();
  });
});

describe('Seek with no sources', () => {
  it('says what to do, and offers exactly the ways in', async () => {
    renderSeek(db, fakeSeekHost({}));
    const empty = await screen.findByRole('region', { name: 'You follow nothing yet' });
    expect(empty.textContent).toMatch(/Add feed/);
    expect(empty.textContent).toMatch(/Import OPML/);
    for (const name of ['Add feed', 'Import OPML', 'Export OPML']) expect(screen.getByRole('button', { name })).toHaveProperty('disabled', false);
    expect(screen.getByRole('button', { name: 'Refresh all' })).toHaveProperty('disabled', true);
    const picker = document.querySelector('input[type="file"]') as HTMLInputElement;
    expect(picker.accept).toBe('.opml,.xml,text/xml,text/x-opml');
  });
});

describe('the river', () => {
  it('lists every item newest first, by title, with unread ones marked', async () => {
    await seed();
    renderSeek(db, fakeSeekHost({}));
    // Rows fill in as their items load.
    await waitFor(() => expect(titles()).toEqual(['Newest post', 'Middle news', 'Oldest post']));
    expect(screen.getByRole('option', { name: 'Newest post' }).dataset.unread).toBe('true');
    expect(await screen.findByText('3 unread')).toBeTruthy();
  });

  it('narrows to a source or a folder from the sidebar', async () => {
    await seed();
    renderSeek(db, fakeSeekHost({}));
    const sources = await screen.findByRole('navigation', { name: 'Sources' });
    fireEvent.click(await within(sources).findByRole('button', { name: 'Blog' }));
    await waitFor(() => expect(titles()).toEqual(['Newest post', 'Oldest post']));
    expect(screen.getByRole('heading', { level: 2, name: 'Blog' })).toBeTruthy();
    fireEvent.click(within(sources).getByRole('button', { name: 'Daily' }));
    await waitFor(() => expect(titles()).toEqual(['Middle news']));
    fireEvent.click(within(sources).getByRole('button', { name: 'All items' }));
    await waitFor(() => expect(titles()).toHaveLength(3));
  });

  it('filters to unread, and says "All caught up" when nothing is left', async () => {
    await seed();
    renderSeek(db, fakeSeekHost({}));
    await screen.findByRole('option', { name: 'Newest post' });
    fireEvent.click(screen.getByRole('radio', { name: 'Unread' }));
    await act(async () => {
      await db.items.toCollection().modify({ read: 1 });
    });
    expect(await screen.findByRole('heading', { name: 'All caught up' })).toBeTruthy();
  });
});

describe('keyboard triage', () => {
  it('j/k move the selection, o opens in the Reader and marks read, m/s/l/e change state', async () => {
    await seed();
    renderSeek(db, fakeSeekHost({}));
    await screen.findByRole('option', { name: 'Newest post' });

    key('j');
    await waitFor(() => expect(selected()).toEqual(['Newest post']));
    key('j');
    key('j');
    await waitFor(() => expect(selected()).toEqual(['Oldest post']));
    key('k');
    key('k');
    await waitFor(() => expect(selected()).toEqual(['Newest post']));
    expect(river().getAttribute('aria-activedescendant')).toBe(screen.getByRole('option', { name: 'Newest post' }).id);

    key('o');
    const reader = screen.getByRole('region', { name: 'Reader' });
    expect(await within(reader).findByText('Body of the newest post')).toBeTruthy();
    await waitFor(async () => expect((await stored('Newest post'))?.read).toBe(1));
    key('m');
    await waitFor(async () => expect((await stored('Newest post'))?.read).toBe(0));
    key('s');
    await waitFor(async () => expect((await stored('Newest post'))?.starred).toBe(1));
    key('l');
    await waitFor(async () => expect((await stored('Newest post'))?.later).toBe(1));
    key('e');
    await waitFor(() => expect(titles()).toEqual(['Middle news', 'Oldest post']));
    expect((await stored('Newest post'))?.archived).toBe(1);
    // The archived story left; j goes on to the one that took its place.
    key('j');
    await waitFor(() => expect(selected()).toEqual(['Middle news']));
  });

  it('Enter opens the selected item; keys typed in a field are left alone', async () => {
    await seed();
    renderSeek(db, fakeSeekHost({}));
    await screen.findByRole('option', { name: 'Newest post' });
    key('j');
    key('Enter');
    expect(await within(screen.getByRole('region', { name: 'Reader' })).findByRole('heading', { name: 'Newest post' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Add feed' }));
    const field = screen.getByRole('textbox', { name: 'Feed or site URL' });
    fireEvent.keyDown(field, { key: 'j' });
    fireEvent.keyDown(field, { key: 's' });
    expect(selected()).toEqual(['Newest post']);
    expect((await stored('Newest post'))?.starred).toBe(0);
  });

  it('Shift+A marks everything shown as read, and Undo brings exactly that back', async () => {
    await seed();
    const first = await stored('Middle news');
    await db.items.update(first!.id, { read: 1 });
    renderSeek(db, fakeSeekHost({}));
    await screen.findByRole('option', { name: 'Newest post' });
    key('A', { shiftKey: true });
    expect(await screen.findByText('Marked 2 items read.')).toBeTruthy();
    await waitFor(async () => expect(await db.items.where('read').equals(0).count()).toBe(0));

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Undone.')).toBeTruthy();
    expect((await stored('Newest post'))?.read).toBe(0);
    expect((await stored('Oldest post'))?.read).toBe(0);
    expect((await stored('Middle news'))?.read).toBe(1);
  });
});

describe('organising sources', () => {
  it('unsubscribes (deleting its items) and Undo restores the source and its items', async () => {
    await seed();
    renderSeek(db, fakeSeekHost({}));
    fireEvent.click(await screen.findByRole('button', { name: 'Manage Blog' }));
    const dialog = screen.getByRole('dialog', { name: 'Blog' });
    fireEvent.click(within(dialog).getByRole('radio', { name: /Delete its items/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Unsubscribe' }));

    expect(await screen.findByText(/Unsubscribed from “Blog”; its items were deleted/)).toBeTruthy();
    await waitFor(() => expect(titles()).toEqual(['Middle news']));
    await waitFor(() => expect(within(screen.getByRole('navigation', { name: 'Sources' })).queryByRole('button', { name: 'Blog' })).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(titles()).toEqual(['Newest post', 'Middle news', 'Oldest post']));
    expect(await within(screen.getByRole('navigation', { name: 'Sources' })).findByRole('button', { name: 'Blog' })).toBeTruthy();
  });

  it('renames and moves to a folder, undoably', async () => {
    const { blog } = await seed();
    renderSeek(db, fakeSeekHost({}));
    fireEvent.click(await screen.findByRole('button', { name: 'Manage Blog' }));
    const dialog = screen.getByRole('dialog', { name: 'Blog' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Name' }), { target: { value: 'My Blog' } });
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Folder' }), { target: { value: 'Daily' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Renamed to “My Blog”, moved to Daily.')).toBeTruthy();
    expect(await db.sources.get(blog.id)).toMatchObject({ title: 'My Blog', folder: 'Daily' });
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('Undone.');
    expect(await db.sources.get(blog.id)).toMatchObject({ title: 'Blog' });
    expect(await db.sources.get(blog.id)).not.toHaveProperty('folder');
  });

  it("shows a source's last error in words, with a Retry that fetches it again", async () => {
    const { news } = await seed();
    await recordFetchFailure(db, news.id, { code: 'timeout', message: 'The site took too long to answer.' });
    const host = fakeSeekHost({ fetch: async ({ url }) => ({ status: 'not-modified', finalUrl: url }) });
    renderSeek(db, host);
    const sidebar = await screen.findByRole('navigation', { name: 'Sources' });
    expect(await within(sidebar).findByText('The site took too long to answer.')).toBeTruthy();
    fireEvent.click(within(sidebar).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(host.calls).toEqual([{ name: 'feed:fetch', request: { url: news.url } }]));
    await waitFor(async () => expect((await db.sources.get(news.id))?.lastError).toBeUndefined());
    await waitFor(() => expect(within(sidebar).queryByText('The site took too long to answer.')).toBeNull());
  });
});

describe('the #/seek/item/<id> route', () => {
  const go = (hash: string) =>
    act(() => {
      window.history.replaceState(null, '', hash);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
  afterEach(() => window.history.replaceState(null, '', '#/seek'));

  it('opens the item in the reader, even one the river does not show', async () => {
    await seed();
    const oldest = await stored('Oldest post');
    window.history.replaceState(null, '', `#/seek/item/${oldest!.id}`);
    renderSeek(db, fakeSeekHost({}));
    const reader = await screen.findByRole('region', { name: 'Reader' });
    expect(await within(reader).findByRole('heading', { name: 'Oldest post' })).toBeTruthy();
    await waitFor(() => expect(selected()).toEqual(['Oldest post']));

    // Narrowed to News, the river no longer lists it; a route to another Blog story still opens it.
    fireEvent.click(within(screen.getByRole('navigation', { name: 'Sources' })).getByRole('button', { name: 'News' }));
    await waitFor(() => expect(titles()).toEqual(['Middle news']));
    const newest = await stored('Newest post');
    go(`#/seek/item/${newest!.id}`);
    expect(await within(reader).findByRole('heading', { name: 'Newest post' })).toBeTruthy();
    expect(within(reader).getByText('Body of the newest post')).toBeTruthy();
    expect(titles()).toEqual(['Middle news']);
  });
});
