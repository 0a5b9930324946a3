/**
 * The renderer's single door to the host. Features call `host.call('area:verb', request)` and get
 * the typed response or a thrown HostCallError; they never know whether IPC (desktop) or HTTP
 * (browser mode) carried the call.
 */
import type { HostBridge } from '../../shared/host-bridge';
import { hostBridgeKey, webHostApiPrefix, webHostSecretHeader, webHostSecretMetaName } from '../../shared/host-bridge';
import type { HostCallName, HostRequest, HostResponse, Transport } from '../../shared/host-contract';
import { HostCallError, isHostResult, type HostResult } from '../../shared/host-error';

export type HostTransport = (name: HostCallName, request: unknown) => Promise<HostResult<unknown>>;

export interface HostClient {
  readonly transport: Transport;
  call<K extends HostCallName>(name: K, request: HostRequest<K>): Promise<HostResponse<K>>;
}

export function createHostClient(transport: Transport, send: HostTransport): HostClient {
  return {
    transport,
    async call(name, request) {
      const result = await send(name, request);
      if (!result.ok) throw new HostCallError(result.error);
      return result.value as HostResponse<typeof name>;
    },
  };
}

/** Desktop: the frozen `window.host` bridge that preload.ts exposes. */
export function ipcTransport(bridge: HostBridge): HostTransport {
  return async (name, request) => {
    const call = bridge[name] as (request: unknown) => Promise<unknown>;
    return asResult(await call(request));
  };
}

/** Browser mode: POST /api/<call> to the web host that served this page, with its per-run secret. */
export function httpTransport(secret: string, fetchImpl: typeof fetch = (...args) => fetch(...args)): HostTransport {
  return async (name, request) => {
    let response: Response;
    try {
      response = await fetchImpl(`${webHostApiPrefix}${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [webHostSecretHeader]: secret },
        body: JSON.stringify(request ?? {}),
      });
    } catch {
      return { ok: false, error: { code: 'unavailable', message: 'Commonplace cannot reach its host. Is `npm run web` still running?' } };
    }
    const body: unknown = await response.json().catch(() => undefined);
    return asResult(body);
  };
}

function asResult(value: unknown): HostResult<unknown> {
  if (isHostResult(value)) return value;
  return { ok: false, error: { code: 'internal', message: 'The host answered in a form the app does not understand.' } };
}

/** Picks the live transport: the preload bridge in Electron, else the web host that served the page. */
export function connectHost(win: Window = window, doc: Document = document): HostClient {
  const bridge = (win as unknown as Record<string, unknown>)[hostBridgeKey] as HostBridge | undefined;
  if (bridge) return createHostClient('ipc', ipcTransport(bridge));
  const secret = doc.querySelector<HTMLMetaElement>(`meta[name="${webHostSecretMetaName}"]`)?.content ?? '';
  return createHostClient('http', httpTransport(secret));
}
