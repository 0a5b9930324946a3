// A reader's move, as a person makes it: import an OPML file of a hundred feeds, refresh them all with
// progress shown, and find every feed's story in the river, without the mouse for the triage.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppProcess } from './support/app-process';
import { chromiumPath, launchChromium } from './support/chromium';
import { manyFeedCount, manyOpmlFor, startFixtureSite, type FixtureSite } from './support/fixture-site';

describe.runIf(chromiumPath)('importing a hundred feeds in Chromium', () => {
  let app: AppProcess;
  let site: FixtureSite;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    site = await startFixtureSite();
    app = await startApp('web-host-cli');
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(`${app.url}#/seek`);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await site?.close();
  });

  it('imports them with their folder, refreshes them with progress, and shows every story', async () => {
    await page.locator('input[type="file"]').setInputFiles({ name: 'many.opml', mimeType: 'text/x-opml', buffer: Buffer.from(manyOpmlFor(site.origin)) });
    await expect.poll(() => page.getByRole('region', { name: 'OPML import' }).textContent(), { timeout: 30_000 }).toContain(`Imported ${manyFeedCount} feeds`);

    const progressLines = new Set<string>();
    await page.getByRole('button', { name: 'Refresh all' }).click();
    await expect
      .poll(
        async () => {
          const texts = await page.locator('[role="status"]').allTextContents();
          for (const text of texts) if (/Refresh/.test(text)) progressLines.add(text.trim());
          return texts.join(' | ');
        },
        { timeout: 60_000, interval: 50 },
      )
      .toMatch(new RegExp(`Refreshed ${manyFeedCount} sources`));
    // Progress was shown while it worked, not only at the end.
    expect([...progressLines].some((line) => /Refreshing \d+ of 100/.test(line))).toBe(true);
    expect(site.log.filter((line) => /^GET \/many\/\d+\.xml 200$/.test(line)).length).toBe(manyFeedCount);

    await expect.poll(() => page.getByRole('option').count(), { timeout: 20_000 }).toBeGreaterThan(5);
    await page.getByRole('listbox').first().focus();
    await page.keyboard.press('j');
    await page.keyboard.press('o');
    await expect.poll(() => page.getByRole('region', { name: 'Reader' }).textContent()).toMatch(/Story from feed \d+/);
  });
});
