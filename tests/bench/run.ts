/**
 * `npm run bench`: runs every benchmark, prints one table (medians, p95, ratio to the first row of
 * each group) and writes the numbers to bench-results/<date>.json. Not part of `npm test`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hostCallBench } from './host-call.bench';
import type { Sample } from './measure';

const groups: Array<[string, () => Promise<Sample[]>]> = [['host calls', () => hostCallBench()]];

function row(cells: string[], widths: number[]): string {
  return cells.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join('  ');
}

async function main(): Promise<void> {
  const results: Record<string, Sample[]> = {};
  const lines: string[][] = [['group', 'benchmark', 'runs', 'median ms', 'p95 ms', 'ratio']];
  for (const [group, run] of groups) {
    const samples = await run();
    results[group] = samples;
    const baseline = samples[0]?.medianMs ?? Number.NaN;
    for (const s of samples) {
      lines.push([group, s.name, String(s.runs), s.medianMs.toFixed(4), s.p95Ms.toFixed(4), `${(s.medianMs / baseline).toFixed(1)}×`]);
    }
  }
  const widths = lines[0]!.map((_cell, index) => Math.max(...lines.map((line) => line[index]?.length ?? 0)));
  for (const line of lines) console.log(row(line, widths));
  const out = path.resolve('bench-results', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, JSON.stringify({ node: process.version, platform: process.platform, results }, null, 2));
  console.log(`\nwritten to ${path.relative(process.cwd(), out)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
