import type * as FsPromises from 'node:fs/promises';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HostFailure } from '../../../shared/host-error';
import { failureOf } from '../net/fixture-server';
import { plainFileSecretStore, safeStorageSecretStore, type SafeStorageLike, type SecretStore } from './secret-store';

const secret = 'app-pw: abcd EFGH 1234 ijkl';

/** When set, the next rename fails the way Node's do: a message quoting its arguments. */
const renameFault = vi.hoisted(() => ({ message: undefined as string | undefined }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  return {
    ...actual,
    rename: async (from: string, to: string) => {
      if (renameFault.message === undefined) return actual.rename(from, to);
      throw Object.assign(new Error(renameFault.message), { code: 'EXDEV' });
    },
  };
});
const posix = process.platform !== 'win32';

/** A stand-in for Electron's safeStorage: reversed, then base64, behind a marker, so ciphertext never equals the text. */
function fakeSafeStorage(overrides: Partial<SafeStorageLike> = {}): SafeStorageLike {
  return {
    isEncryptionAvailable: () => true,
    encryptString: (text) => Buffer.from(`enc:${Buffer.from([...text].reverse().join(''), 'utf8').toString('base64')}`),
    decryptString: (buffer) => {
      const text = buffer.toString('utf8');
      if (!text.startsWith('enc:')) throw new Error(`cannot decrypt ${text}`);
      return [...Buffer.from(text.slice(4), 'base64').toString('utf8')].reverse().join('');
    },
    ...overrides,
  };
}

let dir: string;
let file: string;
let log: ReturnType<typeof vi.spyOn>[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'commonplace-secrets-'));
  file = join(dir, 'private', 'secrets.json');
  log = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) => vi.spyOn(console, method));
});

afterEach(async () => {
  // "Never logged": nothing in this module may write to the console, whatever happened in the test.
  for (const spy of log) expect(spy).not.toHaveBeenCalled();
  vi.restoreAllMocks();
  renameFault.message = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function roundTrip(store: SecretStore): Promise<void> {
  expect(await store.get('wordpress:https://blog.example')).toBeUndefined();
  await store.set('wordpress:https://blog.example', secret);
  await store.set('mastodon:https://social.example', 'tok-✓-2');
  expect(await store.get('wordpress:https://blog.example')).toBe(secret);
  expect(await store.get('mastodon:https://social.example')).toBe('tok-✓-2');
  await store.set('wordpress:https://blog.example', 'replaced');
  expect(await store.get('wordpress:https://blog.example')).toBe('replaced');
  await store.delete('wordpress:https://blog.example');
  expect(await store.get('wordpress:https://blog.example')).toBeUndefined();
  expect(await store.get('mastodon:https://social.example')).toBe('tok-✓-2');
}

describe('safeStorageSecretStore', () => {
  it('round-trips values', async () => {
    await roundTrip(safeStorageSecretStore(file, fakeSafeStorage()));
  });

  it('keeps only base64 ciphertext in the file, never the value', async () => {
    const store = safeStorageSecretStore(file, fakeSafeStorage());
    await store.set('wp', secret);
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(secret);
    expect(text).not.toContain('abcd');
    const stored = JSON.parse(text) as Record<string, string>;
    expect(Object.keys(stored)).toEqual(['wp']);
    expect(Buffer.from(stored.wp!, 'base64').toString('utf8')).toMatch(/^enc:/);
  });

  it('refuses to store when encryption is unavailable, rather than writing plain text', async () => {
    const store = safeStorageSecretStore(file, fakeSafeStorage({ isEncryptionAvailable: () => false }));
    const failure = await failureOf(store.set('wp', secret));
    expect(failure.code).toBe('unavailable');
    expect(failure.message).toContain('no system keychain is available');
    expect(failure.message).toContain('Nothing was saved.');
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses Linux’s basic_text backend, whose "encryption" uses a password built into Chromium', async () => {
    const store = safeStorageSecretStore(file, fakeSafeStorage({ getSelectedStorageBackend: () => 'basic_text' }));
    expect((await failureOf(store.set('wp', secret))).code).toBe('unavailable');
    const keyring = safeStorageSecretStore(file, fakeSafeStorage({ getSelectedStorageBackend: () => 'gnome_libsecret' }));
    await keyring.set('wp', secret);
    expect(await keyring.get('wp')).toBe(secret);
  });

  it('describes itself', () => {
    expect(safeStorageSecretStore(file, fakeSafeStorage()).describe()).toBe(`Kept encrypted by your system's keychain (Electron safeStorage) in ${file}.`);
  });

  it('never puts the value in an error, when encryption or decryption fails', async () => {
    const leaky = fakeSafeStorage({
      encryptString: (text) => {
        throw new Error(`could not encrypt "${text}"`);
      },
    });
    const failure = await failureOf(safeStorageSecretStore(file, leaky).set('wp', secret));
    expect(failure).toMatchObject({ code: 'unavailable' });
    expect(failure.message).not.toContain(secret);

    await safeStorageSecretStore(file, fakeSafeStorage()).set('wp', secret);
    const changedKeychain = fakeSafeStorage({
      decryptString: (buffer) => {
        throw new Error(`bad key for ${buffer.toString()} (${secret})`);
      },
    });
    const readFailure = await failureOf(safeStorageSecretStore(file, changedKeychain).get('wp'));
    expect(readFailure.message).toBe('A saved token or password could not be decrypted (the system keychain may have changed). Enter it again.');
  });
});

describe('plainFileSecretStore', () => {
  it('round-trips values', async () => {
    await roundTrip(plainFileSecretStore(file));
  });

  it.runIf(posix)('writes the file 0600 in a folder it creates 0700', async () => {
    await plainFileSecretStore(file).set('wp', secret);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'private'))).mode & 0o777).toBe(0o700);
  });

  it.runIf(posix)('replaces a file others could read with one they cannot', async () => {
    await mkdir(join(dir, 'private'));
    await writeFile(file, '{"old":"value"}', { mode: 0o644 });
    await plainFileSecretStore(file).set('wp', secret);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ old: 'value', wp: secret });
  });

  it('writes atomically, leaving no temporary files, and loses no write when several run at once', async () => {
    const store = plainFileSecretStore(file);
    await Promise.all(Array.from({ length: 20 }, (_, index) => store.set(`key-${index}`, `value-${index}`)));
    expect(await readdir(join(dir, 'private'))).toEqual(['secrets.json']);
    expect(Object.keys(JSON.parse(await readFile(file, 'utf8')) as object)).toHaveLength(20);
  });

  it('describes itself', () => {
    expect(plainFileSecretStore(file).describe()).toBe(
      `Kept in plain text in ${file}, readable only by your user account: the browser mode has no system keychain.`,
    );
  });

  it('never puts the value in an error: a damaged file, a failed write', async () => {
    await mkdir(join(dir, 'private'));
    // JSON.parse's own message quotes the text around the fault.
    await writeFile(file, `{"wp": "${secret}", oops}`);
    const damaged = await failureOf(plainFileSecretStore(file).get('wp'));
    expect(damaged.code).toBe('internal');
    expect(damaged.message).toContain('is damaged');
    expect(damaged.message).not.toContain(secret);

    // A folder where the file should be: reading it fails (also for root, which file modes would not stop).
    const blocked = join(dir, 'blocked');
    await mkdir(blocked);
    const unreadable = await failureOf(plainFileSecretStore(blocked).set('wp', secret));
    expect(unreadable).toBeInstanceOf(HostFailure);
    expect(unreadable.message).toBe(`Commonplace could not read the file of saved secrets, ${blocked} (EISDIR).`);

    // Writing fails with an error that quotes the value: only the code gets through, and the temporary file goes.
    const elsewhere = join(dir, 'other', 'secrets.json');
    renameFault.message = `EXDEV: cross-device link not permitted, rename '${secret}'`;
    const unwritable = await failureOf(plainFileSecretStore(elsewhere).set('wp', secret));
    expect(unwritable.message).toBe(`Commonplace could not write the file of saved secrets, ${elsewhere} (EXDEV).`);
    expect(await readdir(join(dir, 'other'))).toEqual([]);
    const encrypted = await failureOf(safeStorageSecretStore(elsewhere, fakeSafeStorage()).set('wp', secret));
    expect(encrypted.message).not.toContain(secret);
  });

  it('refuses a file whose values are not all text', async () => {
    await mkdir(join(dir, 'private'));
    await writeFile(file, '{"wp": {"nested": true}}');
    expect((await failureOf(plainFileSecretStore(file).get('wp'))).code).toBe('internal');
  });
});
