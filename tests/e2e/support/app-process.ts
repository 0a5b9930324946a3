/**
 * Starts the built app the way a user does (`node dist/electron/…`), reads the address it prints,
 * and stops it afterwards. The e2e tests run against this real process, not an in-test server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');

export interface AppProcess {
  url: string;
  port: number;
  output: () => string;
  /** Where the host keeps what the page cannot (secrets, backups): a temporary folder unless the test named one. */
  dataDir: string;
  stop(): Promise<void>;
}

export async function startApp(entry: 'web-host-cli' | 'launch', env: NodeJS.ProcessEnv = {}): Promise<AppProcess> {
  // Never the tester's own ~/.commonplace: every app gets a data folder of its own, removed when it stops.
  const ownDataDir = env.COMMONPLACE_DATA_DIR === undefined ? mkdtempSync(path.join(tmpdir(), 'commonplace-e2e-data-')) : undefined;
  const dataDir = env.COMMONPLACE_DATA_DIR ?? ownDataDir!;
  const child = spawn(process.execPath, [path.join(repoRoot, 'dist/electron', `${entry}.cjs`)], {
    cwd: repoRoot,
    env: { ...process.env, PORT: '0', ...env, COMMONPLACE_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const url = await waitForAddress(child, () => output);
  return {
    url,
    port: Number(new URL(url).port),
    output: () => output,
    dataDir,
    stop: async () => {
      await stop(child);
      if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
    },
  };
}

function waitForAddress(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The app printed no address in 30 s:\n${output()}`)), 30_000);
    const check = () => {
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output());
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The app exited with ${code} before printing an address:\n${output()}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
