import { describe, expect, test } from 'vitest';
import { citationDetails, formatCitation, formatCitationDate, formatCitationMarkdown } from './citation-format';
import type { CitationAttrs } from './doc-nodes';

const base: CitationAttrs = { highlightId: null, itemId: null, title: 'On Notes', author: null, sourceTitle: null, link: null, publishedAt: null };
const nov20 = Date.UTC(2026, 10, 20, 12);

describe('formatCitationDate', () => {
  test.each<[number, string]>([
    [nov20, '20 November 2026'],
    [Date.UTC(2026, 0, 1, 0, 0), '1 January 2026'],
    [Date.UTC(2025, 11, 31, 23, 59), '31 December 2025'],
    [0, '1 January 1970'],
    [Number.NaN, ''],
  ])('%s → %s', (epochMs, expected) => {
    expect(formatCitationDate(epochMs)).toBe(expected);
  });
});

describe('citationDetails', () => {
  test.each<[string, Partial<CitationAttrs>, string[]]>([
    ['none', {}, []],
    ['author, source, date in order', { author: 'Ann', sourceTitle: 'Blog', publishedAt: nov20 }, ['Ann', 'Blog', '20 November 2026']],
    ['source equal to author shown once', { author: 'Ann', sourceTitle: ' Ann ' }, ['Ann']],
    ['blank parts dropped, others trimmed', { author: '  ', sourceTitle: ' Blog ' }, ['Blog']],
    ['invalid date dropped', { publishedAt: Number.NaN }, []],
  ])('%s', (_name, attrs, expected) => {
    expect(citationDetails({ ...base, ...attrs })).toEqual(expected);
  });
});

describe('formatCitation', () => {
  test.each<[string, Partial<CitationAttrs>, string]>([
    ['title only', {}, 'On Notes'],
    ['full', { author: 'Ann', sourceTitle: 'Blog', publishedAt: nov20 }, 'On Notes — Ann, Blog, 20 November 2026'],
    ['no title', { title: '  ', author: 'Ann' }, 'Untitled — Ann'],
  ])('%s', (_name, attrs, expected) => {
    expect(formatCitation({ ...base, ...attrs })).toBe(expected);
  });
});

describe('formatCitationMarkdown', () => {
  test.each<[string, Partial<CitationAttrs>, string]>([
    ['no link', { author: 'Ann' }, '— On Notes, Ann'],
    ['http link', { link: 'https://x.test/a b', publishedAt: nov20 }, '— [On Notes](<https://x.test/a b>), 20 November 2026'],
    ['non-http link ignored', { link: 'javascript:alert(1)' }, '— On Notes'],
    ['brackets in the title escaped', { title: 'A [draft] \\ note', link: 'http://x.test' }, '— [A \\[draft\\] \\\\ note](<http://x.test>)'],
    ['no title', { title: '' }, '— Untitled'],
    ['angle brackets and line breaks in the link encoded', { link: 'https://x.test/<a>\nb' }, '— [On Notes](<https://x.test/%3Ca%3E%0Ab>)'],
  ])('%s', (_name, attrs, expected) => {
    expect(formatCitationMarkdown({ ...base, ...attrs })).toBe(expected);
  });
});
