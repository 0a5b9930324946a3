// Sense as a person meets it, in Chromium against the real web host: two notes linked by typing `[[`,
// the backlink seen and followed; a passage highlighted in an article and sent to a note, seen again
// when the article is reopened; and a note typed into and closed at once, whole when reopened.
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppProcess } from './support/app-process';
import { chromiumPath, launchChromium } from './support/chromium';
import { subscribeInSeek } from './support/subscribe';
import { selectInReader } from './support/reader-selection';
import { posts, startFixtureSite, type FixtureSite } from './support/fixture-site';

describe.runIf(chromiumPath)('Sense in Chromium', () => {
  let app: AppProcess;
  let site: FixtureSite;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  const body = () => page.getByRole('textbox', { name: 'Note body' });
  const title = () => page.getByRole('textbox', { name: 'Note title' });
  const backlinks = () => page.getByRole('complementary', { name: 'Backlinks' });
  const notesList = () => page.getByRole('navigation', { name: 'Notes' });

  async function newNote(name: string, text: string): Promise<void> {
    await page.getByRole('button', { name: 'New note' }).click();
    await expect.poll(() => title().evaluate((element) => element === document.activeElement)).toBe(true);
    await title().fill(name);
    await title().press('Enter');
    await body().click();
    await page.keyboard.type(text);
  }

  beforeAll(async () => {
    site = await startFixtureSite();
    app = await startApp('web-host-cli');
    browser = await launchChromium();
    context = await browser.newContext({ acceptDownloads: true });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${app.url}#/sense`);
    await page.getByRole('heading', { level: 1, name: 'Sense' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await site?.close();
  });

  it('links two notes by typing [[, shows the backlink, and follows it both ways', async () => {
    await newNote('Spaced repetition', 'Reviewing at growing intervals fixes what was read.');
    await newNote('Reading habits', 'I keep notes because ');
    await page.keyboard.type('[[Spaced');
    const suggestions = page.getByRole('listbox', { name: 'Link suggestions' });
    await suggestions.getByRole('option', { name: /Spaced repetition/ }).waitFor();
    await page.keyboard.press('Enter');
    // Choosing a suggestion leaves a space after the link, as Tiptap's mentions do.
    await page.keyboard.type('works for me.');
    const link = body().locator('[data-wiki-link]');
    await expect.poll(() => link.textContent()).toBe('Spaced repetition');

    // The other note shows where it is linked from, with the sentence around the link.
    await notesList().getByRole('link', { name: /Spaced repetition/ }).click();
    await expect.poll(() => title().inputValue()).toBe('Spaced repetition');
    const from = backlinks().getByRole('button', { name: 'Reading habits' });
    await from.waitFor();
    expect(await backlinks().textContent()).toContain('I keep notes because');

    // Follow the backlink, then the link itself.
    await from.click();
    await expect.poll(() => title().inputValue()).toBe('Reading habits');
    await body().locator('[data-wiki-link]').click();
    await expect.poll(() => title().inputValue()).toBe('Spaced repetition');
    expect(pageErrors).toEqual([]);
  });

  it('highlights a passage in an article, sends it to a note, and shows the highlight again on reopening', async () => {
    await subscribeInSeek(page, app.url, `${site.origin}/feed.xml`);
    await page.getByRole('option', { name: posts[1]!.title }).click();
    const reader = page.getByRole('region', { name: 'Reader' });
    await expect.poll(() => reader.textContent()).toContain(posts[1]!.summary);

    // Select "the surprise of backlinks" in the article text, as a mouse drag would.
    const quote = 'the surprise of backlinks';
    await selectInReader(page, quote);
    await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Highlight and note' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add to note' });
    await dialog.getByRole('searchbox', { name: 'Find a note' }).fill('Reading habits');
    await dialog.getByRole('button', { name: /Reading habits/ }).click();
    await page.getByRole('link', { name: 'Open note' }).click();

    // The note now quotes the passage with its citation.
    await expect.poll(() => title().inputValue()).toBe('Reading habits');
    await expect.poll(() => body().textContent()).toContain(quote);
    expect(await body().textContent()).toContain(posts[1]!.title);

    // Back to the article: the passage is marked again.
    await page.goto(`${app.url}#/seek`);
    await page.getByRole('option', { name: posts[2]!.title }).click();
    await page.getByRole('option', { name: posts[1]!.title }).click();
    const mark = reader.locator('mark.reader-highlight');
    await expect.poll(() => mark.allTextContents()).toEqual([quote]);
    expect(pageErrors).toEqual([]);
  });

  it('shows the notes as a graph to click through', async () => {
    await page.goto(`${app.url}#/sense`);
    await page.getByRole('button', { name: 'Graph' }).click();
    const graph = page.getByRole('group', { name: 'Note graph' });
    await graph.waitFor();
    await graph.getByRole('link', { name: 'Spaced repetition' }).click();
    await expect.poll(() => title().inputValue()).toBe('Spaced repetition');
    expect(pageErrors).toEqual([]);
  });

  it('exports every note as a vault Obsidian would open: Markdown files with [[links]] and quotes that cite their source', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export vault' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^Commonplace vault \d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
    const text = (name: string) => strFromU8(files[name] ?? new Uint8Array());
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['Spaced repetition.md', 'Reading habits.md']));
    expect(text('Reading habits.md')).toContain('I keep notes because [[Spaced repetition]] works for me.');
    // The quote sent from the reader travels with its source.
    expect(text('Reading habits.md')).toMatch(/> .*the surprise of backlinks/);
    expect(text('Reading habits.md')).toContain(posts[1]!.title);
  });

  it('loses nothing when the page is closed a keystroke after typing', async () => {
    await page.goto(`${app.url}#/sense`);
    await newNote('Crash test', 'Every character counts');
    const url = page.url();
    expect(url).toMatch(/#\/sense\/note\//);
    await page.keyboard.type('!');
    await page.close(); // at once: no blur, no debounce, no second chance

    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(url);
    await expect.poll(() => title().inputValue(), { timeout: 15_000 }).toBe('Crash test');
    await expect.poll(() => body().textContent()).toBe('Every character counts!');
    expect(pageErrors).toEqual([]);
  });
});
