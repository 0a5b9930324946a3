import { describe, expect, it, vi } from 'vitest';
import { formatBytes } from '../ui/format-bytes';
import { checkStorage, storageWarning } from './use-storage-status';

describe('storage status', () => {
  it('asks for persistent storage when the library is not yet persisted, and reads the estimate', async () => {
    const storage = { persisted: vi.fn(async () => false), persist: vi.fn(async () => true), estimate: vi.fn(async () => ({ usage: 10, quota: 100 })) };
    expect(await checkStorage(storage as unknown as StorageManager)).toEqual({ persisted: true, usage: 10, quota: 100 });
    expect(storage.persist).toHaveBeenCalledOnce();
    const already = { persisted: vi.fn(async () => true), persist: vi.fn(async () => true), estimate: vi.fn(async () => ({ usage: 1, quota: 2 })) };
    await checkStorage(already as unknown as StorageManager);
    expect(already.persist).not.toHaveBeenCalled();
    expect(await checkStorage(undefined)).toBeUndefined();
  });

  it('says nothing below 80% of the quota, and says how full and what to do above it', () => {
    expect(storageWarning({ persisted: true, usage: 790, quota: 1000 })).toBeUndefined();
    expect(storageWarning({ persisted: true, usage: 0, quota: 0 })).toBeUndefined();
    expect(storageWarning(undefined)).toBeUndefined();
    expect(storageWarning({ persisted: false, usage: 1_700_000_000, quota: 2_000_000_000 })).toBe(
      'Storage is 85% full (1.7 GB of 2.0 GB): back up your library, and delete old items or free disk space, before new ones can no longer be saved.',
    );
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(25_300_000)).toBe('25 MB');
  });
});

describe('the status bar', () => {
  it('warns in words when the library nears its quota', async () => {
    const { render, screen, cleanup } = await import('@testing-library/react');
    const { StatusBar } = await import('./status-bar');
    const storage = { persisted: async () => true, persist: async () => true, estimate: async () => ({ usage: 950_000_000, quota: 1_000_000_000 }) };
    Object.defineProperty(window.navigator, 'storage', { value: storage, configurable: true });
    try {
      render(<StatusBar appInfo={{ status: 'loading' }} onRetry={() => undefined} />);
      expect((await screen.findByRole('alert')).textContent).toMatch(/^Storage is 95% full \(950 MB of 1\.0 GB\)/);
    } finally {
      cleanup();
      delete (window.navigator as { storage?: unknown }).storage;
    }
  });
});
