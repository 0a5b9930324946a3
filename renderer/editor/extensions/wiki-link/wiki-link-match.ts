/**
 * Where the `[[` suggestion is open. Tiptap's default matcher with `allowSpaces` runs on to the end of
 * the line, so `[[Some title]] and more` would still count as a query; this one stops at the first
 * bracket, so typing `]]` closes the list and the input rule takes over.
 */
import type { findSuggestionMatch } from '@tiptap/suggestion';

type Trigger = Parameters<typeof findSuggestionMatch>[0];
type SuggestionMatch = ReturnType<typeof findSuggestionMatch>;

export function findWikiLinkQuery({ $position }: Pick<Trigger, '$position'>): SuggestionMatch {
  const before = $position.nodeBefore;
  const text = before?.isText ? before.text : undefined;
  if (!text) return null;
  const open = text.lastIndexOf('[[');
  if (open === -1) return null;
  const query = text.slice(open + 2);
  // A bracket or a line break after `[[` means the link was closed (or was never one).
  if (/[[\]\n\r]/.test(query)) return null;
  const from = $position.pos - text.length + open;
  return { range: { from, to: $position.pos }, query, text: text.slice(open) };
}
