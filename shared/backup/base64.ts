/**
 * Base64 for bytes, in plain TypeScript: shared/ has neither Buffer (Node) nor btoa/atob (DOM typings), and
 * Uint8Array.toBase64 is not in Node 20. Backups carry vault attachments (images, PDFs) this way.
 */
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const values = new Int16Array(128).fill(-1);
for (let index = 0; index < alphabet.length; index += 1) values[alphabet.charCodeAt(index)] = index;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let line = '';
  for (let index = 0; index < bytes.length; index += 3) {
    const a = bytes[index]!;
    const b = bytes[index + 1];
    const c = bytes[index + 2];
    line += alphabet[a >> 2]! + alphabet[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    line += b === undefined ? '=' : alphabet[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    line += c === undefined ? '=' : alphabet[c & 63]!;
    // Joining once per 48 KB keeps string concatenation from going quadratic on big files.
    if (line.length >= 65_536) {
      parts.push(line);
      line = '';
    }
  }
  parts.push(line);
  return parts.join('');
}

/** The bytes, or undefined when the text is not base64 (wrong letters, wrong length, bad padding). */
export function base64ToBytes(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0) return undefined;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let out = 0;
  for (let index = 0; index < text.length; index += 4) {
    const quad = [0, 1, 2, 3].map((offset) => {
      const code = text.charCodeAt(index + offset);
      return code < 128 ? values[code]! : -1;
    });
    const isLast = index + 4 === text.length;
    const allowedPad = isLast ? padding : 0;
    for (let offset = 0; offset < 4; offset += 1) {
      if (quad[offset]! === -1 && !(offset >= 4 - allowedPad && text[index + offset] === '=')) return undefined;
    }
    const [a, b, c, d] = quad.map((value) => Math.max(0, value)) as [number, number, number, number];
    bytes[out++] = (a << 2) | (b >> 4);
    if (out < bytes.length) bytes[out++] = ((b & 15) << 4) | (c >> 2);
    if (out < bytes.length) bytes[out++] = ((c & 3) << 6) | d;
  }
  return bytes;
}
