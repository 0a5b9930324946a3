/**
 * `npm run bench`: runs every benchmark, prints one table (medians, p95, ratio to the first row of
 * each group) and writes the numbers to bench-results/<date>.json. Not part of `npm test`.
 * A group may also return notes and small tables of its own (figures that are not timings); they are
 * printed under the main table and their details written to the JSON too.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hostCallBench } from './host-call.bench';
import type { Sample } from './measure';
import { realfeedsBench } from './realfeeds.bench';
import { refreshBench } from './refresh.bench';
import { type ExtraTable, formatTable, type GroupResult } from './report';

const groups: Array<[string, () => Promise<Sample[] | GroupResult>]> = [
  ['host calls', () => hostCallBench()],
  ['seek refresh', () => refreshBench()],
  ['realfeeds', () => realfeedsBench()],
  ['sense notes', () => import('./notes.bench').then((bench) => bench.notesBench())],
  ['sense vault', () => import('./vault.bench').then((bench) => bench.vaultBench())],
  ['search', () => import('./search.bench').then((b) => b.searchBench())],
  ['search in Chromium', () => import('./search-ui.bench').then((b) => b.searchUiBench())],
  ['share publish', () => import('./publish.bench').then((b) => b.publishBench())],
  ['backup', () => import('./backup.bench').then((b) => b.backupBench())],
];

/** Below 1× a ratio needs more than one decimal to say anything. */
const ratio = (value: number) => `${value < 1 ? value.toPrecision(2) : value.toFixed(1)}×`;

async function main(): Promise<void> {
  const results: Record<string, Sample[]> = {};
  const details: Record<string, unknown> = {};
  const notes: string[] = [];
  const tables: ExtraTable[] = [];
  const lines: string[][] = [['group', 'benchmark', 'runs', 'median ms', 'p95 ms', 'ratio']];
  for (const [group, run] of groups) {
    const outcome = await run();
    const result: GroupResult = Array.isArray(outcome) ? { samples: outcome } : outcome;
    const samples = result.samples;
    results[group] = samples;
    if (result.details !== undefined) details[group] = result.details;
    notes.push(...(result.notes ?? []));
    tables.push(...(result.tables ?? []));
    const baseline = samples[0]?.medianMs ?? Number.NaN;
    for (const s of samples) {
      lines.push([group, s.name, String(s.runs), s.medianMs.toFixed(4), s.runs > 1 ? s.p95Ms.toFixed(4) : '–', ratio(s.medianMs / baseline)]);
    }
  }
  for (const line of formatTable(lines)) console.log(line);
  for (const table of tables) {
    console.log(`\n${table.title}`);
    for (const line of formatTable(table.rows)) console.log(line);
  }
  if (notes.length > 0) console.log(`\n${notes.join('\n')}`);
  const out = path.resolve('bench-results', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, JSON.stringify({ node: process.version, platform: process.platform, results, details }, null, 2));
  console.log(`\nwritten to ${path.relative(process.cwd(), out)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
