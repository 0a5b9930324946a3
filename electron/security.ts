/**
 * Every hardening rule of the desktop shell, in one place. main.ts only applies these; each rule is a
 * small function or constant so security.test.ts can assert it without launching Electron.
 * The checklist in SECURITY.md points here item by item.
 *
 * This module must stay free of runtime imports other than pure shared code: the sandboxed preload
 * bundles it for the host-call argument helpers, and a sandboxed preload can only require 'electron'.
 */
import type { CustomScheme, Session, Shell, WebContents, WebPreferences } from 'electron';
import { contentSecurityPolicy } from '../shared/content-security-policy';

/** The app is served from app://commonplace/, never from file:// (checklist item 18). */
export const appScheme = 'app';
export const appHost = 'commonplace';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/`;

/**
 * `standard` gives the scheme real origins (so IndexedDB, localStorage and relative URLs work),
 * `secure` makes it a secure context, `supportFetchAPI` lets the page fetch its own assets.
 * `bypassCSP` is deliberately absent: the app's pages obey the same CSP as any other.
 */
export const privilegedSchemes: readonly CustomScheme[] = Object.freeze([
  Object.freeze({
    scheme: appScheme,
    privileges: Object.freeze({ standard: true, secure: true, supportFetchAPI: true }),
  }),
]);

/**
 * The origin of a URL, computed for custom schemes too: Node's URL reports `null` as the origin of
 * any non-special scheme, so `new URL('app://commonplace/').origin` cannot be used.
 * Returns null for anything that does not parse or has no host.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host === '') return null;
  return `${parsed.protocol}//${parsed.host}`;
}

export function isAppUrl(url: string): boolean {
  return originOf(url) === appOrigin;
}

/**
 * The webPreferences of every app window. Most of these are Electron's defaults today; they are
 * spelled out so a changed default or a careless edit shows up in a failing test (items 2–4, 6, 8–10).
 * `enableBlinkFeatures` is never set.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
  };
}

/**
 * Hands a URL to the system browser only if it parses as http(s). `javascript:`, `file:`, `data:`,
 * custom schemes (which may launch local programs) and malformed strings are refused (item 15).
 * Returns whether the URL was handed on.
 */
export function openExternalSafely(shell: Pick<Shell, 'openExternal'>, url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  // The normalised href, not the raw string: what was checked is what is opened.
  shell.openExternal(parsed.href).catch(() => {
    // No browser registered, or the user cancelled: nothing the app can do about it.
  });
  return true;
}

interface NavigationEvent {
  url: string;
  preventDefault: () => void;
}

/**
 * Locks down one webContents (items 11–14): no new windows (outward links go to the browser),
 * no navigation or redirect away from the app origin, no <webview>.
 * main.ts applies this to every webContents through app's 'web-contents-created'.
 */
export function hardenWebContents(contents: WebContents, shell: Pick<Shell, 'openExternal'>): void {
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(shell, url);
    return { action: 'deny' };
  });

  // A click on an outward link that was not target=_blank: keep the app, show the page in the browser.
  contents.on('will-navigate', (event: NavigationEvent) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    openExternalSafely(shell, event.url);
  });
  // Redirects and sub-frame navigations are never the user's choice: just refuse them.
  contents.on('will-redirect', (event: NavigationEvent) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event: NavigationEvent) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });

  // webviewTag is off, but refuse here too in case a future window turns it on (items 11, 12).
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/** The parts of a Session that hardenSession touches, so tests can pass a small fake. */
export type HardenableSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
> & { webRequest: Pick<Session['webRequest'], 'onHeadersReceived'> };

/**
 * Response headers with the app's CSP set, replacing any CSP header in another letter case so
 * exactly one policy applies, and keeping every other header.
 */
export function withContentSecurityPolicy(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [contentSecurityPolicy];
  return result;
}

/**
 * Locks down a session (items 5 and 7): Electron grants every permission by default, so requests,
 * checks and device access are all denied; the app needs none of them. Every response gets the CSP.
 */
export function hardenSession(session: HardenableSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
}
