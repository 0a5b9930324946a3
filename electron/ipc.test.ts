import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { hostCallNames, type HostHandlers } from '../shared/host-contract';
import { handlersForTests } from '../shared/host-handlers-for-tests';
import { registerHostHandlers, type RegisterHostHandlersOptions } from './ipc';

// ipc.ts takes ipcMain as a parameter; the real module must never be needed.
vi.mock('electron', () => ({}));

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

const info = { name: 'Commonplace', version: '0.1.0', platform: 'linux', transport: 'ipc' as const };

function setup(options?: RegisterHostHandlersOptions) {
  const channels = new Map<string, Listener>();
  const ipcMain = {
    handle: vi.fn((channel: string, listener: Listener) => {
      channels.set(channel, listener);
    }),
  };
  const appInfo = vi.fn(async () => info);
  const handlers: HostHandlers = handlersForTests({ 'app:info': appInfo });
  registerHostHandlers(ipcMain, handlers, options);
  return { ipcMain, channels, appInfo };
}

/** An invoke event from a frame at `url`; `parent` set means an iframe. */
function eventFrom(url: string, parent: object | null = null): IpcMainInvokeEvent {
  return { senderFrame: { url, parent } } as unknown as IpcMainInvokeEvent;
}

function call(channels: Map<string, Listener>, name: string, event: IpcMainInvokeEvent, ...args: unknown[]) {
  const listener = channels.get(name);
  if (!listener) throw new Error(`no handler for ${name}`);
  return listener(event, ...args);
}

describe('registerHostHandlers', () => {
  it('registers exactly one channel per contract call and no other', () => {
    const { ipcMain } = setup();
    expect(ipcMain.handle.mock.calls.map(([channel]) => channel)).toEqual([...hostCallNames]);
  });

  it('serves the app origin through dispatchHostCall with the ipc transport', async () => {
    const { channels, appInfo } = setup();
    await expect(call(channels, 'app:info', eventFrom('app://commonplace/index.html#/seek'), {})).resolves.toEqual({
      ok: true,
      value: info,
    });
    expect(appInfo).toHaveBeenCalledWith({}, { transport: 'ipc' });
  });

  it.each([
    ['a remote page', eventFrom('https://evil.example/')],
    ['a file:// page', eventFrom('file:///home/user/Downloads/evil.html')],
    ['a look-alike host', eventFrom('app://commonplace.evil.example/')],
    ['credentials in front of another host', eventFrom('app://commonplace@evil.example/')],
    ['another app:// host', eventFrom('app://other/')],
    ['an about:blank frame', eventFrom('about:blank')],
    ['an iframe, even of the app origin', eventFrom('app://commonplace/', { url: 'app://commonplace/' })],
    ['a destroyed frame (null)', { senderFrame: null } as unknown as IpcMainInvokeEvent],
    ['a missing frame', {} as unknown as IpcMainInvokeEvent],
    [
      'a frame that throws when read',
      Object.defineProperty({}, 'senderFrame', {
        get() {
          throw new Error('Render frame was disposed');
        },
      }) as IpcMainInvokeEvent,
    ],
  ])('answers %s with forbidden, without throwing or calling the handler', async (_label, event) => {
    const { channels, appInfo } = setup();
    const result = await call(channels, 'app:info', event, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(appInfo).not.toHaveBeenCalled();
  });

  it('tells onRefused the call and the sender URL', async () => {
    const onRefused = vi.fn();
    const { channels } = setup({ onRefused });
    await call(channels, 'app:info', eventFrom('https://evil.example/page'), {});
    expect(onRefused).toHaveBeenCalledWith('app:info', 'https://evil.example/page');
  });

  it('honours another trusted origin when asked', async () => {
    const { channels } = setup({ trustedOrigin: 'app://other' });
    await expect(call(channels, 'app:info', eventFrom('app://other/'), {})).resolves.toMatchObject({ ok: true });
    await expect(call(channels, 'app:info', eventFrom('app://commonplace/'), {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('leaves payload validation to dispatchHostCall', async () => {
    const { channels, appInfo } = setup();
    const result = await call(channels, 'app:info', eventFrom('app://commonplace/'), { path: '/etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(appInfo).not.toHaveBeenCalled();
  });

  it('refuses extra arguments the preload never sends', async () => {
    const { channels, appInfo } = setup();
    const result = await call(channels, 'app:info', eventFrom('app://commonplace/'), {}, { extra: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(appInfo).not.toHaveBeenCalled();
  });

  it('answers plain data that survives structured cloning', async () => {
    const { channels } = setup();
    const result = await call(channels, 'app:info', eventFrom('app://commonplace/'), {});
    expect(structuredClone(result)).toEqual(result);
    const refused = await call(channels, 'app:info', eventFrom('https://evil.example/'), {});
    expect(structuredClone(refused)).toEqual(refused);
  });
});
