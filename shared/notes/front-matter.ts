/**
 * YAML front matter of Markdown notes, as Obsidian writes it, for the vault importer and exporter.
 * Parsed with the YAML 1.2 core schema, which has no timestamp type, so `date: 2026-11-20` stays the
 * string it was written as and comes back unchanged on export. Malformed input never throws: the note
 * is imported as plain text and the problem is reported in words.
 */
import { parseDocument, stringify } from 'yaml';
import type { JsonValue } from '../model';

export interface FrontMatter {
  data: Record<string, JsonValue>;
  body: string;
  /** Why the front matter was ignored, in a sentence for the person importing. */
  error?: string;
}

/** The opening line, the YAML (possibly empty), the closing line; each `---` alone on its line. */
const blockPattern = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Makes a parsed YAML value JSON-safe: non-finite numbers and anything exotic become strings. */
function toJsonValue(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString().endsWith('T00:00:00.000Z') ? value.toISOString().slice(0, 10) : value.toISOString();
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (value instanceof Map) return Object.fromEntries([...value].map(([key, inner]) => [String(key), toJsonValue(inner)]));
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toJsonValue(inner)]));
  return String(value);
}

export function parseFrontMatter(markdown: string): FrontMatter {
  const text = markdown.startsWith('\uFEFF') ? markdown.slice(1) : markdown;
  const block = blockPattern.exec(text);
  if (!block) return { data: {}, body: text };
  // stringifyFrontMatter leaves one blank line after the block; take it back off so a round trip is exact.
  const body = text.slice(block[0].length).replace(/^\r?\n/, '');
  const failed = (error: string): FrontMatter => ({ data: {}, body: text, error });
  let parsed: unknown;
  try {
    const document = parseDocument(block[1] ?? '', { schema: 'core', prettyErrors: false });
    if (document.errors.length > 0) {
      const reason = document.errors[0]!.message.split('\n')[0]!.replace(/\.$/, '');
      return failed(`The front matter is not valid YAML (${reason}), so it was kept as text.`);
    }
    parsed = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    return failed(`The front matter could not be read (${reason}), so it was kept as text.`);
  }
  if (parsed === null || parsed === undefined) return { data: {}, body };
  if (!isPlainObject(parsed)) return failed('The front matter is not a list of names and values, so it was kept as text.');
  return { data: toJsonValue(parsed) as Record<string, JsonValue>, body };
}

export function stringifyFrontMatter(data: Record<string, JsonValue>, body: string): string {
  if (Object.keys(data).length === 0) return body;
  const yaml = stringify(data, { schema: 'core', lineWidth: 0 });
  return `---\n${yaml}---\n\n${body}`;
}

/** A tags or aliases value in any of the forms Obsidian accepts, as a clean list. */
export function frontMatterList(value: unknown): string[] {
  const parts: unknown[] = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : value === null || value === undefined ? [] : [value];
  return parts
    .filter((part) => typeof part === 'string' || typeof part === 'number')
    .map((part) => String(part).trim().replace(/^#/, '').trim())
    .filter((part) => part !== '');
}
