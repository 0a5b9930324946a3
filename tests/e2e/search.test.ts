// Search as a person meets it, in Chromium against the real web host: the index builds in its worker,
// typing in Search finds notes and items by prefix, arrow keys and Enter open one, and a reload starts
// from the saved index instead of rebuilding it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppProcess } from './support/app-process';
import { chromiumPath, launchChromium } from './support/chromium';
import { subscribeInSeek } from './support/subscribe';
import { selectInReader } from './support/reader-selection';
import { posts, startFixtureSite, type FixtureSite } from './support/fixture-site';

describe.runIf(chromiumPath)('Search in Chromium', () => {
  let app: AppProcess;
  let site: FixtureSite;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const searchBox = () => page.getByRole('combobox', { name: 'Search' });
  const results = () => page.getByRole('region', { name: 'Search results' });

  beforeAll(async () => {
    site = await startFixtureSite();
    app = await startApp('web-host-cli');
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await subscribeInSeek(page, app.url, `${site.origin}/feed.xml`);
    await page.getByRole('option', { name: posts[0]!.title }).click();
    // Highlight a passage of the first post, as a reader would.
    const reader = page.getByRole('region', { name: 'Reader' });
    await reader.getByText(posts[0]!.summary).waitFor();
    await selectInReader(page, 'copying passages by hand');
    await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Highlight', exact: true }).click();
    await reader.locator('mark.reader-highlight').waitFor();

    await page.goto(`${app.url}#/sense`);
    await page.getByRole('button', { name: 'New note' }).click();
    const title = page.getByRole('textbox', { name: 'Note title' });
    // A new note takes the focus into its title once it is open; typing before that would race it.
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Note title');
    await title.fill('Interleaving practice');
    await title.press('Enter');
    await page.getByRole('textbox', { name: 'Note body' }).click();
    await page.keyboard.type('Mixing topics while studying beats blocked practice.');
    await title.click();
    await page.locator('.note-page__saved', { hasText: /^Saved$/ }).waitFor();
  });

  /** What the library and the results hold, for a failure message that says why the note was not found. */
  async function whatWasThere(): Promise<string> {
    const notes = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const opening = indexedDB.open('commonplace');
          opening.onsuccess = () => {
            const reading = opening.result.transaction('notes').objectStore('notes').getAll();
            reading.onsuccess = () => resolve(JSON.stringify((reading.result as Array<{ title: string; text: string; updatedAt: number }>).map(({ title, text, updatedAt }) => ({ title, text, updatedAt }))));
            reading.onerror = () => resolve(`notes unreadable: ${String(reading.error)}`);
          };
          opening.onerror = () => resolve(`library unreadable: ${String(opening.error)}`);
        }),
    );
    return `notes: ${notes}; results: ${await results().textContent().catch(() => '(none)')}`;
  }

  async function findNote(timeout: number): Promise<void> {
    const option = results().getByRole('option', { name: /Interleaving practice/ });
    try {
      await option.waitFor({ timeout });
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${await whatWasThere()}`, { cause: error });
    }
  }

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await site?.close();
  });

  it('finds a note by a word prefix as you type, and Enter opens it', async () => {
    await page.goto(`${app.url}#/seek`);
    await page.keyboard.press('/');
    await page.keyboard.type('studyi');
    await findNote(15_000);
    const option = results().getByRole('option', { name: /Interleaving practice/ });
    expect(await option.textContent()).toContain('Note');
    expect(await option.locator('mark').first().textContent()).toMatch(/^studying$/i);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('textbox', { name: 'Note title' }).inputValue()).toBe('Interleaving practice');
  });

  it('finds items from the feeds and opens them in the reader', async () => {
    await searchBox().click();
    await searchBox().fill('surprise backlinks');
    await results().getByRole('option', { name: new RegExp(posts[1]!.title) }).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('region', { name: 'Reader' }).textContent()).toContain(posts[1]!.summary);
  });

  it('finds a highlight by its words and opens its article from the keyboard', async () => {
    await searchBox().click();
    await searchBox().fill('passages by ha');
    const option = results().getByRole('option', { name: /Highlight/ });
    await option.waitFor();
    expect(await option.textContent()).toContain(posts[0]!.title);
    // Arrow keys move to it, Enter opens it: the article it came from, in the reader.
    const options = await results().getByRole('option').allTextContents();
    const at = options.findIndex((text) => text.startsWith('Highlight'));
    for (let step = 0; step < at; step += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('region', { name: 'Reader' }).textContent()).toContain(posts[0]!.summary);
  });

  it('says when nothing matches', async () => {
    await searchBox().click();
    await searchBox().fill('xylophonist');
    await expect.poll(() => results().textContent()).toContain('Nothing matches');
  });

  it('starts from the saved index after a reload: searchable at once, nothing rebuilt', async () => {
    // Give the index its save (a few seconds after the last change), then reload.
    await page.waitForTimeout(5_000);
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await searchBox().click();
    await page.keyboard.type('interleav');
    await findNote(10_000);
    expect(await results().textContent()).not.toContain('Building the search index');
    // The snippet comes from the body saved beside the index, with the typed word marked.
    const option = results().getByRole('option', { name: /Interleaving practice/ });
    expect(await option.locator('mark').first().textContent()).toMatch(/^interleaving$/i);
    // Saved in the origin-private file system, not in the library's IndexedDB (whose queue a start keeps busy).
    const saved = await page.evaluate(async () => {
      const root = await navigator.storage.getDirectory();
      const folder = await (await root.getDirectoryHandle('search-index')).getDirectoryHandle('commonplace');
      const file = await (await folder.getFileHandle('index.bin')).getFile();
      const rows = await new Promise<number>((resolve, reject) => {
        const opening = indexedDB.open('commonplace');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const counting = opening.result.transaction('searchIndex').objectStore('searchIndex').count();
          counting.onsuccess = () => {
            resolve(counting.result);
            opening.result.close();
          };
        };
      });
      return { bytes: file.size, rows };
    });
    expect(saved.bytes).toBeGreaterThan(0);
    expect(saved.rows).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
