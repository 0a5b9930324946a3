import { describe, expect, it } from 'vitest';
import type { HostHandlers } from './host-contract';
import { HostFailure } from './host-error';
import { handlersForTests } from './host-handlers-for-tests';
import { dispatchHostCall } from './host-dispatch';

const info = { name: 'Commonplace', version: '1.2.3', platform: 'linux', transport: 'http' as const };

function handlers(overrides: Partial<HostHandlers> = {}): HostHandlers {
  return handlersForTests({ 'app:info': async () => info, ...overrides });
}

describe('dispatchHostCall', () => {
  it('answers a known call with a valid payload', async () => {
    await expect(dispatchHostCall(handlers(), 'app:info', {}, { transport: 'http' })).resolves.toEqual({ ok: true, value: info });
  });

  it('treats a missing payload as an empty request', async () => {
    await expect(dispatchHostCall(handlers(), 'app:info', undefined, { transport: 'http' })).resolves.toMatchObject({ ok: true });
  });

  it.each([
    ['an unknown call', 'app:nope', {}, 'unknown-call'],
    ['an inherited property name', 'toString', {}, 'unknown-call'],
    ['a non-string name', 42, {}, 'unknown-call'],
    ['unexpected payload keys', 'app:info', { extra: true }, 'invalid-request'],
    ['a payload that is not an object', 'app:info', 'hello', 'invalid-request'],
  ])('refuses %s', async (_label, name, payload, code) => {
    const result = await dispatchHostCall(handlers(), name, payload, { transport: 'ipc' });
    expect(result).toMatchObject({ ok: false, error: { code } });
  });

  it('passes on the words of a HostFailure', async () => {
    const failing = handlers({ 'app:info': async () => { throw new HostFailure('timeout', 'The site took too long to answer.'); } });
    await expect(dispatchHostCall(failing, 'app:info', {}, { transport: 'ipc' })).resolves.toEqual({
      ok: false,
      error: { code: 'timeout', message: 'The site took too long to answer.' },
    });
  });

  it('hides the internals of any other error', async () => {
    const failing = handlers({ 'app:info': async () => { throw new Error('ENOENT /home/secret/path'); } });
    const result = await dispatchHostCall(failing, 'app:info', {}, { transport: 'ipc' });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('/home/secret');
    expect(result).toMatchObject({ error: { code: 'internal' } });
  });

  it('refuses a handler answer that breaks the contract', async () => {
    const wrong = handlers({ 'app:info': async () => ({ name: 'x' }) as never });
    await expect(dispatchHostCall(wrong, 'app:info', {}, { transport: 'ipc' })).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
