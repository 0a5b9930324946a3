/**
 * Parse-and-normalise throughput over real feeds ($CORPORA_DIR/realfeeds): every file goes through the
 * network-free half of feed:fetch (`readFeed`: gunzip, charset, repair, parse, sanitise) and then
 * `normalizeFeed`, as a refresh does. Files are read into memory first, so disk time is not counted;
 * files refused with a HostFailure are counted, not fatal (some are not feeds on purpose, see
 * electron/host/feeds/realfeeds.corpus.test.ts).
 *
 * Two rows, in the same run: the full pipeline (with sanitising), and the same without sanitising
 * (`readFeed(…, { sanitize: false })`, what discovery uses); the difference is the share of time spent
 * sanitising. Sanitising runs on a time budget: passes stop starting once it is spent, and a pass cut
 * short is reported as partial (files and items it covered), never extrapolated.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { readFeed } from '../../electron/host/feeds/fetch-feed';
import { normalizeFeed } from '../../shared/feeds';
import { HostFailure } from '../../shared/host-error';
import { percentile, type Sample } from './measure';
import type { GroupResult } from './report';

export interface RealfeedsBenchOptions {
  corporaDir?: string;
  /** Timed passes of each kind (after one warm-up pass). */
  passes?: number;
  /** Wall-clock budget for the sanitising passes. */
  sanitizeBudgetMs?: number;
}

interface CorpusFile {
  name: string;
  bytes: Uint8Array;
}

interface Pass {
  ms: number;
  items: number;
  parsed: number;
  refused: number;
  crashed: string[];
  /** Files read in this pass, in corpus order (fewer than all when the budget ran out). */
  filesDone: number;
  perFileMs: number[];
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

async function onePass(files: readonly CorpusFile[], sanitize: boolean, deadline = Number.POSITIVE_INFINITY): Promise<Pass> {
  const pass: Pass = { ms: 0, items: 0, parsed: 0, refused: 0, crashed: [], filesDone: 0, perFileMs: [] };
  const fetchedAt = Date.now();
  const start = performance.now();
  for (const file of files) {
    if (performance.now() > deadline) break;
    const feedUrl = `https://feeds.example.test/${file.name}`;
    const began = performance.now();
    try {
      const { feed } = await readFeed(file.bytes, { url: feedUrl, sanitize });
      pass.items += normalizeFeed(feed, { feedUrl, sourceId: 'bench', fetchedAt }).items.length;
      pass.parsed += 1;
    } catch (error) {
      if (error instanceof HostFailure) pass.refused += 1;
      else pass.crashed.push(`${file.name}: ${String(error)}`);
    }
    pass.perFileMs.push(performance.now() - began);
    pass.filesDone += 1;
  }
  pass.ms = performance.now() - start;
  return pass;
}

function summarise(name: string, passes: readonly Pass[]): Sample {
  const times = passes.map((pass) => pass.ms).sort((a, b) => a - b);
  return { name, runs: passes.length, medianMs: percentile(times, 0.5), p95Ms: percentile(times, 0.95) };
}

const rate = (items: number, ms: number) => Math.round(items / (ms / 1000)).toLocaleString('en-GB');

export async function realfeedsBench(options: RealfeedsBenchOptions = {}): Promise<GroupResult> {
  const corporaDir = options.corporaDir ?? process.env.CORPORA_DIR ?? path.resolve(repoRoot, '../shared/corpora');
  const root = path.join(corporaDir, 'realfeeds');
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    const line = `realfeeds throughput skipped: no realfeeds/ folder under ${corporaDir} (set CORPORA_DIR to the corpora checkout)`;
    console.log(line);
    return { samples: [], notes: [line] };
  }
  const passes = options.passes ?? 5;
  const budgetMs = options.sanitizeBudgetMs ?? Number(process.env.BENCH_SANITIZE_BUDGET_S ?? 30) * 1000;
  // README.md and SOURCES.tsv describe the corpus; everything else is a file a reader could be given.
  const files: CorpusFile[] = listFiles(root)
    .filter((file) => !/\.(md|tsv)$/.test(file))
    .sort()
    .map((file) => ({ name: path.relative(root, file).split(path.sep).join('/'), bytes: readFileSync(file) }));
  const totalBytes = files.reduce((sum, file) => sum + file.bytes.length, 0);

  // Without sanitising: one warm-up pass, then `passes` timed passes over the whole folder.
  await onePass(files, false);
  const plain: Pass[] = [];
  for (let run = 0; run < passes; run += 1) plain.push(await onePass(files, false));
  const plainSample = summarise('readFeed (no sanitising) + normalizeFeed, whole folder', plain);
  const reference = plain[0]!;

  // The full pipeline, on a budget: a warm-up pass, then timed passes while the budget lasts.
  const deadline = performance.now() + budgetMs;
  const full: Pass[] = [];
  while (full.length < passes + 1 && performance.now() < deadline) {
    const pass = await onePass(files, true, deadline);
    full.push(pass);
    if (pass.filesDone < files.length) break;
  }
  const complete = full.filter((pass) => pass.filesDone === files.length);
  // The warm-up pass is dropped only when there are timed passes after it.
  const timed = complete.length > 1 ? complete.slice(1) : complete;
  const partial = complete.length === 0 ? full[0] : undefined;

  const samples: Sample[] = [];
  const notes: string[] = [];
  const perFileMedian = (index: number) => percentile(plain.map((pass) => pass.perFileMs[index] ?? 0).sort((a, b) => a - b), 0.5);
  if (timed.length > 0) {
    const sample = summarise('readFeed (full: sanitised) + normalizeFeed, whole folder', timed);
    samples.push(sample);
    notes.push(
      `realfeeds, full pipeline: ${rate(reference.items, sample.medianMs)} items/s (median of ${timed.length} ${timed.length === 1 ? 'pass, the only one the budget allowed, no warm-up' : 'passes after a warm-up'}); ` +
        `sanitising is ${((1 - plainSample.medianMs / sample.medianMs) * 100).toFixed(0)}% of the time`,
    );
  } else if (partial) {
    const coveredPlainMs = partial.perFileMs.reduce((sum, _ms, index) => sum + perFileMedian(index), 0);
    samples.push({ name: `readFeed (full: sanitised) + normalizeFeed, PARTIAL: first ${partial.filesDone} of ${files.length} files`, runs: 1, medianMs: partial.ms, p95Ms: partial.ms });
    notes.push(
      `realfeeds, full pipeline: PARTIAL pass, the ${Math.round(budgetMs / 1000)} s budget (BENCH_SANITIZE_BUDGET_S) ran out after ${partial.filesDone} of ${files.length} files ` +
        `(${partial.items} items in ${(partial.ms / 1000).toFixed(1)} s: ${rate(partial.items, partial.ms)} items/s over those files); ` +
        `on the same files sanitising is ${((1 - coveredPlainMs / partial.ms) * 100).toFixed(0)}% of the time`,
    );
  }
  samples.push(plainSample);
  notes.push(
    `realfeeds, without sanitising: ${rate(reference.items, plainSample.medianMs)} items/s (median of ${plain.length} passes after a warm-up); ` +
      `${files.length} files (${(totalBytes / 1024 / 1024).toFixed(1)} MiB), ${reference.parsed} parsed, ${reference.refused} refused with a HostFailure, ` +
      `${reference.crashed.length} crashed, ${reference.items} items per pass`,
  );
  const slowest = (full[0] ?? reference).perFileMs
    .map((ms, index) => [files[index]?.name ?? '?', ms] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`);
  notes.push(`realfeeds, slowest files ${full.length > 0 ? 'in the first sanitising pass' : 'without sanitising'}: ${slowest.join(', ')}`);
  const crashed = [...new Set([...plain, ...full].flatMap((pass) => pass.crashed))];
  if (crashed.length > 0) notes.push(`realfeeds, CRASHED (not a HostFailure): ${crashed.join('; ')}`);

  return {
    samples,
    notes,
    details: {
      corpus: root,
      files: files.length,
      bytes: totalBytes,
      parsed: reference.parsed,
      refused: reference.refused,
      crashed,
      itemsPerPass: reference.items,
      sanitizeBudgetMs: budgetMs,
      plainPassesMs: plain.map((pass) => pass.ms),
      fullPasses: full.map((pass) => ({ ms: pass.ms, filesDone: pass.filesDone, items: pass.items })),
    },
  };
}
