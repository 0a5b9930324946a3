/**
 * The desktop app's entry: lifecycle and window, wiring only. Every rule it applies lives in
 * security.ts; serving the renderer in app-protocol.ts; host calls in ipc.ts.
 * Bundled to dist/electron/main.cjs, so preload.cjs sits beside it and the renderer in ../renderer.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, nativeTheme, protocol, safeStorage, session, shell } from 'electron';
import { registerAppProtocol } from './app-protocol';
import { articleWorkerFile } from './host/articles/article-worker';
import { createHostHandlers } from './host/handlers';
import { safeStorageSecretStore } from './host/secrets/secret-store';
import { registerHostHandlers } from './ipc';
import { appEntryUrl, hardenSession, hardenWebContents, privilegedSchemes, secureWebPreferences } from './security';

const preloadPath = path.join(__dirname, 'preload.cjs');
const rendererDir = path.join(__dirname, '..', 'renderer');

// Both must happen before 'ready': schemes cannot be made privileged later, and the sandbox
// switch applies to every renderer the app will ever start.
protocol.registerSchemesAsPrivileged([...privilegedSchemes]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Commonplace',
    width: 1280,
    height: 840,
    minWidth: 720,
    minHeight: 480,
    show: false, // shown on ready-to-show, so the user never sees a blank frame
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1c1c1e' : '#ffffff',
    webPreferences: secureWebPreferences(preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.loadURL(appEntryUrl).catch((error: unknown) => {
    console.error('Commonplace could not load its window:', error);
  });
  return window;
}

if (!app.requestSingleInstanceLock()) {
  // Another Commonplace is running and has been told to come forward ('second-instance' below).
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // Registered before ready so the very first webContents is covered too.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, shell));
  app.on('session-created', (created) => hardenSession(created));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(() => {
      hardenSession(session.defaultSession);
      registerAppProtocol(protocol, rendererDir);
      const pickFolder = async () => {
        const options = { title: 'Choose the folder to publish the site into', properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'> };
        const picked = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
        return picked.canceled ? undefined : picked.filePaths[0];
      };
      // Publishing tokens: encrypted with the system keychain, never in plain text (see SECURITY.md).
      const secrets = safeStorageSecretStore(path.join(app.getPath('userData'), 'secrets.json'), safeStorage);
      const handlers = createHostHandlers({
        pickFolder,
        secrets,
        backupsFolder: path.join(app.getPath('userData'), 'backups'),
        articleWorkerScript: path.join(__dirname, articleWorkerFile),
      });
      registerHostHandlers(ipcMain, handlers, {
        onRefused: (name, senderUrl) => console.warn(`Refused host call ${name} from ${senderUrl ?? 'an unknown frame'}`),
      });
      mainWindow = createMainWindow();
      // macOS: clicking the dock icon with no window open. Registered after ready, when windows may exist.
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
      });
    })
    .catch((error: unknown) => {
      console.error('Commonplace could not start:', error);
      app.quit();
    });
}
