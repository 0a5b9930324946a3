import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Source } from '../../../shared/model';
import { addSource, upsertItems, type CommonplaceDb } from '../../data';
import { freshDatabaseForEachTest } from '../../data/migration-harness';
import { fakeSeekHost, renderSeek } from './test-support';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened), { beforeDelete: cleanup });

const river = () => screen.getByRole('listbox');
const titles = () => within(river()).queryAllByRole('option').map((option) => option.querySelector('.river-row__title')?.textContent);
const sidebar = () => screen.getByRole('navigation', { name: 'Sources' });
/** The sidebar's Tags group, or null when no source has a tag. */
const tagGroup = () => within(sidebar()).queryByRole('group', { name: 'Tags' });
const tagNames = () => {
  const group = tagGroup();
  return group ? within(group).getAllByRole('button').map((button) => button.getAttribute('aria-label')) : [];
};

async function seed(): Promise<{ blog: Source; news: Source; rust: Source }> {
  const blog = await addSource(db, { kind: 'feed', url: 'https://blog.example/feed', title: 'Blog', tags: ['tech', 'area/topic'] });
  const news = await addSource(db, { kind: 'feed', url: 'https://news.example/feed', title: 'News', folder: 'Daily', tags: ['world'] });
  const rust = await addSource(db, { kind: 'feed', url: 'https://rust.example/feed', title: 'Rust', tags: ['tech'] });
  await upsertItems(db, [
    { dedupeKey: '1', sourceIds: [blog.id], title: 'Blog post', publishedAt: 1_000 },
    { dedupeKey: '2', sourceIds: [news.id], title: 'World news', publishedAt: 2_000 },
    { dedupeKey: '3', sourceIds: [rust.id], title: 'Rust release', publishedAt: 3_000 },
    { dedupeKey: '4', sourceIds: [news.id, rust.id], title: 'Shared story', publishedAt: 4_000 },
  ]);
  return { blog, news, rust };
}

describe('tags in the sidebar', () => {
  it('lists every tag in use, by name, with the unread count of its sources', async () => {
    await seed();
    renderSeek(db, fakeSeekHost({}));
    await waitFor(() => expect(tagNames()).toEqual(['area/topic', 'tech', 'world']));
    const tech = within(tagGroup()!).getByRole('button', { name: 'tech' });
    // Blog has 1 unread, Rust 2 (its own and the shared story).
    await waitFor(() => expect(tech.textContent).toBe('tech3 unread'));
    expect(within(tagGroup()!).getByRole('button', { name: 'world' }).textContent).toBe('world2 unread');
  });

  it("narrows the river to the tagged sources' items, and marks the tag as current", async () => {
    await seed();
    renderSeek(db, fakeSeekHost({}));
    await waitFor(() => expect(titles()).toHaveLength(4));
    await waitFor(() => expect(tagGroup()).not.toBeNull());

    const tech = within(tagGroup()!).getByRole('button', { name: 'tech' });
    fireEvent.click(tech);
    await waitFor(() => expect(titles()).toEqual(['Shared story', 'Rust release', 'Blog post']));
    expect(screen.getByRole('heading', { level: 2, name: 'tech' })).toBeTruthy();
    expect(tech.getAttribute('aria-current')).toBe('true');
    expect(within(sidebar()).getByRole('button', { name: 'All items' }).getAttribute('aria-current')).toBeNull();

    const world = within(tagGroup()!).getByRole('button', { name: 'world' });
    fireEvent.click(world);
    await waitFor(() => expect(titles()).toEqual(['Shared story', 'World news']));
    expect(world.getAttribute('aria-current')).toBe('true');
    expect(tech.getAttribute('aria-current')).toBeNull();
  });

  it('shows no Tags group when no source has a tag', async () => {
    await addSource(db, { kind: 'feed', url: 'https://plain.example/feed', title: 'Plain' });
    renderSeek(db, fakeSeekHost({}));
    await within(await screen.findByRole('navigation', { name: 'Sources' })).findByRole('button', { name: 'Plain' });
    expect(tagGroup()).toBeNull();
  });
});

describe('editing tags in the Manage dialog', () => {
  it('saves the typed tags (trimmed, without repeats or empties) and the sidebar follows; Undo puts them back', async () => {
    const { blog } = await seed();
    renderSeek(db, fakeSeekHost({}));
    fireEvent.click(await screen.findByRole('button', { name: 'Manage Blog' }));
    const dialog = screen.getByRole('dialog', { name: 'Blog' });
    const field = within(dialog).getByRole('textbox', { name: 'Tags' });
    expect((field as HTMLInputElement).value).toBe('tech, area/topic');

    fireEvent.change(field, { target: { value: ' reading , tech,, reading, ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Tagged reading, tech.')).toBeTruthy();
    expect((await db.sources.get(blog.id))?.tags).toEqual(['reading', 'tech']);
    // area/topic was Blog's alone: it leaves the sidebar; reading arrives.
    await waitFor(() => expect(tagNames()).toEqual(['reading', 'tech', 'world']));

    fireEvent.click(within(tagGroup()!).getByRole('button', { name: 'reading' }));
    await waitFor(() => expect(titles()).toEqual(['Blog post']));

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('Undone.');
    expect((await db.sources.get(blog.id))?.tags).toEqual(['tech', 'area/topic']);
    await waitFor(() => expect(tagNames()).toEqual(['area/topic', 'tech', 'world']));
  });

  it('a tag disappears from the sidebar once no source has it', async () => {
    const { news } = await seed();
    renderSeek(db, fakeSeekHost({}));
    await waitFor(() => expect(tagNames()).toContain('world'));
    fireEvent.click(await screen.findByRole('button', { name: 'Manage News' }));
    const dialog = screen.getByRole('dialog', { name: 'News' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Tags' }), { target: { value: ' , ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Untagged.')).toBeTruthy();
    expect((await db.sources.get(news.id))?.tags).toEqual([]);
    await waitFor(() => expect(tagNames()).toEqual(['area/topic', 'tech']));
  });

  it('renames and retags in one save, and one Undo undoes both', async () => {
    const { rust } = await seed();
    renderSeek(db, fakeSeekHost({}));
    fireEvent.click(await screen.findByRole('button', { name: 'Manage Rust' }));
    const dialog = screen.getByRole('dialog', { name: 'Rust' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Name' }), { target: { value: 'Rust Blog' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Tags' }), { target: { value: 'lang' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Renamed to “Rust Blog”, tagged lang.')).toBeTruthy();
    expect(await db.sources.get(rust.id)).toMatchObject({ title: 'Rust Blog', tags: ['lang'] });
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('Undone.');
    expect(await db.sources.get(rust.id)).toMatchObject({ title: 'Rust', tags: ['tech'] });
  });
});

describe('listing a source in the published blogroll', () => {
  it('is a checkbox in the Manage dialog, saved with Undo', async () => {
    const { blog } = await seed();
    renderSeek(db, fakeSeekHost({}));
    fireEvent.click(await screen.findByRole('button', { name: 'Manage Blog' }));
    const dialog = screen.getByRole('dialog', { name: 'Blog' });
    const listed = within(dialog).getByRole('checkbox', { name: /List in my published blogroll/ }) as HTMLInputElement;
    expect(listed.checked).toBe(false);
    fireEvent.click(listed);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Listed in your published blogroll.')).toBeTruthy();
    expect((await db.sources.get(blog.id))?.public).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('Undone.');
    expect((await db.sources.get(blog.id))?.public).toBe(false);
  });
});
