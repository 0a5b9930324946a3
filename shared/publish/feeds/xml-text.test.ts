import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { cdata, escapeXml, rfc3339, rfc822, xmlSafe } from './xml-text';

const instant = Date.UTC(2026, 10, 20, 9, 30, 5);
const textOf = (xml: string) => (new XMLParser({ parseTagValue: false, htmlEntities: true }).parse(xml) as { a: string }).a;

describe('xmlSafe', () => {
  it.each([
    ['NUL and the other C0 controls', 'a\u0000b\u0001c\u0008d\u000Be\u000Cf\u000Eg\u001Fh', 'abcdefgh'],
    ['U+FFFE and U+FFFF', 'a\uFFFEb\uFFFFc', 'abc'],
    ['a lone high surrogate', 'a\uD83Db', 'ab'],
    ['a lone high surrogate at the end', 'ab\uD83D', 'ab'],
    ['a lone low surrogate', 'a\uDE00b', 'ab'],
    ['two high surrogates then a low one: the first is alone', '\uD83D\uD83D\uDE00', '\uD83D\uDE00'],
  ])('drops %s', (_name, input, expected) => {
    expect(xmlSafe(input)).toBe(expected);
  });

  it('keeps tab, newlines, carriage returns, pairs and the rest of Unicode', () => {
    const text = 'a\tb\nc\rd 😀 é \u007F \u0085 \uFFFD \uE000 \u{10FFFD}';
    expect(xmlSafe(text)).toBe(text);
  });
});

describe('escapeXml', () => {
  it('escapes the five markup characters, for text and attributes alike', () => {
    expect(escapeXml(`<script>alert("x" & 'y')</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;');
  });

  it('escapes what is already escaped again: the input is text, not markup', () => {
    expect(escapeXml('AT&amp;T &lt;b&gt;')).toBe('AT&amp;amp;T &amp;lt;b&amp;gt;');
  });

  it('drops characters XML cannot carry before escaping', () => {
    expect(escapeXml('a\u0000<\u001Fb')).toBe('a&lt;b');
  });

  it('reads back as the original text', () => {
    const text = `Tom & "Jerry" <3 it's ]]> fine`;
    expect(textOf(`<a>${escapeXml(text)}</a>`)).toBe(text);
  });
});

describe('cdata', () => {
  it('wraps text in one section', () => {
    expect(cdata('<p>Hi & bye</p>')).toBe('<![CDATA[<p>Hi & bye</p>]]>');
  });

  it('splits every ]]> across two sections', () => {
    expect(cdata('a]]>b]]>')).toBe('<![CDATA[a]]]]><![CDATA[>b]]]]><![CDATA[>]]>');
  });

  it.each([['a]]>b'], [']]>'], ['x]]]>y'], ['<![CDATA[inner]]>'], ['<p>]]></p>]]']])('reads back %j unchanged', (text) => {
    expect(textOf(`<a>${cdata(text)}</a>`)).toBe(text);
  });

  it('drops characters XML cannot carry: CDATA escapes nothing', () => {
    expect(cdata('a\u0000b\uFFFF')).toBe('<![CDATA[ab]]>');
  });
});

describe('dates', () => {
  it('writes RFC 3339 in UTC, without milliseconds when there are none', () => {
    expect(rfc3339(instant)).toBe('2026-11-20T09:30:05Z');
    expect(rfc3339(instant + 789)).toBe('2026-11-20T09:30:05.789Z');
    expect(rfc3339(0)).toBe('1970-01-01T00:00:00Z');
  });

  it('writes RFC 822 with a four-digit year and GMT, as RSS 2.0 wants', () => {
    expect(rfc822(instant)).toBe('Fri, 20 Nov 2026 09:30:05 GMT');
    expect(rfc822(Date.UTC(2026, 1, 3, 4, 5, 6))).toBe('Tue, 03 Feb 2026 04:05:06 GMT');
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY], [Date.UTC(10000, 0, 1)], [Date.UTC(-1, 0, 1)]])('refuses %d, which no feed can carry', (ms) => {
    expect(() => rfc3339(ms)).toThrow(RangeError);
    expect(() => rfc822(ms)).toThrow(RangeError);
  });
});
