import { EventEmitter } from 'node:events';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hostCallNames } from '../shared/host-contract';
import { secureWebPreferences } from './security';

/** Fakes for every Electron API main.ts touches, recording the order things happen in. */
const fake = await vi.hoisted(async () => {
  // Hoisted above the imports, so node:events has to be loaded here.
  const { EventEmitter: Emitter } = await import('node:events');
  const state = {
    log: [] as string[],
    windows: [] as FakeWindow[],
    resolveReady: () => {},
    lock: true,
    dark: false,
  };

  class FakeWindow extends Emitter {
    readonly options: { webPreferences?: Record<string, unknown>; backgroundColor?: string; title?: string; show?: boolean };
    readonly loadURL = vi.fn(async (url: string) => {
      state.log.push(`loadURL ${url}`);
    });
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    readonly isMinimized = vi.fn(() => false);

    constructor(options: FakeWindow['options']) {
      super();
      this.options = options;
      state.log.push('new BrowserWindow');
      state.windows.push(this);
    }

    static getAllWindows(): FakeWindow[] {
      return state.windows;
    }
  }

  const app = Object.assign(new Emitter(), {
    enableSandbox: vi.fn(() => state.log.push('enableSandbox')),
    requestSingleInstanceLock: vi.fn(() => state.lock),
    getPath: vi.fn((name: string) => `/fake/${name}`),
    quit: vi.fn(),
    whenReady: vi.fn(
      () =>
        new Promise<void>((resolve) => {
          state.resolveReady = () => {
            state.log.push('ready');
            resolve();
          };
        }),
    ),
  });
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    ipcMain: { handle: vi.fn((channel: string) => state.log.push(`ipc ${channel}`)) },
    nativeTheme: {
      get shouldUseDarkColors() {
        return state.dark;
      },
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => state.log.push('registerSchemesAsPrivileged')),
      handle: vi.fn((scheme: string) => state.log.push(`protocol.handle ${scheme}`)),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(() => state.log.push('default session hardened')),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
        webRequest: { onHeadersReceived: vi.fn() },
      },
    },
    shell: { openExternal: vi.fn(async () => undefined) },
    safeStorage: { isEncryptionAvailable: () => true, encryptString: (text: string) => Buffer.from(text), decryptString: (bytes: Buffer) => bytes.toString() },
    dialog: { showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })) },
  };
  return { state, electron };
});
vi.mock('electron', () => fake.electron);

const { state, electron } = fake;

async function startMain() {
  vi.resetModules();
  await import('./main');
}

async function becomeReady() {
  state.resolveReady();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

function firstWindow() {
  const window = state.windows[0];
  if (!window) throw new Error('no window was created');
  return window;
}

let platform: PropertyDescriptor | undefined;

beforeEach(() => {
  vi.clearAllMocks();
  electron.app.removeAllListeners();
  Object.assign(state, { log: [], windows: [], lock: true, dark: false });
  platform = Object.getOwnPropertyDescriptor(process, 'platform');
});

afterEach(() => {
  if (platform) Object.defineProperty(process, 'platform', platform);
});

describe('main', () => {
  it('registers the app scheme as privileged and enables the sandbox before ready', async () => {
    await startMain();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(state.windows).toHaveLength(0);
    await becomeReady();
    expect(state.log.indexOf('registerSchemesAsPrivileged')).toBeLessThan(state.log.indexOf('ready'));
    expect(state.log.indexOf('enableSandbox')).toBeLessThan(state.log.indexOf('ready'));
  });

  it('on ready: hardens the session, serves app://, binds IPC, then opens the window on app://commonplace/', async () => {
    await startMain();
    await becomeReady();
    const order = state.log.slice(state.log.indexOf('ready'));
    expect(order).toEqual([
      'ready',
      'default session hardened',
      'protocol.handle app',
      ...hostCallNames.map((name) => `ipc ${name}`),
      'new BrowserWindow',
      'loadURL app://commonplace/',
    ]);
  });

  it('creates the window with the secure webPreferences and the bundled preload', async () => {
    await startMain();
    await becomeReady();
    const { options } = firstWindow();
    const preload = options.webPreferences?.preload;
    expect(typeof preload).toBe('string');
    expect(path.isAbsolute(preload as string)).toBe(true);
    expect(path.basename(preload as string)).toBe('preload.cjs');
    expect(options.webPreferences).toEqual(secureWebPreferences(preload as string));
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(options).toMatchObject({ title: 'Commonplace', show: false });
  });

  it('shows the window only when ready to show, with a background that follows the theme', async () => {
    state.dark = true;
    await startMain();
    await becomeReady();
    const window = firstWindow();
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
    const darkBackground = window.options.backgroundColor;

    state.windows = [];
    state.dark = false;
    await startMain();
    await becomeReady();
    expect(firstWindow().options.backgroundColor).not.toBe(darkBackground);
  });

  it('hardens every webContents that is created', async () => {
    await startMain();
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    electron.app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
    const navigation = { url: 'https://evil.example/', preventDefault: vi.fn() };
    contents.emit('will-navigate', navigation);
    expect(navigation.preventDefault).toHaveBeenCalled();
  });

  it('quits when the last window closes, except on macOS', async () => {
    await startMain();
    Object.defineProperty(process, 'platform', { value: 'darwin' });
    electron.app.emit('window-all-closed');
    expect(electron.app.quit).not.toHaveBeenCalled();
    Object.defineProperty(process, 'platform', { value: 'linux' });
    electron.app.emit('window-all-closed');
    expect(electron.app.quit).toHaveBeenCalledOnce();
  });

  it('re-creates the window on activate when none is open', async () => {
    await startMain();
    await becomeReady();
    electron.app.emit('activate');
    expect(state.windows).toHaveLength(1);
    state.windows = [];
    electron.app.emit('activate');
    expect(state.windows).toHaveLength(1);
  });

  it('brings the existing window forward for a second instance', async () => {
    await startMain();
    await becomeReady();
    electron.app.emit('second-instance');
    expect(firstWindow().focus).toHaveBeenCalledOnce();
  });

  it('quits at once without the single-instance lock', async () => {
    state.lock = false;
    await startMain();
    expect(electron.app.quit).toHaveBeenCalledOnce();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
  });
});
