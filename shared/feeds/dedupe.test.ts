import { describe, expect, it } from 'vitest';
import { type DedupeInput, dedupeContext, dedupeKey, hash64 } from './dedupe';

const feed = { feedUrl: 'http://example.com/feed.xml', siteUrl: 'https://example.com/' };
const entry = (overrides: Partial<DedupeInput>): DedupeInput => ({ title: 'A title', text: 'Some text', ...overrides });
const keysOf = (items: DedupeInput[], source: { feedUrl: string; siteUrl?: string } = feed) => {
  const context = dedupeContext(items, source);
  return items.map((item) => dedupeKey(item, context));
};

describe('hash64', () => {
  // Stored keys depend on these values: changing the function would duplicate every hash-keyed item.
  // (The low 53 bits equal bryc's published cyrb53, e.g. cyrb53('hello world') = 3259054761512980.)
  it.each([
    ['', '488bdcb81aee8d83'],
    ['hello world', '53ab9417d15d1014'],
    ['Commonplace', 'a64200984275cceb'],
  ])('is pinned: %j → %s', (input, expected) => {
    expect(hash64(input)).toBe(expected);
  });

  it.each([
    ['a', 'b'],
    ['ab', 'ba'],
    ['title\ntext', 'title text'],
    ['é', 'e\u0301'],
  ])('tells %j from %j', (a, b) => {
    expect(hash64(a)).not.toBe(hash64(b));
  });
});

describe('dedupeKey', () => {
  it.each([
    ['a non-URL GUID, namespaced by the canonical feed URL', entry({ guid: 'tag:example.com,2024:post-1', link: 'https://example.com/p/1' }), 'guid:https://example.com/feed.xml:tag:example.com,2024:post-1'],
    ['a URL GUID, keyed as that URL', entry({ guid: 'http://example.com/?p=123', link: 'https://example.com/p/1' }), 'url:https://example.com/?p=123'],
    ['no GUID: the canonical link', entry({ link: 'http://Example.com/p/1?utm_source=rss#more' }), 'url:https://example.com/p/1'],
    ['a blank GUID counts as none', entry({ guid: '  ', link: 'https://example.com/p/1' }), 'url:https://example.com/p/1'],
    ['no GUID, no link: a content hash', entry({}), `hash:${hash64('A title\nSome text')}`],
    ['the hash includes enclosures, so episodes with one blurb differ', entry({ enclosureUrls: ['https://cdn.example.com/ep1.mp3'] }), `hash:${hash64('A title\nSome text\nhttps://cdn.example.com/ep1.mp3')}`],
  ])('%s', (_label, item, expected) => {
    expect(keysOf([item])[0]).toBe(expected);
  });

  it('merges the same story across feeds through URL keys, but not through plain GUIDs', () => {
    const other = { feedUrl: 'https://planet.example.org/atom.xml' };
    const viaGuidUrl = keysOf([entry({ guid: 'https://example.com/p/1' })])[0];
    const viaLink = keysOf([entry({ link: 'https://example.com/p/1?utm_medium=planet' })], other)[0];
    expect(viaLink).toBe(viaGuidUrl);
    const a = keysOf([entry({ guid: '1' })])[0];
    const b = keysOf([entry({ guid: '1' })], other)[0];
    expect(a).not.toBe(b);
  });

  it('folds http and https, the commonest URL change (FreshRSS 3142)', () => {
    expect(keysOf([entry({ link: 'http://example.com/p/1' })])).toEqual(keysOf([entry({ link: 'https://example.com/p/1' })]));
  });

  it('keeps keys when tracking parameters appear on a refresh', () => {
    const before = keysOf([entry({ link: 'https://example.com/p/1?id=7' })]);
    const after = keysOf([entry({ link: 'https://example.com/p/1?fbclid=x&id=7&utm_campaign=y' })]);
    expect(after).toEqual(before);
  });
});

describe('dedupeContext: GUIDs and links that do not identify stories', () => {
  const sameGuid = [
    entry({ guid: 'same', title: 'One', link: 'https://example.com/1' }),
    entry({ guid: 'same', title: 'Two', link: 'https://example.com/2' }),
    entry({ guid: 'same', title: 'Three', link: 'https://example.com/3' }),
  ];

  it('ignores a GUID that every item shares, falling back to links', () => {
    expect(keysOf(sameGuid)).toEqual(['url:https://example.com/1', 'url:https://example.com/2', 'url:https://example.com/3']);
  });

  it('gives the same keys on the next refresh, with a new item on top', () => {
    const next = [entry({ guid: 'same', title: 'Four', link: 'https://example.com/4' }), ...sameGuid];
    expect(keysOf(next).slice(1)).toEqual(keysOf(sameGuid));
  });

  it('ignores only the repeated GUID; the others keep theirs', () => {
    const keys = keysOf([entry({ guid: 'a', title: '1' }), entry({ guid: 'dup', title: '2', link: 'https://example.com/2' }), entry({ guid: 'dup', title: '3', link: 'https://example.com/3' })]);
    expect(keys).toEqual(['guid:https://example.com/feed.xml:a', 'url:https://example.com/2', 'url:https://example.com/3']);
  });

  it('keeps a GUID shared by entries that are the same story listed twice', () => {
    const twice = entry({ guid: 'g', link: 'https://example.com/1' });
    expect(keysOf([twice, { ...twice }])).toEqual(['guid:https://example.com/feed.xml:g', 'guid:https://example.com/feed.xml:g']);
  });

  it('ignores a GUID that is the site address, even in a one-item feed', () => {
    expect(keysOf([entry({ guid: 'http://example.com', link: 'https://example.com/p/9' })])).toEqual(['url:https://example.com/p/9']);
  });

  it('falls back to content hashes when every item links to the front page', () => {
    const items = [entry({ title: 'One', link: 'https://example.com/' }), entry({ title: 'Two', link: 'https://example.com/' })];
    const keys = keysOf(items, { feedUrl: 'https://example.com/feed.xml' });
    expect(keys[0]).toMatch(/^hash:/);
    expect(new Set(keys).size).toBe(2);
  });

  it('never collapses distinct items when GUID and link both repeat', () => {
    const items = ['One', 'Two', 'Three'].map((title) => entry({ guid: 'x', title, link: 'https://example.com/index.html' }));
    expect(new Set(keysOf(items)).size).toBe(3);
  });

  it('gives entries with no words one key per feed', () => {
    const empty = entry({ title: '', text: '' });
    const [a] = keysOf([empty]);
    const [b] = keysOf([empty], { feedUrl: 'https://other.example/feed' });
    expect(a).toMatch(/^hash:/);
    expect(a).not.toBe(b);
  });
});
