/** A HostClient that calls the real host handlers in this process, for benchmarks of renderer code that talks to the host. */
import { createHostHandlers, type HostServices } from '../../electron/host/handlers';
import { dispatchHostCall } from '../../shared/host-dispatch';
import { HostCallError } from '../../shared/host-error';
import type { HostClient } from '../../renderer/host/host-client';

export function inProcessHost(services: HostServices = {}): HostClient {
  const handlers = createHostHandlers(services);
  return {
    transport: 'ipc',
    call: (async (name: string, request: unknown) => {
      const result = await dispatchHostCall(handlers, name, request, { transport: 'ipc' });
      if (!result.ok) throw new HostCallError(result.error);
      return result.value;
    }) as HostClient['call'],
  };
}
