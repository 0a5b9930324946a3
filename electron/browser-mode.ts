/**
 * Starts Commonplace in browser mode: the web host on 127.0.0.1 serving the built renderer.
 * Shared by `npm run web` (web-host-cli.ts) and by `npm start` when Electron cannot start (launch.ts).
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { articleWorkerFile } from './host/articles/article-worker';
import { plainFileSecretStore } from './host/secrets/secret-store';
import { createHostHandlers } from './host/handlers';
import { startWebHost, type WebHost } from './web-host';

/** The built renderer beside the bundled host: dist/electron/*.cjs → dist/renderer. */
export function builtRendererDir(bundleDir: string): string {
  return path.resolve(bundleDir, '..', 'renderer');
}

export function parsePort(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 0;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not "${value}".`);
  }
  return port;
}

/** Where browser mode keeps what the page cannot (publishing tokens): COMMONPLACE_DATA_DIR, else ~/.commonplace. */
export function browserModeDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.COMMONPLACE_DATA_DIR?.trim() ? path.resolve(env.COMMONPLACE_DATA_DIR) : path.join(os.homedir(), '.commonplace');
}

export async function startBrowserMode(bundleDir: string, env: NodeJS.ProcessEnv = process.env): Promise<WebHost> {
  const rendererDir = builtRendererDir(bundleDir);
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`The app is not built yet (no ${rendererDir}/index.html). Run \`npm run build\` first.`);
  }
  // No system keychain here: publishing tokens go to a file only this user account can read (the UI says so).
  const secrets = plainFileSecretStore(path.join(browserModeDataDir(env), 'secrets.json'));
  const handlers = createHostHandlers({
    secrets,
    backupsFolder: path.join(browserModeDataDir(env), 'backups'),
    articleWorkerScript: path.join(bundleDir, articleWorkerFile),
  });
  const host = await startWebHost({ rendererDir, handlers, port: parsePort(env.PORT) });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void host.close().then(() => process.exit(0)));
  }
  return host;
}

export function announce(host: WebHost, log: (line: string) => void = console.log): void {
  log(`Commonplace is running in browser mode at ${host.url}`);
  log('Open that address in a browser on this machine. Press Ctrl+C to stop.');
}
