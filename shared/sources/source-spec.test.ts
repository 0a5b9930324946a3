import { describe, expect, it } from 'vitest';
import { describeSourceSpec, normalizeTag, parseSourceSpec, type SourceSpec } from './source-spec';

const tag = (instance: string, rest: Partial<Extract<SourceSpec, { kind: 'mastodon-tag' }>> = {}): SourceSpec => ({
  kind: 'mastodon-tag',
  tag: 'pkm',
  instance,
  any: [],
  all: [],
  none: [],
  localOnly: false,
  ...rest,
});

describe('parseSourceSpec: Mastodon hashtags', () => {
  it.each<[string, SourceSpec]>([
    ['#pkm@social.example', tag('https://social.example')],
    ['  #PKM@Social.Example  ', tag('https://social.example')],
    ['#pkm@http://127.0.0.1:8080', tag('http://127.0.0.1:8080')],
    ['#pkm@http://localhost:3000/', tag('http://localhost:3000')],
    ['#pkm@social.example:8443', tag('https://social.example:8443')],
    [
      '#pkm@social.example any:zettelkasten,notes all:obsidian none:spam local',
      tag('https://social.example', { any: ['zettelkasten', 'notes'], all: ['obsidian'], none: ['spam'], localOnly: true }),
    ],
    ['#pkm@social.example any:#A,#b, any:a,c ALL:x', tag('https://social.example', { any: ['a', 'b', 'c'], all: ['x'] })],
    ['#Café@social.example', tag('https://social.example', { tag: 'café' })],
    ['#日本語@social.example', tag('https://social.example', { tag: '日本語' })],
    ['#note_taking@social.example none:a,b,c,d', tag('https://social.example', { tag: 'note_taking', none: ['a', 'b', 'c', 'd'] })],
  ])('%j', (input, expected) => {
    expect(parseSourceSpec(input)).toEqual(expected);
  });

  it.each([
    ['no instance', '#pkm'],
    ['an empty tag', '#@social.example'],
    ['punctuation in the tag', '#pkm-notes@social.example'],
    ['a bad extra tag', '#pkm@social.example any:ok,not-ok'],
    ['an unknown word', '#pkm@social.example latest'],
    ['five extra tags in one list (the API takes four)', '#pkm@social.example none:a,b,c,d,e'],
    ['a path after the instance', '#pkm@social.example/tags'],
    ['credentials in the instance', '#pkm@http://me:pw@127.0.0.1:8080'],
    ['a scheme that is not the web', '#pkm@ftp://social.example'],
    ['a dotless host without a scheme', '#pkm@mastodon'],
  ])('refuses %s', (_why, input) => {
    expect(parseSourceSpec(input)).toBeUndefined();
  });
});

describe('parseSourceSpec: searches', () => {
  it.each<[string, SourceSpec]>([
    ['hn:local-first software', { kind: 'hn-search', query: 'local-first software', tags: 'story', minPoints: 0 }],
    ['HN: "rust" comments points>50', { kind: 'hn-search', query: 'rust', tags: 'comment', minPoints: 51 }],
    ['hn:crdt points>=10 stories', { kind: 'hn-search', query: 'crdt', tags: 'story', minPoints: 10 }],
    ['hn:"comments on notes" points:5', { kind: 'hn-search', query: 'comments on notes', tags: 'story', minPoints: 5 }],
    ['bsky:search words', { kind: 'bluesky-search', query: 'search words' }],
    ['bsky:@Alice.bsky.social', { kind: 'bluesky-author', handle: 'alice.bsky.social' }],
    ['bsky:@did:plc:abcdefghijklmnopqrstuvwx', { kind: 'bluesky-author', handle: 'did:plc:abcdefghijklmnopqrstuvwx' }],
    ['bsky:@alice talks', { kind: 'bluesky-search', query: '@alice talks' }],
    ['reddit:zettelkasten', { kind: 'reddit-search', query: 'zettelkasten' }],
    ['reddit:r/ObsidianMD plugins for notes', { kind: 'reddit-search', query: 'plugins for notes', subreddit: 'ObsidianMD' }],
    ['reddit:/r/pkms graph', { kind: 'reddit-search', query: 'graph', subreddit: 'pkms' }],
  ])('%j', (input, expected) => {
    expect(parseSourceSpec(input)).toEqual(expected);
  });

  it.each([
    ['an empty HN query', 'hn:'],
    ['an HN query of options only', 'hn: comments points>5'],
    ['an empty Bluesky query', 'bsky:  '],
    ['an invalid Bluesky handle', 'bsky:@not_a_handle'],
    ['a subreddit without a query', 'reddit:r/pkms'],
    ['an empty Reddit query', 'reddit:'],
  ])('refuses %s', (_why, input) => {
    expect(parseSourceSpec(input)).toBeUndefined();
  });
});

describe('parseSourceSpec: everything else is a feed address', () => {
  it.each(['https://social.example/tags/pkm.rss', 'social.example', 'plain words', '', 'mailto:a@b.example', 'x'.repeat(2000)])('%j', (input) => {
    expect(parseSourceSpec(input)).toBeUndefined();
  });
});

describe('describeSourceSpec', () => {
  it.each<[SourceSpec, string]>([
    [tag('https://social.example'), '#pkm on social.example'],
    [tag('http://127.0.0.1:8080', { localOnly: true }), '#pkm on 127.0.0.1:8080 (local posts only)'],
    [
      tag('https://social.example', { any: ['notes', 'zk'], all: ['obsidian'], none: ['spam', 'ads'] }),
      '#pkm or #notes or #zk with #obsidian without #spam or #ads on social.example',
    ],
    [{ kind: 'hn-search', query: 'local-first', tags: 'story', minPoints: 0 }, 'Hacker News: “local-first”'],
    [{ kind: 'hn-search', query: 'rust', tags: 'comment', minPoints: 51 }, 'Hacker News comments: “rust” (51+ points)'],
    [{ kind: 'bluesky-search', query: 'pkm tools' }, 'Bluesky: “pkm tools”'],
    [{ kind: 'bluesky-author', handle: 'alice.bsky.social' }, 'Bluesky: @alice.bsky.social'],
    [{ kind: 'reddit-search', query: 'graph', subreddit: 'pkms' }, 'Reddit: “graph” in r/pkms'],
    [{ kind: 'reddit-search', query: 'graph' }, 'Reddit: “graph”'],
  ])('%j → %j', (spec, expected) => {
    expect(describeSourceSpec(spec)).toBe(expected);
  });

  it('describes a stored spec with a broken instance without throwing', () => {
    expect(describeSourceSpec(tag('not a url'))).toBe('#pkm on not a url');
  });

  it('round-trips: a parsed input describes itself', () => {
    expect(describeSourceSpec(parseSourceSpec('#pkm@social.example none:spam')!)).toBe('#pkm without #spam on social.example');
  });
});

describe('normalizeTag', () => {
  it('drops the #, folds case and compatibility forms, refuses anything but letters, digits and _', () => {
    expect(normalizeTag('#PKM')).toBe('pkm');
    expect(normalizeTag('ＰＫＭ')).toBe('pkm');
    expect(normalizeTag('pkm!')).toBeUndefined();
    expect(normalizeTag('')).toBeUndefined();
  });
});
