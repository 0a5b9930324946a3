/**
 * The library lives in the browser's storage, which a browser may evict under pressure unless the page
 * asked for persistent storage, and which has a quota. At start the app asks for persistence once and
 * reads the estimate; a library past 80% of its quota is said in the status bar before writes begin to fail.
 */
import { useEffect, useState } from 'react';
import { formatBytes } from '../ui/format-bytes';

export const storageWarningRatio = 0.8;

export interface StorageStatus {
  persisted: boolean | undefined;
  usage: number;
  quota: number;
}

/** What the status bar should say about storage, or nothing when all is well. */
export function storageWarning(status: StorageStatus | undefined): string | undefined {
  if (!status || status.quota <= 0 || status.usage / status.quota < storageWarningRatio) return undefined;
  const percent = Math.round((status.usage / status.quota) * 100);
  return `Storage is ${percent}% full (${formatBytes(status.usage)} of ${formatBytes(status.quota)}): back up your library, and delete old items or free disk space, before new ones can no longer be saved.`;
}

/** Asks for persistent storage once (browsers may grant it silently or not at all), then reads the estimate. */
export async function checkStorage(storage: StorageManager | undefined): Promise<StorageStatus | undefined> {
  if (!storage?.estimate) return undefined;
  let persisted: boolean | undefined;
  try {
    persisted = (await storage.persisted?.()) || (await storage.persist?.());
  } catch {
    persisted = undefined;
  }
  const { usage = 0, quota = 0 } = await storage.estimate();
  return { persisted, usage, quota };
}

export function useStorageStatus(storage: StorageManager | undefined = typeof navigator === 'undefined' ? undefined : navigator.storage): StorageStatus | undefined {
  const [status, setStatus] = useState<StorageStatus | undefined>(undefined);
  useEffect(() => {
    let current = true;
    const read = () =>
      void checkStorage(storage).then(
        (next) => current && setStatus(next),
        () => undefined,
      );
    read();
    // Libraries grow while the app is open (refreshes, full texts): look again every ten minutes.
    const timer = setInterval(read, 10 * 60_000);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [storage]);
  return status;
}
