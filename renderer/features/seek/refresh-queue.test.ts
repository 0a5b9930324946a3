import { describe, expect, it } from 'vitest';
import { describeProgress, RefreshQueue, type RefreshOutcome, type RefreshTask } from './refresh-queue';
import { deferred } from './test-support';

const tasks = (count: number): RefreshTask[] => Array.from({ length: count }, (_, index) => ({ id: `s${index}`, title: `Source ${index}` }));

/** A run function the test drives by hand, one deferred per task, recording how many ran at once. */
function manualRun() {
  const pending = new Map<string, ReturnType<typeof deferred<RefreshOutcome>>>();
  let running = 0;
  let maxRunning = 0;
  const started: string[] = [];
  const run = async (task: RefreshTask) => {
    started.push(task.id);
    running += 1;
    maxRunning = Math.max(maxRunning, running);
    const gate = deferred<RefreshOutcome>();
    pending.set(task.id, gate);
    try {
      return await gate.promise;
    } finally {
      running -= 1;
    }
  };
  const settle = async (id: string, outcome: RefreshOutcome) => {
    pending.get(id)!.resolve(outcome);
    // Let the queue see the result and start the next task.
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
  };
  return { run, settle, started, get maxRunning() { return maxRunning; }, get running() { return running; } };
}

describe('RefreshQueue', () => {
  it('never runs more than its concurrency at once, and reports progress as it goes', async () => {
    const manual = manualRun();
    const queue = new RefreshQueue(manual.run, 4);
    const snapshots: string[] = [];
    queue.subscribe(() => snapshots.push(describeProgress(queue.getSnapshot())));
    const done = queue.enqueue(tasks(40));
    expect(manual.started).toEqual(['s0', 's1', 's2', 's3']);
    expect(describeProgress(queue.getSnapshot())).toBe('Refreshing 0 of 40');

    for (let index = 0; index < 40; index += 1) {
      const outcome: RefreshOutcome = index === 3 || index === 7 ? { ok: false, message: 'The server did not answer.' } : { ok: true, newItems: 1 };
      await manual.settle(`s${index}`, outcome);
      expect(manual.running).toBeLessThanOrEqual(4);
      if (index === 11) expect(describeProgress(queue.getSnapshot())).toBe('Refreshing 12 of 40 · 2 failed');
    }
    await done;
    expect(manual.maxRunning).toBe(4);
    expect(manual.started).toHaveLength(40);
    const final = queue.getSnapshot();
    expect(final).toMatchObject({ running: false, total: 40, done: 40, failed: 2, newItems: 38, active: [] });
    expect(final.failures.map((failure) => failure.title)).toEqual(['Source 3', 'Source 7']);
    expect(describeProgress(final)).toBe('Refreshed 40 sources · 38 new items · 2 failed');
    expect(snapshots).toContain('Refreshing 12 of 40 · 2 failed');
  });

  it('does not queue a source twice, and grows the running batch with new ones', async () => {
    const manual = manualRun();
    const queue = new RefreshQueue(manual.run, 2);
    const first = queue.enqueue(tasks(3));
    void queue.enqueue([...tasks(3), { id: 'extra', title: 'Extra' }]);
    expect(queue.getSnapshot().total).toBe(4);
    expect(queue.isQueued('s2')).toBe(true);
    for (const id of ['s0', 's1', 's2', 'extra']) await manual.settle(id, { ok: true, newItems: 0 });
    await first;
    expect(manual.started).toEqual(['s0', 's1', 's2', 'extra']);
    expect(queue.getSnapshot()).toMatchObject({ running: false, total: 4, done: 4 });
  });

  it('starts a new batch, counted from zero, after the last one finished', async () => {
    const queue = new RefreshQueue(async () => ({ ok: true, newItems: 2 }));
    await queue.enqueue(tasks(3));
    expect(queue.getSnapshot()).toMatchObject({ running: false, total: 3, newItems: 6 });
    await queue.enqueue(tasks(1));
    expect(queue.getSnapshot()).toMatchObject({ running: false, total: 1, done: 1, newItems: 2 });
  });

  it('counts a run that throws as one failure, not a broken batch', async () => {
    const queue = new RefreshQueue(async (task) => {
      if (task.id === 's1') throw new TypeError('boom at internal.js:1');
      return { ok: true, newItems: 0 };
    });
    await queue.enqueue(tasks(3));
    const progress = queue.getSnapshot();
    expect(progress).toMatchObject({ done: 3, failed: 1 });
    expect(progress.failures[0]?.message).not.toContain('internal.js');
  });

  it('resolves at once when there is nothing to do', async () => {
    const queue = new RefreshQueue(async () => ({ ok: true, newItems: 0 }));
    await queue.enqueue([]);
    expect(queue.getSnapshot().running).toBe(false);
  });

  it('refuses a concurrency below one', () => {
    expect(() => new RefreshQueue(async () => ({ ok: true, newItems: 0 }), 0)).toThrow(RangeError);
  });
});
