/** Test support only: small valid feeds of each format, served by the fixture server or read directly. */

export const rss2 = (items = '<item><title>One</title><link>https://example.com/1</link><guid>1</guid></item>') =>
  `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Fixture RSS</title><link>https://example.com/</link><description>d</description>${items}</channel></rss>`;

export const atom1 = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Fixture Atom</title><id>urn:x</id><updated>2024-01-01T00:00:00Z</updated>
<link rel="alternate" href="https://example.com/"/><link rel="self" href="https://example.com/atom.xml"/>
<entry><id>urn:x:1</id><title>Entry</title><updated>2024-01-01T00:00:00Z</updated><link href="https://example.com/e1"/>
<content type="html">&lt;p&gt;Hello&lt;/p&gt;</content></entry></feed>`;

export const rdf = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://example.com/"><title>Fixture RDF</title><link>https://example.com/</link><description>d</description></channel>
<item rdf:about="https://example.com/r1"><title>R1</title><link>https://example.com/r1</link><dc:date>2024-01-01T00:00:00Z</dc:date><dc:creator>Ann</dc:creator></item>
</rdf:RDF>`;

export const jsonFeed = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Fixture JSON',
  home_page_url: 'https://example.com/',
  items: [{ id: 'j1', url: 'https://example.com/j1', title: 'J1', content_html: '<p>Hi<script>alert(1)</script></p>' }],
});
