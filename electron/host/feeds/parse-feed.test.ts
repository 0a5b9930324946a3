import { describe, expect, it } from 'vitest';
import { parsedFeedSchema } from '../../../shared/feeds/feed-schemas';
import { HostFailure } from '../../../shared/host-error';
import { parseFeedText } from './parse-feed';
import { atom1, jsonFeed, rdf, rss2 } from './feed-fixtures';

async function refusal(text: string, contentType?: string): Promise<HostFailure> {
  const error = await parseFeedText(text, { contentType }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(HostFailure);
  expect((error as HostFailure).code).toBe('not-a-feed');
  return error as HostFailure;
}

const podcast = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:media="http://search.yahoo.com/mrss/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>Cast</title><link>https://example.com/</link><description>About things</description><language>en-gb</language><ttl>90</ttl>
  <atom:link rel="hub" href="https://hub.example.com/"/><atom:link rel="self" href="https://example.com/feed.xml"/>
  <image><url>https://example.com/logo.png</url><title>Cast</title><link>https://example.com/</link></image>
  <item>
    <title>Episode 1</title>
    <guid isPermaLink="false">ep-1</guid>
    <link>https://example.com/1</link>
    <dc:creator>Ann</dc:creator>
    <pubDate>Tue, 01 Oct 2019 14:30:00 PST</pubDate>
    <category>Talk</category><category domain="https://example.com/tags">Tech</category>
    <description>Short &lt;b&gt;summary&lt;/b&gt;</description>
    <content:encoded><![CDATA[<p>Full <em>text</em></p>]]></content:encoded>
    <enclosure url="https://example.com/1.mp3" length="1234" type="audio/mpeg"/>
    <enclosure url="https://example.com/1.ogg" length="n/a" type="audio/ogg"/>
    <media:thumbnail url="https://example.com/1-thumb.jpg"/>
    <media:content url="https://example.com/1.mp4" type="video/mp4" fileSize="99"/>
    <itunes:duration>1:02:03</itunes:duration><itunes:episode>1</itunes:episode><itunes:explicit>no</itunes:explicit>
    <itunes:image href="https://example.com/1-cover.jpg"/>
    <comments>https://example.com/1#comments</comments>
  </item>
  <item><guid>https://example.com/2</guid><title>Permalink guid</title></item>
  <item><title>Only media image</title><media:content url="https://example.com/3.jpg" medium="image"/></item>
</channel></rss>`;

describe('parseFeedText: RSS', () => {
  it('maps an RSS 2.0 podcast, keeping media, enclosures, iTunes and Dublin Core fields', async () => {
    const { feed, repairs } = await parseFeedText(podcast, { url: 'https://example.com/feed.xml' });
    expect(repairs).toEqual([]);
    expect(parsedFeedSchema.parse(feed)).toEqual(feed);
    expect(feed).toMatchObject({
      format: 'rss',
      title: 'Cast',
      description: 'About things',
      siteUrl: 'https://example.com/',
      selfUrl: 'https://example.com/feed.xml',
      imageUrl: 'https://example.com/logo.png',
      language: 'en-gb',
      ttlMinutes: 90,
    });
    expect(feed.items[0]).toEqual({
      guid: 'ep-1',
      title: 'Episode 1',
      link: 'https://example.com/1',
      baseUrl: 'https://example.com/feed.xml',
      author: 'Ann',
      published: 'Tue, 01 Oct 2019 14:30:00 PST',
      contentHtml: '<p>Full <em>text</em></p>',
      summaryHtml: 'Short <b>summary</b>',
      imageUrl: 'https://example.com/1-thumb.jpg',
      enclosures: [
        { url: 'https://example.com/1.mp3', type: 'audio/mpeg', length: 1234 },
        { url: 'https://example.com/1.ogg', type: 'audio/ogg' },
        { url: 'https://example.com/1.mp4', type: 'video/mp4', length: 99 },
      ],
      categories: ['Talk', 'Tech'],
      extras: { 'itunes:duration': '1:02:03', 'itunes:episode': '1', 'itunes:explicit': 'no', comments: 'https://example.com/1#comments' },
    });
    expect(feed.items[1]).toMatchObject({ guid: 'https://example.com/2', link: 'https://example.com/2' });
    expect(feed.items[2]).toMatchObject({ imageUrl: 'https://example.com/3.jpg', enclosures: [] });
  });

  it('reads RSS 0.91 with its DOCTYPE and HTML entities, and RSS without a version', async () => {
    const rss091 = `<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Old&nbsp;news</title><link>http://example.com/</link><description>d</description>
<item><title>Caf&eacute;</title><link>http://example.com/a</link></item></channel></rss>`;
    const { feed, repairs } = await parseFeedText(rss091);
    expect(feed).toMatchObject({ format: 'rss', title: 'Old\u00a0news', items: [{ title: 'Café', link: 'http://example.com/a' }] });
    expect(repairs).toEqual(['Replaced 2 HTML entities (such as &nbsp;) with character references.']);
    expect((await parseFeedText('<rss><channel><title>t</title><item><title>i</title></item></channel></rss>')).feed).toMatchObject({
      format: 'rss',
      items: [{ title: 'i' }],
    });
  });

  it('reads a well-formed RSS or RDF without a channel or a version as an empty feed, not a broken one', async () => {
    for (const xml of ['<rss version="2.0">\n</rss>', '<rss></rss>', '<rss/>', '<rss version="2.0"><channel></channel></rss>']) {
      expect(await parseFeedText(xml)).toEqual({ feed: { format: 'rss', items: [] }, repairs: [], htmlBases: [] });
    }
    const rdfEmpty = '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">\n</rdf:RDF>';
    expect(await parseFeedText(rdfEmpty)).toEqual({ feed: { format: 'rdf', items: [] }, repairs: [], htmlBases: [] });
    const noVersion = await parseFeedText('<rss><channel><title>t</title><item></item></channel></rss>');
    expect(noVersion.feed).toMatchObject({ format: 'rss', title: 't', items: [{ enclosures: [], categories: [] }] });
  });

  it('reads the RSS fields feedparser reads: Dublin Core and dcterms, <fullitem>, XHTML <body>, <summary>, naked markup', async () => {
    const xml = `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">
<channel><dc:title>Example title</dc:title><dc:description>About</dc:description>
<item><dc:title>One</dc:title><dc:author>Example editor</dc:author><dc:description>Example description</dc:description>
  <dcterms:issued>2003-12-31T10:14:55Z</dcterms:issued><dcterms:modified>2004-01-01T00:00:00Z</dcterms:modified>
  <fullitem>&lt;p&gt;Full&lt;/p&gt;</fullitem></item>
<item><author>Example editor (me@example.com)</author><dc:date>2003-12-31T10:14:55Z</dc:date>
  <body xmlns="http://www.w3.org/1999/xhtml"><p>Example <b>content</b></p></body></item>
<item><summary>Example summary</summary><description>Example description</description></item>
<item><description>Example description</description><summary>Example summary</summary><dc:creator>Ann &lt;ann@example.com&gt;</dc:creator></item>
<item><description><p>Naked <b>markup</b></p></description></item>
</channel></rss>`;
    const { feed } = await parseFeedText(xml);
    expect(feed).toMatchObject({ title: 'Example title', description: 'About' });
    expect(feed.items).toMatchObject([
      { title: 'One', author: 'Example editor', summaryHtml: 'Example description', published: '2003-12-31T10:14:55Z', updated: '2004-01-01T00:00:00Z', contentHtml: '<p>Full</p>' },
      { author: 'Example editor', published: '2003-12-31T10:14:55Z', updated: '2003-12-31T10:14:55Z', contentHtml: '<p>Example <b>content</b></p>' },
      { summaryHtml: 'Example summary', contentHtml: 'Example description' },
      { summaryHtml: 'Example description', contentHtml: 'Example summary', author: 'Ann' },
      { summaryHtml: '<p>Naked <b>markup</b></p>' },
    ]);
  });

  it('reads RSS 1.0 (RDF): rdf:about as the GUID, Dublin Core date and creator', async () => {
    const { feed } = await parseFeedText(rdf);
    expect(feed).toMatchObject({ format: 'rdf', title: 'Fixture RDF', siteUrl: 'https://example.com/' });
    expect(feed.items).toEqual([
      expect.objectContaining({ guid: 'https://example.com/r1', title: 'R1', published: '2024-01-01T00:00:00Z', author: 'Ann' }),
    ]);
  });
});

describe('parseFeedText: Atom', () => {
  const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <title type="text">Blog</title><subtitle>Notes</subtitle><id>urn:blog</id><updated>2024-02-01T00:00:00Z</updated>
  <link href="https://example.com/"/><link rel="self" type="application/atom+xml" href="https://example.com/atom.xml"/>
  <author><name>Feed Author</name></author><logo>https://example.com/logo.png</logo>
  <entry>
    <id>urn:blog:1</id><title type="html">A &amp;lt;b&amp;gt; title</title>
    <link rel="alternate" type="text/html" href="https://example.com/1"/><link rel="replies" href="https://example.com/1/comments"/>
    <link rel="enclosure" type="audio/mpeg" length="10" href="https://example.com/1.mp3"/>
    <published>2024-01-31T10:00:00+01:00</published><updated>2024-02-01T00:00:00Z</updated>
    <category term="notes" label="Notes"/><category term="misc"/>
    <summary>Plain &lt;3 text</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello <b>bold</b> <i>world</i></p></div></content>
  </entry>
  <entry>
    <id>urn:blog:2</id><title>Two</title><author><name>Bea</name></author><author><name>Cy</name></author>
    <link href="https://example.com/2"/><updated>not a date at all</updated><published></published>
    <content type="text">Line one &amp; two</content><summary type="html">&lt;p&gt;HTML summary&lt;/p&gt;</summary>
  </entry>
</feed>`;

  it('maps Atom 1.0: inherited author, categories, enclosures, text constructs by type', async () => {
    const { feed } = await parseFeedText(atom);
    expect(feed).toMatchObject({
      format: 'atom',
      title: 'Blog',
      description: 'Notes',
      siteUrl: 'https://example.com/',
      selfUrl: 'https://example.com/atom.xml',
      imageUrl: 'https://example.com/logo.png',
      language: 'fr',
    });
    expect(feed.items[0]).toMatchObject({
      guid: 'urn:blog:1',
      title: 'A &lt;b&gt; title',
      link: 'https://example.com/1',
      author: 'Feed Author',
      published: '2024-01-31T10:00:00+01:00',
      updated: '2024-02-01T00:00:00Z',
      categories: ['notes', 'misc'],
      enclosures: [{ url: 'https://example.com/1.mp3', type: 'audio/mpeg', length: 10 }],
      summaryHtml: 'Plain &lt;3 text',
      contentHtml: '<p>Hello <b>bold</b> <i>world</i></p>',
    });
    // A bad date and an empty one do not lose the entry (rss-parser alone throws on them).
    expect(feed.items[1]).toMatchObject({
      author: 'Bea, Cy',
      updated: 'not a date at all',
      contentHtml: 'Line one &amp; two',
      summaryHtml: '<p>HTML summary</p>',
    });
    expect(feed.items[1]!.published).toBeUndefined();
  });

  it('reads Atom 0.3: tagline, issued/modified, escaped content', async () => {
    const atom03 = `<?xml version="1.0"?><feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old Atom</title>
<tagline>Sub</tagline><link rel="alternate" type="text/html" href="http://example.com/"/>
<entry><title>E</title><link rel="alternate" type="text/html" href="http://example.com/e"/><id>tag:e</id>
<issued>2004-01-01T00:00:00Z</issued><modified>2004-01-02T00:00:00Z</modified>
<content type="text/html" mode="escaped">&lt;p&gt;Hi&lt;/p&gt;</content></entry></feed>`;
    const { feed } = await parseFeedText(atom03);
    expect(feed).toMatchObject({ format: 'atom', title: 'Old Atom', description: 'Sub', siteUrl: 'http://example.com/' });
    expect(feed.items[0]).toMatchObject({
      link: 'http://example.com/e',
      published: '2004-01-01T00:00:00Z',
      updated: '2004-01-02T00:00:00Z',
      contentHtml: '<p>Hi</p>',
    });
  });

  it('survives a <link> without attributes and reads an Atom feed with a namespace prefix', async () => {
    const odd = '<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><link>https://example.com/</link><entry><title>e</title><link>https://example.com/e</link></entry></feed>';
    expect((await parseFeedText(odd)).feed).toMatchObject({ siteUrl: 'https://example.com/', items: [{ link: 'https://example.com/e' }] });
    const prefixed = '<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>P</a:title><a:entry><a:title>E</a:title><a:id>x</a:id></a:entry></a:feed>';
    const { feed, repairs } = await parseFeedText(prefixed);
    expect(feed).toMatchObject({ format: 'atom', title: 'P', items: [{ title: 'E', guid: 'x' }] });
    expect(repairs).toEqual(['Read an Atom feed written with a namespace prefix.']);
  });
});

describe('parseFeedText: Atom text constructs', () => {
  it('decodes base64 text: Atom 0.3 mode="base64" and Atom 1.0 types that are not text, HTML or XML', async () => {
    const b64 = (value: string) => `\n    ${Buffer.from(value).toString('base64')}\n  `;
    const atom03 = `<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title mode="base64">${b64('Example <b>Atom</b>')}</title>
<tagline mode="base64">${b64('Tag <i>line</i>')}</tagline>
<entry><title mode="base64">${b64('Entry')}</title><summary mode="base64">${b64('Example <b>Atom</b>')}</summary></entry></feed>`;
    expect((await parseFeedText(atom03)).feed).toMatchObject({
      title: 'Example <b>Atom</b>',
      description: 'Tag <i>line</i>',
      items: [{ title: 'Entry', summaryHtml: 'Example <b>Atom</b>' }],
    });
    const atom10 = `<feed xmlns="http://www.w3.org/2005/Atom"><subtitle type="application/octet-stream">${b64('Sub')}</subtitle>
<entry><content type="application/octet-stream">${b64('<p>History of the &lt;blink&gt; tag</p>')}</content></entry></feed>`;
    expect((await parseFeedText(atom10)).feed).toMatchObject({
      description: 'Sub',
      items: [{ contentHtml: '<p>History of the &lt;blink&gt; tag</p>' }],
    });
  });

  it('keeps the whole markup of xhtml and unescaped-markup titles, subtitles, summaries and content', async () => {
    const atom10 = `<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Example <b>Atom</b> feed</div></title>
  <subtitle type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">History of the &lt;blink&gt; <i>tag</i></div></subtitle>
  <entry><title>Naked <b>markup</b> title</title><summary>Example <b>Atom</b> summary</summary>
    <content type="html"><![CDATA[<p>escaped</p>]]></content></entry>
</feed>`;
    expect((await parseFeedText(atom10)).feed).toMatchObject({
      title: 'Example <b>Atom</b> feed',
      description: 'History of the &lt;blink&gt; <i>tag</i>',
      items: [{ title: 'Naked <b>markup</b> title', summaryHtml: 'Example <b>Atom</b> summary', contentHtml: '<p>escaped</p>' }],
    });
    // Atom 0.3's application/xhtml+xml keeps its div, as feedparser does.
    const atom03 = `<feed version="0.3" xmlns="http://purl.org/atom/ns#">
  <tagline type="application/xhtml+xml"><div xmlns="http://www.w3.org/1999/xhtml">Example <b>Atom</b></div></tagline>
  <entry><summary type="application/xhtml+xml"><div xmlns="http://www.w3.org/1999/xhtml">History <b>of</b></div></summary>
    <content type="application/xhtml+xml" mode="xml"><div xmlns="http://www.w3.org/1999/xhtml"><a href="/x">click</a> here</div></content></entry>
</feed>`;
    expect((await parseFeedText(atom03)).feed).toMatchObject({
      description: '<div xmlns="http://www.w3.org/1999/xhtml">Example <b>Atom</b></div>',
      items: [
        {
          summaryHtml: '<div xmlns="http://www.w3.org/1999/xhtml">History <b>of</b></div>',
          contentHtml: '<div xmlns="http://www.w3.org/1999/xhtml"><a href="/x">click</a> here</div>',
        },
      ],
    });
  });
});

describe('parseFeedText: smaller feedparser conformance fixes', () => {
  it('reads an href-less alternate link, the last of several <updated>, TypePad escaped-HTML divs, en_US', async () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en_US"><entry>
  <link rel="enclosure" type="text/html">http://www.example.com/enclosure</link>
  <link rel="alternate" type="text/html">http://www.example.com/alternate</link>
  <updated>2010-12-01T10:14:55Z</updated><updated>2003-12-31T10:14:55Z</updated>
  <content type="html"><div xmlns="http://www.w3.org/1999/xhtml">Example &lt;b&gt;Atom&lt;/b&gt;</div></content>
</entry></feed>`;
    const { feed } = await parseFeedText(xml);
    expect(feed.language).toBe('en-US');
    expect(feed.items).toMatchObject([
      { link: 'http://www.example.com/alternate', updated: '2003-12-31T10:14:55Z', contentHtml: 'Example <b>Atom</b>' },
    ]);
  });
});

describe('parseFeedText: xml:base (FR 692)', () => {
  it('resolves bases along the tree and reports each entry’s base and its content’s', async () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.com/blog/">
<title>t</title><link href="./"/><icon>icon.png</icon>
<entry xml:base="2024/"><id>1</id><link href="post.html"/><content type="html" xml:base="/media/">&lt;img src="a.png"&gt;</content></entry>
<entry><id>2</id><link href="other.html"/></entry></feed>`;
    const parsed = await parseFeedText(xml, { url: 'https://feeds.example.net/atom' });
    expect(parsed.feed).toMatchObject({ siteUrl: 'https://example.com/blog/', imageUrl: 'https://example.com/blog/icon.png' });
    expect(parsed.feed.items.map((item) => [item.link, item.baseUrl])).toEqual([
      ['post.html', 'https://example.com/blog/2024/'],
      ['other.html', 'https://example.com/blog/'],
    ]);
    expect(parsed.htmlBases).toEqual(['https://example.com/media/', 'https://example.com/blog/']);
  });

  it('falls back to the document URL when there is no xml:base', async () => {
    const parsed = await parseFeedText(rss2(), { url: 'https://example.com/feed.xml' });
    expect(parsed.feed.items[0]!.baseUrl).toBe('https://example.com/feed.xml');
    expect(parsed.htmlBases).toEqual(['https://example.com/feed.xml']);
  });
});

describe('parseFeedText: JSON Feed and detection', () => {
  it('detects JSON Feed by its first character or its content type', async () => {
    expect((await parseFeedText(jsonFeed)).feed).toMatchObject({ format: 'json', title: 'Fixture JSON' });
    expect((await parseFeedText(`\n  ${jsonFeed}`, { contentType: 'application/feed+json' })).feed.format).toBe('json');
    expect((await parseFeedText(atom1, { contentType: 'application/json' })).feed.format).toBe('atom');
  });

  it('refuses what is not a feed, in words', async () => {
    expect((await refusal('')).message).toBe('This address returned an empty document, not a feed.');
    expect((await refusal('<!DOCTYPE html><html><head><title>x</title></head></html>')).message).toBe(
      'This address does not point to a feed (it looks like a web page).',
    );
    expect((await refusal('<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x"><html xmlns="http://www.w3.org/1999/xhtml"/>')).message).toMatch(
      /looks like a web page/,
    );
    expect((await refusal('Hello, world')).message).toBe('This address does not point to a feed (it returned neither XML nor JSON).');
    expect((await refusal('<note><to>x</to></note>')).message).toMatch(/XML document \(<note>\) that is not a feed/);
    expect((await refusal('{"hello": "world"}')).message).toMatch(/JSON, but not a JSON Feed/);
    expect((await refusal('{ not json', 'application/json')).message).toMatch(/not valid JSON/);
  });

  it('reads a truncated feed leniently and says so', async () => {
    const whole = rss2('<item><title>One</title></item><item><title>Two</title></item><item><link>https://example.com/3</link><title>Thr');
    const { feed, repairs } = await parseFeedText(whole.slice(0, whole.indexOf('</channel>') - 3)); // cut inside "Three"'s tag
    // Complete items survive; the cut one keeps what was complete before the cut.
    expect(feed.items.map((item) => [item.title, item.link])).toEqual([
      ['One', undefined],
      ['Two', undefined],
      [undefined, 'https://example.com/3'],
    ]);
    expect(repairs.at(-1)).toMatch(/^Read the feed leniently: its XML is not well-formed near line \d+ \(unclosed root tag\); it looks cut off\.$/);
  });

  it('recovers a feed cut off inside its closing root tag (`</rss` without `>`)', async () => {
    const { feed, repairs } = await parseFeedText('<rss>\n<channel>\n<title>testing &#160; entity</title>\n</channel>\n</rss');
    expect(feed).toEqual({ format: 'rss', title: 'testing \u00a0 entity', items: [] });
    expect(repairs.at(-1)).toMatch(/it looks cut off\.$/);
  });

  it('parses a billion-laughs document safely and fast, without expanding it', async () => {
    const entities = Array.from({ length: 9 }, (_, index) => `<!ENTITY lol${index + 1} "${`&lol${index || ''};`.repeat(10)}">`).join('');
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol">${entities}]><rss version="2.0"><channel><title>&lol9;</title></channel></rss>`;
    const started = performance.now();
    const { feed } = await parseFeedText(xml);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(feed.title).toBe('&lol9;');
  });
});
