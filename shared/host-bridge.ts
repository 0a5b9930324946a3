/**
 * The shape of `window.host` in the desktop app: one function per contract call, each answering
 * a HostResult (never throwing across the bridge). preload.ts builds it from `hostCallNames`;
 * the renderer's IPC transport consumes it.
 */
import type { HostCallName, HostRequest, HostResponse } from './host-contract';
import type { HostResult } from './host-error';

export type HostBridge = {
  readonly [K in HostCallName]: (request: HostRequest<K>) => Promise<HostResult<HostResponse<K>>>;
};

/** The name of the global that preload.ts exposes through contextBridge. */
export const hostBridgeKey = 'host';

/** The header and meta tag through which the web host hands its per-run secret to the page it serves. */
export const webHostSecretHeader = 'x-commonplace-secret';
export const webHostSecretMetaName = 'commonplace-host-secret';
/** Web host API paths: POST `${webHostApiPrefix}<area:verb>`. */
export const webHostApiPrefix = '/api/';
