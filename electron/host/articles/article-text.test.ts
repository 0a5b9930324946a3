import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { countWords, normaliseText, readingMinutesFor, textOfElement, wordsOf } from './article-text';

const textOf = (html: string) => textOfElement(JSDOM.fragment(html));

describe('textOfElement', () => {
  it('separates blocks, keeps inline runs together and collapses spaces', () => {
    expect(textOf('<h1>Title</h1><p>One <em>two</em>\n   three.</p><p>Next</p><ul><li>a</li><li>b</li></ul>')).toBe(
      'Title\n\nOne two three.\n\nNext\n\na\n\nb',
    );
  });

  it('breaks lines at <br> and keeps the line breaks of <pre> (not its indentation: this text is for search)', () => {
    expect(textOf('<p>line one<br>line two</p><pre>  indented\n    more</pre>')).toBe('line one\nline two\n\nindented\nmore');
  });

  it('keeps table cells apart', () => {
    expect(textOf('<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>')).toBe('a b\n\nc');
  });

  it('normalises no-break spaces and blank lines', () => {
    expect(normaliseText('a\u00a0b\n\n\n\n c ')).toBe('a b\n\nc');
  });
});

describe('counting words', () => {
  it.each([
    ['Hello, world! It’s 2024 — don\'t panic.', 6],
    ['e-mail co-operate', 4],
    ['नमस्ते दुनिया', 2],
    ['Привет, мир', 2],
    ['', 0],
  ])('%j has %d words', (text, count) => {
    expect(countWords(text)).toBe(count);
  });

  it('splits Chinese and Japanese, which have no spaces, into words', () => {
    const chinese = countWords('我们今天去北京。');
    expect(chinese).toBeGreaterThanOrEqual(3);
    expect(chinese).toBeLessThanOrEqual(7);
    expect(countWords('今日は良い天気です')).toBeGreaterThanOrEqual(3);
  });

  it('stays linear on long texts (V8’s segmenter alone is quadratic)', () => {
    const long = 'The quick brown fox jumps over the lazy dog. '.repeat(20_000);
    const started = performance.now();
    expect(countWords(long)).toBe(180_000);
    expect(performance.now() - started).toBeLessThan(3_000);
    const han = '汉'.repeat(50_000);
    expect(countWords(han)).toBe(50_000);
  });

  it('lower-cases the words it yields', () => {
    expect([...wordsOf('The Cat')]).toEqual(['the', 'cat']);
  });

  it('reads at about 230 words a minute, never less than one minute', () => {
    expect(readingMinutesFor(0)).toBe(1);
    expect(readingMinutesFor(100)).toBe(1);
    expect(readingMinutesFor(690)).toBe(3);
    expect(readingMinutesFor(2300)).toBe(10);
  });
});
