import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkElectron, hasDisplay, type AvailabilityProbe } from './electron-availability';

let packageDir: string;

beforeEach(async () => {
  packageDir = await mkdtemp(path.join(os.tmpdir(), 'electron-pkg-'));
});
afterEach(async () => {
  await rm(packageDir, { recursive: true, force: true });
});

async function installBinary(): Promise<string> {
  await mkdir(path.join(packageDir, 'dist'));
  await writeFile(path.join(packageDir, 'path.txt'), 'electron');
  await writeFile(path.join(packageDir, 'dist', 'electron'), '');
  return path.join(packageDir, 'dist', 'electron');
}

function probe(overrides: Partial<AvailabilityProbe> = {}): AvailabilityProbe {
  return { platform: 'linux', env: { DISPLAY: ':0' }, packageDir, download: () => 'getaddrinfo ENOTFOUND', ...overrides };
}

describe('hasDisplay', () => {
  it('needs DISPLAY or WAYLAND_DISPLAY on Linux only', () => {
    expect(hasDisplay('linux', {})).toBe(false);
    expect(hasDisplay('linux', { DISPLAY: ':99' })).toBe(true);
    expect(hasDisplay('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(hasDisplay('darwin', {})).toBe(true);
    expect(hasDisplay('win32', {})).toBe(true);
  });
});

describe('checkElectron', () => {
  it('says there is no display before trying any download', () => {
    const download = vi.fn();
    const result = checkElectron(probe({ env: {}, download }));
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('no display') });
    expect(download).not.toHaveBeenCalled();
  });

  it('honours an explicit request for browser mode', () => {
    expect(checkElectron(probe({ env: { DISPLAY: ':0', COMMONPLACE_BROWSER_MODE: '1' } }))).toMatchObject({ ok: false });
  });

  it('says when the package is missing', () => {
    expect(checkElectron(probe({ packageDir: undefined }))).toEqual({ ok: false, reason: expect.stringContaining('not installed') });
  });

  it('uses an installed binary without downloading', async () => {
    const binary = await installBinary();
    const download = vi.fn();
    expect(checkElectron(probe({ download }))).toEqual({ ok: true, binary });
    expect(download).not.toHaveBeenCalled();
  });

  it('reports why the download failed', () => {
    expect(checkElectron(probe())).toEqual({ ok: false, reason: expect.stringContaining('getaddrinfo ENOTFOUND') });
  });

  it('uses the binary a successful download installed', () => {
    const download = (dir: string) => {
      mkdirSync(path.join(dir, 'dist'));
      writeFileSync(path.join(dir, 'path.txt'), 'electron');
      writeFileSync(path.join(dir, 'dist', 'electron'), '');
      return undefined;
    };
    expect(checkElectron(probe({ download }))).toEqual({ ok: true, binary: path.join(packageDir, 'dist', 'electron') });
  });

  it('does not trust a download that reported success but left no binary', () => {
    expect(checkElectron(probe({ download: () => undefined }))).toEqual({ ok: false, reason: expect.stringContaining('no binary after download') });
  });
});
