/**
 * Vault import and export at scale: 10,000 notes with 50,000 wiki links (five per note, to notes chosen by
 * a seeded PRNG, a tenth of them with a heading or a label), in a fake-indexeddb database in Node, as the
 * renderer's own importVault and exportVault run them (Dexie, createNote's links index, Tiptap's Markdown).
 * Each run imports the generated vault into a fresh database, then exports that database; the medians of
 * BENCH_VAULT_RUNS runs (default 3, after one warm-up run at a tenth of the size) are reported.
 * fake-indexeddb is slower than a browser's IndexedDB, so these times are an upper bound for the app.
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { summarise, type Sample } from './measure';
import { mulberry32 } from './feed-farm';
import { ignoreStylesheets } from './css-stub';

export interface VaultBenchOptions {
  notes?: number;
  linksPerNote?: number;
  runs?: number;
  seed?: number;
}

export function generateVault(notes: number, linksPerNote: number, seed: number): Array<{ path: string; bytes: Uint8Array }> {
  const random = mulberry32(seed);
  const encoder = new TextEncoder();
  const title = (index: number) => `Note ${String(index).padStart(5, '0')}`;
  return Array.from({ length: notes }, (_, index) => {
    const links = Array.from({ length: linksPerNote }, (_unused, n) => {
      const target = title(Math.floor(random() * notes));
      return n === 0 && index % 10 === 0 ? `[[${target}#Section|see this]]` : `[[${target}]]`;
    });
    const folder = `Folder ${index % 20}`;
    const markdown = [
      '---',
      `tags: [bench, group/${index % 7}]`,
      `created: 2026-11-${String((index % 28) + 1).padStart(2, '0')}`,
      '---',
      '',
      `# ${title(index)}`,
      '',
      `A paragraph of words that mentions ${links[0]} and ${links[1]}, with **bold** text and #topic/${index % 13}.`,
      '',
      '## Section',
      '',
      ...links.slice(2).map((link) => `- Related: ${link}`),
      '- [ ] A task',
      '',
    ].join('\n');
    return { path: `${folder}/${title(index)}.md`, bytes: encoder.encode(markdown) };
  });
}

export async function vaultBench(options: VaultBenchOptions = {}): Promise<Sample[]> {
  const notes = options.notes ?? Number(process.env.BENCH_VAULT_NOTES ?? 10_000);
  const linksPerNote = options.linksPerNote ?? 5;
  const runs = Math.max(1, options.runs ?? Number(process.env.BENCH_VAULT_RUNS ?? 3));
  const seed = options.seed ?? Number(process.env.BENCH_SEED ?? 20261122);
  ignoreStylesheets();
  // Imported only now, after the stub above is in place.
  const { openDatabase } = await import('../../renderer/data/db');
  const { importVault, exportVault } = await import('../../renderer/features/sense/vault');

  const once = async (vault: ReturnType<typeof generateVault>, run: number) => {
    const db = await openDatabase(`bench-vault-${run}-${Date.now()}`);
    try {
      const importStart = performance.now();
      const report = await importVault(db, vault);
      const importMs = performance.now() - importStart;
      if (report.notes !== vault.length) throw new Error(`the bench vault imported ${report.notes} of ${vault.length} notes`);
      const exportStart = performance.now();
      const zip = await exportVault(db);
      const exportMs = performance.now() - exportStart;
      return { importMs, exportMs, zipBytes: zip.byteLength, links: await db.links.count() };
    } finally {
      await db.delete();
    }
  };

  await once(generateVault(Math.max(1, Math.floor(notes / 10)), linksPerNote, seed), -1);
  const vault = generateVault(notes, linksPerNote, seed);
  const results = [];
  for (let run = 0; run < runs; run += 1) results.push(await once(vault, run));
  const label = `${notes.toLocaleString('en')} notes, ${(notes * linksPerNote).toLocaleString('en')} links`;
  const last = results[results.length - 1]!;
  return [
    summarise(`vault export, ${label} (zip ${(last.zipBytes / 1024 / 1024).toFixed(1)} MiB)`, results.map((result) => result.exportMs)),
    summarise(`vault import, ${label} (${last.links.toLocaleString('en')} link rows)`, results.map((result) => result.importMs)),
  ];
}
