// Conformance smoke test over real feeds from six readers' test suites ($CORPORA_DIR/realfeeds, see its README):
// every file either reads as a ParsedFeed or is refused with a HostFailure and a readable message — never
// a crash, never a hang. Runs the network-free half of feed:fetch (gunzip → charset → repair → parse →
// sanitise) straight on the bytes, plus discovery over the saved HTML pages.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsedFeedSchema, type ParsedFeed } from '../../../shared/feeds/feed-schemas';
import { HostFailure } from '../../../shared/host-error';
import { decodeBytes } from '../net/charset';
import { linkedFeeds } from './discover';
import { readFeed } from './fetch-feed';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const corporaDir = process.env.CORPORA_DIR ?? path.resolve(repoRoot, '../shared/corpora');
const root = path.join(corporaDir, 'realfeeds');
const present = existsSync(path.join(root, 'README.md'));
if (!present) console.warn(`realfeeds corpus test skipped: no realfeeds corpus under ${corporaDir} (set CORPORA_DIR)`);

/** Files that are not feeds on purpose, and why; anything else must read as a feed. */
const expectedRefusals: [RegExp, string][] = [
  [/^rss-parser\/output\//, "rss-parser's expected outputs (JSON), not feeds"],
  [/\.html$/, 'web pages kept for discovery and charset tests'],
  [/^feedjira\/.*FirstEntry(Content|Description)?\.xml$/, 'HTML fragments of single entries'],
  [/^feedjira\/DuplicateContentAtomFeed\.xml$/, 'an Atom feed pasted inside an XHTML page'],
  [/^miniflux\/xml\/iso88591(_utf8_mismatch)?\.xml$/, 'plain XML (<note>) for charset tests'],
  [/^rss-parser\/input\/unrecognized\.rss$/, 'not RSS on purpose'],
  [/^newsboat\/empty\.xml$/, 'empty on purpose'],
  [/^netnewswire\/ScriptingNews\.json$/, "Dave Winer's RSS-in-JSON, not JSON Feed"],
  [/^netnewswire\/allthis-partial\.json$/, 'a truncated JSON document'],
];

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

const files = present ? listFiles(root).filter((file) => !/\.(md|tsv)$/.test(file)).sort() : [];
const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');

/**
 * Serialised HTML never has a raw "<" in text and always double-quotes attribute values, so a tag scan
 * is exact here: any script-capable element, event handler or script/data URL that survived.
 */
function unsafeMarkup(html: string): string | undefined {
  for (const [tag, name = '', attributes = ''] of html.matchAll(/<([a-zA-Z][\w:-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    if (/^(script|style|iframe|object|embed|form|input|svg|math|base|meta|link)$/i.test(name)) return tag;
    for (const [, attribute = '', value = ''] of attributes.matchAll(/\s([^\s=>/]+)(?:="([^"]*)")?/g)) {
      if (/^on|^style$|^srcdoc$/i.test(attribute) || /^\s*(javascript|vbscript|data):/i.test(value)) return tag;
    }
  }
  return undefined;
}

type Outcome = { kind: 'parsed'; feed: ParsedFeed } | { kind: 'refused'; error: HostFailure } | { kind: 'crashed'; error: unknown };

async function read(file: string): Promise<Outcome> {
  const bytes = readFileSync(file);
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('hung for 60 s')), 60_000);
  });
  try {
    const { feed } = await Promise.race([readFeed(bytes, { url: `https://feeds.example.test/${relative(file)}` }), hang]);
    return { kind: 'parsed', feed };
  } catch (error) {
    return error instanceof HostFailure ? { kind: 'refused', error } : { kind: 'crashed', error };
  } finally {
    clearTimeout(timer);
  }
}

describe.skipIf(!present)('realfeeds corpus', () => {
  it('reads every file as a feed or refuses it in words; never crashes or hangs', { timeout: 900_000 }, async () => {
    const counts = { parsed: 0, refused: 0, crashed: 0 };
    const problems: string[] = [];
    for (const file of files) {
      const name = relative(file);
      const outcome = await read(file);
      counts[outcome.kind] += 1;
      const expectedRefusal = expectedRefusals.find(([pattern]) => pattern.test(name))?.[1];
      if (outcome.kind === 'crashed') problems.push(`${name}: crashed: ${String(outcome.error)}`);
      if (outcome.kind === 'refused') {
        const { code, message } = outcome.error;
        if (!/^[A-Z].*[.)]$/.test(message) || /\n|Error:/.test(message)) problems.push(`${name}: unreadable message ${JSON.stringify(message)}`);
        if (!expectedRefusal) problems.push(`${name}: refused (${code}): ${message}`);
      }
      if (outcome.kind === 'parsed') {
        if (expectedRefusal) problems.push(`${name}: parsed, but it is ${expectedRefusal}`);
        if (!parsedFeedSchema.safeParse(outcome.feed).success) problems.push(`${name}: does not match parsedFeedSchema`);
        for (const item of outcome.feed.items) {
          const unsafe = unsafeMarkup(`${item.contentHtml ?? ''}${item.summaryHtml ?? ''}`);
          if (unsafe) problems.push(`${name}: unsafe HTML survived in ${item.guid ?? item.title}: ${unsafe}`);
        }
      }
    }
    console.info(`realfeeds: ${files.length} files: ${counts.parsed} parsed, ${counts.refused} refused with a reason, ${counts.crashed} crashed`);
    expect(problems).toEqual([]);
    expect(counts.crashed).toBe(0);
  });

  it('decodes the Miniflux charset cases as Miniflux expects', () => {
    const title = (name: string) => /<title>([^<]*)<\/title>/.exec(decodeBytes(readFileSync(path.join(root, name))).text)?.[1];
    expect(title('miniflux/encoding/windows-1252.xml')).toBe('Euro €');
    expect(title('miniflux/encoding/windows-1252-incorrect-prolog.xml')).toBe('Euro €');
    expect(title('miniflux/encoding/iso-8859-1.xml')).toBe('Café');
    expect(title('miniflux/encoding/utf8-incorrect-prolog.xml')).toBe('테스트 피드');
    expect(title('miniflux/encoding/invalid-prolog.xml')).toBe('테스트 피드');
    expect(title('miniflux/encoding/koi8r.xml')).toBe('Пример RSS ленты');
    expect(title('miniflux/encoding/iso-8859-1-meta-after-1024.html')).toBe('Frédéric');
    expect(title('miniflux/encoding/utf8-meta-after-1024.html')).toBe('Frédéric');
    expect(decodeBytes(readFileSync(path.join(root, 'miniflux/xml/iso88591_utf8_mismatch.xml'))).text).toContain('Anaïs');
  });

  it('finds the feeds NetNewsWire finds on its saved pages', () => {
    const pages = files.filter((file) => relative(file).startsWith('netnewswire/html/'));
    const found = pages.map((file) => {
      const feeds = linkedFeeds(decodeBytes(readFileSync(file)).text, `https://site.example.test/${path.basename(file)}`);
      return [path.basename(file), feeds.length] as const;
    });
    console.info(`discovery on ${pages.length} saved pages: ${found.map(([name, count]) => `${name} ${count}`).join(', ')}`);
    expect(found.filter(([, count]) => count > 0).length).toBeGreaterThanOrEqual(pages.length - 1);
  });
});
