import { describe, expect, test } from 'vitest';
import { anchorTextQuote, describeTextQuote, type TextQuoteSelector } from './text-quote';

const article = 'The cat sat on the mat. Later the cat sat on the sofa. In the end the cat slept.';

describe('describeTextQuote', () => {
  test.each<[string, string, number, number, number | undefined, TextQuoteSelector]>([
    ['context on both sides', 'abcdefghij', 4, 6, 2, { exact: 'ef', prefix: 'cd', suffix: 'gh' }],
    ['context clipped at the edges', 'abcdef', 1, 5, 32, { exact: 'bcde', prefix: 'a', suffix: 'f' }],
    ['default of 32 characters', 'x'.repeat(40) + 'Q' + 'y'.repeat(40), 40, 41, undefined, { exact: 'Q', prefix: 'x'.repeat(32), suffix: 'y'.repeat(32) }],
    ['reversed offsets are put in order', 'abcdef', 4, 2, 1, { exact: 'cd', prefix: 'b', suffix: 'e' }],
    ['offsets beyond the text are clamped', 'abc', 1, 99, 5, { exact: 'bc', prefix: 'a', suffix: '' }],
  ])('%s', (_name, text, start, end, context, expected) => {
    expect(describeTextQuote(text, start, end, context)).toEqual(expected);
  });
});

describe('anchorTextQuote', () => {
  const secondCat = article.indexOf('cat sat on the sofa');
  const quoteOf = (start: number, end: number) => describeTextQuote(article, start, end);

  test('round trip: every described quote anchors where it was taken', () => {
    for (const [start, end] of [
      [4, 7],
      [secondCat, secondCat + 3],
      [article.lastIndexOf('cat'), article.lastIndexOf('cat') + 3],
      [0, article.length],
    ] as const) {
      expect(anchorTextQuote(article, quoteOf(start, end))).toEqual({ start, end });
    }
  });

  test.each<[string, string, TextQuoteSelector, number | undefined, string | undefined]>([
    ['prefix and suffix pick the occurrence', article, { exact: 'cat', prefix: 'Later the ', suffix: ' sat on the sofa' }, 0, 'Later the [cat] sat'],
    ['without context the hint decides', article, { exact: 'cat', prefix: '', suffix: '' }, 70, 'end the [cat] slept'],
    ['without context or hint the first wins', article, { exact: 'cat', prefix: '', suffix: '' }, undefined, 'The [cat] sat on the mat'],
    ['context beats the hint', article, { exact: 'cat', prefix: 'The ', suffix: ' sat on the mat' }, 70, 'The [cat] sat on the mat'],
    ['whitespace changed', 'Some words\n  wrapped   here, then more.', { exact: 'words wrapped here', prefix: 'Some ', suffix: ', then' }, undefined, 'Some [words\n  wrapped   here], then'],
    ['small edits found fuzzily', 'It was the best of times, it was the worst of times.', { exact: 'the wurst of tymes', prefix: 'it was ', suffix: '.' }, undefined, 'it was [the worst of times].'],
    ['fuzzy picks the better context', 'colour one. colour two.', { exact: 'color one', prefix: '', suffix: '.' }, undefined, '[colour one].'],
    ['too different', article, { exact: 'a completely different sentence', prefix: '', suffix: '' }, undefined, undefined],
    ['short quotes are never fuzzy', article, { exact: 'dog', prefix: '', suffix: '' }, undefined, undefined],
    ['empty quote', article, { exact: '', prefix: 'The', suffix: 'cat' }, undefined, undefined],
  ])('%s', (_name, text, selector, hint, expected) => {
    const span = anchorTextQuote(text, selector, hint);
    if (expected === undefined) {
      expect(span).toBeUndefined();
      return;
    }
    expect(span).toBeDefined();
    const shown = text.slice(Math.max(0, span!.start - 20), span!.start) + '[' + text.slice(span!.start, span!.end) + ']' + text.slice(span!.end, span!.end + 20);
    expect(shown).toContain(expected);
  });

  test('survives text inserted before the quote', () => {
    const selector = quoteOf(secondCat, secondCat + 'cat sat on the sofa'.length);
    const edited = 'A new opening paragraph.\n\n' + article;
    const span = anchorTextQuote(edited, selector, secondCat);
    expect(edited.slice(span!.start, span!.end)).toBe('cat sat on the sofa');
  });
});
