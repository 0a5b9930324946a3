/** Small timing helpers for side-by-side benchmarks: medians and percentiles, never single runs. */
import { performance } from 'node:perf_hooks';

export interface Sample {
  name: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
}

export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/** A Sample from times measured elsewhere (any order). */
export function summarise(name: string, times: readonly number[]): Sample {
  const sorted = [...times].sort((a, b) => a - b);
  return { name, runs: sorted.length, medianMs: percentile(sorted, 0.5), p95Ms: percentile(sorted, 0.95) };
}

export async function sample(name: string, runs: number, body: () => Promise<unknown>): Promise<Sample> {
  for (let warm = 0; warm < Math.min(50, runs); warm += 1) await body();
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    await body();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { name, runs, medianMs: percentile(times, 0.5), p95Ms: percentile(times, 0.95) };
}
