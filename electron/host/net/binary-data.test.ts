import { describe, expect, it } from 'vitest';
import { decodeBytes } from './charset';
import { looksBinary } from './binary-data';

/** The same bytes every run (xorshift). */
function randomBytes(length: number, seed = 0x2545f491): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let index = 0; index < length; index += 1) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[index] = state & 0xff;
  }
  return bytes;
}

const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

describe('looksBinary', () => {
  it.each([
    ['random bytes read as windows-1252', decodeBytes(randomBytes(65_536)).text],
    ['random bytes read as UTF-8 with U+FFFD', decodeBytes(randomBytes(65_536), null, { fallback: 'utf-8' }).text],
    ['a PNG', decodeBytes(png, 'text/html').text],
    ['a zip header', decodeBytes(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0x14, 0, 0, 0])).text],
  ])('says yes to %s', (_name, text) => {
    expect(looksBinary(text)).toBe(true);
  });

  it.each([
    ['an empty body', ''],
    ['a feed', '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>'],
    ['text with tabs, form feeds and CRLF', 'a\tb\fc\r\nd\u001be'.repeat(200)],
    ['a feed with a few stray control characters', `<rss><channel><title>A\u0003B\u0010C</title>${'<item><title>ok</title></item>'.repeat(100)}</channel></rss>`],
    ['UTF-16 decoded by its byte-order mark', decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<rss><channel/></rss>', 'utf16le')])).text],
    ['Latin-1 accents read as UTF-8 with U+FFFD', decodeBytes(Buffer.from('<p>Déjà vu à l’été, ça coûte très cher.</p>'.repeat(50), 'latin1'), null, { fallback: 'utf-8' }).text],
  ])('says no to %s', (_name, text) => {
    expect(looksBinary(text)).toBe(false);
  });

  it('judges by the start, so a huge body costs no more than a small one', () => {
    expect(looksBinary(`${'<p>text</p>'.repeat(1000)}${'\u0000'.repeat(1_000_000)}`)).toBe(false);
  });
});
