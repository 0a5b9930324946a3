/**
 * Debian's Chromium driven by playwright-core (Playwright's own browser download cannot run here).
 * Where no Chromium is found the end-to-end tests say so plainly; under CI=true that is a failure,
 * never a silent pass.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
  (candidate): candidate is string => Boolean(candidate),
);

export const chromiumPath: string | undefined = candidates.find((candidate) => existsSync(candidate));

if (!chromiumPath) {
  const reason = `no Chromium at ${candidates.join(' or ')} (install it: apt-get install -y chromium, or set CHROME_PATH)`;
  if (process.env.CI) throw new Error(`End-to-end tests cannot run: ${reason}. CI must run them.`);
  console.warn(`\n*** End-to-end tests SKIPPED: ${reason}. ***\n`);
}

/** The flags these machines need: no sandbox as root, no GPU, and no background traffic to the closed network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export async function launchChromium(): Promise<Browser> {
  if (!chromiumPath) throw new Error('No Chromium to launch.');
  // Playwright gives every launch a fresh temporary --user-data-dir of its own.
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}
