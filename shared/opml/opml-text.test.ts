import { describe, expect, it } from 'vitest';
import { cleanText, decodeEntities, escapeXml, splitCategories } from './opml-text';

describe('decodeEntities', () => {
  it.each([
    ['the five XML entities', '&amp; &lt; &gt; &quot; &apos;', `& < > " '`],
    ['decimal and hex references', '&#169; &#x2014; &#X1F600;', '© — 😀'],
    ['HTML Latin-1 names, first and last', '&nbsp;|&iexcl;|&eacute;|&times;|&divide;|&yuml;', '\u00a0|¡|é|×|÷|ÿ'],
    ['HTML punctuation and symbols', '&mdash;&ndash;&hellip;&lsquo;&rdquo;&euro;&trade;&OElig;', '—–…‘”€™Œ'],
    ['Greek, with the final sigma', '&Alpha;&omega;&Sigma;&sigma;&sigmaf;', 'ΑωΣσς'],
    ['lang and rang with HTML5 values', '&lang;&rang;', '\u27e8\u27e9'],
    ['numbers as code points, not Windows-1252', '&#146;', '\u0092'],
    ['a single pass: an escaped reference stays a reference', '&amp;lt; &amp;amp;', '&lt; &amp;'],
    ['a bare & as in a query string', 'http://x/?a=1&b=2 & more', 'http://x/?a=1&b=2 & more'],
    ['unknown names, kept as written', '&bogus; &lol9; &xxe;', '&bogus; &lol9; &xxe;'],
    ['names are case-sensitive', '&AMP; &Eacute;', '&AMP; É'],
    ['a reference without its semicolon, kept', '&copy 2024', '&copy 2024'],
    ['references to nothing become U+FFFD', '&#0;&#xD800;&#x110000;', '\uFFFD\uFFFD\uFFFD'],
    ['an over-long number is not a reference', '&#123456789012;', '&#123456789012;'],
  ])('decodes %s', (_label, input, expected) => {
    expect(decodeEntities(input)).toBe(expected);
  });
});

describe('cleanText', () => {
  it.each([
    ['collapses whitespace runs and trims', '  a \t\n b  ', 'a b'],
    ['removes C0 and C1 controls and DEL', 'a\u0000b\u0007c\u007fd\u0085e', 'abcde'],
    ['treats a non-breaking space as whitespace', 'a\u00a0\u00a0b', 'a b'],
    ['keeps bidi marks, emoji and RTL text', '\u200fשלום 👋🏽 مرحبا\u200e', '\u200fשלום 👋🏽 مرحبا\u200e'],
    ['keeps markup characters as text', '<b>"x" & y</b>', '<b>"x" & y</b>'],
  ])('%s', (_label, input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });
});

describe('escapeXml', () => {
  it.each([
    ['markup characters', `a & b < c > d "e" 'f'`, `a &amp; b &lt; c &gt; d &quot;e&quot; 'f'`],
    ['an ampersand that looks like a reference', '&amp; &#169;', '&amp;amp; &amp;#169;'],
    ['control characters, removed', 'a\u0000b\u001bc', 'abc'],
    ['tab and newline, as references (an XML parser would turn them into spaces)', 'a\tb\nc', 'a&#9;b&#10;c'],
  ])('escapes %s', (_label, input, expected) => {
    expect(escapeXml(input)).toBe(expected);
  });

  it('is undone by decodeEntities', () => {
    const text = `R&D <"quoted"> &amp; 'x' — ✓`;
    expect(decodeEntities(escapeXml(text))).toBe(text);
  });
});

describe('splitCategories', () => {
  it.each([
    ['comma-separated tags', 'news, tech ,science', ['news', 'tech', 'science']],
    ['slash-delimited paths, every part a tag, duplicates once', '/Tourism/New York,/Philosophy/Baseball/Mets,/Tourism/New York', ['Tourism', 'New York', 'Philosophy', 'Baseball', 'Mets']],
    ['newsboat style', 'tag one,tag_two,tag/three', ['tag one', 'tag_two', 'tag', 'three']],
    ['empty entries dropped', ' , ,/,', []],
  ])('%s', (_label, input, expected) => {
    expect(splitCategories(input)).toEqual(expected);
  });
});
