/**
 * Where the tokens and application passwords of publishing targets are kept, outside the renderer's
 * IndexedDB (which any code in the page could read, and which is stored unencrypted).
 *
 * The desktop app encrypts each value with Electron's safeStorage (the system keychain, DPAPI, or the
 * Linux secret service) and refuses to save anything when that is not available: falling back to plain
 * text would quietly break the promise made to the user. The browser mode has no keychain, so it keeps a
 * file only the user's account can read, and says so in `describe()` for the settings screen to show.
 *
 * Neither store ever logs, and no error leaves here with a value in it: failures from the file system,
 * JSON.parse (whose messages quote the file) or safeStorage are replaced by HostFailures written here.
 * Writes are atomic (a temporary file, flushed, then renamed), and calls are queued so two saves at once
 * cannot lose one another.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { HostFailure } from '../../../shared/host-error';

export interface SecretStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  /** The names of every saved secret (a backup the user asked to include them in reads each with get). */
  names(): Promise<string[]>;
  /** One sentence for the settings screen: where secrets are kept and how they are protected. */
  describe(): string;
}

/** Electron's safeStorage, as much of it as is used (so tests pass a fake). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means no secret service, and "encryption" with a password built into Chromium. */
  getSelectedStorageBackend?(): string;
}

export function safeStorageSecretStore(file: string, safeStorage: SafeStorageLike): SecretStore {
  const entries = entryFile(file);
  const checkAvailable = () => {
    if (!safeStorage.isEncryptionAvailable() || safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
      throw new HostFailure(
        'unavailable',
        'Commonplace cannot keep this token or password safe: no system keychain is available to encrypt it ' +
          '(on Linux, a secret service such as GNOME Keyring or KWallet is needed). Nothing was saved.',
      );
    }
  };
  return {
    get: (key) =>
      entries.read(async (stored) => {
        const ciphertext = stored.get(checkKey(key));
        if (ciphertext === undefined) return undefined;
        try {
          return safeStorage.decryptString(Buffer.from(ciphertext, 'base64'));
        } catch {
          throw new HostFailure(
            'unavailable',
            'A saved token or password could not be decrypted (the system keychain may have changed). Enter it again.',
          );
        }
      }),
    set: (key, value) =>
      entries.update((stored) => {
        checkAvailable();
        let ciphertext: Buffer;
        try {
          ciphertext = safeStorage.encryptString(checkValue(value));
        } catch (error) {
          if (error instanceof HostFailure) throw error;
          throw new HostFailure('unavailable', 'The system keychain could not encrypt the token or password. Nothing was saved.');
        }
        stored.set(checkKey(key), ciphertext.toString('base64'));
      }),
    delete: (key) => entries.update((stored) => void stored.delete(checkKey(key))),
    names: () => entries.read(async (stored) => [...stored.keys()]),
    describe: () => `Kept encrypted by your system's keychain (Electron safeStorage) in ${file}.`,
  };
}

/** Browser mode: the values as they are, in a file (0600) in a folder (0700 when created here) of the user's. */
export function plainFileSecretStore(file: string): SecretStore {
  const entries = entryFile(file);
  return {
    get: (key) => entries.read(async (stored) => stored.get(checkKey(key))),
    set: (key, value) => entries.update((stored) => void stored.set(checkKey(key), checkValue(value))),
    delete: (key) => entries.update((stored) => void stored.delete(checkKey(key))),
    names: () => entries.read(async (stored) => [...stored.keys()]),
    describe: () => `Kept in plain text in ${file}, readable only by your user account: the browser mode has no system keychain.`,
  };
}

function checkKey(key: string): string {
  if (typeof key !== 'string' || key.length === 0 || key.length > 1000) {
    throw new HostFailure('invalid-request', 'A secret needs a name of 1 to 1000 characters.');
  }
  return key;
}

function checkValue(value: string): string {
  if (typeof value !== 'string') throw new HostFailure('invalid-request', 'Only text can be saved as a secret.');
  return value;
}

/** The JSON file `{ key: value }` behind both stores, read and written one call at a time. */
function entryFile(file: string) {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.then(job, job);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    read: <T>(use: (stored: Map<string, string>) => Promise<T>) => serial(async () => use(await load(file))),
    update: (change: (stored: Map<string, string>) => void) =>
      serial(async () => {
        const stored = await load(file);
        change(stored);
        await save(file, stored);
      }),
  };
}

async function load(file: string): Promise<Map<string, string>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return new Map();
    throw fileFailure('read', file, error);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || Object.values(parsed).some((value) => typeof value !== 'string')) {
    throw new HostFailure('internal', `The file of saved secrets (${file}) is damaged, so Commonplace cannot read it. Move it away and enter the secrets again.`);
  }
  return new Map(Object.entries(parsed as Record<string, string>));
}

async function save(file: string, stored: Map<string, string>): Promise<void> {
  const temporary = `${file}.${randomUUID()}.tmp`;
  try {
    // The mode applies only to folders made here: an existing folder is the user's (or the app's) to set.
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(`${JSON.stringify(Object.fromEntries(stored), null, 2)}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw fileFailure('write', file, error);
  }
}

/** Names the file and the system's error code, nothing else: Node's own message is not repeated. */
function fileFailure(verb: 'read' | 'write', file: string, error: unknown): HostFailure {
  const code = (error as { code?: unknown } | undefined)?.code;
  const why = typeof code === 'string' ? ` (${code})` : '';
  return new HostFailure('unavailable', `Commonplace could not ${verb} the file of saved secrets, ${file}${why}.`);
}
