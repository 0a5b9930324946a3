// Share as the shell mounts it, over a real (fake-indexeddb) library and a host whose output folder lives in
// memory: New digest gathers the week, entries get commentary and move by keyboard, Publish writes the site,
// publishing again updates the log rather than adding to it, and a deleted digest comes back with Undo.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addSource, createNote, DatabaseContext, setItemState, upsertItems, type CommonplaceDb } from '../../data';
import { freshDatabaseForEachTest } from '../../data/migration-harness';
import { HostContext } from '../../host/host-context';
import { folderHost, type FolderHost } from './publish/folder-host';
import { ShareView } from '.';

let db: CommonplaceDb;
let host: FolderHost;
freshDatabaseForEachTest((opened) => (db = opened), { beforeDelete: cleanup });

beforeEach(() => {
  window.location.hash = '#/share';
  host = folderHost();
});
afterEach(() => {
  window.location.hash = '';
});

function show() {
  return render(
    <DatabaseContext.Provider value={db}>
      <HostContext.Provider value={host}>
        <ShareView />
      </HostContext.Provider>
    </DatabaseContext.Provider>,
  );
}

async function starThree(): Promise<void> {
  const source = await addSource(db, { kind: 'feed', url: 'https://blog.example/feed', title: 'The Blog' });
  const { addedIds } = await upsertItems(
    db,
    ['Alpha', 'Beta', 'Gamma'].map((title, at) => ({ dedupeKey: title, sourceIds: [source.id], title, link: `https://blog.example/${at}`, publishedAt: Date.now() - 86_400_000 })),
  );
  // Starred in this order, so the digest lists them Alpha, Beta, Gamma.
  for (const id of addedIds) {
    await setItemState(db, id, { starred: true });
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

const entryTitles = () =>
  within(screen.getByRole('list', { name: 'Entries' }))
    .getAllByRole('listitem')
    .map((item) => item.getAttribute('aria-label'));

describe('Share', () => {
  it('starts empty, saying what a digest is and how to begin', async () => {
    show();
    expect(await screen.findByRole('heading', { name: 'Turn a week of reading into a post' })).toBeTruthy();
    expect(await screen.findByText(/No digests yet/)).toBeTruthy();
  });

  it('New digest gathers the starred items; commentary is saved as typed and entries move with Alt+arrows', async () => {
    await starThree();
    show();
    fireEvent.click(await screen.findByRole('button', { name: 'New digest' }));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/share\/digest\//));
    await waitFor(() => expect(entryTitles()).toEqual(['1 of 3: Alpha', '2 of 3: Beta', '3 of 3: Gamma']));
    expect((screen.getByRole('textbox', { name: 'Digest title' }) as HTMLInputElement).value).toMatch(/^Finds — \d{1,2} \w+ \d{4}$/);

    fireEvent.change(screen.getByRole('textbox', { name: 'Commentary on “Beta”' }), { target: { value: 'The one to read first.' } });
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Commentary on “Beta”' }), { key: 'ArrowUp', altKey: true });
    await waitFor(() => expect(entryTitles()).toEqual(['1 of 3: Beta', '2 of 3: Alpha', '3 of 3: Gamma']));
    fireEvent.click(screen.getByRole('button', { name: 'Move “Gamma” up' }));
    await waitFor(() => expect(entryTitles()).toEqual(['1 of 3: Beta', '2 of 3: Gamma', '3 of 3: Alpha']));
    // Dragging works too: Alpha (last) dropped on the first entry goes first.
    const rows = () => within(screen.getByRole('list', { name: 'Entries' })).getAllByRole('listitem');
    fireEvent.dragStart(rows()[2]!, { dataTransfer: { effectAllowed: 'none' } });
    fireEvent.dragOver(rows()[0]!);
    fireEvent.drop(rows()[0]!);
    await waitFor(() => expect(entryTitles()).toEqual(['1 of 3: Alpha', '2 of 3: Beta', '3 of 3: Gamma']));
    fireEvent.change(screen.getByRole('textbox', { name: 'Introduction' }), { target: { value: 'A week of memory.' } });

    await waitFor(async () => {
      const [digest] = await db.digests.toArray();
      expect(digest!.intro).toBe('A week of memory.');
      expect(digest!.entries.map((entry) => entry.commentary)).toEqual(['', 'The one to read first.', '']);
    });
    expect(await screen.findByRole('link', { name: /Finds — .*Draft · 3 entries/ })).toBeTruthy();
  });

  it('previews, publishes to the output folder, and publishing again updates the one log entry', async () => {
    await starThree();
    show();
    fireEvent.click(await screen.findByRole('button', { name: 'New digest' }));
    await waitFor(() => expect(screen.getAllByRole('listitem').length).toBeGreaterThan(0));
    fireEvent.change(await screen.findByRole('textbox', { name: 'Commentary on “Alpha”' }), { target: { value: 'Start here.' } });

    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    const preview = await screen.findByRole('region', { name: 'Preview' });
    await waitFor(() => expect(preview.textContent).toContain('Start here.'));
    expect(within(preview).getByRole('link', { name: 'Alpha' }).getAttribute('href')).toBe('https://blog.example/0');

    fireEvent.click(screen.getByRole('button', { name: 'Publish' }));
    const panel = await screen.findByRole('form', { name: 'Publish' });
    fireEvent.click(within(panel).getByRole('button', { name: 'Publish now' }));
    expect(await within(panel).findByText('Choose the output folder for the site first.')).toBeTruthy();

    fireEvent.change(within(panel).getByRole('textbox', { name: 'Output folder' }), { target: { value: '/home/ada/site' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Publish now' }));
    await within(panel).findByText(/Published\. 8 files written, 0 unchanged\./);
    const files = host.folders.get('/home/ada/site')!;
    expect(files.get('feed.json')).toContain('Start here.');
    const log = await screen.findByRole('list', { name: 'Publications' });
    expect(log.textContent).toMatch(/^Published to the static site on .* — file:\/\/\/home\/ada\/site\/posts\/finds-.*\.html$/);

    fireEvent.click(within(panel).getByRole('button', { name: 'Publish now' }));
    await within(panel).findByText(/Published\. 0 files written, 8 unchanged\./);
    await waitFor(async () => expect(await db.publications.count()).toBe(1));
    // The folder is remembered for next time.
    await waitFor(async () => expect((await db.settings.get('share.site'))?.value).toMatchObject({ folder: '/home/ada/site' }));
  });

  it('publishes a single note as a post, listed afterwards under Published notes', async () => {
    const note = await createNote(db, { title: 'Working in the open', doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Why I publish my notes.' }] }] } });
    window.location.hash = `#/share/note/${note.id}`;
    show();
    const preview = await screen.findByRole('region', { name: 'Preview' });
    await waitFor(() => expect(preview.textContent).toContain('Why I publish my notes.'));
    fireEvent.click(screen.getByRole('button', { name: 'Publish' }));
    const panel = await screen.findByRole('form', { name: 'Publish' });
    fireEvent.change(within(panel).getByRole('textbox', { name: 'Output folder' }), { target: { value: '/srv/notes' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Publish now' }));
    await within(panel).findByText(/Published\./);
    expect(host.folders.get('/srv/notes')!.get('posts/working-in-the-open.html')).toContain('Why I publish my notes.');
    const sidebar = screen.getByRole('navigation', { name: 'Digests' });
    expect(await within(sidebar).findByRole('link', { name: 'Working in the open' })).toBeTruthy();
  });

  it('deletes a digest with Undo', async () => {
    show();
    fireEvent.click(await screen.findByRole('button', { name: 'New digest' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete digest' }));
    await waitFor(async () => expect(await db.digests.count()).toBe(0));
    await act(async () => fireEvent.click(await screen.findByRole('button', { name: 'Undo' })));
    await waitFor(async () => expect(await db.digests.count()).toBe(1));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/share\/digest\//));
  });
});
