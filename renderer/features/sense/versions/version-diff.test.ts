import { describe, expect, it } from 'vitest';
import { compareVersion, countWords, diffSegments, type DiffSegment } from './version-diff';

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   \n ', 0],
    ['one', 1],
    ['one two  three', 3],
    ['line one\nline two\tend.', 5],
    ['don’t stop — now', 4],
  ])('%j has %d words', (text, expected) => expect(countWords(text)).toBe(expected));
});

describe('diffSegments', () => {
  it.each<{ name: string; before: string; after: string; expected: DiffSegment[] }>([
    { name: 'two empty texts', before: '', after: '', expected: [] },
    { name: 'identical texts', before: 'same words', after: 'same words', expected: [{ kind: 'same', text: 'same words' }] },
    {
      name: 'a replaced word and an added one',
      before: 'the quick brown fox',
      after: 'the slow brown fox jumps',
      expected: [
        { kind: 'same', text: 'the ' },
        { kind: 'removed', text: 'quick' },
        { kind: 'added', text: 'slow' },
        { kind: 'same', text: ' brown fox ' },
        { kind: 'added', text: 'jumps' },
      ],
    },
    {
      name: 'a removed word',
      before: 'one two three',
      after: 'one three',
      expected: [
        { kind: 'same', text: 'one ' },
        { kind: 'removed', text: 'two ' },
        { kind: 'same', text: 'three' },
      ],
    },
    { name: 'everything written since an empty version', before: '', after: 'new words', expected: [{ kind: 'added', text: 'new words' }] },
    { name: 'everything deleted since', before: 'old words', after: '', expected: [{ kind: 'removed', text: 'old words' }] },
    { name: 'only spacing changed, shown as now', before: 'alpha\nbeta', after: 'alpha beta', expected: [{ kind: 'same', text: 'alpha beta' }] },
  ])('$name', ({ before, after, expected }) => {
    expect(diffSegments(before, after)).toEqual(expected);
  });

  it('never leaves two neighbouring runs of the same kind, and rebuilds both texts', () => {
    const before = 'We read to think. Then we write to find out what we think, and share it.';
    const after = 'We read in order to think. We write to find out what we believe, and share it with others.';
    const segments = diffSegments(before, after)!;
    for (let index = 1; index < segments.length; index++) expect(segments[index]!.kind).not.toBe(segments[index - 1]!.kind);
    // Kept runs carry the spacing of the text now, so compare the words and punctuation only.
    const squash = (text: string) => text.replace(/\s+/g, '');
    expect(squash(segments.filter((segment) => segment.kind !== 'added').map((segment) => segment.text).join(''))).toBe(squash(before));
    expect(squash(segments.filter((segment) => segment.kind !== 'removed').map((segment) => segment.text).join(''))).toBe(squash(after));
  });

  it('gives up (undefined) rather than freeze when the diff takes longer than the timeout', () => {
    const words = (seed: number) => Array.from({ length: 4_000 }, (_, index) => `w${(index * seed) % 997}`).join(' ');
    expect(diffSegments(words(7), words(13), 0)).toBeUndefined();
  });
});

describe('compareVersion', () => {
  it.each([
    {
      name: 'same title and text',
      version: { title: 'Idea', text: 'a b c' },
      current: { title: 'Idea', text: 'a b c' },
      expected: { identical: true, removedWords: 0, addedWords: 0, title: undefined },
    },
    {
      name: 'a renamed note with the same text',
      version: { title: 'Old name', text: 'a b c' },
      current: { title: 'New name', text: 'a b c' },
      expected: { identical: false, removedWords: 0, addedWords: 0, title: { from: 'Old name', to: 'New name' } },
    },
    {
      name: 'words removed and added',
      version: { title: 'Idea', text: 'one two three four' },
      current: { title: 'Idea', text: 'one three five six' },
      expected: { identical: false, removedWords: 2, addedWords: 2, title: undefined },
    },
  ])('$name', ({ version, current, expected }) => {
    const comparison = compareVersion(version, current);
    expect(comparison.identical).toBe(expected.identical);
    expect(comparison.removedWords).toBe(expected.removedWords);
    expect(comparison.addedWords).toBe(expected.addedWords);
    expect(comparison.title).toEqual(expected.title);
    expect(comparison.segments).toBeDefined();
  });

  it('counts every word of both sides as changed when the diff gave up', () => {
    const comparison = compareVersion({ title: 'T', text: 'x '.repeat(3_000) }, { title: 'T', text: 'y '.repeat(2_000) }, 0);
    if (comparison.segments === undefined) {
      expect(comparison.removedWords).toBe(3_000);
      expect(comparison.addedWords).toBe(2_000);
    } else {
      // A machine fast enough to finish within 0 ms still has to agree on the counts.
      expect([comparison.removedWords, comparison.addedWords]).toEqual([3_000, 2_000]);
    }
  });
});
