// `npm start` on a machine where Electron cannot start: one line says why, the same app is served
// in browser mode, and that page shows the three areas and app:info from the host.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppProcess } from './support/app-process';
import { chromiumPath, launchChromium } from './support/chromium';

describe('npm start without a display', () => {
  let app: AppProcess;

  beforeAll(async () => {
    app = await startApp('launch', { DISPLAY: '', WAYLAND_DISPLAY: '' });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('says in one line why Electron cannot start, then prints the address', () => {
    const lines = app.output().split('\n').filter(Boolean);
    expect(lines[0]).toMatch(/^Electron cannot start here: there is no display .*Serving Commonplace in browser mode instead\.$/);
    expect(lines[1]).toBe(`Commonplace is running in browser mode at ${app.url}`);
  });

  describe.runIf(chromiumPath)('the page it serves', () => {
    let browser: Browser;

    beforeAll(async () => {
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
    });

    it('shows Seek, Sense and Share and answers app:info', async () => {
      const page = await browser.newPage();
      await page.goto(app.url);
      for (const area of ['Seek', 'Sense', 'Share']) {
        await expect(page.getByRole('link', { name: area, exact: true }).count()).resolves.toBe(1);
      }
      await expect.poll(() => page.getByTestId('app-info').textContent()).toMatch(/Commonplace \d+\.\d+\.\d+/);
    });
  });
});
