// Share as a person meets it, in Chromium against the real web host: star three items, compose a digest
// with a line of commentary on each, publish it to a folder, and follow the published feed from Seek,
// which then shows the three entries with their commentary: sharing closes the loop.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppProcess } from './support/app-process';
import { chromiumPath, launchChromium } from './support/chromium';
import { subscribeInSeek } from './support/subscribe';
import { posts, startFixtureSite, type FixtureSite } from './support/fixture-site';
import { serveFolder, type FolderServer } from './support/folder-server';

describe.runIf(chromiumPath)('Share in Chromium', () => {
  let app: AppProcess;
  let site: FixtureSite;
  let published: FolderServer;
  let folder: string;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const river = () => page.getByRole('listbox').first();
  const commentary = (title: string) => `Worth it for “${title}” alone.`;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'commonplace-site-'));
    published = await serveFolder(folder);
    site = await startFixtureSite();
    app = await startApp('web-host-cli');
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await subscribeInSeek(page, app.url, `${site.origin}/feed.xml`);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await site?.close();
    await published?.close();
  });

  it('stars three items, composes a digest with commentary, and publishes it to a folder', async () => {
    // Star each from the keyboard, as in triage.
    for (const post of posts) {
      await page.getByRole('option', { name: post.title }).click();
      await page.keyboard.press('s');
    }
    await page.getByRole('radio', { name: 'Starred' }).check();
    await expect.poll(() => river().getByRole('option').count(), { timeout: 10_000 }).toBe(3);

    await page.goto(`${app.url}#/share`);
    await page.getByRole('button', { name: 'New digest' }).click();
    const entries = page.getByRole('list', { name: 'Entries' });
    await expect.poll(() => entries.getByRole('listitem').count(), { timeout: 10_000 }).toBe(3);
    for (const post of posts) await page.getByRole('textbox', { name: `Commentary on “${post.title}”` }).fill(commentary(post.title));
    await page.getByRole('textbox', { name: 'Introduction' }).fill('Three reads on keeping what you read.');
    // The last one first: Alt+↑ twice moves it to the top.
    await page.getByRole('textbox', { name: `Commentary on “${posts[2]!.title}”` }).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(async () => (await entries.getByRole('listitem').first().getAttribute('aria-label')) ?? '').toContain(posts[2]!.title);

    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const panel = page.getByRole('form', { name: 'Publish' });
    await panel.getByRole('textbox', { name: 'Output folder' }).fill(folder);
    await panel.getByRole('textbox', { name: 'Site address' }).fill(`${published.origin}/`);
    await panel.getByRole('textbox', { name: 'Site title' }).fill('Reading in the open');
    await panel.getByRole('button', { name: 'Publish now' }).click();
    await expect.poll(() => panel.textContent(), { timeout: 20_000 }).toMatch(/Published\. \d+ files written/);
    await expect.poll(() => page.getByRole('list', { name: 'Publications' }).textContent()).toMatch(/Published to the static site on/);

    const atom = await readFile(path.join(folder, 'feed.xml'), 'utf8');
    for (const post of posts) expect(atom).toContain(`href="${site.origin}/posts/${post.slug}.html"`);
    const index = await readFile(path.join(folder, 'index.html'), 'utf8');
    expect(index).toContain('Reading in the open');

    // Publishing again changes nothing on disk, and the log keeps one line.
    await panel.getByRole('button', { name: 'Publish now' }).click();
    await expect.poll(() => panel.textContent(), { timeout: 20_000 }).toMatch(/Published\. 0 files written/);
    expect(await page.getByRole('list', { name: 'Publications' }).getByRole('listitem').count()).toBe(1);
  });

  it('follows the published feed from Seek and shows the three entries with their commentary', async () => {
    await subscribeInSeek(page, app.url, `${published.origin}/feed.xml`, async (preview) => {
      expect(await preview.textContent()).toContain('Reading in the open');
    });

    await page.getByRole('navigation', { name: 'Sources' }).getByRole('button', { name: /^Reading in the open/ }).click();
    await page.getByRole('radio', { name: 'All' }).check();
    await expect.poll(() => river().getByRole('option').count(), { timeout: 10_000 }).toBe(3);
    const reader = page.getByRole('region', { name: 'Reader' });
    for (const post of posts) {
      await river().getByRole('option', { name: new RegExp(post.title) }).click();
      await expect.poll(() => reader.textContent()).toContain(commentary(post.title));
      // The entry keeps the original's address, so a reader reaches the source, not only our page.
      const links = await reader.getByRole('link', { name: post.title }).evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
      expect(links).toContain(`${site.origin}/posts/${post.slug}.html`);
    }
    expect(published.log).toContain('GET /feed.xml 200');
    expect(pageErrors).toEqual([]);
  });
});
