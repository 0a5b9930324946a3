import { describe, expect, it } from 'vitest';
import { OpmlError, parseOpml, type OpmlImport, type OpmlSubscription } from './index';
import { normaliseFeedUrl } from './parse-opml';

const opml = (body: string, head = '<head><title>Mine</title></head>'): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">${head}<body>${body}</body></opml>`;
const feed = (title: string, xmlUrl: string, folderPath: string[] = [], extra: Partial<OpmlSubscription> = {}): OpmlSubscription => ({
  title,
  xmlUrl,
  folderPath,
  ...extra,
});

describe('parseOpml reads real-world OPML', () => {
  it.each<[string, string, Partial<OpmlImport>]>([
    [
      'a complete feed outline',
      opml('<outline type="rss" text="Daring Fireball" title="DF" xmlUrl="https://daringfireball.net/feeds/main" htmlUrl="https://daringfireball.net/" description="Mostly Apple" category="apple,tech"/>'),
      { title: 'Mine', subscriptions: [feed('Daring Fireball', 'https://daringfireball.net/feeds/main', [], { htmlUrl: 'https://daringfireball.net/', description: 'Mostly Apple', tags: ['apple', 'tech'] })], skipped: [] },
    ],
    ['a BOM and whitespace before the prolog', `\uFEFF\n  ${opml('<outline text="A" xmlUrl="http://a.example/"/>')}`, { subscriptions: [feed('A', 'http://a.example/')] }],
    [
      'raw & in attributes and in the title',
      opml('<outline text="Tom & Jerry" xmlUrl="http://x.example/rss?a=1&b=2&amp;c=3"/>', '<head><title>News & Views</title></head>'),
      { title: 'News & Views', subscriptions: [feed('Tom & Jerry', 'http://x.example/rss?a=1&b=2&c=3')] },
    ],
    ['HTML named and numeric entities', opml('<outline text="Caf&eacute;&nbsp;&mdash; &#8220;Le Monde&#x201D; &amp;amp;" xmlUrl="http://x.example/"/>'), { subscriptions: [feed('Café — “Le Monde” &amp;', 'http://x.example/')] }],
    ['no <body>: outlines right under <opml>', '<opml version="1.0"><head/><outline text="A" xmlUrl="http://a.example/"/></opml>', { subscriptions: [feed('A', 'http://a.example/')] }],
    [
      'missing titles: text, else title, else the host',
      opml('<outline text="T" title="ignored" xmlUrl="http://a.example/"/><outline title="Only title" xmlUrl="http://b.example/"/><outline text=" " title="" xmlUrl="http://c.example/feed"/>'),
      { subscriptions: [feed('T', 'http://a.example/'), feed('Only title', 'http://b.example/'), feed('c.example', 'http://c.example/feed')] },
    ],
    [
      'xmlUrl spelled xmlurl, XMLURL, or url on a feed type; tags in upper case',
      '<OPML><BODY><Outline TEXT="a" xmlurl="http://a.example/"/><outline text="b" XMLURL="http://b.example/"/><outline text="c" type="rss" url="http://c.example/"/><outline text="d" type="Atom" URL="http://d.example/"/></BODY></OPML>',
      { subscriptions: [feed('a', 'http://a.example/'), feed('b', 'http://b.example/'), feed('c', 'http://c.example/'), feed('d', 'http://d.example/')] },
    ],
    [
      'folders nested three deep, named by text then title; a nameless folder adds no level',
      opml('<outline text="One" title="x"><outline title="Two"><outline text="Three"><outline text="deep" xmlUrl="http://d.example/"/></outline></outline><outline text="mid" xmlUrl="http://m.example/"/></outline><outline><outline text="top" xmlUrl="http://t.example/"/></outline>'),
      { subscriptions: [feed('deep', 'http://d.example/', ['One', 'Two', 'Three']), feed('mid', 'http://m.example/', ['One']), feed('top', 'http://t.example/')] },
    ],
    [
      'the same feed twice: the first kept, the second reported',
      opml('<outline text="A" xmlUrl="https://a.example/feed"/><outline text="F"><outline text="A again" xmlUrl="https://A.example/feed"/></outline>'),
      { subscriptions: [feed('A', 'https://a.example/feed')], skipped: [{ reason: 'duplicate', detail: 'A again (https://a.example/feed)' }] },
    ],
    [
      'addresses that are not http(s) feeds',
      opml('<outline text="js" xmlUrl="javascript:alert(1)"/><outline text="ftp" xmlUrl="ftp://f.example/x"/><outline text="cmd" xmlUrl="|~/fetch.py"/><outline text="rel" xmlUrl="/feed.xml"/><outline text="empty" xmlUrl=""/><outline text="no url" type="rss"/>'),
      {
        subscriptions: [],
        skipped: [
          { reason: 'invalid-url', detail: 'js (javascript:alert(1))' },
          { reason: 'invalid-url', detail: 'ftp (ftp://f.example/x)' },
          { reason: 'invalid-url', detail: 'cmd (|~/fetch.py)' },
          { reason: 'invalid-url', detail: 'rel (/feed.xml)' },
          { reason: 'invalid-url', detail: 'empty' },
          { reason: 'invalid-url', detail: 'no url' },
        ],
      },
    ],
    [
      'links and includes, reported',
      opml('<outline text="Home page" type="link" url="https://example.com/"/><outline text="Colors" type="include" url="http://example.com/colors.opml"/><outline text="Untyped" url="http://u.example/"/>'),
      {
        subscriptions: [],
        skipped: [
          { reason: 'unsupported-type', detail: 'Home page (https://example.com/)' },
          { reason: 'unsupported-type', detail: 'Colors (http://example.com/colors.opml)' },
          { reason: 'unsupported-type', detail: 'Untyped (http://u.example/)' },
        ],
      },
    ],
    ['empty folders and plain note outlines: nothing to import, nothing to report', opml('<outline text="Empty"/><outline text="Also empty"></outline><outline text="A note" created="Mon, 31 Oct 2005"/>'), { subscriptions: [], skipped: [] }],
    [
      'a feed outline with children keeps them, at its own level',
      opml('<outline text="F"><outline text="parent" xmlUrl="http://p.example/"><outline text="child" xmlUrl="http://c.example/"/></outline></outline>'),
      { subscriptions: [feed('parent', 'http://p.example/', ['F']), feed('child', 'http://c.example/', ['F'])] },
    ],
    [
      'quotes and HTML inside attribute values',
      opml('<outline text="Газета "Коммерсантъ". Главное" description="at <a href="https://s.example/">S</a>." xmlUrl="https://k.example/rss"/>'),
      { subscriptions: [feed('Газета "Коммерсантъ". Главное', 'https://k.example/rss', [], { description: 'at <a href="https://s.example/">S</a>.' })] },
    ],
    ['unquoted attribute values', opml('<outline text=Plain xmlUrl=http://u.example/feed?x=1/>'), { subscriptions: [feed('Plain', 'http://u.example/feed?x=1')] }],
    ['a < in the head title', opml('', '<head><title>a < b</title></head>'), { title: 'a < b', subscriptions: [] }],
    ['whitespace and control characters in titles', opml('<outline text="  two\n\tlines\u0007 " xmlUrl="  http://w.example/ "/>'), { subscriptions: [feed('two lines', 'http://w.example/')] }],
    ['feed: URLs', opml('<outline text="a" xmlUrl="feed://a.example/rss"/><outline text="b" xmlUrl="feed:https://b.example/rss"/>'), { subscriptions: [feed('a', 'http://a.example/rss'), feed('b', 'https://b.example/rss')] }],
    ['an invalid htmlUrl is dropped, the feed kept', opml('<outline text="a" xmlUrl="http://a.example/" htmlUrl="" /><outline text="b" xmlUrl="http://b.example/" htmlUrl="javascript:void(0)"/>'), { subscriptions: [feed('a', 'http://a.example/'), feed('b', 'http://b.example/')] }],
    ['outlines inside a comment are not read', opml('<!-- <outline text="old" xmlUrl="http://old.example/"/> --><outline text="new" xmlUrl="http://new.example/"/>'), { subscriptions: [feed('new', 'http://new.example/')] }],
  ])('%s', (_label, input, expected) => {
    expect(parseOpml(input)).toMatchObject(expected);
  });

  it.each([
    ['an empty head', '<head/>'],
    ['an empty title', '<head><title> </title></head>'],
    ['no head at all', ''],
  ])('leaves the title out for %s', (_label, head) => {
    expect(parseOpml(opml('<outline text="a" xmlUrl="http://a.example/"/>', head))).toEqual({ subscriptions: [feed('a', 'http://a.example/')], skipped: [] });
  });

  it('never expands entities, whatever the DOCTYPE declares', () => {
    const laughs = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
    const input = `<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY lol0 "lol">${laughs}<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${opml('<outline text="&lol9;&xxe;" xmlUrl="http://a.example/"/>').replace(/^<\?xml[^>]*>/, '')}`;
    expect(parseOpml(input).subscriptions).toEqual([feed('&lol9;&xxe;', 'http://a.example/')]);
  });

  it('reads folders nested 200 deep', () => {
    const input = opml(`${'<outline text="f">'.repeat(200)}<outline text="a" xmlUrl="http://a.example/"/>${'</outline>'.repeat(200)}`);
    expect(parseOpml(input).subscriptions[0]!.folderPath).toHaveLength(200);
  });

  it('keeps attribute names away from Object.prototype', () => {
    const result = parseOpml(opml('<outline __proto__="polluted" constructor="x" text="a" xmlUrl="http://a.example/"><prototype/></outline>'));
    expect(result.subscriptions).toEqual([feed('a', 'http://a.example/')]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parseOpml refuses what is not OPML', () => {
  it.each([
    ['an empty file', ''],
    ['plain text', 'These are my feeds: http://a.example/rss'],
    ['JSON', '{"feeds": ["http://a.example/rss"]}'],
    ['an HTML page', '<!DOCTYPE html><html><body><p>Hello</p></body></html>'],
    ['another root element', '<not-opml><body><outline text="a" xmlUrl="http://a.example/"/></body></not-opml>'],
    ['a fragment of outlines without <opml>', '.org/"/>\n<outline text="a" xmlUrl="http://a.example/"/>'],
    ['an unterminated comment', '<opml><body><!-- <outline/>'],
    ['outlines nested absurdly deep', `<opml><body>${'<outline text="x">'.repeat(5_000)}</body></opml>`],
  ])('%s', (_label, input) => {
    expect(() => parseOpml(input)).toThrow(new OpmlError('This file is not an OPML subscription list.'));
  });

  it.each([
    ['RSS', '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>'],
    ['Atom', '<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>'],
    ['RSS 1.0', '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><channel/></rdf:RDF>'],
  ])('a feed (%s), with a hint', (_label, input) => {
    expect(() => parseOpml(input)).toThrow(/is a feed, not an OPML subscription list/);
  });

  it('throws an OpmlError whose message is for people, with the cause kept for developers', () => {
    const error = (() => {
      try {
        parseOpml('<opml><body><!-- never closed');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(OpmlError);
    expect((error as OpmlError).name).toBe('OpmlError');
    expect((error as OpmlError).cause).toBeInstanceOf(Error);
  });

  it('reads 20,000 outlines in reasonable time', () => {
    const body = Array.from({ length: 20_000 }, (_, i) => `<outline text="Feed ${i} &amp; co" xmlUrl="http://f.example/${i}?a=1&b=2"/>`).join('\n');
    const start = Date.now();
    expect(parseOpml(opml(body)).subscriptions).toHaveLength(20_000);
    expect(Date.now() - start).toBeLessThan(10_000); // ~0.5 s on a busy shared machine; the bound only catches blow-ups
  });
});

describe('normaliseFeedUrl', () => {
  it.each([
    ['http://Example.COM', 'http://example.com/'],
    [' https://a.example/x y ', 'https://a.example/x%20y'],
    ['https://user:pw@a.example/private', 'https://user:pw@a.example/private'],
    ['FEED://a.example/', 'http://a.example/'],
    ['http:///nohost', 'http://nohost/'],
    ['file:///etc/passwd', undefined],
    ['data:text/xml,<rss/>', undefined],
    ['//a.example/feed', undefined],
    ['http://', undefined],
  ])('%s → %s', (input, expected) => {
    expect(normaliseFeedUrl(input)).toBe(expected);
  });
});
