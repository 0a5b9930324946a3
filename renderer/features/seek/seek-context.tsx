/**
 * What Seek needs beyond the database, provided once near the app's root so it outlives the Seek
 * view: the host, the refresh queue (a Refresh all keeps going, and keeps its progress, while the
 * user is in Sense) and the scheduler that refreshes due sources while the app is open.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Id, Source } from '../../../shared/model';
import { DatabaseContext, isRefreshable, listDueSources, listSources, type CommonplaceDb, type RiverFilter } from '../../data';
import type { HostClient } from '../../host/host-client';
import type { SeekPipeline } from './pipeline';
import { RefreshQueue } from './refresh-queue';
import { refreshSource } from './refresh-source';
import type { RiverScope } from './river-scope';
import { noSelection, type Selection } from './selection';

export interface SeekViewState {
  scope: RiverScope;
  filter: RiverFilter;
  selection: Selection;
  /** The story in the reader; it stays there when j/k move the selection on. */
  openId: Id | undefined;
}

export interface SeekServices {
  host: HostClient;
  pipeline: SeekPipeline;
  /** Null until the library is open. */
  queue: RefreshQueue<Source> | null;
  libraryError: string | undefined;
  refreshAll: () => Promise<void>;
  refreshSources: (ids: readonly Id[]) => Promise<void>;
  view: SeekViewState;
  setView: (patch: Partial<SeekViewState> | ((current: SeekViewState) => Partial<SeekViewState>)) => void;
}

/** Null outside a SeekProvider; the view then waits, as it does for the database. */
export const SeekContext = createContext<SeekServices | null>(null);

export function useSeek(): SeekServices {
  const services = useContext(SeekContext);
  if (!services) throw new Error('useSeek() needs a <SeekProvider> above it.');
  return services;
}

export interface ScheduleTiming {
  /** After start, so the app has loaded before the network gets busy. */
  firstLookMs: number;
  /** How often to look for due sources; each source itself is fetched at most hourly. */
  everyMs: number;
}

export const defaultSchedule: ScheduleTiming = Object.freeze({ firstLookMs: 5_000, everyMs: 5 * 60_000 });

interface SeekProviderProps {
  host: HostClient;
  pipeline: SeekPipeline;
  /** Shown in Seek when the database could not be opened. */
  libraryError?: string | undefined;
  /** Background refresh of due sources; `false` turns it off (tests). */
  schedule?: ScheduleTiming | false;
  concurrency?: number;
  children: ReactNode;
}

export function SeekProvider({ host, pipeline, libraryError, schedule = defaultSchedule, concurrency = 4, children }: SeekProviderProps) {
  const db = useContext(DatabaseContext);
  const queue = useMemo(() => (db ? createQueue(db, host, pipeline, concurrency) : null), [db, host, pipeline, concurrency]);
  useEffect(() => () => queue?.dispose(), [queue]);
  useRefreshScheduler(db, queue, schedule);

  const [view, setViewState] = useState<SeekViewState>({ scope: { kind: 'all' }, filter: 'all', selection: noSelection, openId: undefined });
  const setView = useCallback<SeekServices['setView']>(
    (patch) => setViewState((current) => ({ ...current, ...(typeof patch === 'function' ? patch(current) : patch) })),
    [],
  );

  const refreshSources = useCallback(
    async (ids: readonly Id[]) => {
      if (!db || !queue) return;
      const sources = (await db.sources.bulkGet([...ids])).filter((source): source is Source => source !== undefined);
      await queue.enqueue(sources);
    },
    [db, queue],
  );
  const refreshAll = useCallback(async () => {
    if (!db || !queue) return;
    const sources = await listSources(db);
    await queue.enqueue(sources.filter(isRefreshable));
  }, [db, queue]);

  const services = useMemo<SeekServices>(
    () => ({ host, pipeline, queue, libraryError, refreshAll, refreshSources, view, setView }),
    [host, pipeline, queue, libraryError, refreshAll, refreshSources, view, setView],
  );
  return <SeekContext.Provider value={services}>{children}</SeekContext.Provider>;
}

function createQueue(db: CommonplaceDb, host: HostClient, pipeline: SeekPipeline, concurrency: number): RefreshQueue<Source> {
  return new RefreshQueue<Source>(async (task) => {
    // Read the row again: validators may have changed since the task was queued.
    const source = await db.sources.get(task.id);
    if (!source) return { ok: true, newItems: 0 };
    return refreshSource({ db, host, normalize: pipeline.normalize }, source);
  }, concurrency);
}

/** Looks for due sources soon after start, then every few minutes, while the app is open. */
function useRefreshScheduler(db: CommonplaceDb | null, queue: RefreshQueue<Source> | null, schedule: ScheduleTiming | false): void {
  const firstLookMs = schedule ? schedule.firstLookMs : 0;
  const everyMs = schedule ? schedule.everyMs : 0;
  useEffect(() => {
    if (!everyMs || !db || !queue) return;
    const look = () => {
      listDueSources(db)
        .then((due) => (due.length > 0 ? queue.enqueue(due) : undefined))
        .catch(() => {
          // A closed database at shutdown; the next look tries again.
        });
    };
    const first = window.setTimeout(look, firstLookMs);
    const every = window.setInterval(look, everyMs);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(every);
    };
  }, [db, queue, firstLookMs, everyMs]);
}
