/**
 * Mute and keep rules for the Seek river: pure, so the renderer and tests share one definition.
 *
 * A rule matches a keyword (a word or a phrase, case- and diacritic-insensitive, on word boundaries)
 * or a regular expression (flags `iu`) against some fields of a story. Muted stories are hidden,
 * kept ones marked; keep wins over mute, so "mute 'crypto', keep 'Bitcoin whitepaper'" works.
 * A rule is global or belongs to one source; a story seen in several sources is matched by the
 * rules of each of them (it is one story: muted anywhere means hidden everywhere).
 */
import type { Id } from '../model';
import { htmlToText } from './text';

export const ruleFields = ['title', 'summary', 'author', 'link'] as const;
export type RuleField = (typeof ruleFields)[number];
export type RuleAction = 'mute' | 'keep';
export type RuleKind = 'keyword' | 'regex';
export type RuleScope = { kind: 'global' } | { kind: 'source'; sourceId: Id };

// Type aliases rather than interfaces, so a Rule[] is a JsonValue and can sit in `settings`.
export type Rule = {
  id: Id;
  action: RuleAction;
  pattern: string;
  kind: RuleKind;
  scope: RuleScope;
  fields: RuleField[];
  enabled: boolean;
};

/** What a story offers to rules; `summaryHtml` is reduced to text before matching. */
export interface RuleSubject {
  title: string;
  summaryHtml?: string;
  author?: string;
  link?: string;
}

export type Classification = 'muted' | 'kept' | 'normal';

export interface RuleProblem {
  ruleId: Id;
  message: string;
}

/**
 * Backtracking guard, the simplest honest one. JavaScript regexes backtrack and cannot be
 * interrupted, so a pattern such as `(a+)+$` can take exponential time on a hostile title.
 * We (1) refuse patterns longer than `maxPatternLength`, (2) refuse a repeated group that itself
 * contains an unbounded repetition (`(a+)+`, `(\w*)*`, `(x+|y)+`: the classic "star height 2"
 * shapes), and (3) match at most `maxInputLength` characters of each field, which bounds the
 * cost of the polynomial cases (`\s*\s*\s*$`) that remain. This is not a proof of safety;
 * a linear-time engine (RE2) would be, and is not worth a native dependency here.
 */
export const maxPatternLength = 200;
export const maxInputLength = 2_000;
/** HTML read from a summary before it is reduced to text (the text is then cut to maxInputLength). */
const maxSummaryHtml = 20_000;

/** A readable reason a pattern cannot be used, or undefined when it can. */
export function patternProblem(pattern: string, kind: RuleKind): string | undefined {
  const trimmed = pattern.trim();
  if (trimmed === '') return 'Type a word, a phrase or a pattern to match.';
  if (pattern.length > maxPatternLength) return `The pattern is too long (at most ${maxPatternLength} characters).`;
  if (kind === 'keyword') return foldText(trimmed) === '' ? 'Type a word, a phrase or a pattern to match.' : undefined;
  try {
    new RegExp(pattern, 'iu');
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '') : String(error);
    return `This regular expression is not valid: ${detail.charAt(0).toLowerCase()}${detail.slice(1)}.`;
  }
  if (hasNestedRepetition(pattern)) {
    return 'This regular expression repeats a group that already repeats, like (a+)+, which can take forever to match. Simplify it.';
  }
  if (new RegExp(pattern, 'iu').test('')) return 'This regular expression matches every story (it matches empty text).';
  return undefined;
}

/** Lowercase, compatibility-decomposed, with Latin/Greek/Cyrillic combining accents removed. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

const wordChar = /[\p{L}\p{N}_]/u;
/** Scripts written without spaces between words: there a keyword can only match as a substring. */
const unspacedScript = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const needsBoundary = (char: string) => wordChar.test(char) && !unspacedScript.test(char);

/** A keyword as a regex over folded text: whole words, any run of whitespace between them. */
function keywordRegex(pattern: string): RegExp {
  const folded = foldText(pattern.trim());
  const body = folded
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('\\s+');
  const start = needsBoundary(folded.charAt(0)) ? '(?<![\\p{L}\\p{N}_])' : '';
  const end = needsBoundary(folded.charAt(folded.length - 1)) ? '(?![\\p{L}\\p{N}_])' : '';
  return new RegExp(`${start}${body}${end}`, 'u');
}

/**
 * True when a quantified group contains an unbounded quantifier. A small scanner over the pattern
 * (escapes and character classes skipped); conservative: it may refuse a few safe patterns.
 */
export function hasNestedRepetition(pattern: string): boolean {
  const groups: boolean[] = []; // per open group: does it contain an unbounded repetition?
  let closedGroupHadRepeat = false;
  let afterGroup = false;
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i];
    const unbounded = char === '*' || char === '+' || (char === '{' && /^\{\d+,\d*\}/.test(pattern.slice(i)) && !/^\{\d+,\d+\}/.test(pattern.slice(i)));
    const quantifier = unbounded || char === '?' || (char === '{' && /^\{\d+(,\d*)?\}/.test(pattern.slice(i)));
    if (quantifier) {
      if (afterGroup && closedGroupHadRepeat && (unbounded || char === '{')) return true;
      if (unbounded && groups.length > 0) groups[groups.length - 1] = true;
      afterGroup = false;
      if (char === '{') i = pattern.indexOf('}', i);
      continue;
    }
    afterGroup = false;
    if (char === '\\') {
      i += 1;
    } else if (char === '[') {
      // Skip the class; `\]` inside it is escaped.
      for (i += 1; i < pattern.length && pattern[i] !== ']'; i += 1) if (pattern[i] === '\\') i += 1;
    } else if (char === '(') {
      groups.push(false);
    } else if (char === ')') {
      closedGroupHadRepeat = groups.pop() ?? false;
      if (closedGroupHadRepeat && groups.length > 0) groups[groups.length - 1] = true;
      afterGroup = true;
    }
  }
  return false;
}

interface CompiledRule {
  rule: Rule;
  test: (text: string) => boolean;
  folded: boolean;
}

export interface RuleMatcher {
  /** Rules that cannot be used, with the reason in words; they are skipped, never thrown. */
  readonly problems: readonly RuleProblem[];
  /** Whether any enabled, valid rule mutes: without one, nothing needs classifying to be hidden. */
  readonly mutes: boolean;
  readonly keeps: boolean;
  readonly rules: readonly CompiledRule[];
}

/** Compiles enabled rules once; invalid ones go to `problems`. */
export function compileRules(rules: readonly Rule[]): RuleMatcher {
  const compiled: CompiledRule[] = [];
  const problems: RuleProblem[] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const problem = patternProblem(rule.pattern, rule.kind) ?? (rule.fields.length === 0 ? 'Choose at least one field to match.' : undefined);
    if (problem) {
      problems.push({ ruleId: rule.id, message: problem });
      continue;
    }
    const regex = rule.kind === 'keyword' ? keywordRegex(rule.pattern) : new RegExp(rule.pattern, 'iu');
    // No `g` or `y` flag, so `test` keeps no lastIndex state between calls.
    compiled.push({ rule, test: (text) => regex.test(text), folded: rule.kind === 'keyword' });
  }
  return {
    problems,
    mutes: compiled.some((entry) => entry.rule.action === 'mute'),
    keeps: compiled.some((entry) => entry.rule.action === 'keep'),
    rules: compiled,
  };
}

function rawField(item: RuleSubject, field: RuleField): string {
  switch (field) {
    case 'title':
      return item.title;
    case 'summary':
      return htmlToText(item.summaryHtml?.slice(0, maxSummaryHtml));
    case 'author':
      return item.author ?? '';
    case 'link':
      return item.link ?? '';
  }
}

/**
 * 'kept' when a keep rule matches, else 'muted' when a mute rule does, else 'normal'. `sourceIds`
 * are the sources the story was seen in: a source's rules apply when it is one of them.
 */
export function classify(item: RuleSubject, sourceIds: readonly Id[], matcher: RuleMatcher): Classification {
  if (matcher.rules.length === 0) return 'normal';
  // Each field is prepared at most once per story, and only if a rule reads it.
  const raw = new Map<RuleField, string>();
  const folded = new Map<RuleField, string>();
  const text = (field: RuleField, fold: boolean): string => {
    let value = raw.get(field);
    if (value === undefined) {
      value = rawField(item, field).normalize('NFC').slice(0, maxInputLength);
      raw.set(field, value);
    }
    if (!fold) return value;
    let f = folded.get(field);
    if (f === undefined) {
      f = foldText(value);
      folded.set(field, f);
    }
    return f;
  };
  let muted = false;
  for (const entry of matcher.rules) {
    const { rule } = entry;
    if (rule.action === 'mute' && muted) continue;
    if (rule.scope.kind === 'source' && !sourceIds.includes(rule.scope.sourceId)) continue;
    if (!rule.fields.some((field) => entry.test(text(field, entry.folded)))) continue;
    if (rule.action === 'keep') return 'kept';
    muted = true;
  }
  return muted ? 'muted' : 'normal';
}

/** Rules as stored may come from an older release or be damaged: keep only well-formed ones. */
export function parseRules(value: unknown): Rule[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRule);
}

function isRule(value: unknown): value is Rule {
  if (typeof value !== 'object' || value === null) return false;
  const rule = value as Record<string, unknown>;
  const scope = rule.scope as Record<string, unknown> | null | undefined;
  return (
    typeof rule.id === 'string' &&
    (rule.action === 'mute' || rule.action === 'keep') &&
    typeof rule.pattern === 'string' &&
    (rule.kind === 'keyword' || rule.kind === 'regex') &&
    typeof rule.enabled === 'boolean' &&
    Array.isArray(rule.fields) &&
    rule.fields.every((field) => (ruleFields as readonly unknown[]).includes(field)) &&
    typeof scope === 'object' &&
    scope !== null &&
    (scope.kind === 'global' || (scope.kind === 'source' && typeof scope.sourceId === 'string'))
  );
}
