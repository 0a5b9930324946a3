/**
 * Is a decoded body binary data rather than text? Servers label anything as anything: random bytes
 * served as text/html became a 64 KB "article" of mojibake, and as application/rss+xml a puzzling
 * "XML document (<S>) that is not a feed" once the repairs had cut the junk before a stray '<'.
 * The test is the WHATWG MIME Sniffing standard's "binary data byte" (C0 controls other than tab, LF,
 * FF, CR and ESC), counted in the decoded text so UTF-16/32 (already decoded) are never mistaken for it.
 * Real feeds do carry a stray control character now and then (MF 52, 569; xml-repair.ts removes them),
 * so it takes a share of them, not one: random bytes hold about 10 %, text next to none.
 */

// eslint-disable-next-line no-control-regex
const binaryDataChars = /[\u0000-\u0008\u000B\u000E-\u001A\u001C-\u001F]/g;

/** How much of the start is looked at: enough to judge, little enough to stay cheap on a 15 MB body. */
const window = 4096;
/** A share of binary-data characters no text reaches. */
const threshold = 0.03;

export function looksBinary(text: string): boolean {
  const head = text.slice(0, window);
  if (head.length === 0) return false;
  const count = head.match(binaryDataChars)?.length ?? 0;
  return count / head.length > threshold;
}
