/**
 * Hostile feeds in every format Commonplace reads (RSS 2.0, Atom 1.0, JSON Feed 1.1, RSS 1.0/RDF), with
 * payloads in every field (feed title and description, item title, summary, content, author, links,
 * enclosures, images, categories), and an OPML file listing them and the bombs and failures of
 * hostile-bombs.ts, with hostile titles, addresses that are not the web's and an entity bomb.
 * The `hostileFeeds` table says what a test should find: titles to click, bodies to see, pages to open.
 */
import { entityBomb, failingFeeds, laughsFeed, manyItemsFeed, pagesFeed, soupFeed } from './hostile-bombs';
import { canaryScript, dataHtmlUrl, hostileFragment, hostileXhtml, leakUrl, scriptUrl } from './hostile-payloads';

export interface HostileItem {
  /** Plain words at the start of the item's title. */
  title: string;
  /** Whose body marker the reader shows (the content the item's body holds). */
  body: string;
  /** The article page the item links to, when it links to one (full text); otherwise its link is a script. */
  article?: string;
}

export interface HostileFeed {
  path: string;
  /** Plain words at the start of the feed's title, as the sidebar shows it. */
  title: string;
  items: HostileItem[];
}

export const hostileFeeds: readonly HostileFeed[] = [
  {
    path: '/feeds/rss2.xml',
    title: 'Hostile RSS two',
    items: [
      { title: 'RSS two item A', body: 'rss2-a-content', article: 'rss2-a' },
      { title: 'RSS two item B', body: 'rss2-b-naked' },
    ],
  },
  {
    path: '/feeds/atom.xml',
    title: 'Hostile Atom',
    items: [
      { title: 'Atom entry A', body: 'atom-a-content', article: 'atom-a' },
      { title: 'Atom entry B', body: 'atom-b-content' },
    ],
  },
  {
    path: '/feeds/feed.json',
    title: 'Hostile JSON Feed',
    items: [
      { title: 'JSON item A', body: 'json-a-content', article: 'json-a' },
      { title: 'JSON item B', body: 'json-b-content' },
    ],
  },
  {
    path: '/feeds/rdf.xml',
    title: 'Hostile RDF',
    items: [
      { title: 'RDF item A', body: 'rdf-a-content', article: 'rdf-a' },
      { title: 'RDF item B', body: 'rdf-b-summary' },
    ],
  },
];

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const cdata = (text: string) => `<![CDATA[${text.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>`;
const date = (day: number) => new Date(Date.UTC(2026, 0, day, 9)).toUTCString();
const isoDate = (day: number) => new Date(Date.UTC(2026, 0, day, 9)).toISOString();

/** `<script>` and an event handler as text, for fields that should only ever be text. */
function taggedText(origin: string, where: string): string {
  return `<script>${canaryScript(origin, `${where}-script`)}</script><img src=x onerror=${canaryScript(origin, `${where}-onerror`)}>`;
}

export function rss2Feed(origin: string): string {
  const text = (where: string) => escapeXml(taggedText(origin, where));
  return `<?xml version="1.0" encoding="utf-8"?>
<?xml-stylesheet type="text/xsl" href="${leakUrl(origin, 'xslt', 'rss2')}"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
<channel><title>Hostile RSS two ${text('rss2-channel-title')}</title><link>${escapeXml(scriptUrl(origin, 'rss2-channel-link'))}</link>
<description>${escapeXml(hostileFragment(origin, 'rss2-channel-description'))}</description>
<image><url>${escapeXml(scriptUrl(origin, 'rss2-channel-image'))}</url><title>${text('rss2-image-title')}</title><link>${escapeXml(scriptUrl(origin, 'rss2-image-link'))}</link></image>
<item><title>RSS two item A ${text('rss2-a-title')}</title><link>${origin}/articles/rss2-a.html</link>
<guid>${origin}/articles/rss2-a.html</guid><pubDate>${date(12)}</pubDate>
<author>mallory@example.com (${text('rss2-a-author')}Mallory)</author><dc:creator>${text('rss2-a-creator')}</dc:creator>
<category>${text('rss2-a-category')}</category><comments>${escapeXml(scriptUrl(origin, 'rss2-a-comments'))}</comments>
<description>${escapeXml(hostileFragment(origin, 'rss2-a-description'))}</description>
<content:encoded>${cdata(hostileFragment(origin, 'rss2-a-content'))}</content:encoded>
<enclosure url="${escapeXml(scriptUrl(origin, 'rss2-a-enclosure'))}" type="audio/mpeg" length="1"/>
<enclosure url="${origin}/img/missing.mp3" type="audio/mpeg&quot; onerror=&quot;${canaryScript(origin, 'rss2-a-enclosure-type')}" length="2"/>
<media:thumbnail url="${escapeXml(scriptUrl(origin, 'rss2-a-thumbnail'))}"/>
<media:content url="${escapeXml(dataHtmlUrl(origin, 'rss2-a-media'))}" medium="image"/></item>
<item><title>RSS two item B</title><link>${escapeXml(scriptUrl(origin, 'rss2-b-link'))}</link>
<guid isPermaLink="false">rss2-b</guid><pubDate>${date(11)}</pubDate>
<description>${hostileXhtml(origin, 'rss2-b-naked')}</description>
<enclosure url="${escapeXml(dataHtmlUrl(origin, 'rss2-b-enclosure'))}" type="text/html" length="1"/>
<source url="${escapeXml(scriptUrl(origin, 'rss2-b-source'))}">${text('rss2-b-source')}</source></item>
</channel></rss>`;
}

export function atomFeed(origin: string): string {
  const text = (where: string) => escapeXml(taggedText(origin, where));
  const js = (where: string) => canaryScript(origin, where);
  const url = (where: string) => escapeXml(scriptUrl(origin, where));
  const xhtml = (inner: string) => `<div xmlns="http://www.w3.org/1999/xhtml">${inner}</div>`;
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title type="html">Hostile Atom ${text('atom-feed-title')}</title>
<subtitle type="xhtml">${xhtml(`<script>${js('atom-subtitle')}</script>A subtitle`)}</subtitle>
<id>urn:commonplace:hostile-atom</id><updated>${isoDate(12)}</updated>
<link rel="alternate" href="${url('atom-feed-link')}"/><link rel="self" href="${origin}/feeds/atom.xml"/>
<icon>${url('atom-icon')}</icon><logo>${escapeXml(dataHtmlUrl(origin, 'atom-logo'))}</logo>
<author><name>${text('atom-feed-author')}Mallory</name><uri>${url('atom-feed-author-uri')}</uri></author>
<entry><title type="xhtml">${xhtml(`Atom entry A <script>${js('atom-a-title')}</script><b onmouseover="${js('atom-a-title-handler')}">bold</b>`)}</title>
<id>urn:commonplace:hostile-atom-a</id><updated>${isoDate(12)}</updated>
<link rel="alternate" type="text/html" href="${origin}/articles/atom-a.html"/>
<link rel="enclosure" type="audio/mpeg" href="${url('atom-a-enclosure')}"/>
<category term="${text('atom-a-term')}" label="${text('atom-a-label')}"/>
<author><name>${text('atom-a-author')}Mallory</name><uri>${url('atom-a-author-uri')}</uri><email>${text('atom-a-email')}</email></author>
<summary type="html">${escapeXml(hostileFragment(origin, 'atom-a-summary'))}</summary>
<content type="xhtml">${xhtml(hostileXhtml(origin, 'atom-a-content'))}</content></entry>
<entry xml:base="${url('atom-b-base')}"><title type="html">Atom entry B ${text('atom-b-title')}</title>
<id>urn:commonplace:hostile-atom-b</id><updated>${isoDate(11)}</updated>
<link href="${url('atom-b-link')}"/>
<content type="html">${escapeXml(hostileFragment(origin, 'atom-b-content'))}</content></entry>
</feed>`;
}

export function jsonFeed(origin: string): string {
  const text = (where: string) => taggedText(origin, where);
  const url = (where: string) => scriptUrl(origin, where);
  const author = (where: string) => ({ name: `${text(`${where}-name`)}Mallory`, url: url(`${where}-url`), avatar: url(`${where}-avatar`) });
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: `Hostile JSON Feed ${text('json-title')}`,
    home_page_url: url('json-home'),
    feed_url: `${origin}/feeds/feed.json`,
    description: hostileFragment(origin, 'json-description'),
    icon: url('json-icon'),
    favicon: dataHtmlUrl(origin, 'json-favicon'),
    authors: [author('json-feed-author')],
    items: [
      {
        id: 'json-a',
        url: `${origin}/articles/json-a.html`,
        external_url: url('json-a-external'),
        title: `JSON item A ${text('json-a-title')}`,
        content_html: hostileFragment(origin, 'json-a-content'),
        summary: text('json-a-summary'),
        image: url('json-a-image'),
        banner_image: dataHtmlUrl(origin, 'json-a-banner'),
        date_published: isoDate(12),
        authors: [author('json-a-author')],
        tags: [text('json-a-tag')],
        attachments: [
          { url: url('json-a-attachment'), mime_type: 'audio/mpeg' },
          { url: `${origin}/img/missing.mp3`, mime_type: `audio/mpeg" onerror="${canaryScript(origin, 'json-a-attachment-type')}` },
        ],
      },
      {
        id: 'json-b',
        url: url('json-b-url'),
        title: 'JSON item B',
        content_text: text('json-b-text'),
        content_html: hostileFragment(origin, 'json-b-content'),
        date_published: isoDate(11),
      },
    ],
  });
}

export function rdfFeed(origin: string): string {
  const text = (where: string) => escapeXml(taggedText(origin, where));
  const url = (where: string) => escapeXml(scriptUrl(origin, where));
  return `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel rdf:about="${url('rdf-about')}"><title>Hostile RDF ${text('rdf-title')}</title><link>${url('rdf-link')}</link>
<description>${escapeXml(hostileFragment(origin, 'rdf-description'))}</description>
<items><rdf:Seq><rdf:li rdf:resource="${origin}/articles/rdf-a.html"/><rdf:li rdf:resource="${url('rdf-b-resource')}"/></rdf:Seq></items></channel>
<item rdf:about="${origin}/articles/rdf-a.html"><title>RDF item A ${text('rdf-a-title')}</title><link>${origin}/articles/rdf-a.html</link>
<dc:creator>${text('rdf-a-creator')}</dc:creator><dc:subject>${text('rdf-a-subject')}</dc:subject><dc:date>${isoDate(12)}</dc:date>
<description>${escapeXml(hostileFragment(origin, 'rdf-a-description'))}</description>
<content:encoded>${cdata(hostileFragment(origin, 'rdf-a-content'))}</content:encoded></item>
<item rdf:about="${url('rdf-b-about')}"><title>RDF item B</title><link>${url('rdf-b-link')}</link><dc:date>${isoDate(11)}</dc:date>
<description>${escapeXml(hostileFragment(origin, 'rdf-b-summary'))}</description></item>
</rdf:RDF>`;
}

/** One OPML file: every feed here and in hostile-bombs.ts, under hostile titles, addresses that are not the web's, and an entity bomb. */
export function hostileOpml(origin: string): string {
  const text = (where: string) => escapeXml(taggedText(origin, where));
  const outline = (title: string, path: string, where: string) =>
    `<outline type="rss" text="${text(`${where}-text`)}${escapeXml(title)}" xmlUrl="${origin}${path}" htmlUrl="${escapeXml(scriptUrl(origin, `${where}-html-url`))}"/>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
${entityBomb('opml')}
<!ENTITY xxe SYSTEM "${leakUrl(origin, 'xxe', 'opml')}">
]>
<opml version="2.0"><head><title>Hostile subscriptions &lol9;</title></head><body>
<outline text="${text('opml-folder')}Hostile formats &lol9;">
${hostileFeeds.map((feed, index) => outline(feed.title, feed.path, `opml-format-${index}`)).join('\n')}
<outline type="rss" text="${laughsFeed.title} &lol9;" xmlUrl="${origin}${laughsFeed.path}"/>
<outline type="rss" text="${pagesFeed.title}" xmlUrl="${origin}${pagesFeed.path}"/>
<outline type="rss" text="${manyItemsFeed.title}" xmlUrl="${origin}${manyItemsFeed.path}"/>
<outline type="rss" text="${soupFeed.title}" xmlUrl="${origin}${soupFeed.path}"/>
</outline>
<outline text="Failing feeds">
${failingFeeds.map((feed) => `<outline type="rss" text="${escapeXml(feed.title)}" xmlUrl="${origin}${feed.path}"/>`).join('\n')}
</outline>
<outline text="Not web addresses">
<outline type="rss" text="Script address" xmlUrl="${escapeXml(scriptUrl(origin, 'opml-xml-url'))}"/>
<outline type="rss" text="VB address" xmlUrl="vbscript:msgbox(1)"/>
<outline type="rss" text="Data address" xmlUrl="${escapeXml(dataHtmlUrl(origin, 'opml-data-url'))}"/>
<outline type="rss" text="File address" xmlUrl="file:///etc/passwd"/>
<outline type="rss" text="&xxe;" xmlUrl="&xxe;"/>
</outline>
</body></opml>`;
}

/** How many outlines of hostileOpml are refused as not web addresses. */
export const opmlInvalidAddresses = 5;
