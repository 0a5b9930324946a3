import { describe, expect, it } from 'vitest';
import { parsedFeedSchema } from './feed-schemas';
import { JsonFeedError, parseJsonFeed, textToHtml } from './json-feed';

const v11 = 'https://jsonfeed.org/version/1.1';
const feedText = (fields: Record<string, unknown>, items: unknown[] = []) => JSON.stringify({ version: v11, title: 'T', ...fields, items });
const firstItem = (item: Record<string, unknown>, feedFields: Record<string, unknown> = {}) => {
  const [first] = parseJsonFeed(feedText(feedFields, [item])).items;
  if (!first) throw new Error('no item');
  return first;
};

describe('parseJsonFeed: feed fields', () => {
  it('maps a full 1.1 feed and validates against the host contract schema', () => {
    const feed = parseJsonFeed(
      feedText({ home_page_url: 'https://example.org/', feed_url: 'https://example.org/feed.json', description: 'About', icon: 'https://example.org/icon.png', favicon: 'https://example.org/fav.ico', language: 'en-US' }),
    );
    expect(feed).toEqual({ format: 'json', title: 'T', siteUrl: 'https://example.org/', selfUrl: 'https://example.org/feed.json', description: 'About', imageUrl: 'https://example.org/icon.png', language: 'en-US', items: [] });
    expect(parsedFeedSchema.safeParse(feed).success).toBe(true);
  });

  it('uses the favicon when there is no icon', () => {
    expect(parseJsonFeed(feedText({ favicon: 'https://example.org/fav.ico' })).imageUrl).toBe('https://example.org/fav.ico');
  });

  it.each([
    ['https://jsonfeed.org/version/1'],
    ['https://jsonfeed.org/version/1.1'],
    ['http://jsonfeed.org/version/1'],
    ['https://jsonfeed.org/version/1.1/'],
    ['1.1'], // not the spec's form, but written in the wild (gofeed test data)
    ['1.0'],
  ])('accepts version %j', (version) => {
    expect(parseJsonFeed(JSON.stringify({ version, items: [] })).format).toBe('json');
  });
});

describe('parseJsonFeed: items', () => {
  it('maps every item field', () => {
    const item = firstItem({
      id: 'https://example.org/p/1',
      url: 'https://example.org/p/1',
      external_url: 'https://elsewhere.net/story',
      title: 'Hello',
      content_html: '<p>Hi <script>x()</script></p>',
      content_text: 'Hi',
      summary: 'A <short> summary & more',
      image: 'https://example.org/i.png',
      banner_image: 'https://example.org/b.png',
      date_published: '2010-02-07T14:04:00-05:00',
      date_modified: '2010-02-08T14:04:00-05:00',
      authors: [{ name: 'Ann' }, { name: 'Bo' }, { url: 'https://no-name.example' }],
      tags: ['a', 'b', 3, ''],
      language: 'fr',
      attachments: [
        { url: 'https://example.org/e.mp3', mime_type: 'audio/mpeg', size_in_bytes: 100, duration_in_seconds: 60 },
        { mime_type: 'audio/mpeg' },
        { url: 'https://example.org/e.ogg', size_in_bytes: 'big' },
      ],
    });
    expect(item).toEqual({
      guid: 'https://example.org/p/1',
      title: 'Hello',
      link: 'https://example.org/p/1',
      author: 'Ann, Bo',
      published: '2010-02-07T14:04:00-05:00',
      updated: '2010-02-08T14:04:00-05:00',
      // Unsanitised on purpose: the host runs DOMPurify after this parser.
      contentHtml: '<p>Hi <script>x()</script></p>',
      summaryHtml: 'A &lt;short&gt; summary &amp; more',
      imageUrl: 'https://example.org/i.png',
      enclosures: [{ url: 'https://example.org/e.mp3', type: 'audio/mpeg', length: 100 }, { url: 'https://example.org/e.ogg' }],
      categories: ['a', 'b'],
      extras: { externalUrl: 'https://elsewhere.net/story', bannerImage: 'https://example.org/b.png', language: 'fr', duration: '60' },
    });
  });

  it.each([
    ['a numeric id becomes a string', { id: 42 }, 'guid', '42'],
    ['content_text becomes escaped paragraphs', { content_text: 'a < b\n\nline 1\nline 2' }, 'contentHtml', '<p>a &lt; b</p>\n<p>line 1<br>line 2</p>'],
    ['content_html wins over content_text', { content_html: '<b>x</b>', content_text: 'x' }, 'contentHtml', '<b>x</b>'],
    ['the 1.0 author', { author: { name: 'Old Style' } }, 'author', 'Old Style'],
    ['authors (1.1) win over author (1.0)', { author: { name: 'Old' }, authors: [{ name: 'New' }] }, 'author', 'New'],
    ['external_url when there is no url', { external_url: 'https://elsewhere.net/' }, 'link', 'https://elsewhere.net/'],
    ['banner_image when there is no image (NetNewsWire 4581)', { banner_image: 'https://x/b.png' }, 'imageUrl', 'https://x/b.png'],
  ])('%s', (_label, item, field, expected) => {
    expect(firstItem(item)[field as keyof ReturnType<typeof firstItem>]).toEqual(expected);
  });

  it('gives items the feed authors when they name none', () => {
    expect(firstItem({ id: '1' }, { authors: [{ name: 'Feed Author' }] }).author).toBe('Feed Author');
  });

  it('skips items that are not objects and leaves out empty fields', () => {
    const feed = parseJsonFeed(feedText({}, [null, 'x', { id: '1', title: '' }]));
    expect(feed.items).toEqual([{ guid: '1', enclosures: [], categories: [], extras: {} }]);
  });

  it('tolerates a byte-order mark', () => {
    expect(parseJsonFeed(`\uFEFF${feedText({})}`).title).toBe('T');
  });
});

describe('parseJsonFeed: refusals', () => {
  it.each([
    ['not JSON', '<rss version="2.0"></rss>', 'invalid-json', /not valid JSON/],
    ['truncated JSON', '{"version": "https://jsonfeed.org/version/1.1", "items": [', 'invalid-json', /not valid JSON/],
    ['a JSON array', '[]', 'not-a-json-feed', /top level is not an object/],
    ['no version', '{"items": []}', 'not-a-json-feed', /no "version"/],
    ['a misspelt version key (gofeed invalid.json)', '{"verion": "1.0"}', 'not-a-json-feed', /no "version"/],
    ['another version', '{"version": "https://example.com/version/2", "items": []}', 'not-a-json-feed', /version is "https:\/\/example.com\/version\/2"/],
    ['version 2', '{"version": "https://jsonfeed.org/version/2", "items": []}', 'not-a-json-feed', /not a JSON Feed/],
    ['no items', `{"version": "${v11}", "title": "T"}`, 'not-a-json-feed', /no "items"/],
  ])('refuses %s', (_label, text, code, message) => {
    let caught: unknown;
    try {
      parseJsonFeed(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(JsonFeedError);
    expect((caught as JsonFeedError).code).toBe(code);
    expect((caught as JsonFeedError).message).toMatch(message);
  });
});

describe('textToHtml', () => {
  it.each([
    ['', ''],
    ['one', '<p>one</p>'],
    ['a & "b"', '<p>a &amp; &quot;b&quot;</p>'],
    ['p1\r\n\r\np2', '<p>p1</p>\n<p>p2</p>'],
    ['<script>', '<p>&lt;script&gt;</p>'],
  ])('%j → %j', (text, html) => {
    expect(textToHtml(text)).toBe(html);
  });
});
