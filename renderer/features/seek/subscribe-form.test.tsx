import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HostCallError } from '../../../shared/host-error';
import { addSource, listSources, type CommonplaceDb } from '../../data';
import { freshDatabaseForEachTest } from '../../data/migration-harness';
import { deferred, fakeSeekHost, okResponse, parsedFeed, renderSeek, type FakeAnswers } from './test-support';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened), { beforeDelete: cleanup });

const stories = Array.from({ length: 8 }, (_, index) => ({ guid: `g${index}`, title: `Story ${index + 1}`, published: `2024-01-0${index + 1}T00:00:00Z` }));
const blog = parsedFeed('Example Blog', stories);
const comments = parsedFeed('Example Comments', [{ guid: 'c1', title: 'A comment' }]);

const twoFeeds: FakeAnswers = {
  discover: async () => ({
    pageUrl: 'https://example.com/',
    isFeed: false,
    feeds: [
      { url: 'https://example.com/feed.xml', title: 'Posts', format: 'rss' },
      { url: 'https://example.com/comments.xml', title: 'Comments', format: 'atom' },
    ],
  }),
  fetch: async ({ url }) => okResponse(url.includes('comments') ? comments : blog, url, { etag: '"e1"' }),
};

async function openForm(answers: FakeAnswers) {
  const host = fakeSeekHost(answers);
  renderSeek(db, host);
  fireEvent.click(await screen.findByRole('button', { name: 'Add feed' }));
  const form = screen.getByRole('form', { name: 'Add a feed' });
  return { host, form };
}

function submitAddress(form: HTMLElement, address: string) {
  fireEvent.change(within(form).getByRole('textbox', { name: 'Feed or site URL' }), { target: { value: address } });
  fireEvent.click(within(form).getByRole('button', { name: 'Subscribe' }));
}

describe('subscribing', () => {
  it('discovers, lets the user choose, previews, and stores the source with its items', async () => {
    const { host, form } = await openForm(twoFeeds);
    expect(document.activeElement).toBe(within(form).getByRole('textbox', { name: 'Feed or site URL' }));
    submitAddress(form, 'example.com');

    const choice = await within(form).findByRole('radio', { name: /Comments/ });
    expect(within(form).getByRole('radio', { name: /Posts/ })).toHaveProperty('checked', true);
    expect(host.calls).toEqual([{ name: 'feed:discover', request: { url: 'https://example.com' } }]);
    fireEvent.click(choice);
    fireEvent.click(within(form).getByRole('button', { name: 'Preview' }));

    const preview = await within(form).findByRole('region', { name: 'Feed preview' });
    expect(within(preview).getByRole('heading').textContent).toBe('Example Comments');
    expect(preview.textContent).toContain('A comment');
    expect(await listSources(db)).toEqual([]); // nothing stored before the user confirms

    fireEvent.click(within(form).getByRole('button', { name: 'Subscribe' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Add a feed' })).toBeNull());
    const [source] = await listSources(db);
    expect(source).toMatchObject({ title: 'Example Comments', url: 'https://example.com/comments.xml', etag: '"e1"' });
    expect(host.calls.map((call) => call.name)).toEqual(['feed:discover', 'feed:fetch']); // not fetched twice
    expect(await screen.findByRole('option', { name: 'A comment' })).toBeTruthy();
    expect(screen.getByText(/Subscribed to “Example Comments”: 1 item/)).toBeTruthy();
  });

  it('goes straight to the preview when there is one feed, showing the first five titles', async () => {
    const { form } = await openForm({ ...twoFeeds, discover: async () => ({ pageUrl: 'https://example.com/feed.xml', isFeed: true, feeds: [{ url: 'https://example.com/feed.xml' }] }) });
    submitAddress(form, 'https://example.com/feed.xml');
    const preview = await within(form).findByRole('region', { name: 'Feed preview' });
    expect(within(preview).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Story 1', 'Story 2', 'Story 3', 'Story 4', 'Story 5']);
    expect(preview.textContent).toContain('Latest of 8 items');
    fireEvent.click(within(form).getByRole('button', { name: 'Subscribe' }));
    await waitFor(async () => expect(await db.items.count()).toBe(8));
  });

  it('refuses a duplicate politely, before fetching the feed again', async () => {
    await addSource(db, { kind: 'feed', url: 'https://example.com/feed.xml', title: 'My Example' });
    const { host, form } = await openForm({ ...twoFeeds, discover: async () => ({ pageUrl: 'https://example.com/', isFeed: true, feeds: [{ url: 'https://example.com/feed.xml' }] }) });
    submitAddress(form, 'https://example.com/');
    expect((await within(form).findByRole('alert')).textContent).toBe('You already follow this as “My Example”.');
    expect(host.calls.map((call) => call.name)).toEqual(['feed:discover']);
    expect(await listSources(db)).toHaveLength(1);
  });

  it('shows the host error in words, and lets the user try again', async () => {
    let fail = true;
    const { form } = await openForm({
      ...twoFeeds,
      discover: async () => {
        if (fail) throw new HostCallError({ code: 'not-a-feed', message: 'That page offers no feed Commonplace can read.' });
        return { pageUrl: 'https://example.com/feed.xml', isFeed: true, feeds: [{ url: 'https://example.com/feed.xml' }] };
      },
    });
    submitAddress(form, 'https://example.com/');
    expect((await within(form).findByRole('alert')).textContent).toBe('That page offers no feed Commonplace can read.');
    fail = false;
    fireEvent.click(within(form).getByRole('button', { name: 'Subscribe' }));
    await within(form).findByRole('region', { name: 'Feed preview' });
    expect(within(form).queryByRole('alert')).toBeNull();
  });

  it('says what it is doing while it waits, and does not submit twice', async () => {
    const answer = deferred<Awaited<ReturnType<NonNullable<FakeAnswers['discover']>>>>();
    const { host, form } = await openForm({ ...twoFeeds, discover: () => answer.promise });
    submitAddress(form, 'https://example.com/');
    expect(await within(form).findByText('Looking for feeds…')).toBeTruthy();
    expect(form.getAttribute('aria-busy')).toBe('true');
    expect(within(form).getByRole('button', { name: 'Subscribe' })).toHaveProperty('disabled', true);
    fireEvent.submit(form);
    answer.resolve({ pageUrl: 'https://example.com/', isFeed: false, feeds: [] });
    expect((await within(form).findByRole('alert')).textContent).toMatch(/No feed was found at https:\/\/example\.com\//);
    expect(host.calls).toHaveLength(1);
  });

  it('refuses an address that is not a web address without asking the host', async () => {
    const { host, form } = await openForm(twoFeeds);
    submitAddress(form, 'javascript:alert(1)');
    expect((await within(form).findByRole('alert')).textContent).toMatch(/is not a web address/);
    expect(host.calls).toEqual([]);
  });
});

describe('subscribing to a hashtag or a search', () => {
  it('takes #tag@instance in the same box, previews the newest posts, and stores the source with its query and cursor', async () => {
    const posts = parsedFeed('#pkm', [
      { guid: 'https://social.example/statuses/2', title: 'Evergreen notes', link: 'https://blog.example/evergreen' },
      { guid: 'https://social.example/statuses/1', title: 'Backlinks are underrated' },
    ]);
    const { host, form } = await openForm({
      source: async () => ({ kind: 'mastodon-tag', endpoint: 'https://social.example/api/v1/timelines/tag/pkm', title: '#pkm on social.example', feed: posts, cursor: '2' }),
    });
    submitAddress(form, '#pkm@social.example');
    const preview = await within(form).findByRole('region', { name: 'Feed preview' });
    expect(preview.textContent).toContain('#pkm on social.example');
    expect(preview.textContent).toContain('Evergreen notes');
    expect(host.calls.map((call) => call.name)).toEqual(['source:fetch']);
    fireEvent.click(within(form).getByRole('button', { name: 'Subscribe' }));
    await waitFor(async () => expect(await listSources(db)).toMatchObject([{ kind: 'mastodon-tag', title: '#pkm on social.example', query: '#pkm@social.example', cursor: '2', url: 'https://social.example/api/v1/timelines/tag/pkm' }]));
    await waitFor(async () => expect(await db.items.count()).toBe(2));
  });

  it('shows the host’s words when the search cannot be followed', async () => {
    const { form } = await openForm({
      source: async () => Promise.reject(new HostCallError({ code: 'invalid-request', message: '“hn:” is not a source Commonplace can follow.' })),
    });
    submitAddress(form, 'hn:x');
    expect(await within(form).findByText('“hn:” is not a source Commonplace can follow.')).toBeTruthy();
  });
});

describe('a search that needs an account', () => {
  it('asks for the Bluesky handle and app password with a Bluesky search, sends them to the host once, and never keeps them', async () => {
    const saved: unknown[] = [];
    const posts = parsedFeed('bsky', [{ guid: 'at://did:plc:a/app.bsky.feed.post/1', title: 'local-first notes' }]);
    const { host, form } = await openForm({
      more: {
        'secrets:status': async () => ({ saved: false, keptIn: 'Kept in plain text in /home/ada/.commonplace/secrets.json, readable only by your user account.' }),
        'secrets:set': async (request) => {
          saved.push(request);
          return {};
        },
      },
      source: async () => ({ kind: 'bluesky', endpoint: 'https://bsky.app/search?q=local-first', title: 'Bluesky: “local-first”', feed: posts }),
    });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Feed or site URL' }), { target: { value: 'bsky:local-first' } });
    const group = await within(form).findByRole('group', { name: /Your Bluesky account/ });
    await waitFor(() => expect(group.textContent).toContain('readable only by your user account'));
    fireEvent.change(within(group).getByRole('textbox', { name: 'Bluesky handle' }), { target: { value: '@me.example.com' } });
    fireEvent.change(within(group).getByLabelText('App password'), { target: { value: 'abcd-efgh-ijkl-mnop' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Subscribe' }));
    await within(form).findByRole('region', { name: 'Feed preview' });
    expect(saved).toEqual([{ key: { service: 'bluesky', account: 'account' }, value: JSON.stringify({ identifier: 'me.example.com', appPassword: 'abcd-efgh-ijkl-mnop' }) }]);
    expect(host.calls.map((call) => call.name)).toEqual(['secrets:status', 'secrets:set', 'source:fetch']);
    expect(document.body.innerHTML).not.toContain('abcd-efgh-ijkl-mnop');
  });

  it('asks for no account when following a Bluesky author', async () => {
    const { form } = await openForm({});
    fireEvent.change(within(form).getByRole('textbox', { name: 'Feed or site URL' }), { target: { value: 'bsky:@alice.bsky.social' } });
    expect(within(form).queryByRole('group', { name: /account/ })).toBeNull();
  });
});
