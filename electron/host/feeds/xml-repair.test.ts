import { describe, expect, it } from 'vitest';
import { repairXml, rootElementName } from './xml-repair';

describe('repairXml', () => {
  it('leaves well-formed XML alone and reports nothing', () => {
    const xml = '<?xml version="1.0"?><rss version="2.0"><channel><title>A &amp; B &#233; &#x263A; &lt;</title></channel></rss>';
    expect(repairXml(xml)).toEqual({ xml, repairs: [] });
  });

  it('escapes bare ampersands, in text and in attributes', () => {
    const { xml, repairs } = repairXml('<rss><link>http://x/?a=1&b=2</link><a href="?q=1&r=2">Tom & Jerry</a></rss>');
    expect(xml).toBe('<rss><link>http://x/?a=1&amp;b=2</link><a href="?q=1&amp;r=2">Tom &amp; Jerry</a></rss>');
    expect(repairs).toEqual(['Escaped 3 bare ampersands ("&" not starting an entity).']);
  });

  it('turns HTML named entities into numeric references', () => {
    const { xml, repairs } = repairXml('<rss><t>a&nbsp;b&mdash;c&hellip;&eacute;&Omega;&euro;&trade;&copy;&sigmaf;</t></rss>');
    expect(xml).toBe('<rss><t>a&#160;b&#8212;c&#8230;&#233;&#937;&#8364;&#8482;&#169;&#962;</t></rss>');
    expect(repairs).toEqual(['Replaced 9 HTML entities (such as &nbsp;) with character references.']);
  });

  it('keeps the five XML entities, and gives &lang; &rang; the values of the RSS 0.91 DTD', () => {
    expect(repairXml('<rss><t>&amp;&lt;&gt;&quot;&apos;&lang;&rang;</t></rss>')).toEqual({
      xml: '<rss><t>&amp;&lt;&gt;&quot;&apos;&#9001;&#9002;</t></rss>',
      repairs: ['Replaced 2 HTML entities (such as &nbsp;) with character references.'],
    });
  });

  it('keeps unknown entities as literal text instead of failing', () => {
    expect(repairXml('<rss><t>&bogus; &amp;</t></rss>')).toEqual({
      xml: '<rss><t>&amp;bogus; &amp;</t></rss>',
      repairs: ['Kept 1 undefined entity as literal text.'],
    });
  });

  it('rewrites hexadecimal references written with an upper-case X, which XML does not allow', () => {
    expect(repairXml('<rss><t>&#X41;&#x42;</t></rss>')).toEqual({
      xml: '<rss><t>&#x41;&#x42;</t></rss>',
      repairs: ['Rewrote 1 character reference written "&#X…;" as "&#x…;".'],
    });
  });

  it('removes control characters and references to characters XML forbids', () => {
    const { xml, repairs } = repairXml('<rss><t>a\u0000b\u0008c\u000Bd\u001Fe\tf\ng&#1;h&#x0;i&#1114112;</t></rss>');
    expect(xml).toBe('<rss><t>abcde\tf\nghi</t></rss>');
    expect(repairs).toEqual([
      'Removed 4 control characters that XML does not allow.',
      'Removed 3 character references to characters XML does not allow.',
    ]);
  });

  it('strips a BOM and whitespace before the prolog (rss-parser 95, 194)', () => {
    const { xml, repairs } = repairXml('\uFEFF\n\n  <?xml version="1.0"?><rss/>');
    expect(xml).toBe('<?xml version="1.0"?><rss/>');
    expect(repairs).toEqual(['Removed a byte-order mark before the XML.', 'Removed whitespace before the start of the XML.']);
  });

  it('strips junk such as a PHP warning before the prolog or the root', () => {
    expect(repairXml('<br />\n<b>Warning</b>: headers sent<?xml version="1.0"?><rss/>').xml).toBe('<?xml version="1.0"?><rss/>');
    const { xml, repairs } = repairXml('garbage<rss/>');
    expect(xml).toBe('<rss/>');
    expect(repairs).toEqual(['Removed 7 stray characters before the start of the XML.']);
  });

  it('removes content after the end of the root element', () => {
    const { xml, repairs } = repairXml('<rss><channel/></rss>\n<script>track()</script>');
    expect(xml).toBe('<rss><channel/></rss>');
    expect(repairs).toEqual(['Removed content after the end of the feed.']);
    expect(repairXml('<rss></rss>\n<!-- generated -->\n').repairs).toEqual([]);
  });

  it('does not touch CDATA sections or comments', () => {
    const xml = '<rss><d><![CDATA[a & b &nbsp; <p>]]></d><!-- & &nbsp; --></rss>';
    expect(repairXml(xml)).toEqual({ xml, repairs: [] });
  });

  it('never expands a billion-laughs DTD, and is fast about it', () => {
    const lol = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE lolz [',
      ' <!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, index) => ` <!ENTITY lol${index + 1} "${`&lol${index === 0 ? '' : index};`.repeat(10)}">`),
      ']>',
      '<rss version="2.0"><channel><title>&lol9;</title></channel></rss>',
    ].join('\n');
    const started = performance.now();
    const { xml, repairs } = repairXml(lol);
    expect(performance.now() - started).toBeLessThan(100);
    expect(xml).toBe('<?xml version="1.0"?>\n\n<rss version="2.0"><channel><title>&amp;lol9;</title></channel></rss>');
    expect(repairs).toContain('Ignored the document type declarations (entities declared there are never expanded).');
  });

  it('expands plain-text entities of an internal subset, silently when that is all it declares', () => {
    const xml = `<!DOCTYPE rss [\n  <!ENTITY id "tag:example.com,">\n  <!ENTITY % lat1 PUBLIC "-//W3C//ENTITIES Latin 1//EN" "x.ent">\n]>\n<rss><guid>&id;2006:/blog/</guid><t><![CDATA[&id;]]></t></rss>`;
    expect(repairXml(xml)).toEqual({ xml: '\n<rss><guid>tag:example.com,2006:/blog/</guid><t><![CDATA[&id;]]></t></rss>', repairs: [] });
    const nested = repairXml('<!DOCTYPE rss [<!ENTITY a "x"><!ENTITY b "&a;&a;">]><rss><t>&a;&b;</t></rss>');
    expect(nested.xml).toBe('<rss><t>x&amp;b;</t></rss>');
    expect(nested.repairs[0]).toMatch(/^Ignored the document type declarations/);
  });

  it('keeps an external DOCTYPE without an internal subset', () => {
    const xml = '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss/>';
    expect(repairXml(xml)).toEqual({ xml, repairs: [] });
  });
});

describe('rootElementName', () => {
  it.each([
    ['<?xml version="1.0"?>\n<!-- c --><?xml-stylesheet href="a"?><rss version="2.0">', 'rss'],
    ['<!DOCTYPE rss [ <!ENTITY a "b"> ]><rss>', 'rss'],
    ['<rdf:RDF xmlns:rdf="x">', 'rdf:RDF'],
    ['<!DOCTYPE html><html>', 'html'],
    ['just text', undefined],
    ['', undefined],
  ])('%j → %j', (xml, expected) => {
    expect(rootElementName(xml)).toBe(expected);
  });
});
