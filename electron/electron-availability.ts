/**
 * Can the Electron shell start here? Answers with the reason in words when it cannot, so that
 * `npm start` can say why in one line and fall back to browser mode.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type Availability = { ok: true; binary: string } | { ok: false; reason: string };

export interface AvailabilityProbe {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** The installed `electron` npm package folder, or undefined when it is not installed. */
  packageDir: string | undefined;
  /** Tries to fetch Electron's binary (the package downloads it on first use); returns an error line or undefined. */
  download(packageDir: string): string | undefined;
}

export function hasDisplay(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): boolean {
  if (platform !== 'linux' && platform !== 'freebsd' && platform !== 'openbsd') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

function installedBinary(packageDir: string): string | undefined {
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

export function checkElectron(probe: AvailabilityProbe): Availability {
  if (probe.env.COMMONPLACE_BROWSER_MODE === '1') return { ok: false, reason: 'COMMONPLACE_BROWSER_MODE=1 asks for browser mode' };
  if (!hasDisplay(probe.platform, probe.env)) return { ok: false, reason: 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)' };
  if (!probe.packageDir) return { ok: false, reason: 'the electron package is not installed (run npm install)' };
  const binary = installedBinary(probe.packageDir);
  if (binary) return { ok: true, binary };
  const failure = probe.download(probe.packageDir);
  const downloaded = failure === undefined ? installedBinary(probe.packageDir) : undefined;
  if (downloaded) return { ok: true, binary: downloaded };
  return { ok: false, reason: `Electron's binary is not installed and could not be downloaded (${failure ?? 'no binary after download'})` };
}

/** Runs the electron package's own installer, bounded in time; returns its last error line. */
export function downloadElectron(packageDir: string): string | undefined {
  const result = spawnSync(process.execPath, [path.join(packageDir, 'install.js')], { encoding: 'utf8', timeout: 180_000 });
  if (result.status === 0) return undefined;
  if (result.error) return result.error.message;
  const lines = `${result.stderr}`.split('\n').map((line) => line.trim()).filter(Boolean);
  return lines.find((line) => /error/i.test(line)) ?? lines[0] ?? `installer exited with ${result.status}`;
}
