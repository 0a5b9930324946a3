import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FetchFeedResponse } from '../../../shared/feeds/feed-schemas';
import { HostCallError } from '../../../shared/host-error';
import { addSource, DatabaseContext, recordFetchSuccess, upsertItems, type CommonplaceDb } from '../../data';
import { freshDatabaseForEachTest } from '../../data/migration-harness';
import { SeekProvider } from './seek-context';
import { SeekView } from './seek-view';
import { deferred, fakePipeline, fakeSeekHost, okResponse, parsedFeed, renderSeek } from './test-support';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened), { beforeDelete: cleanup });

async function addFeeds(count: number) {
  for (let index = 0; index < count; index += 1) {
    await addSource(db, { kind: 'feed', url: `https://feed${index}.example/rss`, title: `Feed ${String(index).padStart(2, '0')}` });
  }
}

/** A host whose fetches wait until the test releases them, counting how many are in flight. */
function gatedHost() {
  const gates = new Map<string, ReturnType<typeof deferred<FetchFeedResponse>>>();
  let inFlight = 0;
  let maxInFlight = 0;
  const host = fakeSeekHost({
    fetch: async ({ url }) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const gate = deferred<FetchFeedResponse>();
      gates.set(url, gate);
      try {
        return await gate.promise;
      } finally {
        inFlight -= 1;
      }
    },
  });
  return { host, gates, inFlight: () => inFlight, maxInFlight: () => maxInFlight };
}

const status = () => screen.getByRole('status');

describe('Refresh all', () => {
  it('fetches at most four at a time, shows progress and failures, and stores what came back', async () => {
    await addFeeds(10);
    const { host, gates, inFlight, maxInFlight } = gatedHost();
    renderSeek(db, host);
    const refresh = await screen.findByRole('button', { name: 'Refresh all' });
    await waitFor(() => expect(refresh).toHaveProperty('disabled', false)); // enabled once sources have loaded
    fireEvent.click(refresh);
    await waitFor(() => expect(inFlight()).toBe(4));
    expect(status().textContent).toBe('Refreshing 0 of 10');

    let released = 0;
    while (released < 10) {
      await waitFor(() => expect(gates.size).toBeGreaterThan(released));
      const [url, gate] = [...gates.entries()][released]!;
      if (released === 2) gate.reject(new HostCallError({ code: 'not-a-feed', message: 'This address does not serve a feed any more.' }));
      else gate.resolve(okResponse(parsedFeed('F', [{ guid: url, title: `Story from ${url}` }]), url));
      released += 1;
      if (released === 5) await waitFor(() => expect(status().textContent).toBe('Refreshing 5 of 10 · 1 failed'));
      expect(inFlight()).toBeLessThanOrEqual(4);
    }
    await waitFor(() => expect(status().textContent).toBe('Refreshed 10 sources · 9 new items · 1 failed'));
    expect(maxInFlight()).toBe(4);
    expect(await db.items.count()).toBe(9);
    expect(await screen.findByText('This address does not serve a feed any more.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  }, 20_000);

  it('refreshes hashtag and search sources with the feeds', async () => {
    await addFeeds(1);
    await addSource(db, { kind: 'mastodon-tag', url: 'https://social.example/api/v1/timelines/tag/pkm', title: '#pkm on social.example', query: '#pkm@social.example' });
    const host = fakeSeekHost({
      fetch: async ({ url }) => okResponse(parsedFeed('F', [{ guid: 'f1', title: 'A feed story' }]), url),
      source: async () => ({ kind: 'mastodon-tag', endpoint: 'https://social.example/api/v1/timelines/tag/pkm', title: '#pkm on social.example', feed: parsedFeed('#pkm', [{ guid: 'p1', title: 'A tagged post', link: 'https://social.example/@a/1' }]), cursor: '7' }),
    });
    renderSeek(db, host);
    const refresh = await screen.findByRole('button', { name: 'Refresh all' });
    await waitFor(() => expect(refresh).toHaveProperty('disabled', false));
    fireEvent.click(refresh);
    await waitFor(() => expect(status().textContent).toBe('Refreshed 2 sources · 2 new items'));
    expect(host.calls.map((call) => call.name).sort()).toEqual(['feed:fetch', 'source:fetch']);
    expect((await db.sources.where('url').equals('https://social.example/api/v1/timelines/tag/pkm').first())?.cursor).toBe('7');
  });

  it('sends stored validators, keeps items on a 304, and leaves the river usable meanwhile', async () => {
    await addFeeds(1);
    const [source] = await db.sources.toArray();
    await recordFetchSuccess(db, source!.id, { at: 1, etag: '"abc"', lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT' });
    await upsertItems(db, [{ dedupeKey: 'kept', sourceIds: [source!.id], title: 'Kept story', publishedAt: 1 }]);
    const { host, gates } = gatedHost();
    renderSeek(db, host);
    await screen.findByRole('option', { name: 'Kept story' });
    fireEvent.keyDown(document.body, { key: 'r' });
    await waitFor(() => expect(gates.size).toBe(1));
    expect(host.calls[0]?.request).toEqual({ url: source!.url, etag: '"abc"', lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT' });

    // Refreshing does not block triage.
    fireEvent.keyDown(document.body, { key: 'j' });
    await waitFor(() => expect(screen.getByRole('option', { name: 'Kept story' }).getAttribute('aria-selected')).toBe('true'));

    [...gates.values()][0]!.resolve({ status: 'not-modified', finalUrl: source!.url });
    await waitFor(() => expect(status().textContent).toBe('Refreshed 1 source · 0 new items'));
    expect(await db.items.count()).toBe(1);
  });

  it('refreshes due sources in the background while the app is open', async () => {
    await addFeeds(2);
    const host = fakeSeekHost({ fetch: async ({ url }) => okResponse(parsedFeed('F', [{ guid: url, title: `New at ${url}` }]), url) });
    render(
      <DatabaseContext.Provider value={db}>
        <SeekProvider host={host} pipeline={fakePipeline} schedule={{ firstLookMs: 10, everyMs: 60_000 }}>
          <SeekView />
        </SeekProvider>
      </DatabaseContext.Provider>,
    );
    await waitFor(async () => expect(await db.items.count()).toBe(2));
    expect(host.calls.map((call) => call.name)).toEqual(['feed:fetch', 'feed:fetch']);
    // Both are now scheduled an hour on, so nothing is due.
    const next = (await db.sources.toArray()).map((source) => source.nextFetchAt - Date.now());
    expect(next.every((ms) => ms > 50 * 60_000)).toBe(true);
  });
});
