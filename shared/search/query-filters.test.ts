import { describe, expect, test } from 'vitest';
import { parseDateFilter, parseFilterValue, passesFilters, type FilterName, type FilterValue, type SearchDocMeta } from './query-filters';
import { parseQuery, type ParsedQuery } from './query-parser';

const midnight = (year: number, month: number, day = 1): number => new Date(year, month - 1, day).getTime();
const NOW = new Date(2026, 4, 31, 9, 0); // Sunday 2026-05-31, local time: month ends make the clamping visible

describe('parseFilterValue', () => {
  test.each<[Exclude<FilterName, 'before' | 'after'>, string, FilterValue | undefined, string[]]>([
    ['in', 'notes', { name: 'in', kinds: ['note'] }, []],
    ['in', 'Highlight', { name: 'in', kinds: ['highlight'] }, []],
    ['in', 'notes,items', { name: 'in', kinds: ['note', 'item'] }, []],
    ['in', 'books', undefined, ['in:books is not notes, items or highlights; it was ignored.']],
    ['in', 'notes||', { name: 'in', kinds: ['note'] }, []],
    ['is', 'unread', { name: 'is', flag: 'unread' }, []],
    ['is', 'archived', undefined, ['is:archived is not starred, unread or later; it was ignored.']],
    ['sort', 'relevance', { name: 'sort', sort: 'relevance' }, []],
    ['sort', 'newest', undefined, ['sort:newest is not date or relevance; it was ignored.']],
    ['tag', '#area/topic/', { name: 'tag', text: 'area/topic' }, []],
    ['tag', '#', undefined, []],
    ['source', '  The Atlantic ', { name: 'source', text: 'The Atlantic' }, []],
    ['folder', '', undefined, []],
  ])('%s:%s', (name, value, expected, warnings) => {
    const result = parseFilterValue(name, value);
    expect(result.value).toEqual(expected);
    expect(result.warnings).toEqual(warnings);
  });
});

describe('parseDateFilter', () => {
  test.each<[string, number | undefined]>([
    ['2024-03-05', midnight(2024, 3, 5)],
    ['2024-3-5', midnight(2024, 3, 5)],
    ['2024-12', midnight(2024, 12, 1)],
    ['2024', midnight(2024, 1, 1)],
    ['0050', new Date(new Date(0).setFullYear(50, 0, 1)).setHours(0, 0, 0, 0)], // not 1950
    [' 2024-03-05 ', midnight(2024, 3, 5)],
    ['2023-02-29', undefined], ['2024-02-30', undefined], ['2024-13', undefined], ['2024-00-10', undefined], ['2024-04-31', undefined],
    ['24-03-05', undefined], ['2024/03/05', undefined], ['2024-03-05T10:00', undefined], ['', undefined], ['last week', undefined],
    ['today', midnight(2026, 5, 31)],
    ['TODAY', midnight(2026, 5, 31)],
    ['yesterday', midnight(2026, 5, 30)],
    ['0d', midnight(2026, 5, 31)],
    ['31d', midnight(2026, 4, 30)],
    ['1w', midnight(2026, 5, 24)],
    ['3m', midnight(2026, 2, 28)], // May 31st minus 3 months: February has no 31st
    ['12m', midnight(2025, 5, 31)],
    ['2y', midnight(2024, 5, 31)],
    ['7x', undefined], ['d', undefined], ['-7d', undefined],
  ])('%j', (value, expected) => {
    expect(parseDateFilter(value, NOW)).toBe(expected);
  });
});

const doc = (meta: Partial<SearchDocMeta> = {}): SearchDocMeta => ({ kind: 'item', date: midnight(2024, 6, 15), ...meta });
const filtersOf = (query: string): ParsedQuery['filters'] => {
  const parsed = parseQuery(query, NOW);
  expect(parsed.warnings).toEqual([]);
  return parsed.filters;
};

describe('passesFilters', () => {
  test.each<[string, string, SearchDocMeta, boolean]>([
    ['no filters pass everything', '', doc(), true],
    ['kind matches', 'in:items', doc(), true],
    ['kind does not match', 'in:notes', doc(), false],
    ['kinds are OR-ed', 'in:notes in:items', doc(), true],
    ['source by substring', 'source:atlantic', doc({ sourceTitles: ['The Atlantic'] }), true],
    ['source folded both ways', 'source:"Le Monde Diplomatique"', doc({ sourceTitles: ['LE MONDE DIPLOMATIQUE — Édition'] }), true],
    ['source diacritics ignored', 'source:cafe', doc({ sourceTitles: ['Café Society'] }), true],
    ['source typed with diacritics', 'source:Café', doc({ sourceTitles: ['cafe society'] }), true],
    ['source missing', 'source:atlantic', doc(), false],
    ['source differs', 'source:atlantic', doc({ sourceTitles: ['Wired'] }), false],
    ['any of several source titles', 'source:wired', doc({ sourceTitles: ['The Atlantic', 'Wired'] }), true],
    ['sources are OR-ed', 'source:atlantic source:wired', doc({ sourceTitles: ['Wired'] }), true],
    ['folder by substring', 'folder:proj', doc({ folders: ['Projects/2024'] }), true],
    ['folder differs', 'folder:archive', doc({ folders: ['Projects'] }), false],
    ['folder missing', 'folder:x', doc({ folders: [] }), false],
    ['tag exact', 'tag:area', doc({ tags: ['area'] }), true],
    ['tag nested under the filter', 'tag:area', doc({ tags: ['Area/Topic'] }), true],
    ['tag prefix is not nesting', 'tag:area', doc({ tags: ['areas'] }), false],
    ['tag deeper filter than the tag', 'tag:area/topic', doc({ tags: ['area'] }), false],
    ['tag folded', 'tag:cafe', doc({ tags: ['Café'] }), true],
    ['tags are AND-ed: both', 'tag:a tag:b', doc({ tags: ['b', 'a/x'] }), true],
    ['tags are AND-ed: one missing', 'tag:a tag:b', doc({ tags: ['a'] }), false],
    ['tag missing', 'tag:a', doc(), false],
    ['starred', 'is:starred', doc({ starred: true }), true],
    ['not starred', 'is:starred', doc({ starred: false }), false],
    ['flag absent', 'is:later', doc(), false],
    ['flags are AND-ed', 'is:starred is:unread', doc({ starred: true, unread: false }), false],
    ['flags are AND-ed: all set', 'is:starred is:unread is:later', doc({ starred: true, unread: true, later: true }), true],
    ['after is inclusive of its day', 'after:2024-06-15', doc({ date: midnight(2024, 6, 15) }), true],
    ['after: the day before fails', 'after:2024-06-15', doc({ date: midnight(2024, 6, 15) - 1 }), false],
    ['before is exclusive of its day', 'before:2024-06-15', doc({ date: midnight(2024, 6, 15) }), false],
    ['before: the last moment of the day before passes', 'before:2024-06-15', doc({ date: midnight(2024, 6, 15) - 1 }), true],
    ['before a year', 'before:2025', doc({ date: midnight(2024, 12, 31) + 86_399_000 }), true],
    ['inside a range', 'after:2024 before:2025', doc(), true],
    ['outside a range', 'after:2025 before:2026', doc(), false],
    ['every kind of filter at once', 'in:items source:atl folder:read tag:ml is:starred after:2024 before:2025',
      doc({ sourceTitles: ['The Atlantic'], folders: ['Reading'], tags: ['ml/nlp'], starred: true }), true],
    ['every kind of filter, one failing', 'in:items source:atl folder:read tag:ml is:starred after:2024 before:2025',
      doc({ sourceTitles: ['The Atlantic'], folders: ['Reading'], tags: ['ml/nlp'], starred: false }), false],
  ])('%s: %s', (_name, query, meta, expected) => {
    expect(passesFilters(meta, filtersOf(query))).toBe(expected);
  });
});
