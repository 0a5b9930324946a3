// Backup and restore as a person meets them (issue 8), in Chromium against the real web host: build an archive
// through the UI, Back up now, then open the app in an EMPTY browser profile, Restore from backup, and compare
// every row of every table of the two profiles' IndexedDB.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppProcess } from './support/app-process';
import { chromiumPath, launchChromium } from './support/chromium';
import { posts, startFixtureSite, type FixtureSite } from './support/fixture-site';
import { subscribeInSeek } from './support/subscribe';

/** Every table of the app's database (but the derived search index), rows sorted by key, as plain data. */
function dumpDatabase(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const opening = indexedDB.open('commonplace');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const connection = opening.result;
          const names = [...connection.objectStoreNames].filter((name) => name !== 'searchIndex');
          const transaction = connection.transaction(names, 'readonly');
          const result: Record<string, unknown[]> = {};
          for (const name of names) {
            const request = transaction.objectStore(name).getAll();
            request.onsuccess = () => (result[name] = request.result as unknown[]);
          }
          transaction.oncomplete = () => {
            connection.close();
            resolve(result);
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
  );
}

describe.runIf(chromiumPath)('Backup and restore in Chromium', () => {
  let app: AppProcess;
  let site: FixtureSite;
  let first: Browser;
  let second: Browser | undefined;
  let page: Page;
  const pageErrors: string[] = [];

  const dialog = (on: Page) => on.getByRole('dialog', { name: 'Backup and restore' });

  beforeAll(async () => {
    site = await startFixtureSite();
    app = await startApp('web-host-cli');
    first = await launchChromium();
    page = await first.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await subscribeInSeek(page, app.url, `${site.origin}/feed.xml`);
    for (const post of posts) await page.getByRole('option', { name: post.title }).waitFor();
    // Star the first story from the keyboard, and write a note.
    await page.getByRole('option', { name: posts[0]!.title }).click();
    await page.keyboard.press('s');
    await page.goto(`${app.url}#/sense`);
    await page.getByRole('button', { name: 'New note' }).click();
    const title = page.getByRole('textbox', { name: 'Note title' });
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Note title');
    await title.fill('Kept through a restore');
    await title.press('Enter');
    await page.keyboard.type('Written before the backup, found again after it.');
    await page.getByText('Saved', { exact: true }).waitFor();
  });

  afterAll(async () => {
    await first?.close();
    await second?.close();
    await app?.stop();
    await site?.close();
  });

  it('backs up now into the host’s backups folder and lists the backup', async () => {
    await page.getByRole('button', { name: 'Backup and restore' }).click();
    await dialog(page).waitFor();
    await expect.poll(() => dialog(page).textContent()).toContain(path.join(app.dataDir, 'backups'));
    await page.getByRole('button', { name: 'Back up now' }).click();
    const status = dialog(page).getByRole('status');
    await expect.poll(() => status.textContent()).toMatch(/^Backed up \d+ records to .*-manual\.json\.gz \(.+\)\.$/);
    const files = await readdir(path.join(app.dataDir, 'backups'));
    expect(files.filter((name) => name.endsWith('-manual.json.gz'))).toHaveLength(1);
    expect(files.filter((name) => name.endsWith('.partial'))).toEqual([]);
    await expect.poll(() => dialog(page).getByRole('radio').count()).toBe(1);
    await dialog(page).getByRole('button', { name: 'Close' }).click();
  });

  it('restored into an empty profile, gives back every row of every table', async () => {
    const original = await dumpDatabase(page);
    expect(original.notes?.some((note) => (note as { title: string }).title === 'Kept through a restore')).toBe(true);
    expect(original.items?.length).toBe(posts.length);

    second = await launchChromium();
    const fresh = await second.newPage();
    fresh.on('pageerror', (error) => pageErrors.push(error.message));
    await fresh.goto(`${app.url}#/sense`);
    await fresh.getByRole('heading', { level: 1, name: 'Sense' }).waitFor();
    expect((await dumpDatabase(fresh)).notes).toEqual([]);

    await fresh.getByRole('button', { name: 'Backup and restore' }).click();
    await dialog(fresh).getByRole('radio').click();
    await dialog(fresh).getByRole('button', { name: 'Restore from backup' }).click();
    await dialog(fresh).getByRole('button', { name: 'Replace everything' }).click();
    await expect.poll(() => dialog(fresh).getByRole('status').textContent()).toMatch(/^Restored \d+ records\. What was here before is kept/);
    // The app starts again on the restored archive.
    await fresh.waitForEvent('load', { timeout: 15_000 });
    await fresh.getByRole('navigation', { name: 'Notes' }).getByText('Kept through a restore').waitFor();

    const restored = await dumpDatabase(fresh);
    expect(Object.keys(restored).sort()).toEqual(Object.keys(original).sort());
    for (const table of Object.keys(original)) expect(restored[table], table).toEqual(original[table]);
    // The empty profile was itself backed up before it was replaced.
    const files = await readdir(path.join(app.dataDir, 'backups'));
    expect(files.filter((name) => name.endsWith('-before-restore.json.gz'))).toHaveLength(1);
    expect(pageErrors).toEqual([]);
  });
});
