/**
 * Test support: a full HostHandlers object in which every call a test does not care about fails
 * loudly. Tests override only the calls they exercise, and stay valid as the contract grows.
 */
import { hostCallNames, type HostHandlers } from './host-contract';

export function handlersForTests(overrides: Partial<HostHandlers>): HostHandlers {
  const unused = (name: string) => async () => {
    throw new Error(`${name} is not expected in this test`);
  };
  const all = Object.fromEntries(hostCallNames.map((name) => [name, unused(name)])) as unknown as HostHandlers;
  return { ...all, ...overrides };
}
