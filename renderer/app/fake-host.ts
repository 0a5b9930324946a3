/** Test helper: a HostClient whose `app:info` answer the test controls. Never imported by the app. */
import type { HostClient } from '../host/host-client';
import type { AppInfo, Transport } from '../../shared/host-contract';

export const browserInfo: AppInfo = { name: 'Commonplace', version: '0.1.0', platform: 'linux', transport: 'http' };

export interface FakeHost extends HostClient {
  calls: string[];
}

export function fakeHost(answer: () => Promise<AppInfo>, transport: Transport = 'http'): FakeHost {
  const calls: string[] = [];
  const call = async (name: string) => {
    calls.push(name);
    if (name !== 'app:info') throw new Error(`The fake host does not answer ${name}`);
    return answer();
  };
  // The contract has one call today; the cast spares the fake from re-stating its generic signature.
  return { transport, calls, call: call as HostClient['call'] };
}

export { deferred } from '../test-support/deferred';
