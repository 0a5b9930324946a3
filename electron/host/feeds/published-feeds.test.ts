// Conformance of the feeds Share publishes (shared/publish/feeds): what we write must be read by our own Seek
// (readFeed, the same path a colleague's Commonplace takes), by rss-parser as other readers would, and must
// validate against RFC 4287's RELAX NG schema and the JSON Feed 1.1 JSON Schema in $CORPORA_DIR/schemas.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import type { ParsedFeed } from '../../../shared/feeds/feed-schemas';
import { renderAtomFeed } from '../../../shared/publish/feeds/atom';
import { renderJsonFeed } from '../../../shared/publish/feeds/json-feed';
import { renderRssFeed } from '../../../shared/publish/feeds/rss';
import { xmlSafe } from '../../../shared/publish/feeds/xml-text';
import type { PublishedFind, SitePost, SiteSettings } from '../../../shared/publish/site-model';
import { readFeed } from './fetch-feed';

const corporaDir = path.resolve(process.cwd(), process.env.CORPORA_DIR ?? '../shared/corpora');
const atomSchema = path.join(corporaDir, 'schemas/atom/atom.rng');
const jsonFeedSchema = path.join(corporaDir, 'schemas/jsonfeed/json-schema/schema-v1.1.json');
const xmllint = '/usr/bin/xmllint';
const canRelaxNg = existsSync(xmllint) && existsSync(atomSchema);
const canJsonSchema = existsSync(jsonFeedSchema);
if (!canRelaxNg) console.warn(`Atom schema check skipped: needs ${xmllint} and ${atomSchema} (set CORPORA_DIR)`);
if (!canJsonSchema) console.warn(`JSON Feed schema check skipped: no ${jsonFeedSchema} (set CORPORA_DIR)`);

const hostile = `Tom & "Jerry" <script>alert('x')</script> ]]> <![CDATA[ \u0000\u0007\u001B\uFFFE\uD800 done`;
const site: SiteSettings = {
  title: `Ann's field notes ${hostile}`,
  description: `What I read & why ${hostile}`,
  baseUrl: 'https://me.example/notes/',
  author: { name: `Ann <ann@me.example> ${hostile}`, url: 'https://ann.example/' },
  language: 'en-GB',
};
const base = Date.UTC(2026, 10, 20, 9, 30);

function find(key: string, title: string, fields: Partial<PublishedFind> = {}): PublishedFind {
  return { key, title, url: `https://elsewhere.example/${key.replace(':', '/')}?a=1&b=2`, commentary: `Worth it.\n\n${hostile}`, sourceTitle: 'Elsewhere', ...fields };
}

const posts: SitePost[] = [
  {
    id: 'digest-1', kind: 'digest', slug: 'finds-13-november-2026', title: 'Finds, 13 November', summary: 'Three things.',
    bodyHtml: '<p>Intro</p>', bodyMarkdown: 'Intro', tags: ['pkm', 'reading'], publishedAt: base - 7 * 86_400_000, updatedAt: base - 6 * 86_400_000,
    finds: [
      find('item:a1', `Plain title`),
      find('item:a2', `Hostile ${hostile}`, { quote: `A quote ${hostile}` }),
      find('highlight:a3', 'No link, no source', { url: undefined, sourceTitle: undefined }),
    ],
  },
  {
    id: 'digest-2', kind: 'digest', slug: 'finds-20-november-2026', title: 'Finds, 20 November', summary: 'Three more.',
    bodyHtml: '<p>Intro</p>', bodyMarkdown: 'Intro', tags: [`tag ${hostile}`], publishedAt: base, updatedAt: base + 3_600_000,
    finds: [find('item:b1', 'Café – “quotes” ✓'), find('item:b2', 'Second'), find('item:b3', 'Third', { sourceTitle: hostile })],
  },
  {
    id: 'note-1', kind: 'note', slug: 'on-linking', title: `On linking ${hostile}`, summary: 'Links are thoughts.',
    bodyHtml: '<p>See <a href="other-note.html">the other note</a> and <img src="../media/map.png" alt="map">.</p>',
    bodyMarkdown: '', finds: [], tags: ['pkm'], publishedAt: base - 86_400_000, updatedAt: base - 86_400_000,
  },
];
const options = { updated: base + 7_200_000 };
const atom = renderAtomFeed(site, posts, options);
const rss = renderRssFeed(site, posts, options);
const json = renderJsonFeed(site, posts, options);

const page = (slug: string, key?: string) => `https://me.example/notes/posts/${slug}.html${key ? `#find-${key.replace(':', '-')}` : ''}`;
/** Every entry as it must come back, newest post first, finds in their order. */
const expected = [
  ...posts[1]!.finds.map((f) => ({ id: `urn:commonplace:digest-2:${f.key}`, title: xmlSafe(f.title), link: page('finds-20-november-2026', f.key) })),
  { id: 'urn:commonplace:note-1', title: xmlSafe(posts[2]!.title), link: page('on-linking') },
  ...posts[0]!.finds.map((f) => ({ id: `urn:commonplace:digest-1:${f.key}`, title: xmlSafe(f.title), link: page('finds-13-november-2026', f.key) })),
];

const read = async (text: string, url: string, contentType: string): Promise<ParsedFeed> =>
  (await readFeed(new TextEncoder().encode(text), { url, contentType })).feed;

describe('published feeds read by our own Seek', () => {
  it.each([
    ['Atom', atom, 'feed.xml', 'application/atom+xml', 'atom'],
    ['RSS', rss, 'rss.xml', 'application/rss+xml', 'rss'],
    ['JSON Feed', json, 'feed.json', 'application/feed+json', 'json'],
  ])('%s: every entry with its id, title and link', async (_name, text, file, contentType, format) => {
    const feed = await read(text, `https://me.example/notes/${file}`, contentType);
    expect(feed.format).toBe(format);
    expect(feed.title).toBe(xmlSafe(site.title));
    expect(feed.siteUrl).toBe('https://me.example/notes/');
    expect(feed.items.map(({ guid, title, link }) => ({ id: guid, title, link }))).toEqual(expected);
  });

  it.each([
    ['Atom', atom, 'application/atom+xml'],
    ['RSS', rss, 'application/rss+xml'],
    ['JSON Feed', json, 'application/feed+json'],
  ])('%s: content survives sanitising, with the original linked and the note’s links absolute', async (_name, text, contentType) => {
    const feed = await read(text, 'https://me.example/notes/feed', contentType);
    // An RSS <description> is the item's summary to our reader (as to feedparser): the HTML is there.
    const content = (id: string) => {
      const item = feed.items.find((one) => one.guid === id);
      return item?.contentHtml ?? item?.summaryHtml ?? '';
    };
    expect(content('urn:commonplace:digest-2:item:b1')).toContain('href="https://elsewhere.example/item/b1?a=1&amp;b=2"');
    expect(content('urn:commonplace:digest-1:item:a2')).toContain('<blockquote>');
    expect(content('urn:commonplace:digest-1:item:a2')).toContain('&lt;script&gt;');
    expect(content('urn:commonplace:note-1')).toContain('href="https://me.example/notes/posts/other-note.html"');
    expect(content('urn:commonplace:note-1')).toContain('src="https://me.example/notes/media/map.png"');
    expect(feed.items.every((item) => !/<script/i.test(`${item.contentHtml ?? ''}${item.summaryHtml ?? ''}`))).toBe(true);
  });

  it('JSON Feed: the original of each find as external_url', async () => {
    const feed = await read(json, 'https://me.example/notes/feed.json', 'application/feed+json');
    expect(feed.items.map((item) => item.extras.externalUrl)).toEqual([
      'https://elsewhere.example/item/b1?a=1&b=2', 'https://elsewhere.example/item/b2?a=1&b=2', 'https://elsewhere.example/item/b3?a=1&b=2',
      undefined,
      'https://elsewhere.example/item/a1?a=1&b=2', 'https://elsewhere.example/item/a2?a=1&b=2', undefined,
    ]);
  });
});

describe('published feeds read by rss-parser', () => {
  it.each([
    ['Atom', atom, 'id'],
    ['RSS', rss, 'guid'],
  ] as const)('%s: every entry with its id, title and link', async (_name, text, idField) => {
    const feed = await new Parser().parseString(text);
    expect(feed.title).toBe(xmlSafe(site.title));
    expect(feed.items.map((item) => ({ id: item[idField], title: item.title, link: item.link }))).toEqual(expected);
  });
});

describe.runIf(canRelaxNg)('Atom against the RFC 4287 RELAX NG schema (xmllint)', () => {
  it('validates', () => {
    const result = spawnSync(xmllint, ['--noout', '--relaxng', atomSchema, '-'], { input: atom, encoding: 'utf8' });
    expect(result.stderr).toBe('- validates\n');
    expect(result.status).toBe(0);
  });

  it('the check can fail: a feed without its id does not validate', () => {
    const result = spawnSync(xmllint, ['--noout', '--relaxng', atomSchema, '-'], { input: atom.replace(/<id>[^<]*<\/id>/, ''), encoding: 'utf8' });
    expect(result.stderr).toContain('fails to validate');
    expect(result.status).not.toBe(0);
  });

  it('RSS is well-formed XML 1.0 by xmllint too', () => {
    const result = spawnSync(xmllint, ['--noout', '-'], { input: rss, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

/** Ajv 8 knows no formats by itself (ajv-formats is not a dependency): the two the schema uses, checked for real. */
function compileJsonFeedSchema() {
  const ajv = new Ajv({ allErrors: true });
  ajv.addFormat('uri', (value: string) => /^[A-Za-z][A-Za-z0-9+.-]*:[\x21-\x7e]*$/.test(value) && URL.canParse(value));
  ajv.addFormat('date-time', (value: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/.test(value) && !Number.isNaN(Date.parse(value)));
  return ajv.compile(JSON.parse(readFileSync(jsonFeedSchema, 'utf8')) as object);
}

describe.runIf(canJsonSchema)('JSON Feed against the JSON Feed 1.1 JSON Schema (Ajv)', () => {
  it('validates', () => {
    const validate = compileJsonFeedSchema();
    const valid = validate(JSON.parse(json));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it.each([
    ['a home page that is not a URI', { home_page_url: 'not a uri' }],
    ['an item date that is not RFC 3339', { items: [{ id: 'x', content_html: '', date_published: 'Fri, 20 Nov 2026 09:30:00 GMT' }] }],
    ['an item without content', { items: [{ id: 'x' }] }],
  ])('the check can fail: %s', (_name, change) => {
    expect(compileJsonFeedSchema()({ ...JSON.parse(json), ...change })).toBe(false);
  });
});
