// Conformance of parseFeedDate with feedparser's date-parser table ($CORPORA_DIR/feedparser/dates).
// shared/ may not import node:fs, so the corpus is read through Vitest's module loader (`?raw`).
import { describe, expect, it } from 'vitest';
import { parseFeedDate } from './dates';

// shared/ compiles without DOM or Node typings; the console exists wherever the tests run.
declare const console: { info(...data: unknown[]): void; warn(...data: unknown[]): void };

interface DateCase {
  parser: string;
  input: string;
  expected_utc: string | null;
}

const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
const repoRoot = expect.getState().testPath?.replace(/[\\/]shared[\\/]feeds[\\/][^\\/]+$/, '') ?? '.';
const corporaDir = env.CORPORA_DIR ?? `${repoRoot}/../shared/corpora`;

async function readCorpusText(relative: string): Promise<string | undefined> {
  try {
    const module = (await import(/* @vite-ignore */ `${corporaDir}/${relative}?raw`)) as { default: string };
    return module.default;
  } catch {
    return undefined;
  }
}

// The README tells whether the corpus is there at all; once it is, a missing table is a failure.
const present = (await readCorpusText('feedparser/README.md')) !== undefined;
if (!present) console.warn(`dates corpus test skipped: no feedparser corpus under ${corporaDir} (set CORPORA_DIR)`);
const tableText = present ? await readCorpusText('feedparser/dates/date_parser_cases.json') : undefined;
const cases: DateCase[] = tableText ? (JSON.parse(tableText) as DateCase[]) : [];

/** Families whose inputs are written in a language or convention we deliberately do not read. */
const unmappedFamilies: Record<string, string> = {
  greek: 'Greek day and month names (Κυρ, Ιούλ): a localized format feedparser special-cases',
  hungarian: 'Hungarian month names (július) inside an ISO shape',
  nate: 'Korean 오전/오후 (AM/PM) markers from the Nate portal, with an implied KST zone',
  onblog: 'Korean 년/월/일 date markers from OnBlog, with an implied KST zone',
};

/** Single inputs of mapped families that we refuse on purpose (pinned below: they must stay undefined). */
const refusedOnPurpose: Record<string, string> = {
  '-0312': 'ISO 8601:1988 truncated -YYMM; dropped from ISO 8601:2004',
  '031231': 'two-digit-year YYMMDD: any six digits would become a date (DDMMYY is as likely)',
  '03-12-31': 'two-digit-year YY-MM-DD: ambiguous with DD-MM-YY',
  '-03-12': 'ISO 8601:1988 truncated -YY-MM; dropped from ISO 8601:2004',
  '03335': 'two-digit-year ordinal YYDDD: contradicts the w3dtf case "22013" → null in the same table',
};

const now = Date.UTC(2026, 5, 1);
const mapped = cases.filter((c) => !(c.parser in unmappedFamilies) && !(c.input in refusedOnPurpose));
const refused = cases.filter((c) => !(c.parser in unmappedFamilies) && c.input in refusedOnPurpose);

/** feedparser compares struct_time, i.e. whole seconds; we keep milliseconds, so compare seconds. */
function outcome(c: DateCase): { ok: boolean; got: string | null } {
  const ms = parseFeedDate(c.input, now);
  const got = ms === undefined ? null : new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  const want = c.expected_utc === null ? null : new Date(Date.parse(c.expected_utc)).toISOString().replace('.000Z', 'Z');
  return { ok: got === want, got };
}

describe.skipIf(!present)('feedparser date corpus', () => {
  it('has the 72-case table', () => {
    expect(cases.length).toBe(72);
  });

  it('passes at least 95% of the mappable cases, per parser family', () => {
    const byFamily = new Map<string, { pass: number; total: number; failures: string[] }>();
    for (const c of mapped) {
      const row = byFamily.get(c.parser) ?? { pass: 0, total: 0, failures: [] };
      const { ok, got } = outcome(c);
      row.total += 1;
      if (ok) row.pass += 1;
      else row.failures.push(`${JSON.stringify(c.input)} → ${got} (want ${c.expected_utc})`);
      byFamily.set(c.parser, row);
    }
    const lines = [...byFamily].map(([family, r]) => `  ${family.padEnd(10)} ${r.pass}/${r.total}${r.failures.length ? `  failing: ${r.failures.join('; ')}` : ''}`);
    const pass = [...byFamily.values()].reduce((sum, r) => sum + r.pass, 0);
    const rate = pass / mapped.length;
    const unmappedCount = cases.filter((c) => c.parser in unmappedFamilies).length;
    console.info(
      [
        `feedparser dates: ${pass}/${mapped.length} mappable cases pass (${(rate * 100).toFixed(1)}%);` +
          ` ${pass}/${mapped.length + refused.length} counting the refused ones as failures`,
        ...lines,
        `  unmapped families (${unmappedCount} cases): ${Object.entries(unmappedFamilies).map(([f, why]) => `${f} — ${why}`).join('; ')}`,
        `  refused on purpose (${refused.length} cases): ${refused.map((c) => c.input).join(', ')}`,
      ].join('\n'),
    );
    expect(mapped.length).toBeGreaterThanOrEqual(55);
    expect(rate).toBeGreaterThanOrEqual(0.95);
  });

  // Not read, but never misread: a localized date yields undefined (→ first-seen time) or the right instant.
  it.each(cases.filter((c) => c.parser in unmappedFamilies).map((c) => [c.parser, c.input, c] as const))(
    'never misreads unmapped %s input %j',
    (_family, _input, c) => {
      const got = parseFeedDate(c.input, now);
      if (got !== undefined) expect(outcome(c).ok).toBe(true);
    },
  );

  it.each(refused.map((c) => [c.input, refusedOnPurpose[c.input]] as const))('refuses %j on purpose (%s)', (input) => {
    expect(parseFeedDate(input, now)).toBeUndefined();
  });
});
