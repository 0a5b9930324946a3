import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parseOpml } from '../../opml';
import type { SiteSettings } from '../site-model';
import { publicBlogroll, renderBlogroll } from './blogroll';

const site: SiteSettings = { title: 'Ada’s <notes> & "more"', description: '', baseUrl: 'https://me.example/', author: { name: 'Ada' }, language: 'en' };

describe('renderBlogroll', () => {
  it('writes OPML 2.0 rss outlines with escaped attributes and no clock', () => {
    const opml = renderBlogroll(site, [
      { title: 'Tom & "Jerry" <3', feedUrl: 'https://tj.example/feed?a=1&b=2', siteUrl: 'https://tj.example/' },
      { title: 'No site', feedUrl: 'http://plain.example/rss' },
    ]);
    expect(XMLValidator.validate(opml)).toBe(true);
    expect(opml).toContain('<opml version="2.0">');
    expect(opml).toContain('<title>Ada’s &lt;notes&gt; &amp; &quot;more&quot; — blogroll</title>');
    expect(opml).not.toContain('dateCreated');
    expect(opml).toContain(
      '<outline type="rss" text="Tom &amp; &quot;Jerry&quot; &lt;3" title="Tom &amp; &quot;Jerry&quot; &lt;3" xmlUrl="https://tj.example/feed?a=1&amp;b=2" htmlUrl="https://tj.example/"/>',
    );
    expect(opml).toContain('<outline type="rss" text="No site" title="No site" xmlUrl="http://plain.example/rss"/>');
  });

  it('reads back through the app’s own OPML parser', () => {
    const imported = parseOpml(renderBlogroll(site, [{ title: 'Tom & "Jerry" <3', feedUrl: 'https://tj.example/feed?a=1&b=2', siteUrl: 'https://tj.example/' }]));
    expect(imported.title).toBe('Ada’s <notes> & "more" — blogroll');
    expect(imported.subscriptions).toEqual([
      { title: 'Tom & "Jerry" <3', xmlUrl: 'https://tj.example/feed?a=1&b=2', htmlUrl: 'https://tj.example/', folderPath: [] },
    ]);
  });

  it('leaves out feeds that are not http(s), site links that are not, and repeated feeds', () => {
    const entries = publicBlogroll([
      { title: 'Bad', feedUrl: 'javascript:alert(1)' },
      { title: 'Data', feedUrl: 'data:text/xml,<rss/>' },
      { title: 'Good', feedUrl: 'https://good.example/feed', siteUrl: 'javascript:alert(1)' },
      { title: 'Again', feedUrl: 'https://good.example/feed' },
    ]);
    expect(entries).toEqual([{ title: 'Good', feedUrl: 'https://good.example/feed' }]);
    const opml = renderBlogroll(site, [{ title: 'Bad', feedUrl: 'javascript:alert(1)' }, { title: 'Good', feedUrl: 'https://good.example/feed', siteUrl: 'javascript:x' }]);
    expect(opml).not.toMatch(/javascript/i);
  });

  it('is the same bytes for the same entries', () => {
    const entries = [{ title: 'A', feedUrl: 'https://a.example/feed' }];
    expect(renderBlogroll(site, entries)).toBe(renderBlogroll(site, entries));
  });
});
