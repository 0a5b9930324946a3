/**
 * Publishing at scale: a library with 5,000 notes and 200 digests (ten finds each) all published to the
 * static site, exported by the renderer's own publishToFolder (fake-indexeddb in Node) through the real
 * host functions (electron/host/site/site-folder.ts) into a folder on disk. Measured: a full export into
 * an empty folder, an export with nothing changed, and an export after one note was edited, each with how
 * many files it wrote. Sizes: BENCH_PUBLISH_NOTES, BENCH_PUBLISH_DIGESTS; runs: BENCH_PUBLISH_RUNS (3).
 */
import 'fake-indexeddb/auto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { JSDOM } from 'jsdom';
import { inProcessHost } from './in-process-host';
import { summarise } from './measure';
import type { GroupResult } from './report';
import { mulberry32 } from './feed-farm';
import { ignoreStylesheets } from './css-stub';

export async function publishBench(): Promise<GroupResult> {
  const noteCount = Number(process.env.BENCH_PUBLISH_NOTES ?? 5_000);
  const digestCount = Number(process.env.BENCH_PUBLISH_DIGESTS ?? 200);
  const runs = Math.max(1, Number(process.env.BENCH_PUBLISH_RUNS ?? 3));
  ignoreStylesheets();
  // DOMPurify sanitises each note's HTML, as it does in the app; jsdom gives it a window in Node. jsdom adds
  // nine listeners to its window for every document DOMPurify parses and checks each new one against all
  // of them, so one window for 5,000 notes turns quadratic (a browser does neither): a fresh window every
  // few hundred uses keeps the benchmark measuring publishing, not jsdom.
  let window = new JSDOM('<!doctype html><html><body></body></html>').window;
  let uses = 0;
  Object.defineProperty(globalThis, 'window', {
    configurable: true,
    get() {
      uses += 1;
      if (uses % 200 === 0) {
        window.close();
        window = new JSDOM('<!doctype html><html><body></body></html>').window;
      }
      return window;
    },
  });
  const { openDatabase } = await import('../../renderer/data/db');
  const { publishToFolder } = await import('../../renderer/features/share/publish/publish-site');
  const { defaultSiteConfig } = await import('../../renderer/features/share/publish/site-config');

  const host = inProcessHost();

  const db = await openDatabase(`publish-bench-${Date.now()}`);
  const random = mulberry32(20261122);
  const now = Date.UTC(2026, 10, 22);
  const words = ['memory', 'attention', 'notes', 'reading', 'craft', 'links', 'garden', 'practice', 'writing', 'ideas'];
  const sentence = () => Array.from({ length: 14 }, () => words[Math.floor(random() * words.length)]).join(' ');
  const noteDoc = (index: number) => ({
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: `Part ${index}` }] },
      { type: 'paragraph', content: [{ type: 'text', text: `${sentence()}. ${sentence()}.` }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'See ' }, { type: 'wikiLink', attrs: { target: `Note ${(index + 1) % noteCount}`, heading: null, label: null, embed: false } }, { type: 'text', text: '.' }] },
    ],
  });
  await db.notes.bulkAdd(
    Array.from({ length: noteCount }, (_, index) => ({
      id: `note-${index}`,
      title: `Note ${index}`,
      aliases: [],
      tags: [`topic/${index % 20}`],
      doc: noteDoc(index),
      text: sentence(),
      createdAt: now - index * 60_000,
      updatedAt: now - index * 60_000,
    })),
  );
  await db.items.bulkAdd(
    Array.from({ length: digestCount * 10 }, (_, index) => ({
      id: `item-${index}`,
      dedupeKey: `k${index}`,
      sourceIds: [],
      title: `Story ${index}: ${sentence()}`,
      link: `https://blog.example/${index}`,
      publishedAt: now - index * 3_600_000,
      firstSeenAt: now - index * 3_600_000,
      read: 1 as const,
      starred: 1 as const,
      later: 0 as const,
      archived: 0 as const,
    })),
  );
  await db.digests.bulkAdd(
    Array.from({ length: digestCount }, (_, index) => ({
      id: `digest-${index}`,
      title: `Finds ${index}`,
      intro: sentence(),
      periodStart: now - (index + 1) * 7 * 86_400_000,
      periodEnd: now - index * 7 * 86_400_000,
      entries: Array.from({ length: 10 }, (_unused, at) => ({ ref: { kind: 'item' as const, id: `item-${index * 10 + at}` }, commentary: sentence() })),
      status: 'published' as const,
      createdAt: now,
      updatedAt: now,
    })),
  );
  // Everything is already on the site: the publications log lists every post with its slug.
  await db.publications.bulkAdd([
    ...Array.from({ length: noteCount }, (_, index) => ({ id: `pn-${index}`, noteId: `note-${index}`, target: 'site' as const, remoteId: `note-${index}`, publishedAt: now - index * 60_000, contentHash: '' })),
    ...Array.from({ length: digestCount }, (_, index) => ({ id: `pd-${index}`, digestId: `digest-${index}`, target: 'site' as const, remoteId: `finds-${index}`, publishedAt: now - index * 86_400_000, contentHash: '' })),
  ]);

  const full: number[] = [];
  const unchanged: number[] = [];
  const oneEdit: number[] = [];
  const counts = { files: 0, fullWritten: 0, unchangedWritten: 0, editWritten: 0 };
  for (let run = 0; run < runs; run += 1) {
    const folder = await mkdtemp(path.join(tmpdir(), 'publish-bench-'));
    const config = { ...defaultSiteConfig, folder, baseUrl: 'https://me.example/' };
    try {
      let started = performance.now();
      const first = await publishToFolder(db, host, 'site', config, undefined, { now });
      full.push(performance.now() - started);
      counts.files = first.written + first.unchanged;
      counts.fullWritten = first.written;

      started = performance.now();
      const same = await publishToFolder(db, host, 'site', config, undefined, { now });
      unchanged.push(performance.now() - started);
      counts.unchangedWritten = same.written;

      const edited = noteDoc(run + 7);
      edited.content[1] = { type: 'paragraph', content: [{ type: 'text', text: `Edited in run ${run}: ${sentence()}` }] };
      const note = (await db.notes.get('note-3'))!;
      await db.notes.put({ ...note, doc: edited, updatedAt: now + run + 1 });
      started = performance.now();
      const after = await publishToFolder(db, host, 'site', config, undefined, { now });
      oneEdit.push(performance.now() - started);
      counts.editWritten = after.written;
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }
  db.close();
  return {
    samples: [
      summarise(`full export, ${noteCount} notes + ${digestCount} digests (${counts.fullWritten} files written)`, full),
      summarise(`re-export, nothing changed (${counts.unchangedWritten} files written)`, unchanged),
      summarise(`re-export after one note edit (${counts.editWritten} of ${counts.files} files written)`, oneEdit),
    ],
    notes: [`publish: ${counts.files} files per site; after one edit ${counts.editWritten} were written (the note's page, pages whose lists changed, the feeds and sitemap).`],
  };
}
