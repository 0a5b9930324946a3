/**
 * What a person types in Add source, read as a source that is not a feed: a Mastodon hashtag on an
 * instance, a Hacker News, Bluesky or Reddit search, a Bluesky author. Anything else (a URL, plain words)
 * is left to the feed flow, which is why an input that looks like one of these forms but is not quite
 * right answers undefined rather than a guess. Pure: no I/O and no Node; the renderer and the host both read it.
 *
 *   #pkm@social.example any:zettelkasten,notes all:obsidian none:spam local
 *   #pkm@http://127.0.0.1:8080          (an instance written with its scheme is used as given)
 *   hn:local-first software             hn:"rust" comments points>50
 *   bsky:search words                   bsky:@alice.bsky.social
 *   reddit:query                        reddit:r/sub query
 */

export type SourceSpec =
  | {
      kind: 'mastodon-tag';
      tag: string;
      /** The instance's origin, e.g. https://social.example or http://127.0.0.1:8080. */
      instance: string;
      /** Mastodon's any[], all[] and none[]: extra tags, at most 4 each. */
      any: string[];
      all: string[];
      none: string[];
      localOnly: boolean;
    }
  | {
      kind: 'hn-search';
      query: string;
      tags: 'story' | 'comment';
      /** Inclusive: `points>50` is 51, `points>=50` is 50; 0 when not given. */
      minPoints: number;
    }
  | { kind: 'bluesky-search'; query: string }
  /** A handle (alice.bsky.social) or a DID (did:plc:…), without the @. */
  | { kind: 'bluesky-author'; handle: string }
  | { kind: 'reddit-search'; query: string; subreddit?: string };

/** The parts of a WHATWG URL read here (shared/ compiles without DOM or Node typings; see feeds/urls.ts). */
interface SpecUrl {
  protocol: string;
  username: string;
  password: string;
  search: string;
  hash: string;
  pathname: string;
  hostname: string;
  host: string;
  origin: string;
}
declare const URL: new (url: string, base?: string) => SpecUrl;

/** Mastodon's tag timeline takes at most four tags in each of any[], all[] and none[]. */
export const maxExtraTags = 4;

/** Longer than anyone types; a pasted page is not a source. */
const maxInputLength = 1000;

export function parseSourceSpec(input: string): SourceSpec | undefined {
  const text = input.replace(/\s+/g, ' ').trim();
  if (!text || text.length > maxInputLength) return undefined;
  if (text.startsWith('#')) return parseMastodonTag(text);
  const prefixed = /^(hn|bsky|reddit):\s*(.*)$/i.exec(text);
  if (!prefixed) return undefined;
  const rest = prefixed[2]!;
  switch (prefixed[1]!.toLowerCase()) {
    case 'hn':
      return parseHackerNews(rest);
    case 'bsky':
      return parseBluesky(rest);
    default:
      return parseReddit(rest);
  }
}

/** A title for the source, as the source list shows it. */
export function describeSourceSpec(spec: SourceSpec): string {
  switch (spec.kind) {
    case 'mastodon-tag': {
      const hashtags = (tags: string[], joiner: string) => tags.map((tag) => `#${tag}`).join(joiner);
      const parts = [
        `#${spec.tag}`,
        spec.any.length ? ` or ${hashtags(spec.any, ' or ')}` : '',
        spec.all.length ? ` with ${hashtags(spec.all, ' and ')}` : '',
        spec.none.length ? ` without ${hashtags(spec.none, ' or ')}` : '',
        ` on ${hostOf(spec.instance)}`,
        spec.localOnly ? ' (local posts only)' : '',
      ];
      return parts.join('');
    }
    case 'hn-search':
      return (
        `Hacker News${spec.tags === 'comment' ? ' comments' : ''}: “${spec.query}”` +
        (spec.minPoints > 0 ? ` (${spec.minPoints}+ points)` : '')
      );
    case 'bluesky-search':
      return `Bluesky: “${spec.query}”`;
    case 'bluesky-author':
      return `Bluesky: @${spec.handle}`;
    case 'reddit-search':
      return `Reddit: “${spec.query}”${spec.subreddit ? ` in r/${spec.subreddit}` : ''}`;
  }
}

/** A stored spec may come from an older version or another machine: its instance is not trusted to parse. */
function hostOf(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}

/** Letters (any script), marks, digits and underscore, as Mastodon's hashtags are; '#' dropped, lower case. */
export function normalizeTag(raw: string): string | undefined {
  const tag = raw.replace(/^#/, '').normalize('NFKC').toLowerCase();
  return /^[\p{L}\p{M}\p{N}_]{1,100}$/u.test(tag) ? tag : undefined;
}

function parseMastodonTag(text: string): SourceSpec | undefined {
  const [head, ...words] = text.split(' ');
  const at = head!.indexOf('@');
  if (at < 0) return undefined;
  const tag = normalizeTag(head!.slice(0, at));
  const instance = instanceOrigin(head!.slice(at + 1));
  if (!tag || !instance) return undefined;
  const lists: Record<'any' | 'all' | 'none', string[]> = { any: [], all: [], none: [] };
  let localOnly = false;
  for (const word of words) {
    if (word.toLowerCase() === 'local') {
      localOnly = true;
      continue;
    }
    const option = /^(any|all|none):(.*)$/i.exec(word);
    if (!option) return undefined;
    const list = lists[option[1]!.toLowerCase() as keyof typeof lists];
    for (const raw of option[2]!.split(',')) {
      if (!raw) continue;
      const extra = normalizeTag(raw);
      if (!extra) return undefined;
      if (!list.includes(extra)) list.push(extra);
    }
  }
  // Beyond the API's limit Mastodon ignores the rest; dropping a none: tag silently would let through what the user filtered out.
  if (Object.values(lists).some((list) => list.length > maxExtraTags)) return undefined;
  return { kind: 'mastodon-tag', tag, instance, ...lists, localOnly };
}

/**
 * `social.example` means https://social.example; `http://127.0.0.1:8080` (a scheme written out) is used
 * as given. Only an origin: no path, query, fragment or credentials, which a mistyped input would carry.
 */
function instanceOrigin(raw: string): string | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: SpecUrl;
  try {
    url = new URL(withScheme);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username || url.password || url.search || url.hash || url.pathname !== '/') return undefined;
  // A host without a dot is a typo ("#pkm@mastodon") unless it is a local name or address given with its scheme.
  if (!url.hostname.includes('.') && !url.hostname.startsWith('[') && withScheme !== raw) return undefined;
  return url.origin;
}

/** Words and "quoted phrases"; quotes only group, so `"comments"` is a word of the query, not the option. */
function tokens(text: string): { word: string; quoted: boolean }[] {
  return [...text.matchAll(/"([^"]*)"?|(\S+)/g)]
    .map((match) => (match[1] !== undefined ? { word: match[1].trim(), quoted: true } : { word: match[2]!, quoted: false }))
    .filter((token) => token.word);
}

function parseHackerNews(rest: string): SourceSpec | undefined {
  const query: string[] = [];
  let tags: 'story' | 'comment' = 'story';
  let minPoints = 0;
  for (const { word, quoted } of tokens(rest)) {
    const lowered = word.toLowerCase();
    const points = quoted ? null : /^points(>=?|:)(\d{1,7})$/.exec(lowered);
    if (points) minPoints = Number(points[2]) + (points[1] === '>' ? 1 : 0);
    else if (!quoted && (lowered === 'comments' || lowered === 'comment')) tags = 'comment';
    else if (!quoted && (lowered === 'stories' || lowered === 'story')) tags = 'story';
    else query.push(word);
  }
  return query.length ? { kind: 'hn-search', query: query.join(' '), tags, minPoints } : undefined;
}

const handlePattern = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const didPattern = /^did:(?:plc:[a-z2-7]{24}|web:[a-z0-9.:%-]{1,253})$/;

function parseBluesky(rest: string): SourceSpec | undefined {
  const text = rest.trim();
  if (!text) return undefined;
  if (text.startsWith('@') && !text.includes(' ')) {
    const handle = text.slice(1).toLowerCase();
    return handlePattern.test(handle) || didPattern.test(handle) ? { kind: 'bluesky-author', handle } : undefined;
  }
  return { kind: 'bluesky-search', query: text };
}

function parseReddit(rest: string): SourceSpec | undefined {
  const scoped = /^\/?r\/([A-Za-z0-9_]{2,21})(?:\s+(.*))?$/.exec(rest.trim());
  const query = (scoped ? (scoped[2] ?? '') : rest).trim();
  if (!query) return undefined;
  return { kind: 'reddit-search', query, ...(scoped ? { subreddit: scoped[1]! } : {}) };
}
