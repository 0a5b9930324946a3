// Conformance over real OPML files from other readers ($CORPORA_DIR/opml, see its README and SOURCES.tsv):
// every file is parsed or refused with an OpmlError, never a crash or a hang; what the README and the file
// names promise is checked; every parsed file survives writeOpml → parseOpml unchanged.
//
// This file lives in shared/, whose typings know neither Node nor the DOM and whose lint bans Node
// built-ins. It runs in vitest's node project, so it reaches the few host facilities it needs through
// globalThis (typed below), and reads files with Vite's `?raw` import instead of node:fs. The corpus's
// own manifest, SOURCES.tsv, says which files there are.
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { OpmlError, parseOpml, writeOpml, type OpmlImport } from './index';

type Log = (...args: unknown[]) => void;
const host = globalThis as unknown as {
  console: { log: Log; warn: Log };
  process?: { env?: Record<string, string | undefined> };
  performance: { now(): number };
  TextEncoder: new () => { encode(text: string): { length: number } };
  URL: new (input: string, base?: FileUrl | string) => FileUrl;
};
interface FileUrl {
  readonly href: string;
  readonly pathname: string;
}
const fileUrl = (path: string, base: FileUrl): FileUrl => new host.URL(path, base);

const READABLE_REFUSALS = [
  'This file is not an OPML subscription list.',
  'This file is a feed, not an OPML subscription list: add its address as a subscription instead.',
];
// fast-xml-parser's validator lets a raw `&` pass, so references XML does not define are checked apart.
const UNDEFINED_REFERENCE = /&(?!(?:amp|lt|gt|quot|apos);|#\d+;|#x[0-9a-fA-F]+;)/;
const TIME_LIMIT_MS = 2_000; // per file; the largest takes ~100 ms. A parse that takes longer is a bug.

const repoRoot = new host.URL('../../', (import.meta as unknown as { url: string }).url);
const corporaSetting = host.process?.env?.CORPORA_DIR ?? '../shared/corpora'; // relative to the repository
const opmlDir = fileUrl('opml/', fileUrl(corporaSetting.endsWith('/') ? corporaSetting : `${corporaSetting}/`, repoRoot));

async function readText(url: FileUrl): Promise<string | undefined> {
  try {
    const module = (await import(/* @vite-ignore */ `${decodeURIComponent(url.pathname)}?raw`)) as { default: string };
    return module.default;
  } catch {
    return undefined;
  }
}

interface Outcome {
  path: string;
  folder: string;
  text: string;
  result?: OpmlImport;
  error?: unknown;
  ms: number;
}

function run(path: string, text: string): Outcome {
  const folder = path.slice(0, path.lastIndexOf('/'));
  const start = host.performance.now();
  try {
    const result = parseOpml(text);
    return { path, folder, text, result, ms: host.performance.now() - start };
  } catch (error) {
    return { path, folder, text, error, ms: host.performance.now() - start };
  }
}

const manifestText = await readText(fileUrl('SOURCES.tsv', opmlDir));
const readme = await readText(fileUrl('README.md', opmlDir));
const present = manifestText !== undefined || readme !== undefined;
if (!present) host.console.warn(`OPML corpus test skipped: no corpus at ${opmlDir.pathname} (set CORPORA_DIR to its parent).`);

const manifest = (manifestText ?? '')
  .split('\n')
  .slice(1)
  .filter((line) => line.trim() !== '')
  .map((line) => {
    const [path = '', , , , , bytes = ''] = line.split('\t');
    return { path, bytes: Number(bytes) };
  });
const outcomes: Outcome[] = [];
const unreadable: string[] = [];
for (const { path } of manifest) {
  const text = await readText(fileUrl(path, opmlDir));
  if (text === undefined) unreadable.push(path);
  else outcomes.push(run(path, text));
}
const byPath = new Map(outcomes.map((outcome) => [outcome.path, outcome]));

function outcome(path: string): Outcome {
  const found = byPath.get(path);
  if (!found) throw new Error(`${path} is not in the corpus manifest`);
  return found;
}

describe.skipIf(!present)('OPML corpus', () => {
  it('reads every file SOURCES.tsv lists, whole', () => {
    expect(manifest.length).toBeGreaterThan(0);
    expect(unreadable).toEqual([]);
    const encoder = new host.TextEncoder();
    const wrongSize = outcomes
      .filter((o) => encoder.encode(o.text).length !== manifest.find((m) => m.path === o.path)?.bytes)
      .map((o) => o.path);
    expect(wrongSize).toEqual([]);
  });

  it('parses or refuses every file with a readable OpmlError, quickly', () => {
    const lines = outcomes.map((o) =>
      o.result
        ? `parsed  ${String(o.result.subscriptions.length).padStart(4)} subscriptions, ${String(o.result.skipped.length).padStart(2)} skipped  ${o.path}`
        : `refused  ${o.path}: ${String((o.error as Error).message)}`,
    );
    host.console.log(`OPML corpus, per file (${opmlDir.pathname}):\n${lines.join('\n')}`);
    const crashes = outcomes
      .filter((o) => o.error !== undefined && !(o.error instanceof OpmlError && READABLE_REFUSALS.includes(o.error.message)))
      .map((o) => `${o.path}: ${String(o.error)}`);
    expect(crashes).toEqual([]);
    expect(outcomes.filter((o) => o.ms > TIME_LIMIT_MS).map((o) => `${o.path}: ${o.ms.toFixed(0)} ms`)).toEqual([]);

    const folders = new Map<string, { files: number; parsed: number; refused: number; subscriptions: number }>();
    for (const o of outcomes) {
      const row = folders.get(o.folder) ?? { files: 0, parsed: 0, refused: 0, subscriptions: 0 };
      row.files += 1;
      if (o.result) row.parsed += 1;
      else row.refused += 1;
      row.subscriptions += o.result?.subscriptions.length ?? 0;
      folders.set(o.folder, row);
    }
    const total = [...folders.values()].reduce((sum, r) => ({
      files: sum.files + r.files,
      parsed: sum.parsed + r.parsed,
      refused: sum.refused + r.refused,
      subscriptions: sum.subscriptions + r.subscriptions,
    }));
    const table = [...folders, ['total', total] as const].map(
      ([folder, r]) => `${folder.padEnd(48)} ${[r.files, r.parsed, r.refused, r.subscriptions].map((n) => String(n).padStart(6)).join('')}`,
    );
    host.console.log(`OPML corpus, per folder:\n${'folder'.padEnd(48)}  files parsed refused  subs\n${table.join('\n')}`);
  });

  it('imports every feed outline: each xmlUrl attribute ends as a subscription or a reported skip', () => {
    // Counted on the raw text, independently of the parser: nothing may vanish silently.
    const lost = outcomes
      .filter((o) => o.result)
      .map((o) => {
        const declared = (o.text.replace(/<!--[\s\S]*?-->/g, '').match(/\bxmlurl\s*=/gi) ?? []).length;
        const accounted = o.result!.subscriptions.length + o.result!.skipped.filter((s) => s.reason !== 'unsupported-type').length;
        return declared === accounted ? '' : `${o.path}: ${declared} declared, ${accounted} accounted for`;
      })
      .filter(Boolean);
    expect(lost).toEqual([]);
  });

  it('reads the 44 awesome-rss-feeds files that are not well-formed XML, as the README says', () => {
    const notWellFormed = outcomes.filter(
      (o) => o.path.startsWith('awesome-rss-feeds/') && (UNDEFINED_REFERENCE.test(o.text) || XMLValidator.validate(o.text) !== true),
    );
    expect(notWellFormed).toHaveLength(44);
    expect(notWellFormed.filter((o) => !o.result || o.result.subscriptions.length === 0).map((o) => o.path)).toEqual([]);
  });

  it.each([
    // The name says it: newsboat tests that a document without <opml> is rejected.
    ['newsboat/opml-element-missing.opml', 'refused'],
    // node-opmlparser's test expects an error for this "terribly malformed fragment" (no <opml> at all).
    ['node-opmlparser/malformed.opml', 'refused'],
    ['newsboat/body-element-missing.opml', 0],
    ['node-opmlparser/no-outlines.opml', 0],
    ['node-opmlparser/top100.opml', 100],
  ] as const)('%s: %s', (path, expected) => {
    const { result } = outcome(path);
    if (expected === 'refused') expect(result).toBeUndefined();
    else expect(result?.subscriptions).toHaveLength(expected);
  });

  it('finds titles without title attributes (NetNewsWire issue 527: SubsNoTitleAttributes)', () => {
    const withTitles = outcome('netnewswire/Subs.opml').result!;
    expect(withTitles.subscriptions.length).toBeGreaterThan(200);
    expect(outcome('netnewswire/SubsNoTitleAttributes.opml').result!.subscriptions).toEqual(withTitles.subscriptions);
  });

  it('reports what the file names point at: includes, piped commands, categories', () => {
    expect(outcome('opmlpackage/includes.opml').result!.skipped.map((s) => s.reason)).toEqual(Array(3).fill('unsupported-type'));
    expect(outcome('newsboat/piped.opml').result!.skipped).toEqual([{ reason: 'invalid-url', detail: 'Birdsite search (|~/fetch_tweets.py)' }]);
    expect(outcome('newsboat/category.opml').result!.subscriptions[0]!.tags).toEqual(['tag one', 'tag_two', 'tag', 'three']);
  });

  it('round-trips every parsed file through writeOpml, as well-formed XML', () => {
    const changed = outcomes
      .filter((o) => o.result)
      .filter((o) => {
        const { title = '', subscriptions } = o.result!;
        const written = writeOpml({ title, dateCreated: new Date(0), subscriptions });
        const again = parseOpml(written);
        try {
          expect(XMLValidator.validate(written)).toBe(true);
          expect(written).not.toMatch(UNDEFINED_REFERENCE);
          expect(again).toEqual({ ...(title ? { title } : {}), subscriptions, skipped: [] });
          return false;
        } catch {
          return true;
        }
      })
      .map((o) => o.path);
    expect(changed).toEqual([]);
  });
});
