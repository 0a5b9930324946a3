/**
 * The one path every host call takes on the host side, whatever the transport:
 * check the call name against the contract, validate the payload, run the handler,
 * check its answer, and turn any failure into a typed HostError value.
 */
import { hostContract, isHostCallName, type HostCallContext, type HostHandlers } from './host-contract';
import { toHostError, type HostResult } from './host-error';

export async function dispatchHostCall(
  handlers: HostHandlers,
  name: unknown,
  payload: unknown,
  context: HostCallContext,
): Promise<HostResult<unknown>> {
  if (!isHostCallName(name)) {
    return { ok: false, error: { code: 'unknown-call', message: 'The app asked for something the host does not offer.' } };
  }
  const entry = hostContract[name];
  const parsed = entry.request.safeParse(payload ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid-request', message: `The request for ${name} was not in the expected form.` } };
  }
  try {
    const handler = handlers[name] as (request: unknown, context: HostCallContext) => Promise<unknown>;
    const value = entry.response.parse(await handler(parsed.data, context));
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: toHostError(error) };
  }
}
