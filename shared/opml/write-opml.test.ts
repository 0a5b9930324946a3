import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parseOpml, writeOpml, type OpmlExportInput, type OpmlSubscription } from './index';

const sub = (title: string, xmlUrl: string, folderPath: string[] = [], extra: Partial<OpmlSubscription> = {}): OpmlSubscription => ({
  title,
  xmlUrl,
  folderPath,
  ...extra,
});
const doc = (subscriptions: OpmlSubscription[], title = 'My feeds'): OpmlExportInput => ({ title, dateCreated: new Date(Date.UTC(2006, 2, 7, 20, 57, 50)), subscriptions });

describe('writeOpml', () => {
  it('writes OPML 2.0 with nested folders, escaped attributes and a UTF-8 prolog', () => {
    const written = writeOpml(
      doc([
        sub('Top', 'https://top.example/feed'),
        sub('A & B', 'https://ab.example/rss?x=1&y=2', ['Tech'], { htmlUrl: 'https://ab.example/', description: 'Say "hi" <now>', tags: ['x', 'y'] }),
        sub('Deep', 'https://deep.example/', ['Tech', 'Deep']),
      ]),
    );
    expect(written).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        '  <head>',
        '    <title>My feeds</title>',
        '    <dateCreated>Tue, 07 Mar 2006 20:57:50 GMT</dateCreated>',
        '  </head>',
        '  <body>',
        '    <outline type="rss" text="Top" title="Top" xmlUrl="https://top.example/feed"/>',
        '    <outline text="Tech" title="Tech">',
        '      <outline type="rss" text="A &amp; B" title="A &amp; B" xmlUrl="https://ab.example/rss?x=1&amp;y=2" htmlUrl="https://ab.example/" description="Say &quot;hi&quot; &lt;now&gt;" category="x,y"/>',
        '      <outline text="Deep" title="Deep">',
        '        <outline type="rss" text="Deep" title="Deep" xmlUrl="https://deep.example/"/>',
        '      </outline>',
        '    </outline>',
        '  </body>',
        '</opml>',
        '',
      ].join('\n'),
    );
    expect(XMLValidator.validate(written)).toBe(true);
  });

  it.each([
    ['markup characters in the head title', { ...doc([]), title: 'Feeds <&> "mine"' }, '<title>Feeds &lt;&amp;&gt; &quot;mine&quot;</title>'],
    ['control characters, removed', doc([sub('bell\u0007 and\u0000 nul', 'https://a.example/')]), 'text="bell and nul"'],
    ['a date given as a string, as written', { ...doc([]), dateCreated: 'Mon, 01 Jan 2024 00:00:00 GMT' }, '<dateCreated>Mon, 01 Jan 2024 00:00:00 GMT</dateCreated>'],
    ['tags that hold separators, split as a reader would', doc([sub('t', 'https://a.example/', [], { tags: ['a/b', 'c,d', 'a'] })]), 'category="a,b,c,d"'],
    ['an empty title, replaced by the address', doc([sub('  ', 'https://a.example/f')]), 'text="https://a.example/f"'],
  ])('writes %s', (_label, input, fragment) => {
    const written = writeOpml(input);
    expect(written).toContain(fragment);
    expect(XMLValidator.validate(written)).toBe(true);
  });

  it('leaves out an invalid date', () => {
    expect(writeOpml({ ...doc([]), dateCreated: new Date(Number.NaN) })).not.toContain('dateCreated');
  });

  it('keeps the order given, reopening a folder that feeds from elsewhere interrupt', () => {
    const written = writeOpml(doc([sub('1', 'https://1.example/', ['F']), sub('2', 'https://2.example/'), sub('3', 'https://3.example/', ['F'])]));
    expect(written.match(/<outline text="F"/g)).toHaveLength(2);
    expect(parseOpml(written).subscriptions.map((s) => s.title)).toEqual(['1', '2', '3']);
  });
});

describe('parseOpml(writeOpml(x)) equals x', () => {
  it.each<[string, OpmlSubscription[]]>([
    ['no subscriptions', []],
    ['ampersands, also ones that look like references', [sub('R&D &amp; &#169; &nbsp; &', 'https://a.example/?q=a&b=c&amp;d')]],
    ['quotes of both kinds', [sub(`"Double" and 'single' and “curly”`, 'https://a.example/')]],
    ['angle brackets and markup', [sub('<script>alert(1)</script> a < b > c', 'https://a.example/', [], { description: '<b>bold</b> & <i>x</i>' })]],
    ['emoji, including joined sequences and flags', [sub('📰 News 👩🏽‍💻 🇫🇷', 'https://a.example/', ['🌍 World'])]],
    ['right-to-left text with bidi marks', [sub('\u200fחדשות היום', 'https://he.example/', ['עברית']), sub('الأخبار العربية', 'https://ar.example/', ['عربي'])]],
    ['CJK and combining marks', [sub('日本語のニュース', 'https://ja.example/'), sub('Ŝa̧n̈ Jose\u0301', 'https://s.example/')]],
    [
      'folders nested three deep, in and out again',
      [sub('a', 'https://a.example/', ['One', 'Two', 'Three']), sub('b', 'https://b.example/', ['One', 'Two']), sub('c', 'https://c.example/', ['One']), sub('d', 'https://d.example/')],
    ],
    ['the same feed title in two folders', [sub('Same', 'https://x.example/', ['A']), sub('Same', 'https://y.example/', ['B'])]],
    ['folders that share a name at different depths', [sub('a', 'https://a.example/', ['X', 'X']), sub('b', 'https://b.example/', ['X'])]],
    ['a folder named like markup', [sub('a', 'https://a.example/', ['<Folder> & "Co"'])]],
    ['every optional field', [sub('full', 'https://f.example/feed', ['F'], { htmlUrl: 'https://f.example/', description: 'About "f"', tags: ['one', 'two words'] })]],
    ['URLs with credentials, ports, unicode and encoded characters', [sub('u', 'https://user:pw@a.example:8443/%E2%9C%93/feed?q=%20x#frag'), sub('i', 'https://xn--bcher-kva.example/')]],
  ])('%s', (_label, subscriptions) => {
    const x = doc(subscriptions, 'Export <&> "test"');
    expect(parseOpml(writeOpml(x))).toEqual({ title: x.title, subscriptions, skipped: [] });
  });

  it('holds for 300 generated documents', () => {
    // A small seeded generator (no dependency): awkward characters, random nesting, shared folder names.
    let seed = 20240607;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pieces = ['a', 'Z', '&', '&amp;', '<', '>', '"', "'", '/', ',', 'é', '日本', 'שלום', '😀', '👩🏽‍💻', '\u200f', '#', ';', '%20', '=', '<!--', ']]>'];
    const text = (): string => {
      const word = Array.from({ length: 1 + random(6) }, () => pieces[random(pieces.length)]).join('');
      return word.replace(/\s+/g, ' ').trim() || 'x';
    };
    for (let round = 0; round < 300; round += 1) {
      const folders = Array.from({ length: 3 }, text);
      const subscriptions = Array.from({ length: random(8) }, (_, i) => {
        const folderPath = Array.from({ length: random(4) }, () => folders[random(folders.length)]!);
        const extra: Partial<OpmlSubscription> = {};
        if (random(2)) extra.description = text();
        if (random(2)) extra.htmlUrl = `https://h${i}.example/`;
        if (random(3) === 0) extra.tags = [...new Set(Array.from({ length: 1 + random(3) }, text).map((t) => t.replace(/[,/]/g, '') || 't'))];
        return sub(text(), `https://f${round}-${i}.example/feed?x=${i}&y=${encodeURIComponent(text())}`, folderPath, extra);
      });
      const x = doc(subscriptions, text());
      expect(parseOpml(writeOpml(x))).toEqual({ title: x.title, subscriptions, skipped: [] });
    }
  });

  it('writes text in the normal form parseOpml reads, so the round trip is stable after one pass', () => {
    const messy = doc([sub('  two\n lines\t\u0007 ', 'https://a.example/', [' ', '  F  ', ''], { description: ' ', tags: [' a ', 'a', ''] })], ' T ');
    const once = parseOpml(writeOpml(messy));
    expect(once).toEqual({ title: 'T', subscriptions: [sub('two lines', 'https://a.example/', ['F'], { tags: ['a'] })], skipped: [] });
    expect(parseOpml(writeOpml({ ...messy, title: once.title!, subscriptions: once.subscriptions }))).toEqual(once);
  });
});
