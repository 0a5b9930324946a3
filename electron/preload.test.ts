import { beforeEach, describe, expect, it, vi } from 'vitest';
import { hostBridgeKey } from '../shared/host-bridge';
import { hostCallNames } from '../shared/host-call-names';
import { hostContract } from '../shared/host-contract';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'answer' })), on: vi.fn(), send: vi.fn() },
}));
vi.mock('electron', () => electron);

/** Loads preload.ts afresh, as Electron does in each new renderer. */
async function loadPreload() {
  vi.resetModules();
  return import('./preload');
}

function exposedBridge(): Record<string, (...args: unknown[]) => Promise<unknown>> {
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
  const [key, bridge] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, Record<string, (...args: unknown[]) => Promise<unknown>>];
  expect(key).toBe(hostBridgeKey);
  return bridge;
}

beforeEach(() => {
  vi.clearAllMocks();
});

describe('preload', () => {
  it('exposes window.host with exactly the contract calls, frozen', async () => {
    await loadPreload();
    const bridge = exposedBridge();
    expect(Object.keys(bridge).sort()).toEqual(Object.keys(hostContract).sort());
    expect([...hostCallNames].sort()).toEqual(Object.keys(hostContract).sort());
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(() => {
      (bridge as Record<string, unknown>)['app:info'] = () => 'replaced';
    }).toThrow(TypeError);
  });

  it('exposes only functions: no ipcRenderer, no invoke, no event API', async () => {
    await loadPreload();
    const bridge = exposedBridge();
    for (const value of Object.values(bridge)) {
      expect(typeof value).toBe('function');
      expect(value).not.toBe(electron.ipcRenderer.invoke);
    }
    for (const leaked of ['ipcRenderer', 'invoke', 'on', 'send', 'sendSync', 'removeListener']) {
      expect(bridge).not.toHaveProperty(leaked);
    }
  });

  it('invokes the call channel with the payload only, whatever else the page passes', async () => {
    await loadPreload();
    const bridge = exposedBridge();
    const callback = () => 'page callback';
    const call = bridge['app:info'];
    expect(call).toBeDefined();
    await expect(call?.({}, callback, { extra: 1 })).resolves.toEqual({ ok: true, value: 'answer' });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('app:info', {});
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
  });
});

describe('createHostBridge', () => {
  it('builds one forwarding function per name', async () => {
    const { createHostBridge } = await loadPreload();
    const invoke = vi.fn(async (channel: string, payload: unknown) => ({ channel, payload }));
    const bridge = createHostBridge(['a:one', 'b:two'], invoke) as unknown as Record<string, (request: unknown) => Promise<unknown>>;
    expect(Object.keys(bridge)).toEqual(['a:one', 'b:two']);
    const callWithExtras = bridge['b:two'] as ((...args: unknown[]) => Promise<unknown>) | undefined;
    await expect(callWithExtras?.({ q: 1 }, () => 'callback')).resolves.toEqual({ channel: 'b:two', payload: { q: 1 } });
    expect(invoke).toHaveBeenCalledExactlyOnceWith('b:two', { q: 1 });
  });
});
