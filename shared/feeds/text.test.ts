import { describe, expect, it } from 'vitest';
import { cleanTitle, decodeEntities, htmlToText, snippet } from './text';

describe('decodeEntities', () => {
  it.each([
    ['&amp; &lt; &gt; &quot; &apos;', '& < > " \''],
    ['caf&eacute; &Uuml;ber &szlig; &ntilde; &AElig; &yuml;', 'café Über ß ñ Æ ÿ'],
    ['&nbsp;|&copy;|&reg;|&deg;|&frac12;|&times;|&divide;', '\u00a0|©|®|°|½|×|÷'],
    ['&hellip;&mdash;&ndash;&lsquo;&rsquo;&ldquo;&rdquo;&bull;&trade;&euro;', '…—–‘’“”•™€'],
    ['&alpha;&Omega;&sigmaf;&pi;&infin;&ne;&le;&rarr;&hearts;', 'αΩςπ∞≠≤→♥'],
    ['&lang;&rang;', '\u27e8\u27e9'], // HTML5's values, as browsers decode them
    ['&#8217; &#x2019; &#X2019; &#128512; &#x1F600;', '’ ’ ’ 😀 😀'],
    ['&#146;s &#150; &#8;', '’s – \b'], // Windows-1252 numbers, as browsers decode them
    ['&#0; &#xD800; &#x110000;', '\ufffd \ufffd \ufffd'],
    ['AT&amp T and &nbsp without semicolons', 'AT& T and \u00a0 without semicolons'],
    ['&amp;lt; decodes once', '&lt; decodes once'],
    ['R&D, &unknown; and &ampere stay', 'R&D, &unknown; and &ampere stay'],
    ['no ampersand', 'no ampersand'],
  ])('%j', (input, expected) => {
    expect(decodeEntities(input)).toBe(expected);
  });
});

describe('cleanTitle', () => {
  it.each([
    ['plain', 'Hello world', 'Hello world'],
    ['tags stripped', '<b>Bold</b> and <a href="https://x">linked</a>', 'Bold and linked'],
    ['entities decoded after tags', 'Using &lt;div&gt; elements', 'Using <div> elements'],
    ['double-escaped markup shows as text', '&amp;lt;b&amp;gt;', '&lt;b&gt;'],
    ['generic angle brackets kept', 'Vec<T> and Option<String> in Rust', 'Vec<T> and Option<String> in Rust'],
    ['comparisons kept', 'if a < b and c > d, or x<y', 'if a < b and c > d, or x<y'],
    ['whitespace collapsed and trimmed', '  Line one\n\t line   two&nbsp; ', 'Line one line two'],
    ['br becomes a space', 'one<br/>two', 'one two'],
    ['comments removed', 'a<!-- hidden -->b', 'ab'],
    ['CDATA-ish entities', 'Tom &amp; Jerry &#8211; Part&nbsp;2', 'Tom & Jerry – Part 2'],
    ['empty', '', ''],
    ['undefined', undefined, ''],
  ])('%s', (_label, input, expected) => {
    expect(cleanTitle(input)).toBe(expected);
  });
});

describe('htmlToText', () => {
  it.each([
    ['paragraphs do not run together', '<p>One.</p><p>Two.</p>', 'One. Two.'],
    ['inline tags vanish without spaces', 'un<b>bold</b>ed', 'unbolded'],
    ['scripts and styles removed with content', 'a<script>alert("x")</script>b<style>p{}</style>c', 'a b c'],
    ['unclosed script removed to the end', 'safe<script>evil()', 'safe'],
    ['comments removed', 'a<!-- <p>no</p> -->b', 'a b'],
    ['entities decoded', '<p>caf&eacute; &amp; cr&egrave;me</p>', 'café & crème'],
    ['lists and breaks', '<ul><li>x</li><li>y</li></ul>z<br>w', 'x y z w'],
    ['attributes with > inside quotes are rough but harmless', '<img alt="a">b', 'b'],
    ['empty', '', ''],
    ['undefined', undefined, ''],
  ])('%s', (_label, input, expected) => {
    expect(htmlToText(input)).toBe(expected);
  });
});

describe('snippet', () => {
  it.each([
    ['short text unchanged', 'Short text', 20, 'Short text'],
    ['cut at a word boundary', 'The quick brown fox jumps over the lazy dog', 20, 'The quick brown fox…'],
    ['cut mid-word when no boundary is near', 'Supercalifragilisticexpialidocious', 10, 'Supercalif…'],
    ['does not split surrogate pairs', '😀😀😀😀😀😀', 3, '😀😀😀…'],
  ])('%s', (_label, text, max, expected) => {
    expect(snippet(text, max)).toBe(expected);
  });
});
