import { useEffect, useState } from 'react';
import type { CommonplaceDb } from './db';

export type OpenedDatabase =
  | { status: 'opening' }
  | { status: 'ready'; db: CommonplaceDb }
  | { status: 'error'; message: string };

/**
 * Follows the app's one `openDatabase()` promise (started once in main.tsx) so the shell renders at
 * once and the parts that need the library wait for it. A failure is put in words: it usually
 * means a newer Commonplace upgraded the library, or the browser refused storage.
 */
export function useOpenedDatabase(opening: Promise<CommonplaceDb> | undefined): OpenedDatabase {
  const [state, setState] = useState<OpenedDatabase>({ status: 'opening' });
  useEffect(() => {
    if (!opening) return;
    let live = true;
    opening.then(
      (db) => live && setState({ status: 'ready', db }),
      (error: unknown) => {
        const detail = error instanceof Error && error.name === 'VersionError' ? ' It was saved by a newer version of Commonplace.' : '';
        if (live) setState({ status: 'error', message: `Your library could not be opened.${detail} Close other Commonplace windows and reload.` });
      },
    );
    return () => {
      live = false;
    };
  }, [opening]);
  return state;
}
