/**
 * The sandboxed preload: exposes `window.host`, one frozen object with one function per contract call.
 * Each function sends only its payload over its own channel; the page never sees ipcRenderer, an IPC
 * event or a callback (checklist item 20).
 *
 * A sandboxed preload can require only 'electron', so this file imports nothing but dependency-free
 * code from shared/ (esbuild inlines it): the call names come from host-call-names.ts, not from the
 * zod-based contract.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { HostBridge } from '../shared/host-bridge';
import { hostBridgeKey } from '../shared/host-bridge';
import { hostCallNames } from '../shared/host-call-names';

export type Invoke = (channel: string, payload: unknown) => Promise<unknown>;

/**
 * Builds the bridge for the given call names. The returned functions take exactly one argument and
 * forward exactly one, so nothing else the page passes (callbacks, extra objects) crosses over.
 */
export function createHostBridge(names: readonly string[], invoke: Invoke): HostBridge {
  const bridge: Record<string, (request: unknown) => Promise<unknown>> = {};
  for (const name of names) {
    bridge[name] = (request: unknown) => invoke(name, request);
  }
  return Object.freeze(bridge) as unknown as HostBridge;
}

/** Runs in the renderer's preload context; exported so the test can run it against fakes. */
export function exposeHostBridge(names: readonly string[] = hostCallNames): void {
  contextBridge.exposeInMainWorld(
    hostBridgeKey,
    createHostBridge(names, (channel, payload) => ipcRenderer.invoke(channel, payload)),
  );
}

exposeHostBridge();
