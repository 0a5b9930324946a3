/**
 * Bytes → text for feeds and web pages (one decoder for both). Order of evidence, strongest first:
 *  1. a byte-order mark (it cannot be there by accident);
 *  2. the XML "autodetection" byte patterns of UTF-16/UTF-32 without a BOM (XML 1.0 appendix F);
 *  3. bytes that are valid UTF-8 and not plain ASCII — they win over any ASCII-compatible label,
 *     because a wrong label is far more common than Latin-1 text that happens to be valid UTF-8
 *     (Miniflux does the same; Fluent Reader broke on non-UTF-8 feeds, FR 37);
 *  4. the HTTP Content-Type charset, then the XML prolog's encoding, then an HTML <meta> charset;
 *     labels TextDecoder does not know, and WHATWG's "replacement" ones (ISO-2022-KR…), are skipped;
 *  5. no usable label, or a UTF-16/32 label without a BOM: UTF-8 if valid, else the fallback;
 *     labelled UTF-8 but not one valid multi-byte sequence in it: the fallback too.
 *     The fallback is windows-1252 (what browsers assume for the web's legacy bytes) unless the caller asks
 *     for UTF-8 with U+FFFD for the bad bytes, as web pages do (articles/page-content.ts).
 * TextDecoder (Node with full ICU) knows the WHATWG encodings; UTF-32, which it lacks, is decoded here by hand,
 * and so is windows-1252, which Node 20 gets wrong (see decodeWindows1252).
 */

export interface DecodedText {
  text: string;
  /** Canonical WHATWG name of the encoding used ("utf-8", "windows-1252", "utf-16le"…), or "utf-32le/be". */
  encoding: string;
}

type Utf32 = 'utf-32le' | 'utf-32be';

/** How far into the document a prolog or <meta> may sit. The prolog must be first; <meta> may follow a long comment. */
const prologWindow = 1024;
const metaWindow = 8192;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export interface DecodeOptions {
  /** The encoding for bytes that are not valid UTF-8 and have no usable label (see 5 above). */
  fallback?: 'windows-1252' | 'utf-8';
}

export function decodeBytes(bytes: Uint8Array, contentType?: string | null, options: DecodeOptions = {}): DecodedText {
  const fallback = options.fallback ?? 'windows-1252';
  const bom = sniffBom(bytes);
  if (bom) return decodeWith(bom.encoding, bytes.subarray(bom.length));

  const pattern = sniffXmlPattern(bytes);
  if (pattern) return decodeWith(pattern, bytes);

  const label = firstKnownLabel([charsetFromContentType(contentType), prologEncoding(bytes), charsetFromMeta(bytes)]);
  const utf8 = isValidUtf8(bytes);

  if (label === undefined) return decodeWith(utf8 ? 'utf-8' : fallback, bytes);
  if (label === 'utf-8') return decodeWith(utf8 || hasUtf8Sequences(bytes) ? 'utf-8' : fallback, bytes);
  // A label naming UTF-16/32 without a BOM or pattern is wrong (HTML, too, reads it as UTF-8): the text is ASCII-based.
  if (label.startsWith('utf-16') || label.startsWith('utf-32')) return decodeWith(utf8 ? 'utf-8' : fallback, bytes);
  // Pure ASCII decodes the same under any ASCII-compatible label, so only non-ASCII UTF-8 overrides it
  // (and 7-bit encodings such as ISO-2022-JP keep their label).
  if (utf8 && !isAscii(bytes)) return decodeWith('utf-8', bytes);
  return decodeWith(label, bytes);
}

function sniffBom(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', length: 3 };
  // UTF-32LE's BOM starts like UTF-16LE's, so test it first.
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return { encoding: 'utf-32le', length: 4 };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { encoding: 'utf-32be', length: 4 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', length: 2 };
  return undefined;
}

/** A leading `<` encoded in a wide encoding without a BOM (`<?xml`, or straight into `<rss`). */
function sniffXmlPattern(bytes: Uint8Array): string | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0x3c && b === 0 && c === 0 && d === 0) return 'utf-32le';
  if (a === 0 && b === 0 && c === 0 && d === 0x3c) return 'utf-32be';
  if (a === 0x3c && b === 0 && c !== 0 && d === 0) return 'utf-16le';
  if (a === 0 && b === 0x3c && c === 0 && d !== 0) return 'utf-16be';
  return undefined;
}

export function charsetFromContentType(contentType: string | null | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;]+))/i.exec(contentType ?? '');
  return match ? (match[1] ?? match[2] ?? match[3])?.trim() : undefined;
}

/** encoding="…" in the XML declaration; tolerant of either quote, spacing and case (FR 170 broke on a stricter regex). */
export function prologEncoding(bytes: Uint8Array): string | undefined {
  const head = latin1(bytes, prologWindow);
  const decl = /^\s*<\?xml\b([^>]*?)\?>/i.exec(head.replace(/^\uFEFF/, ''));
  if (!decl?.[1]) return undefined;
  const match = /\bencoding\s*=\s*(?:"\s*([^"]*?)\s*"|'\s*([^']*?)\s*'|([^\s?'"]+))/i.exec(decl[1]);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/**
 * <meta charset="…"> or <meta http-equiv="Content-Type" content="…; charset=…"> near the top of a page.
 * Browsers look at the first 1024 bytes; pages with long comments before the meta are common, so 8 KiB.
 */
export function charsetFromMeta(bytes: Uint8Array): string | undefined {
  const head = latin1(bytes, metaWindow);
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([^\s"';/>]+)/i.exec(tag);
    if (direct?.[1]) return direct[1];
  }
  return undefined;
}

/** The first label TextDecoder understands, as its canonical name; unknown or bogus labels are skipped. */
function firstKnownLabel(labels: (string | undefined)[]): string | undefined {
  for (const label of labels) {
    if (!label) continue;
    const name = canonicalEncoding(label);
    if (name) return name;
  }
  return undefined;
}

export function canonicalEncoding(label: string): string | undefined {
  const lowered = label.trim().toLowerCase();
  if (lowered === 'utf-32' || lowered === 'utf-32le' || lowered === 'ucs-4') return 'utf-32le';
  if (lowered === 'utf-32be') return 'utf-32be';
  try {
    const encoding = new TextDecoder(lowered).encoding;
    // 'replacement' is WHATWG's name for dangerous encodings (ISO-2022-KR, HZ…): it decodes to one U+FFFD.
    return encoding === 'replacement' ? undefined : encoding;
  } catch {
    return undefined;
  }
}

function decodeWith(encoding: string, bytes: Uint8Array): DecodedText {
  if (encoding === 'utf-32le' || encoding === 'utf-32be') return { text: decodeUtf32(bytes, encoding), encoding };
  if (encoding === 'windows-1252') return { text: decodeWindows1252(bytes), encoding };
  const decoder = new TextDecoder(encoding, { ignoreBOM: false });
  return { text: decoder.decode(bytes), encoding: decoder.encoding };
}

function decodeUtf32(bytes: Uint8Array, encoding: Utf32): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = encoding === 'utf-32le';
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let offset = 0; offset + 4 <= bytes.byteLength; offset += 4) {
    const code = view.getUint32(offset, little);
    chunk.push(code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? 0xfffd : code);
    // Flush in slices: String.fromCodePoint with a huge argument list would overflow the stack.
    if (chunk.length === 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  return parts.join('').replace(/^\uFEFF/, '');
}

/**
 * Node 20's TextDecoder decodes windows-1252 (and ISO-8859-1 and ASCII, its WHATWG aliases) as plain Latin-1,
 * turning 0x80–0x9F into C1 controls instead of € “ ” – … (a Node regression). This is the WHATWG table;
 * 0x81, 0x8D, 0x8F, 0x90 and 0x9D stay C1 controls.
 */
const cp1252High =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  const latin = latin1(bytes);
  return latin.replace(/[\u0080-\u009F]/g, (char) => cp1252High[char.charCodeAt(0) - 0x80] ?? char);
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Labelled UTF-8 but not valid: mostly UTF-8 with a few broken bytes keeps UTF-8 (they become U+FFFD);
 * not one valid multi-byte sequence means Latin-1 text under a wrong label.
 */
function hasUtf8Sequences(bytes: Uint8Array): boolean {
  return /[\u0080-\uFFFC\uFFFE\uFFFF]/.test(new TextDecoder('utf-8').decode(bytes));
}

function isAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte > 0x7f) return false;
  return true;
}

/** The bytes (the first `limit` of them) as Latin-1: one character per byte, for sniffing labels and tags. */
export function latin1(bytes: Uint8Array, limit = bytes.byteLength): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, limit)).toString('latin1');
}
