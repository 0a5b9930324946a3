/**
 * The host's implementation of the contract. Both transports (ipc.ts, web-host.ts) serve
 * exactly this object, so a call behaves the same in the desktop app and in browser mode.
 */
import type { HostHandlers } from '../../shared/host-contract';
import { HostFailure } from '../../shared/host-error';
import { appInfo } from './app-info';

const notYet = (what: string) => async (): Promise<never> => {
  throw new HostFailure('unavailable', `${what} is not available in this version of Commonplace yet.`);
};

export function createHostHandlers(): HostHandlers {
  return {
    'app:info': async (_request, context) => appInfo(context.transport),
    'feed:discover': notYet('Finding feeds'),
    'feed:fetch': notYet('Fetching feeds'),
    'article:extract': notYet('Full-text extraction'),
  };
}
