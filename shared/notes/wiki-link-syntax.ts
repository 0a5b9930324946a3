/**
 * The text form of a wiki link, as Obsidian writes it: `[[target]]`, `[[target|label]]`,
 * `[[target#heading]]`, `[[target#heading|label]]`, and `![[target]]` for an embed.
 * One parser for the editor's Markdown tokenizer, the vault importer and the links index,
 * so they can never disagree about what a link points at.
 */

export interface WikiLinkParts {
  /** The note title (or file name) the link points at; never empty. */
  target: string;
  /** The heading inside the target, without the `#`. */
  heading: string | null;
  /** What the link shows instead of the target. */
  label: string | null;
  /** `![[…]]`: Obsidian embeds the target; Commonplace keeps it as a link. */
  embed: boolean;
}

export interface WikiLinkMatch extends WikiLinkParts {
  /** Offsets of the whole `[[…]]` (including a leading `!`) in the text searched. */
  start: number;
  end: number;
  raw: string;
}

/**
 * `[[` then anything but brackets and line breaks, then `]]`. A title cannot contain `[` or `]`
 * (Obsidian refuses them too), so the first `]]` always ends the link.
 */
const wikiLinkPattern = /(!?)\[\[([^[\]\n\r]+?)\]\]/g;

/** Parses what is between `[[` and `]]`; undefined when there is no target (`[[|x]]`, `[[#h]]`, `[[ ]]`). */
export function parseWikiLinkInner(inner: string, embed = false): WikiLinkParts | undefined {
  const bar = inner.indexOf('|');
  const reference = bar === -1 ? inner : inner.slice(0, bar);
  const labelText = bar === -1 ? '' : inner.slice(bar + 1).trim();
  const hash = reference.indexOf('#');
  const target = (hash === -1 ? reference : reference.slice(0, hash)).trim();
  const headingText = hash === -1 ? '' : reference.slice(hash + 1).trim();
  if (target === '') return undefined;
  return { target, heading: headingText || null, label: labelText || null, embed };
}

/** Every well-formed wiki link in `text`, in order. Links inside inline code are not excluded here. */
export function findWikiLinks(text: string): WikiLinkMatch[] {
  const found: WikiLinkMatch[] = [];
  for (const match of text.matchAll(wikiLinkPattern)) {
    const parts = parseWikiLinkInner(match[2]!, match[1] === '!');
    if (!parts) continue;
    found.push({ ...parts, start: match.index, end: match.index + match[0].length, raw: match[0] });
  }
  return found;
}

/** The Markdown text of a link; `formatWikiLink(parse(x))` gives back a canonical `x`. */
export function formatWikiLink(parts: Pick<WikiLinkParts, 'target'> & Partial<WikiLinkParts>): string {
  const heading = parts.heading ? `#${parts.heading}` : '';
  const label = parts.label ? `|${parts.label}` : '';
  return `${parts.embed ? '!' : ''}[[${parts.target}${heading}${label}]]`;
}

/** What a link shows in running text: its label, else the target (with the heading, as Obsidian shows it). */
export function wikiLinkText(parts: Pick<WikiLinkParts, 'target'> & Partial<WikiLinkParts>): string {
  if (parts.label) return parts.label;
  return parts.heading ? `${parts.target} > ${parts.heading}` : parts.target;
}

/**
 * The key titles and aliases are matched by: case-insensitive, Unicode-normalised, inner
 * whitespace collapsed. `[[my note]]` finds "My  Note", as in Obsidian.
 */
export function titleKey(title: string): string {
  return title.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}
