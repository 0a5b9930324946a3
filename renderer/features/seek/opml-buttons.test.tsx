import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { addSource, listSources, type CommonplaceDb } from '../../data';
import { freshDatabaseForEachTest } from '../../data/migration-harness';
import { defaultPipeline } from './default-pipeline';
import { readFileText } from './opml-transfer';
import { fakeSeekHost, renderSeek } from './test-support';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened), {
  beforeDelete: () => {
    cleanup();
    vi.restoreAllMocks();
  },
});

const opml = `<?xml version="1.0"?><opml version="2.0"><body>
  <outline text="Tech"><outline type="rss" text="One" xmlUrl="https://one.example/feed"/><outline type="rss" text="Two" xmlUrl="https://two.example/feed"/></outline>
  <outline type="rss" text="Two again" xmlUrl="https://two.example/feed"/>
  <outline type="rss" text="Bad" xmlUrl="javascript:alert(1)"/>
</body></opml>`;

function choose(text: string, name = 'subs.opml') {
  const picker = document.querySelector<HTMLInputElement>('input[type="file"]')!;
  fireEvent.change(picker, { target: { files: [new File([text], name, { type: 'text/x-opml' })] } });
}

describe('Import OPML', () => {
  it('imports through the file picker, reports what it skipped, and offers to refresh', async () => {
    const host = fakeSeekHost({ fetch: async ({ url }) => ({ status: 'not-modified', finalUrl: url }) });
    renderSeek(db, host, defaultPipeline);
    await screen.findByRole('button', { name: 'Import OPML' });
    const click = vi.spyOn(HTMLInputElement.prototype, 'click');
    fireEvent.click(screen.getByRole('button', { name: 'Import OPML' }));
    expect(click).toHaveBeenCalled(); // the button opens the hidden picker

    choose(opml);
    const report = await screen.findByRole('region', { name: 'OPML import' });
    expect(report.textContent).toContain('Imported 2 feeds, skipped 2 (duplicate, invalid URL).');
    expect(within(report).getByText('Show what was skipped')).toBeTruthy();
    expect(report.textContent).toContain('Bad (javascript:alert(1))');
    expect((await listSources(db)).map((source) => [source.title, source.folder])).toEqual([
      ['One', 'Tech'],
      ['Two', 'Tech'],
    ]);

    fireEvent.click(within(report).getByRole('button', { name: 'Refresh imported feeds' }));
    await waitFor(() => expect(host.calls.map((call) => (call.request as { url: string }).url).sort()).toEqual(['https://one.example/feed', 'https://two.example/feed']));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Refreshed 2 sources · 0 new items'));
  });

  it('says in words when the file is not OPML', async () => {
    renderSeek(db, fakeSeekHost({}), defaultPipeline);
    await screen.findByRole('button', { name: 'Import OPML' });
    choose('{"not": "opml"}', 'notes.json');
    // shared/opml's own words, not the fallback for unreadable files.
    expect((await screen.findByRole('alert')).textContent).toBe('This file is not an OPML subscription list.');
    expect(await listSources(db)).toEqual([]);
  });
});

describe('Export OPML', () => {
  it('downloads every subscription as commonplace-subscriptions.opml', async () => {
    await addSource(db, { kind: 'feed', url: 'https://one.example/feed', title: 'One', folder: 'Tech' });
    const blobs: Blob[] = [];
    const created = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:fake';
    });
    const original = { createObjectURL: URL.createObjectURL, revokeObjectURL: URL.revokeObjectURL };
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() });
    onTestFinished(() => {
      Object.assign(URL, original);
    });
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    renderSeek(db, fakeSeekHost({}), defaultPipeline);
    fireEvent.click(await screen.findByRole('button', { name: 'Export OPML' }));
    await waitFor(() => expect(names).toEqual(['commonplace-subscriptions.opml']));
    const text = await readFileText(blobs[0]!);
    expect(text).toContain('xmlUrl="https://one.example/feed"');
    expect(text).toMatch(/<outline text="Tech"/);
  });
});
