/**
 * The text of a .md file from its bytes. Vault notes are UTF-8 (Obsidian writes nothing else), but a
 * vault may hold an old Latin-1 file, a UTF-16 export, or something binary that only ends in .md.
 */

export type NoteText =
  | { kind: 'text'; text: string; /** Some bytes were not valid UTF-8 and became U+FFFD. */ replaced: boolean }
  | { kind: 'binary' };

/** How far into a file to look for a NUL byte, as git does to tell binary from text. */
const sniffBytes = 8000;

export function decodeNoteBytes(bytes: Uint8Array): NoteText {
  // A byte-order mark says UTF-16, whose text is full of NUL bytes, so it is checked first.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { kind: 'text', text: new TextDecoder('utf-16le').decode(bytes), replaced: false };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { kind: 'text', text: new TextDecoder('utf-16be').decode(bytes), replaced: false };
  if (bytes.subarray(0, sniffBytes).includes(0)) return { kind: 'binary' };
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), replaced: false };
  } catch {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: false }).decode(bytes), replaced: true };
  }
}
