/** The host client for features that call the host outside Seek (Share publishes through it). */
import { createContext, useContext } from 'react';
import type { HostClient } from './host-client';

export const HostContext = createContext<HostClient | null>(null);

export function useHost(): HostClient | null {
  return useContext(HostContext);
}
