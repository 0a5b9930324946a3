import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HostCallError } from '../../../shared/host-error';
import type { ExtractedArticle } from '../../../shared/feeds/article-schemas';
import type { Id, Item } from '../../../shared/model';
import { DatabaseContext, upsertItems, type CommonplaceDb } from '../../data';
import { freshDatabaseForEachTest } from '../../data/migration-harness';
import { Reader } from './reader';
import { SeekProvider } from './seek-context';
import { fakePipeline, fakeSeekHost, type FakeSeekHost } from './test-support';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened), {
  beforeDelete: () => {
    cleanup();
    delete (window as unknown as Record<string, unknown>).__pwned;
  },
});

const hostileSummary = [
  '<p>Hello <strong>reader</strong>.</p>',
  '<script>window.__pwned = 1</script>',
  '<img src="https://example.com/x.png" onerror="window.__pwned = 1">',
  '<a href="javascript:window.__pwned = 1">a trap</a>',
  '<iframe src="https://evil.example/"></iframe>',
  '<p style="position:fixed" onclick="window.__pwned = 1">styled</p>',
].join('');

async function story(overrides: Partial<Pick<Item, 'title' | 'author' | 'link' | 'summaryHtml' | 'enclosures' | 'extras'>> = {}): Promise<Id> {
  const { addedIds } = await upsertItems(db, [
    { dedupeKey: 'k', sourceIds: ['s1'], title: 'A hostile story', author: 'Mallory', publishedAt: Date.UTC(2024, 0, 2), link: 'https://example.com/story', summaryHtml: hostileSummary, ...overrides },
  ]);
  return addedIds[0]!;
}

const article: ExtractedArticle = {
  finalUrl: 'https://example.com/story',
  html: `<p>${'Full words here. '.repeat(300)}</p><script>window.__pwned = 1</script>`,
  text: 'Full words here. '.repeat(300),
  wordCount: 900,
  readingMinutes: 4,
  byline: 'Ada Reader',
};

function show(itemId: Id | undefined, host: FakeSeekHost = fakeSeekHost({})) {
  return render(
    <DatabaseContext.Provider value={db}>
      <SeekProvider host={host} pipeline={fakePipeline} schedule={false}>
        <Reader itemId={itemId} sourceTitles={new Map([['s1', 'Example Blog']])} />
      </SeekProvider>
    </DatabaseContext.Provider>,
  );
}

describe('Reader', () => {
  it('lists a podcast episode with a player, its size and duration; drops non-web addresses', async () => {
    show(
      await story({
        enclosures: [
          { url: 'https://cdn.example.com/ep%2012.mp3', type: 'audio/mpeg', length: 12_345_678 },
          { url: 'javascript:alert(1)', type: 'audio/mpeg' },
          { url: 'https://cdn.example.com/cover.jpg', type: 'image/jpeg' },
        ],
        extras: { 'itunes:duration': '42:10' },
      }),
    );
    const attachments = await screen.findByRole('region', { name: 'Attachments' });
    const links = within(attachments).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['https://cdn.example.com/ep%2012.mp3']);
    expect(links[0]!.textContent).toBe('ep 12.mp3');
    expect(attachments.textContent).toContain('audio/mpeg · 12.3 MB · 42:10');
    expect(attachments.querySelector('audio')?.getAttribute('src')).toBe('https://cdn.example.com/ep%2012.mp3');
  });

  it('shows no attachments section for an item without any', async () => {
    show(await story());
    await screen.findByRole('link', { name: 'A hostile story' });
    expect(screen.queryByRole('region', { name: 'Attachments' })).toBeNull();
  });

  it('is a region named Reader even when nothing is open', () => {
    show(undefined);
    expect(screen.getByRole('region', { name: 'Reader' }).textContent).toMatch(/Choose an item/);
  });

  it('shows title (linked), source, author, date and reading time, and sanitises hostile content', async () => {
    show(await story());
    const reader = screen.getByRole('region', { name: 'Reader' });
    const title = await within(reader).findByRole('link', { name: 'A hostile story' });
    expect(title.getAttribute('href')).toBe('https://example.com/story');
    expect(title.getAttribute('rel')).toContain('noopener');
    expect(reader.textContent).toContain('Example Blog');
    expect(reader.textContent).toContain('Mallory');
    expect(reader.textContent).toContain('2024');
    expect(reader.textContent).toContain('1 min read');
    expect(within(reader).getByRole('link', { name: 'Open original' }).getAttribute('href')).toBe('https://example.com/story');

    const content = reader.querySelector('.reader__content')!;
    expect(content.textContent).toContain('Hello reader.');
    expect(content.querySelector('script, iframe')).toBeNull();
    expect(content.innerHTML).not.toMatch(/onerror|onclick|javascript:|style=/i);
    expect(within(reader).getByText('a trap').hasAttribute('href')).toBe(false);
    expect((window as unknown as Record<string, unknown>).__pwned).toBeUndefined();
  });

  it('offers no link to an original that is not http(s)', async () => {
    show(await story({ link: 'javascript:alert(1)' }));
    const reader = screen.getByRole('region', { name: 'Reader' });
    await within(reader).findByRole('heading', { name: 'A hostile story' });
    expect(within(reader).queryByRole('link', { name: 'Open original' })).toBeNull();
    expect(within(reader).queryByRole('link', { name: 'A hostile story' })).toBeNull();
    expect(within(reader).queryByRole('button', { name: 'Full text' })).toBeNull();
  });

  it('fetches the full text once, stores it, sanitises it, and shows it offline afterwards', async () => {
    const id = await story();
    const host = fakeSeekHost({ extract: async () => article });
    const { unmount } = show(id, host);
    fireEvent.click(await screen.findByRole('button', { name: 'Full text' }));
    await screen.findByText(/Full text, saved/);
    const reader = screen.getByRole('region', { name: 'Reader' });
    expect(reader.textContent).toContain('Full words here.');
    expect(reader.textContent).toContain('Ada Reader');
    expect(reader.textContent).toContain('4 min read');
    expect(reader.querySelector('script')).toBeNull();
    expect(await db.articles.get(id)).toMatchObject({ itemId: id, byline: 'Ada Reader' });
    expect(host.calls).toEqual([{ name: 'article:extract', request: { url: 'https://example.com/story' } }]);
    unmount();

    const offline = fakeSeekHost({});
    show(id, offline);
    expect(await screen.findByText(/Full text, saved/)).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Reader' }).textContent).toContain('Full words here.');
    expect(offline.calls).toEqual([]);
    // The feed's own text is one press away.
    fireEvent.click(screen.getByRole('button', { name: 'Full text' }));
    await waitFor(() => expect(screen.getByRole('region', { name: 'Reader' }).textContent).toContain('Hello reader.'));
  });

  it('shows an extraction error in words', async () => {
    const host = fakeSeekHost({ extract: async () => Promise.reject(new HostCallError({ code: 'unavailable', message: 'Full text is not available yet.' })) });
    show(await story(), host);
    fireEvent.click(await screen.findByRole('button', { name: 'Full text' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Full text is not available yet.');
    expect(screen.getByRole('button', { name: 'Full text' })).toHaveProperty('disabled', false);
  });
});

describe('a post from a hashtag or search source', () => {
  it('shows its author with the avatar, and links the post itself beside the article it shares', async () => {
    const id = await story({
      title: 'An article a post shared',
      author: 'Ada (@ada@social.example)',
      link: 'https://blog.example/article',
      extras: { authorAvatar: 'https://social.example/avatars/ada.png', postUrl: 'https://social.example/@ada/1' },
    });
    show(id);
    const reader = await screen.findByRole('region', { name: 'Reader' });
    await waitFor(() => expect(reader.textContent).toContain('Ada (@ada@social.example)'));
    expect(reader.querySelector('img.reader__avatar')?.getAttribute('src')).toBe('https://social.example/avatars/ada.png');
    expect(within(reader).getByRole('link', { name: 'View the post' }).getAttribute('href')).toBe('https://social.example/@ada/1');
  });

  it('shows no avatar or post link from an address that is not the web', async () => {
    const id = await story({ extras: { authorAvatar: 'javascript:alert(1)', postUrl: 'data:text/html,x' } });
    show(id);
    const reader = await screen.findByRole('region', { name: 'Reader' });
    await waitFor(() => expect(reader.textContent).toContain('Mallory'));
    expect(reader.querySelector('img.reader__avatar')).toBeNull();
    expect(within(reader).queryByRole('link', { name: 'View the post' })).toBeNull();
  });
});
