// A lenient pre-pass that turns the not-quite-XML of real OPML exports into markup fast-xml-parser reads
// the way a person would. It rewrites only what it must:
// - a BOM and anything before the first `<` (exporters prepend whitespace or stray bytes);
// - every DOCTYPE, so no document ever declares entities (the parser is told not to expand any, too);
// - a `<` that cannot start markup (`a < b` in a title) becomes `&lt;`;
// - attribute values: quotes inside a value that are plainly not its end (`text="Газета "Коммерсантъ""`,
//   or HTML pasted into a description, both seen in a real export) become `&quot;`, and unquoted values
//   (`xmlUrl=http://…`) get quotes.
// Raw `&` needs no repair: decodeEntities runs later and keeps a bare `&` as written.
// The pass is linear however hostile the input: the scan only moves forward, and the search for a
// value's real closing quote never re-examines a stretch it has already found to hold none.

const NAME_START = /[\p{L}_:]/u;
const DOCTYPE = /<!doctype/iy;
// After a value's closing quote comes another attribute (` name=`), the end of the tag, or (in a tag
// cut short) the next OPML element.
const AFTER_VALUE = /\s+[^\s=<>"'/]+\s*=|\s*[/?]?>|\s*<\/?(?:outline|body|opml|head)\b|\s*$/iy;
// Stricter, for a value known to hold quotes: an OPML attribute must follow, or the end of an outline.
const AFTER_QUOTING_VALUE =
  /\s+(?:text|title|type|xmlurl|htmlurl|url|description|category|version|language|created|iscomment|isbreakpoint)\s*=\s*["']|\s*\/?>\s*(?:<\/?(?:outline|body|opml|head)\b|$)/iy;
const EQUALS = /\s*=\s*/y;
const ATTRIBUTE_NAME = /[^\s=/<>"']*/y;
const UNQUOTED_VALUE = /[^\s<>]*/y;

/** Runs a sticky pattern at `from` and returns the index where its match ends (or -1 if none). */
function matchEnd(pattern: RegExp, text: string, from: number): number {
  pattern.lastIndex = from;
  return pattern.test(text) ? pattern.lastIndex : -1;
}

/** Whether a tag or attribute name can start with `ch` (ASCII first: this runs once per character). */
function isNameStart(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code === 58) return true;
  return code >= 0xc0 && NAME_START.test(ch);
}

function skipDoctype(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '[') depth += 1;
    else if (ch === ']') depth = Math.max(0, depth - 1);
    else if (ch === '>' && depth === 0) return i + 1;
  }
  return text.length;
}

class Repairer {
  private out = '';
  private lineEnd = -1; // memo: the first newline at or after the last position asked about
  private noCloseBefore = 0; // no quote before this index ends a value (a scan proved it)

  constructor(private readonly text: string) {}

  run(): string {
    const { text } = this;
    let i = 0;
    while (i < text.length) {
      const lt = text.indexOf('<', i);
      if (lt < 0) return this.out + text.slice(i);
      this.out += text.slice(i, lt);
      i = this.markup(lt);
    }
    return this.out;
  }

  /** Handles the markup that starts at `lt`; returns the index after it. */
  private markup(lt: number): number {
    const { text } = this;
    const next = text[lt + 1] ?? '';
    if (isNameStart(next)) return this.startTag(lt);
    if (next !== '!') {
      this.out += next === '/' || next === '?' ? '<' : '&lt;';
      return lt + 1;
    }
    const closer = text.startsWith('<!--', lt) ? '-->' : text.startsWith('<![CDATA[', lt) ? ']]>' : undefined;
    if (closer) {
      const end = text.indexOf(closer, lt + 4);
      const stop = end < 0 ? text.length : end + closer.length;
      this.out += text.slice(lt, stop);
      return stop;
    }
    if (matchEnd(DOCTYPE, text, lt) >= 0) return skipDoctype(text, lt);
    this.out += '<';
    return lt + 1;
  }

  /** Copies a start tag, normalising attribute quoting; a `<` inside it ends the tag (it was cut short). */
  private startTag(lt: number): number {
    const { text } = this;
    let i = matchEnd(ATTRIBUTE_NAME, text, lt + 1);
    this.out += text.slice(lt, i);
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === '>' || ch === '<') {
        this.out += '>';
        return ch === '>' ? i + 1 : i;
      }
      if (!isNameStart(ch)) {
        // Keep the separators; drop stray quotes and junk, which would derail the parser's tag reading.
        this.out += ch === '/' || ch.trim() === '' ? ch : ' ';
        i += 1;
        continue;
      }
      const nameEnd = matchEnd(ATTRIBUTE_NAME, text, i);
      this.out += text.slice(i, nameEnd);
      i = nameEnd;
      const valueStart = matchEnd(EQUALS, text, i);
      if (valueStart < 0) continue; // a valueless attribute: the parser ignores it
      let value: string;
      if (text[valueStart] === '"' || text[valueStart] === "'") [value, i] = this.quoted(valueStart);
      else {
        i = matchEnd(UNQUOTED_VALUE, text, valueStart);
        if (text[i - 1] === '/' && text[i] === '>') i -= 1; // `url=http://a/>`: the slash closes the tag
        value = text.slice(valueStart, i);
      }
      // Markup characters inside a value are escaped too: decodeEntities restores them after parsing.
      this.out += `="${value.replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}"`;
    }
    return i;
  }

  /** Reads a quoted value from its opening quote; returns [value, index after the closing quote]. */
  private quoted(open: number): [string, number] {
    const { text } = this;
    const quote = text[open]!;
    const first = text.indexOf(quote, open + 1);
    if (first < 0) return [text.slice(open + 1), text.length];
    if (matchEnd(AFTER_VALUE, text, first + 1) >= 0) return [text.slice(open + 1, first), first + 1];
    // The first quote cannot be the end: the value holds quotes of its own (a quoted name, or HTML like
    // `<a href="…">` pasted into a description). Its real end is the next quote followed by an OPML
    // attribute or by the end of the outline, looked for on the same line only, so that a value that is
    // simply unterminated cannot swallow the document. Failing that, the first quote ends it, as in XML.
    const limit = this.lineEndAfter(open);
    for (let q = Math.max(first + 1, this.noCloseBefore); q < limit; q += 1) {
      if (text[q] === quote && matchEnd(AFTER_QUOTING_VALUE, text, q + 1) >= 0) return [text.slice(open + 1, q), q + 1];
    }
    this.noCloseBefore = limit;
    return [text.slice(open + 1, first), first + 1];
  }

  private lineEndAfter(from: number): number {
    if (this.lineEnd < from) {
      const found = this.text.indexOf('\n', from);
      this.lineEnd = found < 0 ? this.text.length : found;
    }
    return this.lineEnd;
  }
}

export function repairMarkup(input: string): string {
  const first = input.indexOf('<');
  return first < 0 ? '' : new Repairer(input.slice(first)).run();
}
