/**
 * What hostile content costs rather than runs: entity bombs with external entities, a hundred thousand
 * items just under the byte cap, tag soup and nesting bombs, feeds that fail in every way a fetch can,
 * and a feed whose items link to pages that do. Each comes with the words the UI must say for it.
 */
import { bodyMarker, leakUrl } from './hostile-payloads';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const date = (day: number) => new Date(Date.UTC(2026, 0, day, 9)).toUTCString();

/** Ten levels of ten: a billion "lol"s if anything expanded them. */
export function entityBomb(root: string): string {
  const levels = [`<!ENTITY lol "lol">`];
  for (let level = 1; level <= 9; level += 1) {
    levels.push(`<!ENTITY lol${level} "${`&lol${level === 1 ? '' : level - 1};`.repeat(10)}">`);
  }
  return `<!DOCTYPE ${root} [\n${levels.join('\n')}`;
}

export const laughsFeed = { path: '/feeds/laughs.xml', title: 'Laughing feed', items: ['Laughing item', 'Quadratic item'] } as const;

/** Billion laughs, quadratic blowup and external entities (a URL and a local file) in one feed. */
export function laughsFeedXml(origin: string): string {
  const big = 'x'.repeat(1000);
  return `<?xml version="1.0" encoding="utf-8"?>
${entityBomb('rss')}
<!ENTITY big "${big}">
<!ENTITY xxe SYSTEM "${leakUrl(origin, 'xxe', 'feed')}">
<!ENTITY file SYSTEM "file:///etc/passwd">
<!ENTITY % remote SYSTEM "${leakUrl(origin, 'xxe-parameter', 'feed')}"> %remote;
]>
<rss version="2.0"><channel><title>Laughing feed &lol9;</title><link>${origin}/</link><description>&xxe; &file;</description>
<item><title>Laughing item &lol9;</title><guid isPermaLink="false">laughs-1</guid><pubDate>${date(10)}</pubDate>
<description>&lol9; &xxe; &file;</description></item>
<item><title>Quadratic item</title><guid isPermaLink="false">laughs-2</guid><pubDate>${date(9)}</pubDate>
<description>${'&big;'.repeat(20_000)}</description></item>
</channel></rss>`;
}

/**
 * Just under the host's 15 MiB cap, as a server that knows the cap would send: a hundred thousand tiny
 * items, each with HTML to sanitise. The host keeps the newest 2,000 (electron/host/feeds/item-cap.ts).
 */
export const manyItemsFeed = { path: '/feeds/many.xml', title: 'A hundred thousand items', kept: 2_000 } as const;

export function manyItemsFeedXml(): string {
  const items = Array.from(
    { length: 100_000 },
    (_, index) => `<item><title>Filler ${index}</title><guid isPermaLink="false">f${index}</guid><description>&lt;p&gt;x &lt;b&gt;${index}&lt;/b&gt;&lt;/p&gt;</description></item>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${manyItemsFeed.title}</title><link>http://127.0.0.1/</link>
<description>Many</description>${items.join('\n')}</channel></rss>`;
}

/**
 * One item whose HTML is 14 MB of tiny elements (a million and a half): parsed whole, it exhausted the
 * host's heap. The host keeps its words as text (electron/host/feeds/sanitize.ts).
 */
export const soupFeed = { path: '/feeds/soup.xml', title: 'Tag soup feed', item: 'Tag soup item', nested: 'Nesting bomb item' } as const;

/** Five thousand unclosed <b>, then ten thousand <p>: 130 KB that parse5 would chew on for a minute. */
export function nestingBomb(): string {
  return `${Array.from({ length: 5_000 }, (_, index) => `<b id=b${index}>`).join('')}${'<p>x'.repeat(10_000)}`;
}

export function soupFeedXml(): string {
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${soupFeed.title}</title><link>http://127.0.0.1/</link>
<description>Soup</description><item><title>${soupFeed.item}</title><guid isPermaLink="false">soup</guid>
<description><![CDATA[<p>${bodyMarker('soup')}</p>${'<b>x</b> '.repeat(1_550_000)}]]></description></item>
<item><title>${soupFeed.nested}</title><guid isPermaLink="false">nested</guid>
<description><![CDATA[<p>${bodyMarker('nested')}</p>${nestingBomb()}]]></description></item></channel></rss>`;
}

/** Pages that fail in every way a full-text fetch can, and the words the reader must say for each. */
export const failingPages = [
  { slug: 'huge', title: 'Page of fifty megabytes', words: /larger than 5 MB/ },
  { slug: 'gzip-bomb', title: 'Page that is a gzip bomb', words: /larger than 5 MB/ },
  { slug: 'tag-soup', title: 'Page of half a million tiny elements', words: /too large and complex/ },
  { slug: 'nesting-bomb', title: 'Page nested five thousand deep', words: /too large and complex/ },
  { slug: 'loop-a', title: 'Page that redirects in a loop', words: /redirects in a loop/ },
  { slug: 'garbage', title: 'Page of binary garbage', words: /returned binary data, not a web page/ },
  { slug: 'png', title: 'Page that is a PNG', words: /This address is an image, not a web page/ },
  { slug: 'png-as-html', title: 'PNG served as a web page', words: /returned binary data, not a web page/ },
  // Last: it takes the host's whole article timeout (20 s) to give up.
  { slug: 'drip', title: 'Page that drips a byte a second', words: /took too long to answer \(more than 20 s\)/ },
] as const;

export const pagesFeed = { path: '/feeds/pages.xml', title: 'Failing pages' } as const;

export function pagesFeedXml(origin: string): string {
  const items = failingPages
    .map(
      (page, index) => `<item><title>${page.title}</title><link>${origin}/pages/${page.slug}.html</link>
<guid>${origin}/pages/${page.slug}.html</guid><pubDate>${date(20 - index)}</pubDate><description>${escapeXml(`<p>${bodyMarker(page.slug)}</p>`)}</description></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Failing pages</title>
<link>${origin}/</link><description>Pages that fail</description>${items}</channel></rss>`;
}

/**
 * Feeds that fail, with the words the sidebar shows once each is refreshed, and those the Add feed form
 * shows (discovery looks for a feed elsewhere on the site before it gives up on a document that is not one).
 */
const noFeedFound = /No feed was found at/;
export const failingFeeds = [
  { path: '/fail/huge.xml', title: 'Fifty megabytes', words: /larger than 15 MiB/, formWords: /larger than 15 MiB/ },
  { path: '/fail/huge-declared.xml', title: 'Fifty megabytes declared', words: /larger than 15 MiB/, formWords: /larger than 15 MiB/ },
  { path: '/fail/gzip-bomb.xml', title: 'Gzip bomb', words: /larger than 15 MiB/, formWords: /larger than 15 MiB/ },
  { path: '/fail/gzip-file.xml', title: 'Gzip file bomb', words: /too large once decompressed/, formWords: /too large once decompressed/ },
  { path: '/fail/loop-a.xml', title: 'Redirect loop', words: /redirects in a loop/, formWords: /redirects in a loop/ },
  { path: '/fail/garbage.xml', title: 'Binary garbage', words: /returned binary data, not a feed/, formWords: noFeedFound },
  { path: '/fail/html.xml', title: 'HTML served as a feed', words: /looks like a web page/, formWords: noFeedFound },
  { path: '/fail/png.xml', title: 'PNG served as RSS', words: /returned binary data, not a feed/, formWords: noFeedFound },
  { path: '/fail/not-json-feed.json', title: 'JSON that is not a JSON Feed', words: /JSON, but not a JSON Feed/, formWords: noFeedFound },
  // Slowest: only the host's total timeout for a feed (60 s) ends it, so it is met through OPML alone.
  { path: '/fail/drip.xml', title: 'Drip feed', words: /took too long to download \(more than 60 seconds\)/, formWords: undefined },
] as const;
