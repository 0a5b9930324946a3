// Search filters: reading the values typed after `in:`, `is:`, `tag:`, `before:`… and deciding whether a
// document passes them. The parser owns the syntax around them; this module owns what they mean.
import { tagMatches } from '../notes/tags';
import { fold } from './analyzer';
import type { ParsedQuery } from './query-parser';
import type { SearchDoc } from './search-types';

export type FilterName = 'in' | 'source' | 'folder' | 'tag' | 'is' | 'before' | 'after' | 'sort';
type Kind = ParsedQuery['filters']['kinds'][number];
type Flag = ParsedQuery['filters']['is'][number];

/** A filter's value once understood; dates are read by parseDateFilter instead. */
export type FilterValue =
  | { name: 'in'; kinds: Kind[] }
  | { name: 'is'; flag: Flag }
  | { name: 'sort'; sort: ParsedQuery['sort'] }
  | { name: 'source' | 'folder' | 'tag'; text: string };

const KINDS: Readonly<Record<string, Kind>> = {
  note: 'note', notes: 'note', item: 'item', items: 'item', highlight: 'highlight', highlights: 'highlight',
};
const FLAGS: ReadonlySet<string> = new Set<Flag>(['starred', 'unread', 'later']);

/**
 * Reads a non-date filter's value. `in:` also takes a list (`in:notes|items`, `in:notes,items`), the same as
 * repeating it. Returns no value for one that means nothing yet (`tag:#` while typing) or is wrong, the
 * latter with a warning in words.
 */
export function parseFilterValue(name: Exclude<FilterName, 'before' | 'after'>, value: string): { value?: FilterValue; warnings: string[] } {
  const text = value.trim();
  switch (name) {
    case 'in': {
      const kinds: Kind[] = [];
      const warnings: string[] = [];
      for (const part of text.split(/[|,]/).filter((entry) => entry !== '')) {
        const kind = KINDS[part.toLowerCase()];
        if (kind === undefined) warnings.push(`in:${part} is not notes, items or highlights; it was ignored.`);
        else kinds.push(kind);
      }
      return kinds.length > 0 ? { value: { name, kinds }, warnings } : { warnings };
    }
    case 'is': {
      const flag = text.toLowerCase();
      if (FLAGS.has(flag)) return { value: { name, flag: flag as Flag }, warnings: [] };
      return { warnings: [`is:${text} is not starred, unread or later; it was ignored.`] };
    }
    case 'sort': {
      const sort = text.toLowerCase();
      if (sort === 'date' || sort === 'relevance') return { value: { name, sort }, warnings: [] };
      return { warnings: [`sort:${text} is not date or relevance; it was ignored.`] };
    }
    case 'tag': {
      // Written as in a note (#area/topic) or bare; stray slashes say nothing about nesting.
      const tag = text.replace(/^#+/, '').replace(/^\/+|\/+$/g, '');
      return tag === '' ? { warnings: [] } : { value: { name, text: tag }, warnings: [] };
    }
    case 'source':
    case 'folder':
      return text === '' ? { warnings: [] } : { value: { name, text }, warnings: [] };
  }
}

const DAY_PATTERN = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;
const RELATIVE_PATTERN = /^(\d{1,4})([dwmy])$/;

/** Local midnight of a calendar day, or undefined when the day does not exist (2026-02-30). */
function localMidnight(year: number, monthIndex: number, day: number): number | undefined {
  const date = new Date(0);
  // setFullYear, not the constructor, which would read years 0–99 as 1900–1999.
  date.setFullYear(year, monthIndex, day);
  date.setHours(0, 0, 0, 0);
  const valid = date.getFullYear() === year && date.getMonth() === monthIndex && date.getDate() === day;
  return valid ? date.getTime() : undefined;
}

/**
 * The start (local midnight) of the day, month or year a date filter names, in epoch ms, or undefined when
 * it is not a date. before: compares exclusively and after: inclusively against this instant, so
 * `before:2024` ends with 2023 and `after:2024-03` starts on March 1st. Besides YYYY, YYYY-MM and
 * YYYY-MM-DD it takes `today`, `yesterday` and ages counted back from `now`: 7d, 2w, 3m, 1y.
 */
export function parseDateFilter(value: string, now: Date): number | undefined {
  const text = value.trim().toLowerCase();
  const day = DAY_PATTERN.exec(text);
  if (day) return localMidnight(Number(day[1]), Number(day[2] ?? 1) - 1, Number(day[3] ?? 1));
  const year = now.getFullYear();
  const month = now.getMonth();
  const date = now.getDate();
  if (text === 'today') return localMidnight(year, month, date);
  if (text === 'yesterday') return dayOffset(year, month, date - 1);
  const relative = RELATIVE_PATTERN.exec(text);
  if (!relative) return undefined;
  const count = Number(relative[1]);
  switch (relative[2]) {
    case 'd': return dayOffset(year, month, date - count);
    case 'w': return dayOffset(year, month, date - 7 * count);
    case 'm': return clampedDay(year, month - count, date);
    default: return clampedDay(year - count, month, date);
  }
}

/** Midnight of a day given with an out-of-range day number (March 0 = February's last day). */
function dayOffset(year: number, monthIndex: number, day: number): number {
  const date = new Date(0);
  date.setFullYear(year, monthIndex, day);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

/** Midnight of the same day of another month, kept inside that month (3 months before May 31 is Feb 28/29). */
function clampedDay(year: number, monthIndex: number, day: number): number {
  const lastDay = new Date(dayOffset(year, monthIndex + 1, 0)).getDate();
  return dayOffset(year, monthIndex, Math.min(day, lastDay));
}

/** What a search needs to know about a document to apply the filters. */
export type SearchDocMeta = Pick<SearchDoc, 'kind' | 'date' | 'sourceTitles' | 'folders' | 'tags' | 'starred' | 'unread' | 'later'>;

/** Case- and diacritic-insensitive substring test of any of the names against any of the wanted names. */
function anyNameContains(names: string[] | undefined, wanted: string[]): boolean {
  if (wanted.length === 0) return true;
  const folded = (names ?? []).map(fold);
  return wanted.some((part) => {
    const key = fold(part);
    return folded.some((name) => name.includes(key));
  });
}

/**
 * Whether a document passes the query's filters. Several `in:`, `source:` or `folder:` filters are OR-ed
 * (a document has one kind, and usually one source and one folder, so requiring two would match nothing);
 * several `tag:` and `is:` filters are AND-ed (each narrows). A tag matches itself and the tags nested
 * under it (tag:area matches area/topic, not areas); all names compare folded.
 */
export function passesFilters(meta: SearchDocMeta, filters: ParsedQuery['filters']): boolean {
  if (filters.kinds.length > 0 && !filters.kinds.includes(meta.kind)) return false;
  if (filters.before !== undefined && !(meta.date < filters.before)) return false;
  if (filters.after !== undefined && !(meta.date >= filters.after)) return false;
  for (const flag of filters.is) if (meta[flag] !== true) return false;
  if (!anyNameContains(meta.sourceTitles, filters.sources)) return false;
  if (!anyNameContains(meta.folders, filters.folders)) return false;
  if (filters.tags.length > 0) {
    const tags = (meta.tags ?? []).map(fold);
    for (const wanted of filters.tags) {
      const key = fold(wanted);
      if (!tags.some((tag) => tagMatches(tag, key))) return false;
    }
  }
  return true;
}
