import { describe, expect, it } from 'vitest';
import { canonicalEncoding, charsetFromContentType, charsetFromMeta, decodeBytes, decodeWindows1252, prologEncoding } from './charset';

const latin1 = (text: string) => Buffer.from(text, 'latin1');
const utf8 = (text: string) => Buffer.from(text, 'utf8');
const windows1252Euro = Buffer.from([0x3c, 0x61, 0x3e, 0x80, 0x20, 0x93, 0x71, 0x94, 0x3c, 0x2f, 0x61, 0x3e]); // <a>€ “q”</a>

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let index = 0; index < le.length; index += 2) [le[index], le[index + 1]] = [le[index + 1]!, le[index]!];
  return le;
}

function utf32(text: string, little: boolean): Buffer {
  const points = [...text].map((char) => char.codePointAt(0)!);
  const bytes = Buffer.alloc(points.length * 4);
  points.forEach((point, index) => (little ? bytes.writeUInt32LE(point, index * 4) : bytes.writeUInt32BE(point, index * 4)));
  return bytes;
}

describe('decodeBytes', () => {
  it('decodes windows-1252 labelled in the HTTP header', () => {
    expect(decodeBytes(windows1252Euro, 'application/rss+xml; charset=windows-1252')).toEqual({
      text: '<a>€ “q”</a>',
      encoding: 'windows-1252',
    });
  });

  it('lets valid UTF-8 win over a wrong ISO-8859-1 label (header or prolog)', () => {
    const bytes = utf8('<?xml version="1.0" encoding="ISO-8859-1"?><title>Café 한국어</title>');
    expect(decodeBytes(bytes, 'text/xml; charset=ISO-8859-1')).toEqual({ text: bytes.toString('utf8'), encoding: 'utf-8' });
    expect(decodeBytes(bytes).encoding).toBe('utf-8');
  });

  it('reads the XML prolog when there is no header charset', () => {
    const bytes = latin1('<?xml version="1.0" encoding="ISO-8859-1"?><title>Café</title>');
    expect(decodeBytes(bytes, 'application/xml')).toEqual({
      text: '<?xml version="1.0" encoding="ISO-8859-1"?><title>Café</title>',
      encoding: 'windows-1252', // WHATWG decodes ISO-8859-1 as its superset windows-1252
    });
  });

  it('reads KOI8-R from the prolog', () => {
    const bytes = Buffer.concat([latin1("<?xml version='1.0' encoding='KOI8-R'?><t>"), Buffer.from([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4]), latin1('</t>')]);
    expect(decodeBytes(bytes)).toEqual({ text: "<?xml version='1.0' encoding='KOI8-R'?><t>Привет</t>", encoding: 'koi8-r' });
  });

  it('prefers the HTTP header over the prolog', () => {
    const bytes = Buffer.concat([latin1('<?xml version="1.0" encoding="utf-8"?><t>'), Buffer.from([0xf0]), latin1('</t>')]);
    expect(decodeBytes(bytes, 'text/xml; charset="koi8-r"')).toMatchObject({ text: expect.stringContaining('<t>П</t>'), encoding: 'koi8-r' });
  });

  it('honours byte-order marks: UTF-8, UTF-16LE/BE, UTF-32LE/BE', () => {
    const text = '<?xml version="1.0"?><t>Grüße 😀</t>';
    expect(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(text)]), 'text/xml; charset=iso-8859-1')).toEqual({ text, encoding: 'utf-8' });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)]))).toEqual({ text, encoding: 'utf-16be' });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32(text, true)]))).toEqual({ text, encoding: 'utf-32le' });
    expect(decodeBytes(Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), utf32(text, false)]))).toEqual({ text, encoding: 'utf-32be' });
  });

  it('recognises UTF-16 without a BOM from the shape of "<"', () => {
    const text = '<rss version="2.0"><title>Olá</title></rss>';
    expect(decodeBytes(Buffer.from(text, 'utf16le'), 'text/xml; charset=utf-16')).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeBytes(utf16be(text))).toEqual({ text, encoding: 'utf-16be' });
  });

  it('ignores a UTF-16 label on single-byte text', () => {
    expect(decodeBytes(utf8('<rss>é</rss>'), 'text/xml; charset=utf-16')).toEqual({ text: '<rss>é</rss>', encoding: 'utf-8' });
  });

  it('falls back sensibly: unknown labels are skipped; invalid UTF-8 without a label is windows-1252', () => {
    expect(decodeBytes(utf8('<?xml version="1.0" encoding="invalid"?><t>Café</t>'))).toMatchObject({ encoding: 'utf-8' });
    expect(decodeBytes(windows1252Euro, 'text/xml; charset=x-made-up')).toEqual({ text: '<a>€ “q”</a>', encoding: 'windows-1252' });
  });

  it('treats "UTF-8" bytes with no valid multi-byte sequence as mislabelled Latin-1, but keeps mostly-UTF-8 text', () => {
    const latin = Buffer.from('<?xml version="1.0" encoding="utf-8"?><t>Anaïs</t>', 'latin1');
    expect(decodeBytes(latin)).toEqual({ text: '<?xml version="1.0" encoding="utf-8"?><t>Anaïs</t>', encoding: 'windows-1252' });
    const mixed = Buffer.concat([utf8('<t>Café '), Buffer.from([0xe9]), utf8('</t>')]);
    expect(decodeBytes(mixed, 'text/xml; charset=utf-8')).toEqual({ text: '<t>Café \uFFFD</t>', encoding: 'utf-8' });
  });

  it('keeps a 7-bit label such as ISO-2022-JP on pure ASCII bytes', () => {
    const bytes = Buffer.from([0x1b, 0x24, 0x42, 0x46, 0x7c, 0x4b, 0x5c, 0x1b, 0x28, 0x42]); // 日本 in ISO-2022-JP
    expect(decodeBytes(bytes, 'text/xml; charset=ISO-2022-JP')).toEqual({ text: '日本', encoding: 'iso-2022-jp' });
  });

  it('reads <meta charset> in HTML, even after a long comment', () => {
    const page = latin1(`<!DOCTYPE html><html><!-- ${'x'.repeat(1500)} --><head><meta charset="iso-8859-1"><title>Café</title>`);
    expect(decodeBytes(page)).toMatchObject({ encoding: 'windows-1252', text: expect.stringContaining('Café') });
    const httpEquiv = latin1('<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r">');
    expect(charsetFromMeta(httpEquiv)).toBe('koi8-r');
  });

  it('maps every windows-1252 high byte, keeping the five undefined ones', () => {
    const all = decodeWindows1252(Uint8Array.from({ length: 32 }, (_, index) => 0x80 + index));
    expect(all).toHaveLength(32);
    expect(all.slice(0, 4)).toBe('€\u0081‚ƒ');
    expect(all.slice(-3)).toBe('\u009džŸ');
  });
});

describe('label readers', () => {
  it.each([
    ['<?xml version="1.0" encoding="ISO-8859-1"?>', 'ISO-8859-1'],
    ["<?xml version='1.0' encoding='windows-1252'?>", 'windows-1252'],
    ['<?xml version="1.0"   encoding = " UTF-8 " ?>', 'UTF-8'],
    ['\n  <?xml version="1.0"\n\tencoding="koi8-r"\n?>', 'koi8-r'],
    ['<?XML VERSION="1.0" ENCODING="utf-8"?>', 'utf-8'],
    ['<?xml version="1.0" standalone="yes"?>', undefined],
    ['<rss encoding="utf-8">', undefined],
  ])('prologEncoding(%j) is %j', (head, expected) => {
    expect(prologEncoding(latin1(head))).toBe(expected);
  });

  it.each([
    ['text/xml; charset=utf-8', 'utf-8'],
    ['text/xml;charset="ISO-8859-1"', 'ISO-8859-1'],
    ["text/xml; Charset='koi8-r'; foo=bar", 'koi8-r'],
    ['text/html; charset=UTF-8', 'UTF-8'],
    ['text/html;charset="koi8-r"', 'koi8-r'],
    ['text/xml', undefined],
    ['text/html', undefined],
    [undefined, undefined],
    [null, undefined],
  ])('charsetFromContentType(%j) is %j', (header, expected) => {
    expect(charsetFromContentType(header)).toBe(expected);
  });

  it.each([
    ['<meta charset="iso-8859-15">', 'iso-8859-15'],
    ["<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=gb2312'>", 'gb2312'],
    ['<meta name="description" content="x">', undefined],
  ])('charsetFromMeta(%s)', (head, expected) => {
    expect(charsetFromMeta(Buffer.from(head))).toBe(expected);
  });

  it('maps labels to canonical names and rejects unknown or dangerous ones', () => {
    expect(canonicalEncoding('latin1')).toBe('windows-1252');
    expect(canonicalEncoding(' UTF8 ')).toBe('utf-8');
    expect(canonicalEncoding('utf-32')).toBe('utf-32le');
    expect(canonicalEncoding('iso-2022-kr')).toBeUndefined();
    expect(canonicalEncoding('nonsense')).toBeUndefined();
  });
});
