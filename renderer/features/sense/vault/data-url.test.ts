import { describe, expect, it } from 'vitest';
import { bytesToBase64, bytesToDataUrl, dataUrlToBytes } from './data-url';

describe('data: URLs', () => {
  it('round-trips every byte value, also past one slice of the encoder', () => {
    const bytes = new Uint8Array(0x8000 * 2 + 17).map((_, index) => (index * 7) % 256);
    const decoded = dataUrlToBytes(bytesToDataUrl(bytes, 'image/png'));
    expect(decoded?.mime).toBe('image/png');
    expect(decoded?.bytes).toEqual(bytes);
  });

  it.each([
    ['data:image/png;base64,iVBO', { mime: 'image/png', bytes: [137, 80, 78] }],
    ['DATA:IMAGE/GIF;BASE64,R0lG', { mime: 'image/gif', bytes: [71, 73, 70] }],
    ['data:image/svg+xml;charset=utf-8;base64,PHN2Zz4=', { mime: 'image/svg+xml', bytes: [60, 115, 118, 103, 62] }],
    ['data:,A%20b', { mime: 'text/plain', bytes: [65, 32, 98] }],
  ])('decodes %s', (url, expected) => {
    const decoded = dataUrlToBytes(url);
    expect({ mime: decoded?.mime, bytes: Array.from(decoded?.bytes ?? []) }).toEqual(expected);
  });

  it.each(['https://example.com/x.png', 'attachments/x.png', 'data:image/png;base64,@@@', 'data:text/plain,%E0%A4%A'])('gives nothing for %s', (url) => {
    expect(dataUrlToBytes(url)).toBeUndefined();
  });

  it('encodes the empty array', () => {
    expect(bytesToBase64(new Uint8Array())).toBe('');
  });
});
