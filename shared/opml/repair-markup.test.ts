import { describe, expect, it } from 'vitest';
import { repairMarkup } from './repair-markup';

describe('repairMarkup', () => {
  it.each([
    ['well-formed markup, unchanged', '<opml version="2.0"><body><outline text="a" xmlUrl="http://x/"/></body></opml>', '<opml version="2.0"><body><outline text="a" xmlUrl="http://x/"/></body></opml>'],
    ['a BOM and whitespace before the prolog', '\uFEFF \n<?xml version="1.0"?><opml/>', '<?xml version="1.0"?><opml/>'],
    ['text with no markup at all', 'just words', ''],
    ['a DOCTYPE with an internal subset', '<!DOCTYPE opml [<!ENTITY x "y">]><opml/>', '<opml/>'],
    ['a lower-case doctype', '<!doctype opml><opml/>', '<opml/>'],
    ['an unterminated DOCTYPE, with all that follows', '<!DOCTYPE opml [ <opml/>', ''],
    ['a stray < in text', '<title>a < b</title>', '<title>a &lt; b</title>'],
    ['single quotes, as double', "<outline text='a \"b\"'/>", '<outline text="a &quot;b&quot;"/>'],
    ['quotes inside a value (a real export)', '<outline text="Газета "Коммерсантъ". Главное" title="x"/>', '<outline text="Газета &quot;Коммерсантъ&quot;. Главное" title="x"/>'],
    ['HTML pasted into a value', '<outline description="at <a href="https://s.com/">S</a>." xmlUrl="http://x/"/>', '<outline description="at &lt;a href=&quot;https://s.com/&quot;&gt;S&lt;/a&gt;." xmlUrl="http://x/"/>'],
    ['a quoted word right before the end of the tag', '<outline text="say "hi""/>\n<outline/>', '<outline text="say &quot;hi&quot;"/>\n<outline/>'],
    ['an unterminated value stops at the line, not the document', '<outline text="a "b/>\n<outline text="c"/>', '<outline text="a "b/>\n<outline text="c"/>'],
    ['unquoted values', '<outline xmlUrl=http://x/?a=1 text=Hi/>', '<outline xmlUrl="http://x/?a=1" text="Hi"/>'],
    ['valueless attributes, kept for the parser to ignore', '<outline checked text="a">', '<outline checked text="a">'],
    ['a tag cut short by the next one', '<outline text="a" <outline text="b"/>', '<outline text="a" ><outline text="b"/>'],
    ['a quote followed by inline HTML is not taken for a cut tag', '<outline text="say "<b>hi</b>" now" xmlUrl="u"/>', '<outline text="say &quot;&lt;b&gt;hi&lt;/b&gt;&quot; now" xmlUrl="u"/>'],
    ['comments and CDATA, untouched', '<!-- <x a="1 --><![CDATA[ <y b=" ]]>', '<!-- <x a="1 --><![CDATA[ <y b=" ]]>'],
    ['a raw & (left for decodeEntities)', '<outline text="Tom & Jerry"/>', '<outline text="Tom & Jerry"/>'],
  ])('handles %s', (_label, input, expected) => {
    expect(repairMarkup(input)).toBe(expected);
  });

  // Each input is built to defeat a naive regex or a rescanning loop: about 100,000 characters, which
  // linear code reads in tens of milliseconds and quadratic code in minutes. The budget is generous
  // because test machines are shared and busy; it still separates the two by orders of magnitude.
  it.each([
    ['many values whose first quote is not their end', `<o ${'a=""x '.repeat(20_000)}`],
    ['one long run of quotes', `<o a="${'"'.repeat(100_000)}`],
    ['an endless tag', `<o ${'a '.repeat(50_000)}`],
    ['many unterminated DOCTYPE openers', '<!DOCTYPE ['.repeat(10_000)],
    ['many stray <', '< '.repeat(50_000)],
  ])('stays fast on %s', (_label, input) => {
    const start = Date.now();
    repairMarkup(input);
    expect(Date.now() - start).toBeLessThan(2_000);
  });
});
