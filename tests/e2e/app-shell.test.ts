// The app as a newcomer meets it in browser mode: it loads cleanly, the three areas are reachable
// by name, the header search box is there, and the status bar shows what the host answered to app:info.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, startApp, type AppProcess } from './support/app-process';
import { chromiumPath, launchChromium } from './support/chromium';

const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };

describe.runIf(chromiumPath)('app shell in Chromium', () => {
  let app: AppProcess;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    app = await startApp('web-host-cli');
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`requestfailed: ${request.url()}`));
    await page.goto(app.url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('prints its address on 127.0.0.1', () => {
    expect(app.output()).toContain(`running in browser mode at ${app.url}`);
  });

  it('answers app:info through the host and shows it', async () => {
    const status = page.getByTestId('app-info');
    await expect.poll(() => status.textContent()).toContain(pkg.version);
    const text = (await status.textContent()) ?? '';
    expect(text).toContain('Commonplace');
    expect(text).toContain('browser mode');
  });

  it('has a searchbox named Search in the header', async () => {
    await expect(page.getByRole('combobox', { name: 'Search', exact: true }).count()).resolves.toBe(1);
  });

  it.each(['Sense', 'Share', 'Seek'])('navigates to %s by its accessible name', async (area) => {
    const link = page.getByRole('navigation').getByRole('link', { name: area, exact: true });
    await link.click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(area);
    expect(await link.getAttribute('aria-current')).toBe('page');
    expect(new URL(page.url()).hash.toLowerCase()).toContain(area.toLowerCase());
  });

  it('focuses the searchbox with / and keeps the keyboard working', async () => {
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('/');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('type'));
    expect(focused).toBe('search');
  });

  it('says what each area will hold when it is empty', async () => {
    for (const area of ['Seek', 'Sense', 'Share']) {
      await page.getByRole('navigation').getByRole('link', { name: area, exact: true }).click();
      const main = page.getByRole('main');
      await expect.poll(async () => ((await main.textContent()) ?? '').length).toBeGreaterThan(80);
    }
  });

  it('logged no errors or warnings while loading and navigating', () => {
    expect(problems).toEqual([]);
  });
});
