import { describe, expect, it } from 'vitest';
import { NAMED_ENTITIES, decodeEntities, namedEntityCodePoint } from './html-entities';

describe('namedEntityCodePoint', () => {
  it('knows the 252 HTML 4 names plus &apos;', () => {
    expect(NAMED_ENTITIES.size).toBe(253);
  });

  it.each([
    ['quot', 0x22],
    ['amp', 0x26],
    ['apos', 0x27],
    ['lt', 0x3c],
    ['gt', 0x3e],
    ['nbsp', 0xa0], // Latin-1: first
    ['iquest', 0xbf],
    ['Agrave', 0xc0],
    ['times', 0xd7],
    ['szlig', 0xdf],
    ['divide', 0xf7],
    ['yuml', 0xff], // Latin-1: last
    ['Alpha', 0x391], // Greek capitals
    ['Rho', 0x3a1],
    ['Sigma', 0x3a3], // after the unassigned U+03A2
    ['Omega', 0x3a9],
    ['alpha', 0x3b1], // Greek small
    ['rho', 0x3c1],
    ['sigmaf', 0x3c2],
    ['sigma', 0x3c3],
    ['omega', 0x3c9],
    ['OElig', 0x152],
    ['Yuml', 0x178],
    ['fnof', 0x192],
    ['thetasym', 0x3d1],
    ['piv', 0x3d6],
    ['ensp', 0x2002],
    ['zwj', 0x200d],
    ['ndash', 0x2013],
    ['mdash', 0x2014],
    ['rsquo', 0x2019],
    ['bdquo', 0x201e],
    ['hellip', 0x2026],
    ['euro', 0x20ac],
    ['trade', 0x2122],
    ['alefsym', 0x2135],
    ['larr', 0x2190],
    ['hArr', 0x21d4],
    ['forall', 0x2200],
    ['there4', 0x2234],
    ['ne', 0x2260],
    ['sdot', 0x22c5],
    ['lceil', 0x2308],
    ['rfloor', 0x230b],
    ['lang', 0x27e8], // HTML5's value, as browsers decode it (HTML 4 said U+2329)
    ['rang', 0x27e9],
    ['loz', 0x25ca],
    ['spades', 0x2660],
    ['diams', 0x2666],
  ])('&%s; is code point %d', (name, code) => {
    expect(namedEntityCodePoint(name)).toBe(code);
  });

  it.each([
    ['case matters', 'AMP'],
    ['case matters in Greek', 'SIGMA'],
    ['there is no capital final sigma', 'Sigmaf'],
    ['not an HTML 4 name', 'bogus'],
    ['not an HTML 4 name (HTML5 only)', 'check'],
    ['object keys are not names', 'constructor'],
    ['object keys are not names', '__proto__'],
    ['the empty name', ''],
    ['with its punctuation', '&amp;'],
  ])('%s: %j is unknown', (_label, name) => {
    expect(namedEntityCodePoint(name)).toBeUndefined();
  });

  it('maps every name to a distinct assigned, non-control code point', () => {
    const codes = [...NAMED_ENTITIES.values()];
    expect(new Set(codes).size).toBe(codes.length);
    for (const [name, code] of NAMED_ENTITIES) {
      expect(name).toMatch(/^[A-Za-z][A-Za-z0-9]{1,31}$/);
      expect(String.fromCodePoint(code)).toMatch(/^[^\p{Cc}\p{Cn}\p{Cs}]$/u);
    }
  });
});

describe('decodeEntities', () => {
  it.each([
    ['every name in the table', [...NAMED_ENTITIES.keys()].map((name) => `&${name};`).join(''), String.fromCodePoint(...NAMED_ENTITIES.values())],
    ['decimal and hex references', '&#169; &#x2014; &#X1F600;', '© — 😀'],
    ['one pass', '&amp;lt; &amp;amp;', '&lt; &amp;'],
    ['unknown names and bare ampersands kept', '&bogus; ?a=1&b=2 & R&D', '&bogus; ?a=1&b=2 & R&D'],
    ['references to no character', '&#0;&#xD800;&#x110000;', '\ufffd\ufffd\ufffd'],
  ])('%s, in either mode', (_label, input, expected) => {
    expect(decodeEntities(input)).toBe(expected);
    expect(decodeEntities(input, { lenient: true })).toBe(expected);
  });

  it.each([
    ['legacy names without a semicolon', 'AT&amp T &nbsp|&lt&gt&quot&copy&reg', 'AT& T \u00a0|<>"©®', 'AT&amp T &nbsp|&lt&gt&quot&copy&reg'],
    ['only before a non-name character', '&ampere &copy2 &amp= &eacute x', '&ampere &copy2 &amp= &eacute x', '&ampere &copy2 &amp= &eacute x'],
    ['numbers without a semicolon', '&#233 &#xe9', 'é é', '&#233 &#xe9'],
    ['&#128;–&#159; as Windows-1252', '&#146;&#x80;&#150;&#159;&#129;', '’€–Ÿ\u0081', '\u0092\u0080\u0096\u009f\u0081'],
    ['an over-long number', '&#123456789012;', '\ufffd9012;', '&#123456789012;'],
  ])('%s: lenient or strict', (_label, input, lenient, strict) => {
    expect(decodeEntities(input, { lenient: true })).toBe(lenient);
    expect(decodeEntities(input)).toBe(strict);
  });
});
