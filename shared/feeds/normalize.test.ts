import { describe, expect, it } from 'vitest';
import type { Item } from '../model';
import type { ParsedFeed, ParsedItem } from './feed-schemas';
import { type NormalizedItem, normalizeFeed } from './normalize';

const fetchedAt = Date.UTC(2026, 5, 15, 12, 0, 0);
const context = { feedUrl: 'https://example.com/blog/feed.xml', sourceId: 'src-1', fetchedAt };

function parsedItem(overrides: Partial<ParsedItem> = {}): ParsedItem {
  return { enclosures: [], categories: [], extras: {}, ...overrides };
}

function feedOf(items: Partial<ParsedItem>[], overrides: Partial<ParsedFeed> = {}): ParsedFeed {
  return { format: 'rss', title: 'Example', items: items.map(parsedItem), ...overrides };
}

const only = (item: Partial<ParsedItem>, ctx = context): NormalizedItem => {
  const [first] = normalizeFeed(feedOf([item]), ctx).items;
  if (!first) throw new Error('no item');
  return first;
};

describe('normalizeFeed: links', () => {
  it.each([
    // xml:base of the entry wins over the feed address (Fluent Reader 692).
    ['against the entry base (xml:base)', { link: 'posts/1', baseUrl: 'https://cdn.example.org/base/' }, 'https://cdn.example.org/base/posts/1'],
    ['against the feed URL when there is no entry base', { link: 'posts/1' }, 'https://example.com/blog/posts/1'],
    ['root-relative against the feed host, never the app origin (Miniflux 899)', { link: '/posts/1' }, 'https://example.com/posts/1'],
    ['a relative entry base resolved against the feed first', { link: 'x', baseUrl: '/other/' }, 'https://example.com/other/x'],
    ['a permalink GUID when there is no link', { guid: 'https://example.com/p/7' }, 'https://example.com/p/7'],
    ['javascript: dropped', { link: 'javascript:alert(1)' }, undefined],
    ['a non-URL GUID is not a link', { guid: 'urn:uuid:1234' }, undefined],
  ])('%s', (_label, item, expected) => {
    expect(only(item).link).toBe(expected);
  });

  it('resolves enclosures and the image against the entry base, dropping unusable ones', () => {
    const item = only({
      baseUrl: 'https://media.example.net/ep/',
      imageUrl: 'cover.jpg',
      enclosures: [
        { url: 'ep1.mp3', type: 'audio/mpeg', length: 1234 },
        { url: 'https://media.example.net/ep/ep1.mp3', type: 'audio/mpeg' },
        { url: 'data:audio/mpeg;base64,AAAA' },
        { url: 'notes.pdf', length: -1 },
      ],
    });
    expect(item.imageUrl).toBe('https://media.example.net/ep/cover.jpg');
    expect(item.enclosures).toEqual([
      { url: 'https://media.example.net/ep/ep1.mp3', type: 'audio/mpeg', length: 1234 },
      { url: 'https://media.example.net/ep/notes.pdf' },
    ]);
  });

  it.each([
    ['the item image first', { imageUrl: 'https://x.com/a.png', enclosures: [{ url: 'https://x.com/b.jpg', type: 'image/jpeg' }] }, 'https://x.com/a.png'],
    ['else an image enclosure (Fluent Reader 497)', { enclosures: [{ url: 'https://x.com/e.mp3', type: 'audio/mpeg' }, { url: 'https://x.com/b.jpg', type: 'image/jpeg' }] }, 'https://x.com/b.jpg'],
    ['an untyped enclosure that looks like an image', { enclosures: [{ url: 'https://x.com/pic.webp?w=600' }] }, 'https://x.com/pic.webp?w=600'],
    ['no image from audio only', { enclosures: [{ url: 'https://x.com/e.mp3' }] }, undefined],
  ])('picks %s', (_label, item, expected) => {
    expect(only(item).imageUrl).toBe(expected);
  });
});

describe('normalizeFeed: titles and text', () => {
  it.each([
    ['cleaned', { title: '  <b>Caf&eacute;</b> &amp; more\n' }, 'Café & more'],
    ['from the text when missing', { summaryHtml: '<p>Just a short status update with no title at all, as microblogs and Mastodon posts do.</p>' }, 'Just a short status update with no title at all, as microblogs and Mastodon…'],
    ['from the link when there is no text', { link: 'https://example.com/p/1' }, 'https://example.com/p/1'],
    ['empty when there is nothing', {}, ''],
  ])('title %s', (_label, item, expected) => {
    expect(only(item).title).toBe(expected);
  });

  it('reads RSS "email (Name)" authors and cleans categories', () => {
    const item = only({ author: 'jane@example.com (Jane Doe)', categories: [' News ', 'news', '<i>Tech</i>', ''] });
    expect(item.author).toBe('Jane Doe');
    expect(item.categories).toEqual(['News', 'Tech']);
  });

  it('cleans the feed title, and falls back to the site host', () => {
    expect(normalizeFeed(feedOf([], { title: 'My &lt;Blog&gt;' }), context).title).toBe('My <Blog>');
    expect(normalizeFeed(feedOf([], { title: ' ', siteUrl: 'https://www.example.com/' }), context).title).toBe('www.example.com');
    expect(normalizeFeed(feedOf([], { title: undefined }), context).title).toBe('example.com');
  });

  it('normalises feed fields and leaves out what is missing', () => {
    const feed = normalizeFeed(feedOf([], { siteUrl: '/', imageUrl: 'logo.png', description: '<p>About &amp; more</p>', language: ' en-GB ', ttlMinutes: 60 }), context);
    expect(feed).toEqual({ title: 'Example', siteUrl: 'https://example.com/', imageUrl: 'https://example.com/blog/logo.png', description: 'About & more', language: 'en-GB', ttlMinutes: 60, items: [] });
    const bare = normalizeFeed(feedOf([], { ttlMinutes: -5 }), context);
    expect(Object.keys(bare).sort()).toEqual(['items', 'title']);
  });
});

describe('normalizeFeed: dates', () => {
  const hour = 3_600_000;
  it.each([
    ['PST (Miniflux 290)', { published: 'Mon, 03 Dec 2018 13:03:47 PST' }, Date.UTC(2018, 11, 3, 21, 3, 47)],
    ['GMT+7 (Miniflux 1233)', { published: 'Sun, 05 Sep 2021 15:43:54 GMT+7' }, Date.UTC(2021, 8, 5, 8, 43, 54)],
    ['no zone is UTC', { published: '2021-09-05 15:43:54' }, Date.UTC(2021, 8, 5, 15, 43, 54)],
    ['updated when published is missing', { updated: '2021-09-05T00:00:00Z' }, Date.UTC(2021, 8, 5)],
    ['no date: first seen', {}, fetchedAt],
    ['unreadable date: first seen', { published: 'last Tuesday' }, fetchedAt],
    ['future: clamped to the fetch time', { published: new Date(fetchedAt + 72 * hour).toUTCString() }, fetchedAt],
  ])('%s', (_label, item, expected) => {
    const normalized = only(item);
    expect(normalized.publishedAt).toBe(expected);
    expect(normalized.firstSeenAt).toBe(fetchedAt);
  });

  it('keeps the updated date apart, and never in the future', () => {
    expect(only({ published: '2021-01-01T00:00:00Z', updated: '2021-02-01T00:00:00Z' }).updatedAt).toBe(Date.UTC(2021, 1, 1));
    expect(only({ updated: '2099-01-01T00:00:00Z' }).updatedAt).toBe(fetchedAt);
    expect('updatedAt' in only({})).toBe(false);
  });
});

describe('normalizeFeed: identity across refreshes', () => {
  const noDates = feedOf([{ title: 'First', summaryHtml: '<p>One</p>' }, { title: 'Second', summaryHtml: '<p>Two</p>' }]);

  it('does not duplicate a feed without dates, GUIDs or links on each refresh (Fluent Reader 286)', () => {
    const first = normalizeFeed(noDates, context).items.map((item) => item.dedupeKey);
    const later = normalizeFeed(noDates, { ...context, fetchedAt: fetchedAt + 86_400_000 }).items.map((item) => item.dedupeKey);
    expect(later).toEqual(first);
    expect(new Set(first).size).toBe(2);
  });

  it('survives a feed that gives every item the same GUID', () => {
    const items = normalizeFeed(feedOf([1, 2, 3].map((n) => ({ guid: 'item', title: `Post ${n}`, link: `/p/${n}` }))), context).items;
    expect(items.map((item) => item.dedupeKey)).toEqual(['url:https://example.com/p/1', 'url:https://example.com/p/2', 'url:https://example.com/p/3']);
  });

  it('keeps the key when the link gains tracking parameters', () => {
    const before = only({ link: 'https://example.com/p/1' }).dedupeKey;
    expect(only({ link: 'https://example.com/p/1?utm_source=feed&utm_medium=rss' }).dedupeKey).toBe(before);
  });

  it('does not depend on the source id', () => {
    expect(only({ guid: 'a' }, { ...context, sourceId: 'other' }).dedupeKey).toBe(only({ guid: 'a' }).dedupeKey);
  });

  it('merges a story listed twice in one fetch, first one wins', () => {
    const items = normalizeFeed(feedOf([{ guid: 'x', title: 'Once' }, { guid: 'x', title: 'Once' }, { guid: 'y', title: 'Other' }]), context).items;
    expect(items.map((item) => item.title)).toEqual(['Once', 'Other']);
  });
});

describe('normalizeFeed: output shape', () => {
  it('leaves optional fields out instead of undefined, and fills what an Item needs', () => {
    const item = only({ title: 'T' });
    expect(Object.keys(item).sort()).toEqual(['categories', 'dedupeKey', 'enclosures', 'extras', 'firstSeenAt', 'publishedAt', 'title']);
    const stored: Item = {
      id: 'i1',
      sourceIds: [context.sourceId],
      dedupeKey: item.dedupeKey,
      title: item.title,
      link: item.link,
      author: item.author,
      publishedAt: item.publishedAt,
      firstSeenAt: item.firstSeenAt,
      summaryHtml: item.summaryHtml ?? item.contentHtml,
      imageUrl: item.imageUrl,
      read: 0,
      starred: 0,
      later: 0,
      archived: 0,
    };
    expect(stored.publishedAt).toBe(fetchedAt);
  });
});
