/**
 * Binds the host handlers to Electron IPC: one `ipcMain.handle` channel per contract call and nothing
 * else, all through one wrapper that validates the sender (checklist item 17) before handing name and
 * payload to dispatchHostCall, which validates the payload. Every answer is plain HostResult data.
 */
import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { hostCallNames, type HostCallName, type HostHandlers } from '../shared/host-contract';
import { dispatchHostCall } from '../shared/host-dispatch';
import type { HostResult } from '../shared/host-error';
import { appOrigin, originOf } from './security';

export interface RegisterHostHandlersOptions {
  /** The only origin allowed to call the host; the app's own by default. */
  trustedOrigin?: string;
  /** Told about each refused call, for logging; never told the payload. */
  onRefused?: (name: HostCallName, senderUrl: string | null) => void;
}

const forbidden: HostResult<never> = Object.freeze({
  ok: false,
  error: Object.freeze({ code: 'forbidden', message: 'This request did not come from Commonplace itself.' }),
});

/**
 * A sender is trusted when its frame still exists, is a top-level frame (the app has no frames:
 * its CSP says frame-src 'none'), and its URL parses to the trusted origin. The URL is parsed, never
 * compared as a prefix, so app://commonplace.evil or app://x@evil cannot pass.
 */
export function isTrustedSender(frame: Pick<WebFrameMain, 'url' | 'parent'> | null, trustedOrigin: string): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return originOf(frame.url) === trustedOrigin;
}

/**
 * Reads the sender defensively: on a frame that navigated away or was destroyed, Electron may give
 * null or throw on property access; both mean "not trusted", never an exception across IPC.
 */
function inspectSender(event: IpcMainInvokeEvent, trustedOrigin: string): { trusted: boolean; url: string | null } {
  try {
    const frame = event.senderFrame;
    return { trusted: isTrustedSender(frame, trustedOrigin), url: frame?.url ?? null };
  } catch {
    return { trusted: false, url: null };
  }
}

export function registerHostHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: HostHandlers,
  options: RegisterHostHandlersOptions = {},
): void {
  const trustedOrigin = options.trustedOrigin ?? appOrigin;
  for (const name of hostCallNames) {
    ipcMain.handle(name, async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<HostResult<unknown>> => {
      const sender = inspectSender(event, trustedOrigin);
      if (!sender.trusted) {
        options.onRefused?.(name, sender.url);
        return forbidden;
      }
      // The preload sends exactly one argument; anything else was not sent by it.
      if (args.length > 1) {
        return { ok: false, error: { code: 'invalid-request', message: `The request for ${name} was not in the expected form.` } };
      }
      return dispatchHostCall(handlers, name, args[0], { transport: 'ipc' });
    });
  }
}
