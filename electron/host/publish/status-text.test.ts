import { describe, expect, it } from 'vitest';
import { fitStatus, statusLength, urlWeight } from './status-text';

const url = 'https://example.com/2026/11/finds-of-the-week-with-a-rather-long-slug-indeed';
const family = '👨‍👩‍👧‍👦';
const words = 'Reading widely is only half of it: the other half is writing down what struck you and why, in your own words, soon.';

describe('statusLength', () => {
  it.each([
    ['plain', 'abc def', 7],
    ['a URL, long or short, is 23', `see ${url}`, 4 + urlWeight],
    ['a short URL is 23 too', 'https://a.co', urlWeight],
    ['punctuation after a URL is the sentence’s', `${url}.`, urlWeight + 1],
    ['an emoji family is one', family, 1],
    ['a letter with a combining accent is one', 'e\u0301', 1],
    ['astral characters are one each', '𝒜𝒷', 2],
  ])('%s', (_name, text, length) => {
    expect(statusLength(text)).toBe(length);
  });
});

describe('fitStatus', () => {
  it('lays out text, URL and hashtags as paragraphs, untouched at exactly the limit', () => {
    const whole = `abc def\n\n${url}\n\n#pkm`;
    expect(statusLength(whole)).toBe(38);
    expect(fitStatus({ text: 'abc def', url, tags: ['pkm'] }, 38)).toBe(whole);
  });

  it('drops the hashtags before it cuts a short text, one over the limit', () => {
    expect(fitStatus({ text: 'abc def', url, tags: ['pkm'] }, 37)).toBe(`abc def\n\n${url}`);
  });

  it('cuts a long text at a word boundary with … and keeps URL and tags whole', () => {
    const fitted = fitStatus({ text: words, url, tags: ['pkm', 'writing'] }, 100);
    expect(fitted).toBe(`Reading widely is only half of it: the other half is…\n\n${url}\n\n#pkm #writing`);
    expect(statusLength(fitted)).toBeLessThanOrEqual(100);
  });

  it('cuts after the last whole word, dropping a trailing comma', () => {
    expect(fitStatus({ text: 'The quick brown fox jumps' }, 15)).toBe('The quick…');
    expect(fitStatus({ text: 'Hello, world again' }, 8)).toBe('Hello…');
  });

  it('cuts inside a word only when the first word alone is too long', () => {
    expect(fitStatus({ text: 'Pneumonoultramicroscopicsilicovolcanoconiosis is long' }, 10)).toBe('Pneumonou…');
  });

  it('never splits a grapheme cluster', () => {
    const fitted = fitStatus({ text: family.repeat(20) }, 5);
    expect(fitted).toBe(`${family.repeat(4)}…`);
    expect(fitStatus({ text: 'Cafe\u0301 cre\u0300me brûlée' }, 12)).toBe('Cafe\u0301 cre\u0300me…');
  });

  it('counts a URL in the text as 23 and never cuts inside it', () => {
    const text = `Read ${url} and more words here`;
    expect(fitStatus({ text }, 35)).toBe(`Read ${url} and…`);
    // Room for the URL but not for " …" after it: cut before the URL instead.
    expect(fitStatus({ text }, 29)).toBe('Read…');
    // Room for the URL and " …": the ellipsis stays off the link.
    expect(fitStatus({ text: `Read ${url} and more` }, 30)).toBe(`Read ${url} …`);
  });

  it('keeps the URL whole even when nothing else fits', () => {
    expect(fitStatus({ text: 'abc', url, tags: ['pkm'] }, 10)).toBe(url);
  });

  it('drops hashtags, last first, only while they would leave the text under half the limit', () => {
    const tags = ['knowledge', 'management', 'reading', 'writing', 'notes', 'learning'];
    const fitted = fitStatus({ text: words.repeat(3), url, tags }, 100);
    // 100 − URL − separators leaves room for two of the six tags with at least 50 for the text.
    expect(fitted.endsWith(`…\n\n${url}\n\n#knowledge #management`)).toBe(true);
    expect(statusLength(fitted)).toBeLessThanOrEqual(100);
    expect(statusLength(fitted.split('\n\n')[0]!)).toBeGreaterThanOrEqual(50);
  });

  it('writes hashtags as Mastodon reads them: # added, spaces and symbols out, numbers-only and repeats dropped', () => {
    expect(fitStatus({ text: 'Hi', tags: ['#pkm', 'machine learning', 'PKM', '2026', 'été_2026', ''] }, 500)).toBe('Hi\n\n#pkm #machinelearning #été_2026');
  });

  it('fits for every limit from the URL’s size up, with the URL intact', () => {
    for (let limit = urlWeight; limit <= 260; limit += 1) {
      const fitted = fitStatus({ text: `${words} ${family} ${words}`, url, tags: ['pkm', 'writing'] }, limit);
      expect(statusLength(fitted), `limit ${limit}`).toBeLessThanOrEqual(limit);
      expect(fitted).toContain(url);
    }
  });
});
