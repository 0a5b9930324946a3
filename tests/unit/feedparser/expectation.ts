/**
 * feedparser's `Expect:` lines (Python expressions eval'd against its result dict) → checks on what our
 * pipeline produced (readFeed → ParsedFeed, normalizeFeed → NormalizedFeed). Only the forms that have a
 * counterpart in our model are translated; an expectation with any clause we cannot map is "unmapped"
 * as a whole and is never counted as a pass.
 *
 * How the two models line up, and the only differences the comparison forgives (each stated here):
 * - Titles (`title`, `title_detail.value`): our titles are plain text (normalize.ts: cleanTitle), feedparser's
 *   are HTML when the feed says so. Both sides go through cleanTitle before comparing.
 * - Feed `subtitle`/`tagline`/`description` (+ `_detail.value`): our description is plain text
 *   (normalize.ts: htmlToText); the expected value goes through htmlToText too.
 * - HTML (`summary`, `description`, `content[0].value`): both sides are parsed as HTML fragments (jsdom) and
 *   re-serialised with attributes sorted and whitespace runs collapsed, so only serialisation differs
 *   (`<br>` vs `<br />`, `&#x26;` vs `&amp;`, quoting, attribute order). Anything else is a failure.
 * - URLs (`link`, `id`/`guid` are not URLs and stay exact, enclosure `href`, and href/src inside HTML): both sides
 *   as WHATWG URLs (`new URL(x).href`), the form our sanitiser and normaliser write: `http://item.TEST/` equals
 *   `http://item.test/`, and a raw `\u00c0` in a path equals `%C3%80`.
 * - `author`: we keep a name only; feedparser's "Name (email)" form is compared by its name.
 * - `encoding`: both labels are put through the WHATWG Encoding Standard (TextDecoder), so labels that name
 *   the same decoder (iso-8859-1, us-ascii → windows-1252) are equal; labels it does not know compare as text.
 * - `version`: rss090/rss10 → our 'rdf', other rss* → 'rss', atom* → 'atom', json* → 'json'.
 * - `bozo`: true when our pipeline refused the file or reported a repair.
 * - Dates (`published_parsed`/`updated_parsed`): the time tuple's first six fields as UTC, to the second.
 */
import { JSDOM } from 'jsdom';
import { cleanTitle, htmlToText, normalizeFeed, parseFeedDate, type NormalizedFeed, type NormalizedItem, type ParsedFeed, type ParsedItem } from '../../../shared/feeds';

/** What one file produced: a feed, or a refusal (HostFailure). */
export interface Observed {
  refused: boolean;
  /** A repair was needed, or the file was refused. */
  bozo: boolean;
  encoding?: string;
  parsed?: ParsedFeed;
  normalized?: NormalizedFeed;
  /** Base and clock the normaliser ran with, to normalise single entries the same way. */
  context: { feedUrl: string; fetchedAt: number };
}

export interface CheckResult {
  ok: boolean;
  ours: unknown;
}

export interface Check {
  /** The clause as written. */
  clause: string;
  /** The field family, for grouping failures (e.g. `entries.content.value`). */
  field: string;
  run(observed: Observed): CheckResult;
}

export type Translation = { mapped: true; checks: Check[] } | { mapped: false; reason: string };

type Literal = { kind: 'string'; value: string } | { kind: 'none' } | { kind: 'int'; value: number } | { kind: 'tuple'; value: number[] };

// ---------------------------------------------------------------------------------------------------------
// A tiny reader for the Python subset the expectations use.

/** Splits at a separator outside quotes and brackets. */
function splitTopLevel(source: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i]!;
    if (quote) {
      if (ch === '\\') i += 1;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if ('([{'.includes(ch)) depth += 1;
    else if (')]}'.includes(ch)) depth -= 1;
    else if (depth === 0) {
      const match = separator.exec(source.slice(i));
      if (match && match.index === 0) {
        parts.push(source.slice(start, i));
        i += match[0].length - 1;
        start = i + 1;
      }
    }
  }
  parts.push(source.slice(start));
  return parts.map((part) => part.trim());
}

/** `(x == 'y')` → `x == 'y'`, only when the parentheses wrap the whole clause. */
function unwrap(clause: string): string {
  let text = clause.trim();
  while (text.startsWith('(') && text.endsWith(')')) {
    const inner = text.slice(1, -1);
    if (splitTopLevel(inner, /^,/).length !== 1) break; // a tuple, not grouping
    let depth = 0;
    let balanced = true;
    let quote: string | undefined;
    for (let i = 0; i < inner.length; i += 1) {
      const ch = inner[i]!;
      if (quote) {
        if (ch === '\\') i += 1;
        else if (ch === quote) quote = undefined;
      } else if (ch === "'" || ch === '"') quote = ch;
      else if (ch === '(') depth += 1;
      else if (ch === ')' && --depth < 0) balanced = false;
    }
    if (!balanced) break;
    text = inner.trim();
  }
  return text;
}

/** Python string escapes: \n \t \r \\ \' \" \xHH \uHHHH \UHHHHHHHH. */
export function decodePythonString(body: string): string {
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[\s\S])/g, (_, escape: string) => {
    const head = escape[0];
    if (head === 'x' || head === 'u' || head === 'U') return String.fromCodePoint(parseInt(escape.slice(1), 16));
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };
    return simple[escape] ?? `\\${escape}`;
  });
}

function parseLiteral(source: string): Literal | undefined {
  const text = source.trim();
  const string = /^[uU]?(['"])((?:\\.|(?!\1)[^\\])*)\1$/s.exec(text);
  if (string) return { kind: 'string', value: decodePythonString(string[2]!) };
  if (text === 'None') return { kind: 'none' };
  if (/^-?\d+$/.test(text)) return { kind: 'int', value: Number(text) };
  const tuple = /^\(([\d,\s-]+)\)$/.exec(text);
  if (tuple) return { kind: 'tuple', value: tuple[1]!.split(',').map((n) => n.trim()).filter(Boolean).map(Number) };
  return undefined;
}

/** `entries[0]['content'][0]['value']` → { scope: 'entries', index: 0, path: ['content', '0', 'value'] }. */
function parseAccessor(source: string): { scope: 'feed' | 'entries' | 'top'; index: number; path: string[] } | undefined {
  const text = source.trim();
  if (/^(encoding|version)$/.test(text)) return { scope: 'top', index: 0, path: [text] };
  const head = /^(feed|entries\[(\d+)\])/.exec(text);
  if (!head) return undefined;
  const path: string[] = [];
  let rest = text.slice(head[0].length);
  while (rest) {
    const step = /^(?:\[\s*'([^']*)'\s*\]|\[\s*"([^"]*)"\s*\]|\[(\d+)\]|\.([A-Za-z_]\w*))/.exec(rest);
    if (!step) return undefined;
    path.push(step[1] ?? step[2] ?? step[3] ?? step[4]!);
    rest = rest.slice(step[0].length);
  }
  return head[2] === undefined ? { scope: 'feed', index: 0, path } : { scope: 'entries', index: Number(head[2]), path };
}

// ---------------------------------------------------------------------------------------------------------
// Our side of each field.

type Comparison = 'title' | 'text' | 'html' | 'exact' | 'url' | 'author' | 'time' | 'encoding' | 'version';

interface Field {
  name: string;
  comparison: Comparison;
  get(observed: Observed, index: number): unknown;
}

function parsedItem(observed: Observed, index: number): ParsedItem | undefined {
  return observed.parsed?.items[index];
}

/** The entry normalised on its own, so feed-level dedupe cannot shift indexes. */
function normalizedItem(observed: Observed, index: number): NormalizedItem | undefined {
  const item = parsedItem(observed, index);
  if (!item || !observed.parsed) return undefined;
  return normalizeFeed({ ...observed.parsed, items: [item] }, { ...observed.context, sourceId: 'feedparser' }).items[0];
}

const rawTitle = (title: string | undefined) => cleanTitle(title) || undefined;

const feedFields: Record<string, Field> = {
  title: { name: 'feed.title', comparison: 'title', get: (o) => rawTitle(o.parsed?.title) },
  'title_detail.value': { name: 'feed.title', comparison: 'title', get: (o) => rawTitle(o.parsed?.title) },
  link: { name: 'feed.link', comparison: 'url', get: (o) => o.normalized?.siteUrl },
  language: { name: 'feed.language', comparison: 'exact', get: (o) => o.normalized?.language },
};
for (const key of ['subtitle', 'tagline', 'description']) {
  for (const path of [key, `${key}_detail.value`]) {
    feedFields[path] = { name: 'feed.subtitle', comparison: 'text', get: (o) => o.normalized?.description };
  }
}

const entryFields: Record<string, Field> = {
  title: { name: 'entries.title', comparison: 'title', get: (o, i) => rawTitle(parsedItem(o, i)?.title) },
  'title_detail.value': { name: 'entries.title', comparison: 'title', get: (o, i) => rawTitle(parsedItem(o, i)?.title) },
  link: { name: 'entries.link', comparison: 'url', get: (o, i) => normalizedItem(o, i)?.link },
  id: { name: 'entries.id', comparison: 'exact', get: (o, i) => normalizedItem(o, i)?.guid },
  guid: { name: 'entries.id', comparison: 'exact', get: (o, i) => normalizedItem(o, i)?.guid },
  summary: { name: 'entries.summary', comparison: 'html', get: (o, i) => normalizedItem(o, i)?.summaryHtml },
  description: { name: 'entries.summary', comparison: 'html', get: (o, i) => normalizedItem(o, i)?.summaryHtml },
  'summary_detail.value': { name: 'entries.summary', comparison: 'html', get: (o, i) => normalizedItem(o, i)?.summaryHtml },
  'content.0.value': { name: 'entries.content', comparison: 'html', get: (o, i) => normalizedItem(o, i)?.contentHtml },
  published_parsed: { name: 'entries.published', comparison: 'time', get: (o, i) => parseFeedDate(parsedItem(o, i)?.published, o.context.fetchedAt) },
  updated_parsed: { name: 'entries.updated', comparison: 'time', get: (o, i) => normalizedItem(o, i)?.updatedAt },
  author: { name: 'entries.author', comparison: 'author', get: (o, i) => normalizedItem(o, i)?.author },
  'author_detail.name': { name: 'entries.author', comparison: 'author', get: (o, i) => normalizedItem(o, i)?.author },
  'enclosures.0.href': { name: 'entries.enclosure', comparison: 'url', get: (o, i) => normalizedItem(o, i)?.enclosures[0]?.url },
  'enclosures.0.url': { name: 'entries.enclosure', comparison: 'url', get: (o, i) => normalizedItem(o, i)?.enclosures[0]?.url },
  'enclosures.0.type': { name: 'entries.enclosure', comparison: 'exact', get: (o, i) => normalizedItem(o, i)?.enclosures[0]?.type },
  'enclosures.0.length': { name: 'entries.enclosure', comparison: 'exact', get: (o, i) => normalizedItem(o, i)?.enclosures[0]?.length?.toString() },
};

const topFields: Record<string, Field> = {
  encoding: { name: 'encoding', comparison: 'encoding', get: (o) => o.encoding },
  version: { name: 'version', comparison: 'version', get: (o) => o.parsed?.format },
};

// ---------------------------------------------------------------------------------------------------------
// Comparisons.

let htmlWindow: JSDOM['window'] | undefined;

/** An HTML fragment re-serialised: attributes sorted, whitespace runs collapsed, trimmed. */
export function canonicalHtml(html: string): string {
  htmlWindow ??= new JSDOM('<!DOCTYPE html><body></body>').window;
  const container = htmlWindow.document.createElement('div');
  container.innerHTML = html;
  for (const element of container.querySelectorAll('*')) {
    const attributes = [...element.attributes].map((a) => [a.name, a.value] as const).sort(([a], [b]) => a.localeCompare(b));
    for (const [name] of attributes) element.removeAttribute(name);
    for (const [name, value] of attributes) element.setAttribute(name, name === 'href' || name === 'src' ? canonicalUrl(value) : value);
  }
  return container.innerHTML.replace(/\s+/g, ' ').replace(/>\s+</g, '><').trim();
}

function canonicalUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

function canonicalEncoding(label: string): string {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return label.trim().toLowerCase();
  }
}

function versionFormat(version: string): string | undefined {
  if (/^rss(090|10)$/.test(version)) return 'rdf';
  if (version.startsWith('rss')) return 'rss';
  if (version.startsWith('atom')) return 'atom';
  if (version.startsWith('json')) return 'json';
  return undefined;
}

function compare(field: Field, ours: unknown, expected: Literal): boolean {
  if (expected.kind === 'none') return ours === undefined || ours === '';
  if (field.comparison === 'time') {
    if (expected.kind !== 'tuple' || typeof ours !== 'number') return false;
    const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = expected.value;
    return Math.floor(ours / 1000) * 1000 === Date.UTC(y, mo - 1, d, h, mi, s);
  }
  if (expected.kind !== 'string') return false;
  const want = expected.value;
  const have = typeof ours === 'string' ? ours : undefined;
  switch (field.comparison) {
    case 'title':
      return (have ?? '') === cleanTitle(want);
    case 'text':
      return (have ?? '') === htmlToText(want);
    case 'html':
      return canonicalHtml(have ?? '') === canonicalHtml(want);
    case 'author': {
      const name = /^(.*?)\s*\(\S+@\S+\)$/.exec(want)?.[1] ?? want;
      return (have ?? '') === name.trim();
    }
    case 'encoding':
      return have !== undefined && canonicalEncoding(have) === canonicalEncoding(want);
    case 'version':
      return have !== undefined && have === versionFormat(want);
    case 'url':
      return have !== undefined && canonicalUrl(have) === canonicalUrl(want);
    case 'exact':
      return (have ?? '') === want;
  }
}

// ---------------------------------------------------------------------------------------------------------

function translateClause(clause: string): Check | string {
  const text = unwrap(clause);
  if (text === 'not bozo' || text === 'bozo') {
    const want = text === 'bozo';
    return { clause: text, field: 'bozo', run: (o) => ({ ok: o.bozo === want, ours: o.bozo ? 'bozo' : 'not bozo' }) };
  }
  if (text === '1') return 'trivial `1` (parse without crashing: covered by the crash assertion)';
  const count = /^len\(entries\)\s*==\s*(\d+)$/.exec(text);
  if (count) {
    const want = Number(count[1]);
    return { clause: text, field: 'len(entries)', run: (o) => ({ ok: o.parsed?.items.length === want, ours: o.parsed?.items.length }) };
  }
  if (/!=|\bnot\b|\bin\b|\bor\b|\(.*\)\s*$/.test(text.replace(/(['"])(?:\\.|(?!\1)[^\\])*\1/g, "''").replace(/\(\s*[\d,\s]+\)$/, ''))) {
    return `unsupported form: ${text}`;
  }
  const sides = splitTopLevel(text, /^==/);
  if (sides.length < 2) return `unsupported form: ${text}`;
  const expected = parseLiteral(sides[sides.length - 1]!);
  if (!expected) return `unsupported literal: ${sides[sides.length - 1]}`;
  const fields: { field: Field; index: number }[] = [];
  for (const side of sides.slice(0, -1)) {
    const accessor = parseAccessor(side);
    if (!accessor) return `unsupported accessor: ${side}`;
    const key = accessor.path.join('.');
    const table = accessor.scope === 'feed' ? feedFields : accessor.scope === 'entries' ? entryFields : topFields;
    const field = table[accessor.scope === 'top' ? accessor.path[0]! : key];
    if (!field) return `no counterpart in our model: ${accessor.scope === 'top' ? key : `${accessor.scope}.${key}`}`;
    fields.push({ field, index: accessor.index });
  }
  return {
    clause: text,
    field: [...new Set(fields.map(({ field }) => field.name))].join('+'),
    run(observed) {
      const values = fields.map(({ field, index }) => field.get(observed, index));
      const ok = fields.every(({ field }, i) => compare(field, values[i], expected));
      return { ok, ours: values.length === 1 ? values[0] : values };
    },
  };
}

/** The whole expectation: a conjunction of clauses, mapped only if every clause maps. */
export function translate(expectation: string): Translation {
  const checks: Check[] = [];
  for (const clause of splitTopLevel(expectation.trim(), /^\s+and\s+/)) {
    const check = translateClause(clause);
    if (typeof check === 'string') return { mapped: false, reason: check };
    checks.push(check);
  }
  return { mapped: true, checks };
}
