/**
 * HTML named character references and one decoder for them, without a DOM or Node. Shared by feed
 * titles (shared/feeds/text.ts), OPML attributes (shared/opml/opml-text.ts) and the host's XML repair
 * (electron/host/feeds/xml-repair.ts), which turns these names into numeric references.
 *
 * The table is hand-written rather than a dependency: the full HTML5 list has 2,231 names, but feeds
 * and OPML exports use the HTML 4 set (Latin-1, symbols, Greek, typographic punctuation) plus &apos;,
 * and a compact table keeps shared/ free of packages the app would otherwise not need. Values are
 * HTML5's, as browsers decode them: &lang; and &rang; are U+27E8 and U+27E9, not HTML 4's U+2329 and
 * U+232A.
 */

/** HTML 4 Latin-1 names, in code-point order from U+00A0. */
const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 ' +
  'acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde ' +
  'Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute ' +
  'Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde ' +
  'auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ' +
  'ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';

/** Greek letters, in code-point order from U+0391 / U+03B1 (U+03A2 is unassigned; ς is sigmaf). */
const GREEK_UPPER = 'Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho - Sigma Tau Upsilon Phi Chi Psi Omega';
const GREEK_LOWER = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigmaf sigma tau upsilon phi chi psi omega';

/** The rest of HTML 4 (special and symbol sets) plus &apos;, as name:code-point. */
const OTHERS =
  'quot:34 amp:38 apos:39 lt:60 gt:62 OElig:338 oelig:339 Scaron:352 scaron:353 Yuml:376 fnof:402 circ:710 ' +
  'tilde:732 thetasym:977 upsih:978 piv:982 ensp:8194 emsp:8195 thinsp:8201 zwnj:8204 zwj:8205 lrm:8206 ' +
  'rlm:8207 ndash:8211 mdash:8212 lsquo:8216 rsquo:8217 sbquo:8218 ldquo:8220 rdquo:8221 bdquo:8222 ' +
  'dagger:8224 Dagger:8225 bull:8226 hellip:8230 permil:8240 prime:8242 Prime:8243 lsaquo:8249 ' +
  'rsaquo:8250 oline:8254 frasl:8260 euro:8364 image:8465 weierp:8472 real:8476 trade:8482 alefsym:8501 ' +
  'larr:8592 uarr:8593 rarr:8594 darr:8595 harr:8596 crarr:8629 lArr:8656 uArr:8657 rArr:8658 dArr:8659 ' +
  'hArr:8660 forall:8704 part:8706 exist:8707 empty:8709 nabla:8711 isin:8712 notin:8713 ni:8715 ' +
  'prod:8719 sum:8721 minus:8722 lowast:8727 radic:8730 prop:8733 infin:8734 ang:8736 and:8743 or:8744 ' +
  'cap:8745 cup:8746 int:8747 there4:8756 sim:8764 cong:8773 asymp:8776 ne:8800 equiv:8801 le:8804 ' +
  'ge:8805 sub:8834 sup:8835 nsub:8836 sube:8838 supe:8839 oplus:8853 otimes:8855 perp:8869 sdot:8901 ' +
  'lceil:8968 rceil:8969 lfloor:8970 rfloor:8971 lang:10216 rang:10217 loz:9674 spades:9824 clubs:9827 ' +
  'hearts:9829 diams:9830';

function buildTable(): ReadonlyMap<string, number> {
  const table = new Map<string, number>();
  const run = (names: string, first: number) =>
    names.split(' ').forEach((name, i) => name !== '-' && table.set(name, first + i));
  run(LATIN1, 0xa0);
  run(GREEK_UPPER, 0x391);
  run(GREEK_LOWER, 0x3b1);
  for (const pair of OTHERS.split(' ')) {
    const [name = '', code = ''] = pair.split(':');
    table.set(name, Number(code));
  }
  return table;
}

/** Every name the table knows (case-sensitive, without `&` and `;`) and its code point. */
export const NAMED_ENTITIES: ReadonlyMap<string, number> = buildTable();

/** The code point `&name;` stands for, or undefined for a name the table does not know. */
export function namedEntityCodePoint(name: string): number | undefined {
  return NAMED_ENTITIES.get(name);
}

export interface DecodeEntitiesOptions {
  /**
   * Decode as browsers do in HTML text, for strings that were HTML (feed titles and content):
   * numeric references without their semicolon; &#128;–&#159; as the Windows-1252 characters those
   * bytes meant (&#146; is ’); and the legacy names amp, lt, gt, quot, nbsp, copy and reg without a
   * semicolon when no letter, digit, `=` or `;` follows ("AT&amp T" and "&nbsp", Miniflux 320, 416;
   * "R&Damp" and "&ampere" stay text). Off (the default): only complete references `&…;` are decoded,
   * and numbers are code points as written, as XML would read them.
   */
  lenient?: boolean;
}

const STRICT_REFERENCE = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7}));|&([A-Za-z][A-Za-z0-9]{1,31});/g;
const LENIENT_REFERENCE =
  /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7}));?|&([A-Za-z][A-Za-z0-9]{1,31});|&(amp|lt|gt|quot|nbsp|copy|reg)(?![A-Za-z0-9=;])/g;

/** What HTML5 decodes &#128;–&#159; to: the Windows-1252 characters those bytes meant (&#146; is ’). */
const WINDOWS_1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function fromCodePoint(code: number, lenient: boolean): string {
  if (lenient && code >= 0x80 && code <= 0x9f) return WINDOWS_1252[code - 0x80] ?? '\ufffd';
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}

/**
 * Decodes named (the table above) and numeric character references in one pass, so `&amp;lt;`
 * becomes `&lt;`. Unknown names and a bare `&` stay as written (`?a=1&b=2` in a URL must survive);
 * references to no character (&#0;, a surrogate, past U+10FFFF) become U+FFFD. Names are
 * case-sensitive and 2 to 32 characters long; numbers have at most 8 decimal or 7 hex digits.
 */
export function decodeEntities(text: string, options: DecodeEntitiesOptions = {}): string {
  if (!text.includes('&')) return text;
  const lenient = options.lenient === true;
  return text.replace(
    lenient ? LENIENT_REFERENCE : STRICT_REFERENCE,
    (whole, dec: string | undefined, hex: string | undefined, name: string | undefined, bare: string | undefined) => {
      if (dec !== undefined) return fromCodePoint(Number.parseInt(dec, 10), lenient);
      if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16), lenient);
      const code = namedEntityCodePoint(name ?? bare ?? '');
      return code === undefined ? whole : String.fromCodePoint(code);
    },
  );
}
