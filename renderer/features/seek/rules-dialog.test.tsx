import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Source } from '../../../shared/model';
import { addRule, addSource, listRules, upsertItems, type CommonplaceDb } from '../../data';
import { freshDatabaseForEachTest } from '../../data/migration-harness';
import { fakeSeekHost, renderSeek } from './test-support';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened), { beforeDelete: cleanup });

const river = () => screen.getByRole('listbox');
// Every row, a loading one (an aria-hidden placeholder, not an option) as '(loading)', so a
// river still filling in never passes for a shorter one.
const titles = () => [...river().querySelectorAll('.river-row')].map((row) => row.querySelector('.river-row__title')?.textContent ?? '(loading)');
const sidebar = () => screen.getByRole('navigation', { name: 'Sources' });

async function seed(): Promise<{ blog: Source; news: Source }> {
  const blog = await addSource(db, { kind: 'feed', url: 'https://blog.example/feed', title: 'Blog' });
  const news = await addSource(db, { kind: 'feed', url: 'https://news.example/feed', title: 'News' });
  await upsertItems(db, [
    { dedupeKey: '1', sourceIds: [blog.id], title: 'Crypto prices today', publishedAt: 1_000 },
    { dedupeKey: '2', sourceIds: [news.id], title: 'Crypto news roundup', publishedAt: 2_000 },
    { dedupeKey: '3', sourceIds: [blog.id], title: 'Gardening in winter', publishedAt: 3_000, summaryHtml: '<p>A weekly <b>letter</b></p>' },
  ]);
  return { blog, news };
}

async function openRules() {
  fireEvent.click(await within(await screen.findByRole('navigation', { name: 'Sources' })).findByRole('button', { name: 'Mute and keep rules' }));
  return screen.findByRole('dialog', { name: 'Mute and keep rules' });
}

describe('mute and keep rules in the river', () => {
  it('a muted story leaves the river and the unread counts, at once, and comes back when the rule is deleted', async () => {
    await seed();
    renderSeek(db, fakeSeekHost({}));
    await waitFor(() => expect(titles()).toEqual(['Gardening in winter', 'Crypto news roundup', 'Crypto prices today']));
    expect(await screen.findByText('3 unread')).toBeTruthy();

    const dialog = await openRules();
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Pattern' }), { target: { value: 'CRYPTO' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add rule' }));

    await waitFor(() => expect(titles()).toEqual(['Gardening in winter']));
    expect(await screen.findByText('1 unread')).toBeTruthy();
    expect(within(sidebar()).getByRole('button', { name: 'News' }).getAttribute('aria-describedby')).toBeNull(); // no unread left there
    expect(within(dialog).getByText(/Mute keyword “CRYPTO” in title, summary, all sources/)).toBeTruthy();

    // Disabling brings the stories back; enabling hides them again; deleting brings them back.
    const enabled = within(dialog).getByRole('checkbox', { name: /Enabled: Mute keyword/ });
    fireEvent.click(enabled);
    await waitFor(() => expect(titles()).toHaveLength(3));
    fireEvent.click(enabled);
    await waitFor(() => expect(titles()).toEqual(['Gardening in winter']));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete rule' }));
    await waitFor(() => expect(titles()).toHaveLength(3));
    expect(await listRules(db)).toEqual([]);
  });

  it('a story that arrives after the rule is hidden too', async () => {
    const { news } = await seed();
    await addRule(db, { action: 'mute', pattern: 'giveaway', kind: 'keyword', scope: { kind: 'global' }, fields: ['title'] });
    renderSeek(db, fakeSeekHost({}));
    await waitFor(() => expect(titles()).toHaveLength(3));
    await act(async () => {
      await upsertItems(db, [
        { dedupeKey: '4', sourceIds: [news.id], title: 'Big Giveaway!', publishedAt: 4_000 },
        { dedupeKey: '5', sourceIds: [news.id], title: 'Real news', publishedAt: 5_000 },
      ]);
    });
    await waitFor(() => expect(titles()).toEqual(['Real news', 'Gardening in winter', 'Crypto news roundup', 'Crypto prices today']));
  });

  it('a kept story shows its badge, with accessible text, and keep wins over mute', async () => {
    await seed();
    await addRule(db, { action: 'mute', pattern: 'crypto', kind: 'keyword', scope: { kind: 'global' }, fields: ['title'] });
    await addRule(db, { action: 'keep', pattern: 'round\\s*up|weekly', kind: 'regex', scope: { kind: 'global' }, fields: ['title', 'summary'] });
    renderSeek(db, fakeSeekHost({}));
    await waitFor(() => expect(titles()).toEqual(['Gardening in winter', 'Crypto news roundup']));
    const kept = screen.getByRole('option', { name: 'Crypto news roundup' });
    expect(kept.querySelector('.river-row__kept')?.textContent).toBe(' Kept by a rule');
    // The badge is part of the row's description, so screen readers say it.
    expect(document.getElementById(kept.getAttribute('aria-describedby')!)?.textContent).toMatch(/Kept by a rule/);
    expect(screen.getByRole('option', { name: 'Gardening in winter' }).querySelector('.river-row__kept')).not.toBeNull(); // "weekly" in its summary
  });

  it('a rule for one source affects only that source', async () => {
    const { blog } = await seed();
    renderSeek(db, fakeSeekHost({}));
    await waitFor(() => expect(titles()).toHaveLength(3));
    const dialog = await openRules();
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Pattern' }), { target: { value: 'crypto' } });
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Sources' }), { target: { value: blog.id } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add rule' }));
    await waitFor(() => expect(titles()).toEqual(['Gardening in winter', 'Crypto news roundup']));
    expect(within(dialog).getByText(/only Blog/)).toBeTruthy();
    expect((await listRules(db))[0]?.scope).toEqual({ kind: 'source', sourceId: blog.id });
  });

  it('an invalid regex is reported in words and not saved', async () => {
    await seed();
    renderSeek(db, fakeSeekHost({}));
    await waitFor(() => expect(titles()).toHaveLength(3));
    const dialog = await openRules();
    const pattern = within(dialog).getByRole('textbox', { name: 'Pattern' });
    fireEvent.change(pattern, { target: { value: '(crypto' } });
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Match as' }), { target: { value: 'regex' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add rule' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toMatch(/This regular expression is not valid: unterminated group/i);
    expect(pattern.getAttribute('aria-invalid')).toBe('true');
    expect(await within(dialog).findByText('No rules yet.')).toBeTruthy(); // the list may still be loading
    expect(await listRules(db)).toEqual([]);
    expect(titles()).toHaveLength(3);
  });
});
