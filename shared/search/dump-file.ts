// A saved index as one file of bytes (the app keeps it in the origin-private file system, see
// renderer/features/search/engine/opfs-store.ts): a JSON skeleton of the value, then its typed arrays and
// its long lists of strings as raw sections. Reading it back is one JSON.parse of a few kilobytes, one
// TextDecoder pass per list of strings, and views onto the file's bytes for the typed arrays (no copy):
// what the bulk of an index (postings, ids, titles, terms) costs to load is little more than reading it.
//
// Layout: "CPSI", u32 layout version, u32 skeleton byte length, skeleton (UTF-8 JSON), padding to 8, then
// the sections, each 8-aligned. In the skeleton, {"$section": n} stands for section n; the section table
// is the skeleton's `sections`: [kind, byte offset, byte length, count] with kind u8 | u32 | f64 | str.

// The Encoding standard's classes, present in every runtime the app and its tests use; declared here because
// shared/ compiles without the DOM and Node typings that declare them.
declare const TextEncoder: new () => { encode(text: string): Uint8Array };
declare const TextDecoder: new () => { decode(bytes: Uint8Array): string };

const MAGIC = [0x43, 0x50, 0x53, 0x49]; // "CPSI"
const LAYOUT = 1;
/** Lists of strings at least this long become a section; shorter ones stay in the JSON. */
const STRING_SECTION_MIN = 64;

type SectionKind = 'u8' | 'u32' | 'f64' | 'str';
type SectionEntry = [kind: SectionKind, offset: number, bytes: number, count: number];

function damaged(reason: string): Error {
  return new Error(`The saved search index file is damaged (${reason}); rebuild the index.`);
}

const align = (value: number): number => Math.ceil(value / 8) * 8;

function typedKind(value: ArrayBufferView): SectionKind | undefined {
  switch (Object.prototype.toString.call(value)) {
    case '[object Uint8Array]': return 'u8';
    case '[object Uint32Array]': return 'u32';
    case '[object Float64Array]': return 'f64';
    default: return undefined;
  }
}

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length >= STRING_SECTION_MIN && value.every((entry) => typeof entry === 'string');

/** The bytes of `value`: JSON-like data (objects, arrays, strings, finite numbers, booleans, null) with Uint8/Uint32/Float64 arrays anywhere in it. */
export function encodeDumpFile(value: unknown): Uint8Array {
  const encoder = new TextEncoder();
  const payloads: Uint8Array[] = [];
  const table: SectionEntry[] = [];
  let offset = 0;
  const section = (kind: SectionKind, bytes: Uint8Array, count: number): { $section: number } => {
    table.push([kind, offset, bytes.byteLength, count]);
    payloads.push(bytes);
    offset = align(offset + bytes.byteLength);
    return { $section: table.length - 1 };
  };
  const walk = (node: unknown): unknown => {
    if (ArrayBuffer.isView(node)) {
      const kind = typedKind(node);
      if (kind === undefined) throw new Error('Only Uint8Array, Uint32Array and Float64Array can be saved in a search index file.');
      return section(kind, new Uint8Array(node.buffer, node.byteOffset, node.byteLength), kind === 'u8' ? node.byteLength : kind === 'u32' ? node.byteLength / 4 : node.byteLength / 8);
    }
    if (isStringList(node)) {
      // The UTF-16 end of each string in the joined text, then the text as UTF-8.
      const ends = new Uint32Array(node.length);
      let end = 0;
      node.forEach((entry, at) => (ends[at] = end += entry.length));
      const text = encoder.encode(node.join(''));
      const bytes = new Uint8Array(align(ends.byteLength) + text.byteLength);
      bytes.set(new Uint8Array(ends.buffer), 0);
      bytes.set(text, align(ends.byteLength));
      return section('str', bytes, node.length);
    }
    if (Array.isArray(node)) return node.map(walk);
    if (typeof node === 'object' && node !== null) return Object.fromEntries(Object.entries(node).map(([key, entry]) => [key, walk(entry)]));
    return node;
  };
  const skeleton = walk(value);
  const head = encoder.encode(JSON.stringify({ value: skeleton, sections: table }));
  const start = align(12 + head.byteLength);
  const out = new Uint8Array(start + offset);
  out.set(MAGIC, 0);
  const view = new DataView(out.buffer);
  view.setUint32(4, LAYOUT, true);
  view.setUint32(8, head.byteLength, true);
  out.set(head, 12);
  payloads.forEach((payload, at) => out.set(payload, start + table[at]![1]));
  return out;
}

/** The value a file holds; throws an Error saying the file is damaged when it is not one of ours or is cut short. */
export function decodeDumpFile(bytes: Uint8Array): unknown {
  if (bytes.byteLength < 12 || MAGIC.some((byte, at) => bytes[at] !== byte)) throw damaged('not a search index file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(4, true) !== LAYOUT) throw damaged(`unknown layout ${view.getUint32(4, true)}`);
  const headLength = view.getUint32(8, true);
  if (12 + headLength > bytes.byteLength) throw damaged('cut short');
  let head: { value: unknown; sections: SectionEntry[] };
  try {
    head = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headLength))) as typeof head;
  } catch {
    throw damaged('its description is unreadable');
  }
  if (!Array.isArray(head.sections)) throw damaged('no section table');
  const start = align(12 + headLength);
  // Views need their start aligned to their element size within the buffer: copy the rare unaligned file.
  const aligned = (bytes.byteOffset + start) % 8 === 0 ? bytes : bytes.slice();
  const base = aligned.byteOffset + start;
  const decoder = new TextDecoder();
  const sections = head.sections.map((entry) => {
    const [kind, offset, length, count] = entry;
    if (typeof offset !== 'number' || typeof length !== 'number' || typeof count !== 'number' || offset % 8 !== 0 || start + offset + length > aligned.byteLength) {
      throw damaged('a section lies outside the file');
    }
    const at = base + offset;
    switch (kind) {
      case 'u8':
        if (length !== count) throw damaged('a section has the wrong length');
        return new Uint8Array(aligned.buffer, at, count);
      case 'u32':
        if (length !== count * 4) throw damaged('a section has the wrong length');
        return new Uint32Array(aligned.buffer, at, count);
      case 'f64':
        if (length !== count * 8) throw damaged('a section has the wrong length');
        return new Float64Array(aligned.buffer, at, count);
      case 'str': {
        const endsBytes = align(count * 4);
        if (length < endsBytes) throw damaged('a section has the wrong length');
        const ends = new Uint32Array(aligned.buffer, at, count);
        const text = decoder.decode(new Uint8Array(aligned.buffer, at + endsBytes, length - endsBytes));
        const out = new Array<string>(count);
        let from = 0;
        for (let index = 0; index < count; index += 1) {
          const to = ends[index]!;
          if (to < from || to > text.length) throw damaged('a list of strings does not add up');
          out[index] = text.slice(from, to);
          from = to;
        }
        if (from !== text.length) throw damaged('a list of strings does not add up');
        return out;
      }
      default:
        throw damaged('a section of unknown kind');
    }
  });
  const used = new Set<number>();
  const rebuild = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rebuild);
    if (typeof node === 'object' && node !== null) {
      const reference = (node as { $section?: unknown }).$section;
      if (typeof reference === 'number' && Object.keys(node).length === 1) {
        if (reference < 0 || reference >= sections.length || used.has(reference)) throw damaged('a section is missing or used twice');
        used.add(reference);
        return sections[reference];
      }
      return Object.fromEntries(Object.entries(node).map(([key, entry]) => [key, rebuild(entry)]));
    }
    return node;
  };
  return rebuild(head.value);
}
