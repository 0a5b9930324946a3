/**
 * Backup and restore at scale (issue 8): an archive of BENCH_BACKUP_ITEMS items (default 100,000; title and a
 * ~160-word summary from the Zipf vocabulary the search benches use), a tenth of them with a ~600-word article,
 * and BENCH_BACKUP_NOTES notes (default 10,000), in fake-indexeddb in Node. Measured with the renderer's own jobs
 * through the real host (electron/host/backup in a temporary folder): Back up now (snapshot, JSON lines, gzip,
 * rename), reading the backup back, and restoring it into an empty database; plus the file's size.
 * Runs: BENCH_BACKUP_RUNS (default 3); medians and p95.
 */
import 'fake-indexeddb/auto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ignoreStylesheets } from './css-stub';
import { inProcessHost } from './in-process-host';
import { summarise } from './measure';
import { seconds, type GroupResult } from './report';
import { zipfVocabulary } from './zipf-vocabulary';

export async function backupBench(): Promise<GroupResult> {
  const itemCount = Number(process.env.BENCH_BACKUP_ITEMS ?? 100_000);
  const noteCount = Number(process.env.BENCH_BACKUP_NOTES ?? 10_000);
  const runs = Math.max(1, Number(process.env.BENCH_BACKUP_RUNS ?? 3));
  ignoreStylesheets();
  const { openDatabase } = await import('../../renderer/data/db');
  const { makeBackup, readHostBackup } = await import('../../renderer/features/backup/backup-jobs');
  const { restoreArchive } = await import('../../renderer/data/backup');

  const folder = await mkdtemp(path.join(tmpdir(), 'commonplace-backup-bench-'));
  const host = inProcessHost({ backupsFolder: folder });
  const vocabulary = zipfVocabulary(20261122);
  const now = Date.UTC(2026, 10, 22);
  const db = await openDatabase(`backup-bench-${Date.now()}`);
  for (let from = 0; from < itemCount; from += 5_000) {
    const batch = Array.from({ length: Math.min(5_000, itemCount - from) }, (_, offset) => {
      const index = from + offset;
      return {
        id: `item-${index}`,
        dedupeKey: `guid:${index}`,
        sourceIds: ['source-1'],
        title: vocabulary.text(6),
        link: `https://blog.example/${index}`,
        canonicalLink: `https://blog.example/${index}`,
        publishedAt: now - index * 60_000,
        firstSeenAt: now - index * 60_000,
        summaryHtml: `<p>${vocabulary.text(160)}</p>`,
        read: 0 as const,
        starred: 0 as const,
        later: 0 as const,
        archived: 0 as const,
      };
    });
    await db.items.bulkAdd(batch);
    const articles = batch.filter((_, offset) => (from + offset) % 10 === 0).map((item) => {
      const text = vocabulary.text(600);
      return { itemId: item.id, html: `<p>${text}</p>`, text, extractedAt: now, length: text.length };
    });
    await db.articles.bulkAdd(articles);
  }
  await db.sources.add({ id: 'source-1', kind: 'feed', url: 'https://blog.example/feed.xml', title: 'Blog', tags: [], nextFetchAt: now, createdAt: now, public: false });
  for (let from = 0; from < noteCount; from += 5_000) {
    await db.notes.bulkAdd(
      Array.from({ length: Math.min(5_000, noteCount - from) }, (_, offset) => {
        const text = vocabulary.text(150);
        return {
          id: `note-${from + offset}`,
          title: `Note ${from + offset}`,
          aliases: [],
          tags: [],
          text,
          doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
          createdAt: now,
          updatedAt: now,
        };
      }),
    );
  }

  const backupTimes: number[] = [];
  const readTimes: number[] = [];
  const restoreTimes: number[] = [];
  let bytes = 0;
  let rows = 0;
  try {
    for (let run = 0; run < runs; run += 1) {
      let started = performance.now();
      const made = await makeBackup(db, host, { kind: 'manual', includeSecrets: false, appVersion: 'bench' });
      backupTimes.push(performance.now() - started);
      bytes = made.bytes;
      rows = made.rows;
      started = performance.now();
      const content = await readHostBackup(host, made.name);
      readTimes.push(performance.now() - started);
      const target = await openDatabase(`backup-bench-restore-${Date.now()}-${run}`);
      started = performance.now();
      await restoreArchive(target, content);
      restoreTimes.push(performance.now() - started);
      if ((await target.items.count()) !== itemCount) throw new Error('The restored archive is missing items.');
      await target.delete();
    }
  } finally {
    await db.delete();
    await rm(folder, { recursive: true, force: true });
  }
  const label = `${itemCount.toLocaleString('en')} items + ${noteCount.toLocaleString('en')} notes`;
  const samples = [
    summarise(`back up now, ${label}`, backupTimes),
    summarise('read the backup back', readTimes),
    summarise('restore into an empty database', restoreTimes),
  ];
  return {
    samples,
    notes: [
      `backup: ${rows.toLocaleString('en')} rows in one file of ${(bytes / 1e6).toFixed(1)} MB (gzip); back up ${seconds(samples[0]!.medianMs)} s, ` +
        `read ${seconds(samples[1]!.medianMs)} s, restore ${seconds(samples[2]!.medianMs)} s (medians of ${runs}; fake-indexeddb in Node)`,
    ],
    details: { itemCount, noteCount, runs, bytes, rows, backupTimes, readTimes, restoreTimes },
  };
}
