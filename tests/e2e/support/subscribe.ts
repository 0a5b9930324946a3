/** Subscribes to a feed through Seek's Add feed form, as a person does: address, preview, Subscribe. */
import type { Locator, Page } from 'playwright-core';

/** `beforeConfirm` gets the preview, so a test can check what it showed before subscribing. */
export async function subscribeInSeek(page: Page, appUrl: string, feedUrl: string, beforeConfirm?: (preview: Locator) => Promise<void>): Promise<void> {
  await page.goto(`${appUrl}#/seek`);
  await page.getByRole('button', { name: 'Add feed' }).click();
  await page.getByRole('textbox', { name: 'Feed or site URL' }).fill(feedUrl);
  await page.getByRole('button', { name: 'Subscribe' }).click();
  const preview = page.getByRole('region', { name: 'Feed preview' });
  await preview.waitFor();
  await beforeConfirm?.(preview);
  await page.getByRole('button', { name: 'Subscribe' }).click();
}
