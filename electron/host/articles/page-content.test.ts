import { describe, expect, it } from 'vitest';
import { decodeHtml, isHtmlMediaType, looksLikeHtml, mediaTypeOf, notAWebPageMessage } from './page-content';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));

describe('decodeHtml', () => {
  it.each([
    ['UTF-8 BOM', bytes([0xef, 0xbb, 0xbf], 'caf', [0xc3, 0xa9]), 'text/html; charset=windows-1252', 'café'],
    ['UTF-16LE BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('café', 'utf16le')]), 'text/html', 'café'],
    ['valid UTF-8 wins over a Latin-1 label', bytes('caf', [0xc3, 0xa9]), 'text/html; charset=iso-8859-1', 'café'],
    ['header charset', bytes('caf', [0xe9, 0x20, 0x80]), 'text/html; charset="windows-1252"', 'café €'],
    ['"iso-8859-1" means windows-1252', bytes([0x93], 'q', [0x94]), 'text/html; charset=ISO-8859-1', '“q”'],
    ['ISO-8859-2 header', bytes([0xb1]), 'text/html; charset=iso-8859-2', 'ą'],
    ['Shift_JIS header', bytes([0x82, 0xa0]), 'text/html; charset=Shift_JIS', 'あ'],
    ['<meta charset>', bytes('<meta charset="windows-1252"><p>', [0xe9]), 'text/html', '<meta charset="windows-1252"><p>é'],
    ['unknown label falls through to UTF-8', bytes('caf', [0xe9]), 'text/html; charset=x-klingon', 'caf\ufffd'],
    ['meta claiming UTF-16 is read as UTF-8', bytes('<meta charset=utf-16>', [0xe9]), 'text/html', '<meta charset=utf-16>\ufffd'],
  ])('%s', (_name, input, contentType, expected) => {
    expect(decodeHtml(input, contentType)).toBe(expected);
  });
});

describe('media type parsing', () => {
  it('reads the bare media type', () => {
    expect(mediaTypeOf(' Text/HTML ; charset=utf-8')).toBe('text/html');
    expect(mediaTypeOf(undefined)).toBe('');
    expect(isHtmlMediaType('application/xhtml+xml')).toBe(true);
    expect(isHtmlMediaType('text/plain')).toBe(false);
  });

  it.each([
    ['application/pdf', 'This address is a PDF, not a web page.'],
    ['image/webp', 'This address is an image, not a web page.'],
    ['video/mp4', 'This address is a video, not a web page.'],
    ['audio/mpeg', 'This address is an audio file, not a web page.'],
    ['application/atom+xml', 'This address is a feed, not a web page. Add it as a feed instead.'],
    ['application/json', 'This address is data (JSON), not a web page.'],
    ['application/zip', 'This address is a file to download, not a web page.'],
    ['application/x-unheard-of', 'This address is a file of another kind, not a web page.'],
  ])('explains %s', (mediaType, message) => {
    expect(notAWebPageMessage(mediaType)).toBe(message);
  });

  it('recognises HTML without a Content-Type', () => {
    expect(looksLikeHtml(Buffer.from('\n  <!DOCTYPE html><html>'))).toBe(true);
    expect(looksLikeHtml(Buffer.from('<p>Just a paragraph</p>'))).toBe(true);
    expect(looksLikeHtml(Buffer.from('%PDF-1.7 binary'))).toBe(false);
    expect(looksLikeHtml(Buffer.from('{"json": true}'))).toBe(false);
  });
});
