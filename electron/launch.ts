/**
 * `npm start`: run the desktop app; where Electron cannot start (no binary, no display),
 * say why in one line and serve the same app to a browser instead.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { announce, startBrowserMode } from './browser-mode';
import { checkElectron, downloadElectron } from './electron-availability';

function electronPackageDir(): string | undefined {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

async function fallBack(reason: string): Promise<void> {
  console.log(`Electron cannot start here: ${reason}. Serving Commonplace in browser mode instead.`);
  announce(await startBrowserMode(__dirname));
}

async function main(): Promise<void> {
  const availability = checkElectron({ platform: process.platform, env: process.env, packageDir: electronPackageDir(), download: downloadElectron });
  if (!availability.ok) return fallBack(availability.reason);
  const appDir = path.resolve(__dirname, '..', '..');
  const startedAt = Date.now();
  const child = spawn(availability.binary, [appDir], { stdio: 'inherit' });
  // 'error' and 'exit' can both fire for one failed start; fall back once.
  let fellBack = false;
  const fallBackOnce = (reason: string) => {
    if (fellBack) return;
    fellBack = true;
    void fallBack(reason);
  };
  child.on('error', (error) => fallBackOnce(`Electron failed to run (${error.message})`));
  child.on('exit', (code, signal) => {
    // A crash within seconds of starting means this machine cannot run Electron (missing libraries, GPU):
    // the user still gets the app, in the browser.
    if (code !== 0 && signal === null && Date.now() - startedAt < 10_000) return fallBackOnce(`Electron exited at start with code ${code}`);
    if (!fellBack) process.exit(code ?? 0);
  });
}

main().catch((error: unknown) => {
  console.error(`Commonplace could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
