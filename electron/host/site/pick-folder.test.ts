import { describe, expect, it } from 'vitest';
import { dispatchHostCall } from '../../../shared/host-dispatch';
import { createHostHandlers } from '../handlers';

describe('site:pick-folder', () => {
  it('asks the desktop dialog for a folder, and says browser mode has none', async () => {
    const picked = createHostHandlers({ pickFolder: async () => '/home/ada/site' });
    expect(await dispatchHostCall(picked, 'site:pick-folder', {}, { transport: 'ipc' })).toEqual({ ok: true, value: { supported: true, folder: '/home/ada/site' } });
    const cancelled = createHostHandlers({ pickFolder: async () => undefined });
    expect(await dispatchHostCall(cancelled, 'site:pick-folder', {}, { transport: 'ipc' })).toEqual({ ok: true, value: { supported: true } });
    expect(await dispatchHostCall(createHostHandlers(), 'site:pick-folder', {}, { transport: 'http' })).toEqual({ ok: true, value: { supported: false } });
  });
});
