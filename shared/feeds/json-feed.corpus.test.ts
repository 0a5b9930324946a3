// Conformance of parseJsonFeed with the JSON Feed material in $CORPORA_DIR: feedparser's JSON test,
// gofeed's parser and translator expectations, and the spec/sonicdoe examples checked against the
// JSON Schema (draft-07) of JSON Feed 1.1. shared/ may not import node:fs, so files are read through
// Vitest's module loader (`?raw`); folders are listed from the corpora's own manifests and READMEs.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ParsedFeed, ParsedItem } from './feed-schemas';
import { JsonFeedError, parseJsonFeed } from './json-feed';
import { htmlToText } from './text';

declare const console: { info(...data: unknown[]): void; warn(...data: unknown[]): void };

type Json = Record<string, unknown>;

const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
const repoRoot = expect.getState().testPath?.replace(/[\\/]shared[\\/]feeds[\\/][^\\/]+$/, '') ?? '.';
const corporaDir = env.CORPORA_DIR ?? `${repoRoot}/../shared/corpora`;

async function readCorpusText(relative: string): Promise<string | undefined> {
  try {
    return ((await import(/* @vite-ignore */ `${corporaDir}/${relative}?raw`)) as { default: string }).default;
  } catch {
    return undefined;
  }
}

async function mustRead(relative: string): Promise<string> {
  const text = await readCorpusText(relative);
  if (text === undefined) throw new Error(`corpus file missing: ${corporaDir}/${relative}`);
  return text;
}

const present = (await readCorpusText('gofeed/README.md')) !== undefined && (await readCorpusText('feedparser/README.md')) !== undefined;
if (!present) console.warn(`JSON Feed corpus test skipped: no gofeed/feedparser corpus under ${corporaDir} (set CORPORA_DIR)`);

/** gofeed names its pairs NAME.json + NAME_expected.json (testdata README); these are all of them. */
const gofeedParserCases = ['version_json_10', 'version_json_11', 'version_json_11_deprecated_author'];
const gofeedTranslatorCases = ['json10_full', 'json10_simple', 'json11_full'];
const gofeedInvalid = ['parser/json/invalid/invalid.json', 'parser/universal/invalid.json'];

const names = (owner: Json): string | undefined => {
  const list = Array.isArray(owner.authors) ? owner.authors : owner.author ? [owner.author] : [];
  const joined = (list as Json[]).map((a) => a.name).filter((n) => typeof n === 'string').join(', ');
  return joined || undefined;
};
const text = (html: string | undefined) => htmlToText(html) || undefined;

/** One expectation: a label and the two sides, compared with toEqual. */
type Check = [label: string, ours: unknown, theirs: unknown];

/** gofeed's parser expectations are JSON Feed documents: compare field by field. */
function parserChecks(name: string, ours: ParsedFeed, expected: Json): Check[] {
  const checks: Check[] = [
    [`${name} title`, ours.title, expected.title],
    [`${name} home_page_url`, ours.siteUrl, expected.home_page_url],
    [`${name} feed_url`, ours.selfUrl, expected.feed_url],
    [`${name} description`, ours.description, expected.description],
    [`${name} icon`, ours.imageUrl, expected.icon],
    [`${name} item count`, ours.items.length, (expected.items as Json[]).length],
  ];
  (expected.items as Json[]).forEach((e, i) => {
    const item = ours.items[i] ?? ({} as ParsedItem);
    const at = `${name} items[${i}]`;
    const attachments = (e.attachments as Json[] | undefined) ?? [];
    checks.push(
      [`${at}.id`, item.guid, e.id],
      [`${at}.url`, item.link, e.url],
      [`${at}.title`, item.title, e.title],
      [`${at}.content_html`, item.contentHtml, e.content_html],
      [`${at}.summary`, text(item.summaryHtml), e.summary],
      [`${at}.image`, item.imageUrl, e.image],
      [`${at}.date_published`, item.published, e.date_published],
      [`${at}.date_modified`, item.updated, e.date_modified],
      [`${at}.author(s)`, item.author, names(e)],
      [`${at}.tags`, item.categories, e.tags],
      [`${at}.attachments`, item.enclosures, attachments.map((a) => ({ url: a.url, type: a.mime_type, length: a.size_in_bytes }))],
      [`${at}.external_url`, item.extras?.externalUrl, e.external_url],
    );
  });
  return checks;
}

/** gofeed's translator expectations are its universal Feed: map the fields that have a counterpart. */
function translatorChecks(name: string, ours: ParsedFeed, expected: Json): Check[] {
  const image = (owner: Json) => (owner.image as Json | undefined)?.url;
  const checks: Check[] = [
    [`${name} title`, ours.title, expected.title],
    [`${name} link`, ours.siteUrl, expected.link],
    [`${name} feedLink`, ours.selfUrl, expected.feedLink],
    [`${name} description`, ours.description, expected.description],
    [`${name} language`, ours.language, expected.language],
    [`${name} image`, ours.imageUrl, image(expected)],
  ];
  (expected.items as Json[]).forEach((e, i) => {
    const item = ours.items[i] ?? ({} as ParsedItem);
    const at = `${name} items[${i}]`;
    const enclosures = (e.enclosures as Json[] | undefined) ?? [];
    checks.push(
      [`${at}.guid`, item.guid, e.guid],
      [`${at}.title`, item.title, e.title],
      [`${at}.link`, item.link, e.link],
      // gofeed passes content_text through raw; we wrap it in paragraphs: compare as text.
      [`${at}.content`, text(item.contentHtml), text(e.content as string | undefined)],
      [`${at}.description`, text(item.summaryHtml), e.description],
      [`${at}.categories`, item.categories.length ? item.categories : undefined, e.categories],
      [`${at}.enclosures`, item.enclosures, enclosures.map((x) => ({ url: x.url, type: x.type, length: Number(x.length) }))],
      [`${at}.author(s)`, item.author, names(e)],
      [`${at}.image`, item.imageUrl, image(e)],
      [`${at}.published`, item.published, e.published],
      [`${at}.updated`, item.updated, e.updated],
    );
  });
  return checks;
}

async function gofeedChecks(): Promise<Check[]> {
  const checks: Check[] = [];
  for (const name of gofeedParserCases) {
    const input = await mustRead(`gofeed/testdata/parser/json/${name}.json`);
    const expected = JSON.parse(await mustRead(`gofeed/testdata/parser/json/${name}_expected.json`)) as Json;
    checks.push(...parserChecks(`parser/${name}`, parseJsonFeed(input), expected));
  }
  for (const name of gofeedTranslatorCases) {
    const input = await mustRead(`gofeed/testdata/translator/json/${name}.json`);
    const expected = JSON.parse(await mustRead(`gofeed/testdata/translator/json/${name}_expected.json`)) as Json;
    checks.push(...translatorChecks(`translator/${name}`, parseJsonFeed(input), expected));
  }
  return checks;
}

describe.skipIf(!present)('JSON Feed corpus', () => {
  it('passes feedparser json/example.json: not bozo, the title, two entries', async () => {
    const feed = parseJsonFeed(await mustRead('feedparser/json/example.json'));
    expect(feed.title).toBe('My Example Feed');
    expect(feed.items).toHaveLength(2);
  });

  it('matches every mapped field of gofeed parser and translator expectations', async () => {
    const checks = await gofeedChecks();
    const agrees = ([, ours, theirs]: Check) => {
      try {
        expect(ours).toEqual(theirs);
        return true;
      } catch {
        return false;
      }
    };
    const stated = checks.filter(([, , theirs]) => theirs !== undefined);
    const absent = checks.filter(([, , theirs]) => theirs === undefined);
    const failures = checks.filter((check) => !agrees(check));
    console.info(
      `gofeed JSON Feed expectations: ${stated.filter(agrees).length}/${stated.length} stated fields match;` +
        ` ${absent.filter(agrees).length}/${absent.length} fields gofeed leaves empty are empty here too` +
        (failures.length ? `\n  failing: ${failures.map(([label, ours, theirs]) => `${label}: ${JSON.stringify(ours)} ≠ ${JSON.stringify(theirs)}`).join('\n  ')}` : ''),
    );
    expect(stated.length).toBeGreaterThan(80);
    for (const [label, ours, theirs] of checks) expect(ours, label).toEqual(theirs);
  });

  it.each(gofeedInvalid)('refuses gofeed %s, as gofeed does', async (relative) => {
    const input = await mustRead(`gofeed/testdata/${relative}`);
    expect(() => parseJsonFeed(input)).toThrow(JsonFeedError);
  });

  it('reads every example the JSON Feed 1.1 schema accepts, item for item', async () => {
    const schema = z.fromJSONSchema(JSON.parse(await mustRead('schemas/jsonfeed/json-schema/schema-v1.1.json')) as Parameters<typeof z.fromJSONSchema>[0]);
    const manifest = await mustRead('schemas/SOURCES.tsv');
    const files = manifest.split('\n').map((line) => line.split('\t')[0] ?? '').filter((file) => file.startsWith('jsonfeed/examples/'));
    const lines: string[] = [];
    let valid = 0;
    for (const file of files) {
      const data = JSON.parse(await mustRead(`schemas/${file}`)) as Json;
      const schemaValid = schema.safeParse(data).success;
      const feed = parseJsonFeed(JSON.stringify(data));
      if (schemaValid) {
        valid += 1;
        expect(feed.items, file).toHaveLength((data.items as unknown[]).length);
        for (const item of feed.items) expect(item.contentHtml, `${file}: every item has content`).toBeTruthy();
      } else {
        // Only the gofeed copies break the schema (bare "1.1" versions); we read them on purpose.
        expect(file, 'schema-invalid example').toMatch(/\/gofeed-/);
        lines.push(`  ${file}: schema-invalid, read anyway (${feed.items.length} items)`);
      }
    }
    console.info(`JSON Feed examples: ${valid}/${files.length} schema-valid, all ${valid} read item for item\n${lines.join('\n')}`);
    expect(files.length).toBe(13);
  });
});
