// Seek as a person meets it, in Chromium against the real host and a local website: subscribe
// through the site's address, triage from the keyboard, read the full text (and again offline),
// refresh politely, import and export OPML, and open a hostile feed without anything running.
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppProcess } from './support/app-process';
import { chromiumPath, launchChromium } from './support/chromium';
import { fullTextMarker, opmlFor, posts, startFixtureSite, type FixtureSite } from './support/fixture-site';

describe.runIf(chromiumPath)('Seek in Chromium', () => {
  let app: AppProcess;
  let site: FixtureSite;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  const river = () => page.getByRole('listbox').first();
  const reader = () => page.getByRole('region', { name: 'Reader' });
  const option = (title: string) => page.getByRole('option', { name: title });

  beforeAll(async () => {
    site = await startFixtureSite();
    app = await startApp('web-host-cli');
    browser = await launchChromium();
    page = await browser.newPage({ acceptDownloads: true });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${app.url}#/seek`);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await site?.close();
  });

  it('subscribes through the site address, with a preview first', async () => {
    await page.getByRole('button', { name: 'Add feed' }).click();
    await page.getByRole('textbox', { name: 'Feed or site URL' }).fill(`${site.origin}/`);
    await page.getByRole('button', { name: 'Subscribe' }).click();
    const preview = page.getByRole('region', { name: 'Feed preview' });
    await preview.waitFor();
    expect(await preview.textContent()).toContain('Fixture Blog');
    expect(await preview.textContent()).toContain(posts[0]!.title);
    await page.getByRole('button', { name: 'Subscribe' }).click();
    for (const post of posts) await option(post.title).waitFor();
    expect(site.log).toContain('GET /feed.xml 200');
  });

  it('refuses the same subscription twice, politely', async () => {
    await page.getByRole('button', { name: 'Add feed' }).click();
    await page.getByRole('textbox', { name: 'Feed or site URL' }).fill(`${site.origin}/feed.xml`);
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/already follow/i);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('textbox', { name: 'Feed or site URL' }).count()).toBe(0);
  });

  it('triages from the keyboard and reads the full text, then again from storage', async () => {
    await river().focus();
    await page.keyboard.press('j');
    await page.keyboard.press('o');
    await expect.poll(() => reader().textContent()).toContain(posts[0]!.title);
    expect(await option(posts[0]!.title).getAttribute('class')).not.toMatch(/unread/);

    await page.keyboard.press('s');
    await page.getByRole('radio', { name: 'Starred' }).check();
    await expect.poll(() => river().getByRole('option').count()).toBe(1);
    await page.getByRole('radio', { name: 'All' }).check();

    await reader().getByRole('button', { name: 'Full text' }).click();
    await expect.poll(() => reader().textContent(), { timeout: 20_000 }).toContain(fullTextMarker);
    const extractions = site.log.filter((line) => line.startsWith(`GET /posts/${posts[0]!.slug}.html`)).length;

    await option(posts[1]!.title).click();
    await expect.poll(() => reader().textContent()).toContain(posts[1]!.title);
    await option(posts[0]!.title).click();
    await expect.poll(() => reader().textContent()).toContain(fullTextMarker);
    expect(site.log.filter((line) => line.startsWith(`GET /posts/${posts[0]!.slug}.html`)).length).toBe(extractions);
    expect(await page.evaluate(() => (window as unknown as Record<string, unknown>).__pageScriptRan)).toBeUndefined();
  });

  it('refreshes all with a conditional request: an unchanged feed costs a 304', async () => {
    await page.getByRole('button', { name: 'Refresh all' }).click();
    await expect.poll(() => site.log.filter((line) => line === 'GET /feed.xml 304').length, { timeout: 20_000 }).toBe(1);
    await expect.poll(() => river().getByRole('option').count()).toBe(posts.length);
  });

  it('imports OPML with folders, including a hostile feed whose content never runs', async () => {
    await page.locator('input[type="file"]').setInputFiles({
      name: 'subscriptions.opml',
      mimeType: 'text/x-opml',
      buffer: Buffer.from(opmlFor(site.origin)),
    });
    await expect.poll(() => page.getByRole('region', { name: 'OPML import' }).textContent(), { timeout: 20_000 }).toMatch(/Imported 1 feed/);
    await page.getByRole('button', { name: 'Refresh all' }).click();
    await page.getByRole('navigation', { name: 'Sources' }).getByRole('button', { name: /^All items/ }).click();
    await option('A hostile item').waitFor({ timeout: 20_000 });
    await option('A hostile item').click();
    await expect.poll(() => reader().textContent()).toContain('Hostile body');
    await page.waitForTimeout(300);
    const html = await reader().innerHTML();
    expect(html).not.toMatch(/<script|onerror|javascript:|<iframe/i);
    expect(await page.evaluate(() => (window as unknown as Record<string, unknown>).__canary)).toBeUndefined();
  });

  it('exports OPML that lists every subscription', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export OPML' }).click()]);
    const text = await readFile((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toMatch(/\.opml$/);
    expect(text).toContain(`${site.origin}/feed.xml`);
    expect(text).toContain(`${site.origin}/hostile.xml`);
    expect(text).toContain('Security');
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
