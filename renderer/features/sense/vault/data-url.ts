/**
 * Bytes ↔ `data:` URLs, for images held inside notes. Pasted images live in the doc as data: URLs
 * (the editor's image-paste extension); a vault keeps them as files, so export decodes them to bytes
 * and import encodes an attachment the note shows back into one.
 */

/** btoa takes a "binary string"; building it in slices keeps `String.fromCharCode` under argument limits. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const slice = 0x8000;
  for (let at = 0; at < bytes.length; at += slice) {
    binary += String.fromCharCode(...bytes.subarray(at, at + slice));
  }
  return btoa(binary);
}

export function bytesToDataUrl(bytes: Uint8Array, mime: string): string {
  return `data:${mime};base64,${bytesToBase64(bytes)}`;
}

export interface DecodedDataUrl {
  mime: string;
  bytes: Uint8Array;
}

const dataUrlPattern = /^data:([^,;]*)((?:;[^,;=]+=[^,;]*)*)(;base64)?,(.*)$/is;

/** The bytes and media type of a data: URL; undefined for anything else or a damaged one. */
export function dataUrlToBytes(url: string): DecodedDataUrl | undefined {
  const match = dataUrlPattern.exec(url);
  if (!match) return undefined;
  const mime = (match[1] || 'text/plain').toLowerCase();
  const payload = match[4]!;
  try {
    if (match[3]) {
      const binary = atob(payload.replace(/\s+/g, ''));
      const bytes = new Uint8Array(binary.length);
      for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
      return { mime, bytes };
    }
    return { mime, bytes: new TextEncoder().encode(decodeURIComponent(payload)) };
  } catch {
    return undefined;
  }
}
