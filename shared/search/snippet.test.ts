import { describe, expect, it } from 'vitest';
import { leadSnippet, makeSnippet } from './snippet';

const marked = (result: { snippet: string; marks: Array<[number, number]> }) => result.marks.map(([start, end]) => result.snippet.slice(start, end));

describe('makeSnippet', () => {
  it('marks the matched words of a short text', () => {
    const result = makeSnippet('Wind over the Wing.', (term) => term === 'wing' || term === 'wind')!;
    expect(result.snippet).toBe('Wind over the Wing.');
    expect(marked(result)).toEqual(['Wind', 'Wing']);
  });

  it('centres a window on the densest matches of a long text, cut at words, with ellipses', () => {
    const text = `${'lorem ipsum '.repeat(40)}the flat plate boundary layer ${'dolor sit '.repeat(40)}`;
    const result = makeSnippet(text, (term) => term === 'plate' || term === 'boundary')!;
    expect(result.snippet.startsWith('…')).toBe(true);
    expect(result.snippet.endsWith('…')).toBe(true);
    expect(result.snippet.length).toBeLessThanOrEqual(162);
    expect(marked(result)).toEqual(['plate', 'boundary']);
    expect(result.snippet).not.toMatch(/…\S*[a-z]$|^…[a-z]*[^ a-z]/); // whole words at both ends
  });

  it('prefers the window with more distinct words over one repeated word', () => {
    const text = `wing wing wing wing ${'x '.repeat(100)} wing flap ${'y '.repeat(100)}`;
    const result = makeSnippet(text, (term) => term === 'wing' || term === 'flap', 40)!;
    expect(marked(result)).toContain('flap');
  });

  it('keeps offsets valid when the text has line breaks', () => {
    const result = makeSnippet('first line\nsecond Wing', (term) => term === 'wing')!;
    expect(result.snippet).toBe('first line second Wing');
    expect(marked(result)).toEqual(['Wing']);
  });

  it('returns undefined when nothing matches', () => {
    expect(makeSnippet('nothing here', () => false)).toBeUndefined();
  });
});

describe('leadSnippet', () => {
  it('keeps a short text whole and cuts a long one at a word', () => {
    expect(leadSnippet('Short.')).toEqual({ snippet: 'Short.', marks: [] });
    const long = leadSnippet('word '.repeat(100), 20);
    expect(long.snippet).toBe('word word word word…');
  });
});
