// A hashtag as a source, as a person meets it in Chromium against the real web host: `#pkm` on a local
// Mastodon instance (a fixture that answers like Mastodon's tag timeline) is added in the same box as a
// feed, its posts appear in the river, and a post that links an article the user's feed also carries is
// one item, seen in both places.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMastodonTagInstance, type MastodonTagInstance } from '../../electron/host/sources/source-fixtures';
import { startApp, type AppProcess } from './support/app-process';
import { chromiumPath, launchChromium } from './support/chromium';
import { posts, startFixtureSite, type FixtureSite } from './support/fixture-site';
import { subscribeInSeek } from './support/subscribe';

describe.runIf(chromiumPath)('Hashtag sources in Chromium', () => {
  let app: AppProcess;
  let site: FixtureSite;
  let instance: MastodonTagInstance;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const river = () => page.getByRole('listbox').first();
  const sources = () => page.getByRole('navigation', { name: 'Sources' });

  beforeAll(async () => {
    site = await startFixtureSite();
    instance = await startMastodonTagInstance({ tag: 'pkm' });
    instance.addStatus({ text: 'Thinking about #pkm tools for the long run', account: { username: 'ada', displayName: 'Ada' } });
    instance.addStatus({
      text: 'A lovely piece on keeping a commonplace book #pkm',
      account: { username: 'grace', domain: 'elsewhere.example', displayName: 'Grace' },
      card: { url: `${site.origin}/posts/${posts[0]!.slug}.html`, title: posts[0]!.title, description: posts[0]!.summary },
    });
    app = await startApp('web-host-cli');
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await subscribeInSeek(page, app.url, `${site.origin}/feed.xml`);
    for (const post of posts) await page.getByRole('option', { name: post.title }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await site?.close();
    await instance?.close();
  });

  it('adds #pkm@instance in the Add feed box, with a preview of its newest posts', async () => {
    await subscribeInSeek(page, app.url, `#pkm@${instance.origin}`, async (preview) => {
      expect(await preview.textContent()).toContain('#pkm');
      expect(await preview.textContent()).toContain('Thinking about #pkm tools');
    });
    await sources().getByRole('button', { name: /^#pkm/ }).first().click();
    await expect.poll(() => river().getByRole('option').count()).toBe(2);
    expect(instance.timelineRequests().length).toBeGreaterThan(0);
  });

  it('shows a post that links an article from a followed feed as one item, seen in both places', async () => {
    await sources().getByRole('button', { name: /^All items/ }).click();
    // Three stories from the feed and one post of its own: the shared article is not listed twice.
    await expect.poll(() => river().getByRole('option').count()).toBe(posts.length + 1);
    await river().getByRole('option', { name: new RegExp(posts[0]!.title) }).click();
    const reader = page.getByRole('region', { name: 'Reader' });
    await expect.poll(() => reader.textContent()).toContain('Fixture Blog');
    expect(await reader.textContent()).toMatch(/#pkm/);
    expect(pageErrors).toEqual([]);
  });
});
