/**
 * Refreshing many sources politely: at most `concurrency` fetches at a time, each source at most
 * once in flight, progress counted per batch (a batch lasts while anything is queued or running, so
 * the scheduler adding due sources during a Refresh all just grows the total). It knows nothing of
 * feeds or React: `run` does the work and never throws; `subscribe`/`getSnapshot` fit
 * `useSyncExternalStore`, so the UI follows progress without blocking on it.
 */

export interface RefreshTask {
  id: string;
  title: string;
}

export type RefreshOutcome = { ok: true; newItems: number } | { ok: false; message: string };

export interface RefreshFailure {
  id: string;
  title: string;
  message: string;
}

export interface RefreshProgress {
  running: boolean;
  /** Sources in this batch: queued, in flight and finished. */
  total: number;
  /** Finished, successfully or not. */
  done: number;
  failed: number;
  newItems: number;
  failures: readonly RefreshFailure[];
  /** Ids in flight now, so the sidebar can show which source is being fetched. */
  active: readonly string[];
}

export const idleProgress: RefreshProgress = Object.freeze({ running: false, total: 0, done: 0, failed: 0, newItems: 0, failures: [], active: [] });

export class RefreshQueue<T extends RefreshTask = RefreshTask> {
  private readonly waiting: T[] = [];
  private readonly inFlight = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private drained: Array<() => void> = [];
  private progress: RefreshProgress = idleProgress;
  private disposed = false;

  constructor(
    private readonly run: (task: T) => Promise<RefreshOutcome>,
    private readonly concurrency = 4,
  ) {
    if (!(concurrency >= 1)) throw new RangeError('A refresh queue needs a concurrency of at least 1.');
  }

  /** Queues the tasks not already queued or running; resolves when the batch has drained. */
  enqueue(tasks: readonly T[]): Promise<void> {
    const known = new Set([...this.inFlight, ...this.waiting.map((task) => task.id)]);
    const fresh = tasks.filter((task) => {
      if (known.has(task.id)) return false;
      known.add(task.id);
      return true;
    });
    const done = new Promise<void>((resolve) => this.drained.push(resolve));
    if (fresh.length === 0 && !this.progress.running) {
      this.settle();
      return done;
    }
    const base = this.progress.running ? this.progress : { ...idleProgress, running: true };
    this.waiting.push(...fresh);
    this.update({ ...base, running: true, total: base.total + fresh.length });
    this.pump();
    return done;
  }

  isQueued(id: string): boolean {
    return this.inFlight.has(id) || this.waiting.some((task) => task.id === id);
  }

  getSnapshot = (): RefreshProgress => this.progress;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Stops starting new fetches (those in flight finish); for when the app closes. */
  dispose(): void {
    this.disposed = true;
    this.waiting.length = 0;
  }

  private pump(): void {
    while (!this.disposed && this.inFlight.size < this.concurrency && this.waiting.length > 0) {
      const task = this.waiting.shift()!;
      this.inFlight.add(task.id);
      this.update({ ...this.progress, active: [...this.inFlight] });
      void this.start(task);
    }
    if (this.inFlight.size === 0 && (this.waiting.length === 0 || this.disposed)) this.settle();
  }

  private async start(task: T): Promise<void> {
    let outcome: RefreshOutcome;
    try {
      outcome = await this.run(task);
    } catch {
      // `run` should not throw; if it does, one source fails, not the batch.
      outcome = { ok: false, message: 'Something went wrong while refreshing this source.' };
    }
    this.inFlight.delete(task.id);
    const p = this.progress;
    this.update({
      ...p,
      done: p.done + 1,
      failed: p.failed + (outcome.ok ? 0 : 1),
      newItems: p.newItems + (outcome.ok ? outcome.newItems : 0),
      failures: outcome.ok ? p.failures : [...p.failures, { id: task.id, title: task.title, message: outcome.message }],
      active: [...this.inFlight],
    });
    this.pump();
  }

  private settle(): void {
    if (this.progress.running) this.update({ ...this.progress, running: false, active: [] });
    const waiting = this.drained;
    this.drained = [];
    for (const resolve of waiting) resolve();
  }

  private update(next: RefreshProgress): void {
    this.progress = next;
    for (const listener of this.listeners) listener();
  }
}

/** "Refreshing 12 of 40 · 2 failed", then "Refreshed 40 sources · 5 new items · 2 failed". */
export function describeProgress(progress: RefreshProgress): string {
  const failed = progress.failed > 0 ? ` · ${progress.failed} failed` : '';
  if (progress.running) return `Refreshing ${progress.done} of ${progress.total}${failed}`;
  const sources = `${progress.total} ${progress.total === 1 ? 'source' : 'sources'}`;
  const fresh = `${progress.newItems} new ${progress.newItems === 1 ? 'item' : 'items'}`;
  return `Refreshed ${sources} · ${fresh}${failed}`;
}
