// The Content-Security-Policy is in force in the served app: injected inline script does not run
// and is reported as a violation, and eval is refused. Playwright's own evaluate bypasses CSP, so the
// checks insert content the way hostile HTML would arrive.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppProcess } from './support/app-process';
import { chromiumPath, launchChromium } from './support/chromium';

describe.runIf(chromiumPath)('content security policy in Chromium', () => {
  let app: AppProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startApp('web-host-cli');
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(app.url);
    await page.getByRole('navigation').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('sends a strict policy with the page', async () => {
    const response = await page.request.get(app.url);
    const policy = response.headers()['content-security-policy'] ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
  });

  it('blocks inline script, inline handlers and javascript: URLs that reach the DOM', async () => {
    const outcome = await page.evaluate(async () => {
      const w = window as unknown as Record<string, unknown>;
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
      const host = document.createElement('div');
      host.innerHTML = '<img src="data:," onerror="window.__canaryHandler = 1"><a id="js-link" href="javascript:window.__canaryLink=1">x</a>';
      document.body.append(host);
      const script = document.createElement('script');
      script.textContent = 'window.__canaryScript = 1';
      document.body.append(script);
      (document.getElementById('js-link') as HTMLAnchorElement).click();
      await new Promise((resolve) => setTimeout(resolve, 300));
      host.remove();
      script.remove();
      return {
        ran: [w.__canaryScript, w.__canaryHandler, w.__canaryLink].filter((value) => value !== undefined).length,
        violations,
      };
    });
    expect(outcome.ran).toBe(0);
    expect(outcome.violations.some((directive) => directive.startsWith('script-src'))).toBe(true);
  });

  it('refuses script from data: and blob: URLs', async () => {
    // (eval cannot be probed from here: Playwright's evaluate runs with the DevTools exemption.)
    const outcome = await page.evaluate(async () => {
      const w = window as unknown as Record<string, unknown>;
      const blobUrl = URL.createObjectURL(new Blob(['window.__canaryBlob = 1'], { type: 'text/javascript' }));
      const results: string[] = [];
      for (const src of ['data:text/javascript,window.__canaryData=1', blobUrl]) {
        results.push(
          await new Promise<string>((resolve) => {
            const script = document.createElement('script');
            script.src = src;
            script.onload = () => resolve('loaded');
            script.onerror = () => resolve('refused');
            document.body.append(script);
          }),
        );
      }
      return { results, ran: [w.__canaryBlob, w.__canaryData].filter((value) => value !== undefined).length };
    });
    expect(outcome).toEqual({ results: ['refused', 'refused'], ran: 0 });
  });
});
