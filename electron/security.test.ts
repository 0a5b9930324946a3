import { EventEmitter } from 'node:events';
import type { HandlerDetails, WebContents, WindowOpenHandlerResponse } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../shared/content-security-policy';
import {
  appEntryUrl,
  hardenSession,
  hardenWebContents,
  isAppUrl,
  openExternalSafely,
  privilegedSchemes,
  secureWebPreferences,
  type HardenableSession,
} from './security';

// security.ts must never need Electron at runtime (the sandboxed preload bundles it): an empty stub
// makes any accidental runtime use fail here.
vi.mock('electron', () => ({}));

function fakeShell() {
  return { openExternal: vi.fn(async (_url: string) => undefined) };
}

/** A webContents that records its window-open handler and can emit navigation events. */
function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | undefined;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (handler: (details: HandlerDetails) => WindowOpenHandlerResponse) => {
      openHandler = handler;
    },
  });
  return {
    contents: contents as unknown as WebContents,
    openWindow(url: string): WindowOpenHandlerResponse {
      if (!openHandler) throw new Error('no window open handler was set');
      return openHandler({ url, frameName: '', features: '', disposition: 'new-window' } as HandlerDetails);
    },
    /** Emits a navigation-style event and tells whether it was prevented. */
    navigate(eventName: string, url: string): boolean {
      const event = { url, preventDefault: vi.fn() };
      emitter.emit(eventName, event, url);
      return event.preventDefault.mock.calls.length > 0;
    },
    attachWebview(): boolean {
      const event = { preventDefault: vi.fn() };
      emitter.emit('will-attach-webview', event, {}, { src: 'https://evil.example/' });
      return event.preventDefault.mock.calls.length > 0;
    },
  };
}

const unsafeUrls = [
  'javascript:alert(1)',
  'JavaScript:alert(document.cookie)',
  ' javascript:alert(1)',
  'file:///etc/passwd',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'ms-settings:privacy',
  'smb://attacker.example/share',
  'app://commonplace/index.html',
  'not a url',
  '//evil.example/path',
  '',
];

describe('secureWebPreferences', () => {
  it('turns every protection on and every risky feature off', () => {
    expect(secureWebPreferences('/app/dist/electron/preload.cjs')).toEqual({
      preload: '/app/dist/electron/preload.cjs',
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
    });
  });

  it('never enables Blink features', () => {
    expect(secureWebPreferences('/p.cjs')).not.toHaveProperty('enableBlinkFeatures');
  });
});

describe('the app scheme', () => {
  it('is registered as standard, secure and fetchable, without bypassing the CSP', () => {
    expect(privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(privilegedSchemes[0]?.privileges).not.toHaveProperty('bypassCSP');
    expect(appEntryUrl).toBe('app://commonplace/');
  });

  it.each([
    ['app://commonplace/', true],
    ['app://commonplace/index.html?x=1#/notes', true],
    ['app://commonplace.evil.example/', false],
    ['app://evil.example/', false],
    ['app://commonplace:8080/', false],
    ['https://commonplace/', false],
    ['file:///commonplace/index.html', false],
    ['app:commonplace/index.html', false],
    ['not a url', false],
  ])('isAppUrl(%s) is %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });

  it('parses instead of comparing prefixes: credentials cannot smuggle another host', () => {
    expect(isAppUrl('app://commonplace@evil.example/')).toBe(false);
  });
});

describe('openExternalSafely', () => {
  it.each(['https://example.com/article?id=1', 'http://example.org/'])('hands %s to the system browser', (url) => {
    const shell = fakeShell();
    expect(openExternalSafely(shell, url)).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith(url);
  });

  it('opens the normalised URL it checked, not the raw string', () => {
    const shell = fakeShell();
    openExternalSafely(shell, 'HTTPS://Example.COM/a b');
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.com/a%20b');
  });

  it.each(unsafeUrls)('refuses %j', (url) => {
    const shell = fakeShell();
    expect(openExternalSafely(shell, url)).toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('swallows a failure of the system browser', async () => {
    const shell = { openExternal: vi.fn(async () => Promise.reject(new Error('no handler'))) };
    expect(openExternalSafely(shell, 'https://example.com/')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0)); // an unhandled rejection would fail the run
  });
});

describe('hardenWebContents', () => {
  function hardened() {
    const shell = fakeShell();
    const fake = fakeContents();
    hardenWebContents(fake.contents, shell);
    return { shell, ...fake };
  }

  it('denies window.open and sends http(s) links to the system browser', () => {
    const { shell, openWindow } = hardened();
    expect(openWindow('https://example.com/post')).toEqual({ action: 'deny' });
    expect(openWindow('http://example.com/')).toEqual({ action: 'deny' });
    expect(shell.openExternal.mock.calls).toEqual([['https://example.com/post'], ['http://example.com/']]);
  });

  it.each(unsafeUrls)('denies window.open(%j) and opens nothing', (url) => {
    const { shell, openWindow } = hardened();
    expect(openWindow(url)).toEqual({ action: 'deny' });
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s: prevents leaving the app origin', (eventName) => {
    const { navigate } = hardened();
    expect(navigate(eventName, 'https://evil.example/phish')).toBe(true);
    expect(navigate(eventName, 'file:///etc/passwd')).toBe(true);
    expect(navigate(eventName, 'app://commonplace.evil.example/')).toBe(true);
    expect(navigate(eventName, 'javascript:alert(1)')).toBe(true);
  });

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s: allows the app origin', (eventName) => {
    const { navigate, shell } = hardened();
    expect(navigate(eventName, 'app://commonplace/index.html#/notes')).toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('opens a prevented http(s) link navigation in the browser, but never a redirect or other scheme', () => {
    const { navigate, shell } = hardened();
    navigate('will-navigate', 'https://example.com/story');
    navigate('will-navigate', 'file:///etc/passwd');
    navigate('will-redirect', 'https://redirected.example/');
    navigate('will-frame-navigate', 'https://framed.example/');
    expect(shell.openExternal.mock.calls).toEqual([['https://example.com/story']]);
  });

  it('prevents attaching a <webview>', () => {
    expect(hardened().attachWebview()).toBe(true);
  });
});

describe('hardenSession', () => {
  function hardenedSession() {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      webRequest: { onHeadersReceived: vi.fn() },
    };
    hardenSession(session as unknown as HardenableSession);
    return session;
  }

  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read'])('denies a request for %s', (permission) => {
    const handler = hardenedSession().setPermissionRequestHandler.mock.calls[0]?.[0] as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void;
    const callback = vi.fn();
    handler({}, permission, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
  });

  it('denies every permission check and device request', () => {
    const session = hardenedSession();
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (...args: unknown[]) => boolean;
    const device = session.setDevicePermissionHandler.mock.calls[0]?.[0] as (...args: unknown[]) => boolean;
    expect(check(null, 'media', 'app://commonplace', {})).toBe(false);
    expect(check(null, 'notifications', 'app://commonplace', {})).toBe(false);
    expect(device({ deviceType: 'usb', origin: 'app://commonplace' })).toBe(false);
  });

  it('adds the CSP to every response, keeping other headers and replacing a CSP in any case', () => {
    const listener = hardenedSession().webRequest.onHeadersReceived.mock.calls[0]?.[0] as (
      details: { responseHeaders?: Record<string, string[]> },
      callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
    ) => void;
    const callback = vi.fn();
    listener({ responseHeaders: { 'content-type': ['text/html'], 'content-security-policy': ["script-src 'unsafe-inline'"] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'content-type': ['text/html'], 'Content-Security-Policy': [contentSecurityPolicy] },
    });

    listener({}, callback);
    expect(callback).toHaveBeenLastCalledWith({ responseHeaders: { 'Content-Security-Policy': [contentSecurityPolicy] } });
    expect(contentSecurityPolicy).toContain("script-src 'self'");
  });
});
