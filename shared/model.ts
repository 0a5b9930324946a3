/**
 * The records Commonplace keeps: plain, JSON-safe data shared by every layer.
 *
 * Conventions, the same for every record:
 * - Ids are strings (`crypto.randomUUID()` in the renderer), so records made offline or on another
 *   device never collide and never depend on an auto-increment counter.
 * - Times are epoch milliseconds (`EpochMs`), not ISO strings: numbers index, compare and sort
 *   correctly in IndexedDB without parsing and cost less to store. Convert at the edges
 *   (feeds, export, UI). A calendar day that is not a moment (a daily note) is a `LocalDate`.
 * - Optional fields are left out, never `null`: IndexedDB skips a record whose indexed value is
 *   missing, which is how "only notes that are daily notes" stays a cheap index query.
 */

export type Id = string;
/** Milliseconds since 1970-01-01T00:00:00Z, as `Date.now()` returns. */
export type EpochMs = number;
/** A calendar day in the user's time zone, `YYYY-MM-DD`; it sorts as a string. */
export type LocalDate = string;
/**
 * A yes/no that must be indexed. IndexedDB cannot index booleans (only numbers, strings, dates,
 * binary and arrays), so indexed flags are stored as 0 or 1 and compound indexes such as
 * `[read+publishedAt]` can serve "unread, newest first" straight from the index.
 */
export type Flag = 0 | 1;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

// ---------------------------------------------------------------- Seek

export const sourceKinds = ['feed', 'mastodon-tag', 'hn-search', 'bluesky', 'reddit-search'] as const;
export type SourceKind = (typeof sourceKinds)[number];

export interface FetchFailure {
  /** Usually a host error code (`timeout`, `not-a-feed`, …); a plain string because stored rows outlive the code list. */
  code: string;
  /** Written for the person using the app. */
  message: string;
  at: EpochMs;
}

/** A feed or a saved search that Commonplace polls. */
export interface Source {
  id: Id;
  kind: SourceKind;
  /**
   * The canonical address fetched. For search kinds it is the endpoint built from `query`
   * (e.g. `https://hn.algolia.com/api/v1/search_by_date?query=…`), so one unique index catches
   * duplicate feeds and duplicate searches alike.
   */
  url: string;
  /** What the user typed for a search kind (a hashtag, a query); kept for display and editing. */
  query?: string;
  /** For a search kind: where the last refresh stopped (the service's own cursor), so the next fetches only newer posts. */
  cursor?: string;
  title: string;
  /** The human-facing site behind a feed, if it names one. */
  siteUrl?: string;
  folder?: string;
  /** Several labels per source, since one folder is rarely enough. */
  tags: string[];
  /** Validators for the next conditional GET. */
  etag?: string;
  lastModified?: string;
  /** When the scheduler may fetch again; a new source gets its creation time, meaning "due now". */
  nextFetchAt: EpochMs;
  lastFetchedAt?: EpochMs;
  /** The last failure, cleared by the next success. */
  lastError?: FetchFailure;
  createdAt: EpochMs;
  /** Listed in the published blogroll. Not indexed (a few hundred rows filter fine in memory), so a boolean. */
  public: boolean;
}

/** A file an entry links: an audio episode, a video, an image. Not indexed; shown by the reader. */
export interface MediaAttachment {
  url: string;
  type?: string;
  length?: number;
}

/** One unique story, however many sources carried it. */
export interface Item {
  id: Id;
  /** GUID, else canonical URL, else a content hash: the identity that merges cross-feed duplicates. */
  dedupeKey: string;
  /** Every source this story was seen in. */
  sourceIds: Id[];
  /** May be empty: some feed entries have only a body. */
  title: string;
  link?: string;
  /** `link` in canonical form (shared/feeds/urls.ts): also merges copies whose dedupe keys differ. */
  canonicalLink?: string;
  author?: string;
  /** The feed's date, else `firstSeenAt`: always present so date-sorted indexes include every item. */
  publishedAt: EpochMs;
  firstSeenAt: EpochMs;
  /** Sanitized (DOMPurify) before it is stored; still never trusted when shown. */
  summaryHtml?: string;
  imageUrl?: string;
  /** Podcast episodes, images and files the entry links (RSS enclosure, Atom rel=enclosure, JSON attachments); absolute http(s). */
  enclosures?: MediaAttachment[];
  /** Extras worth keeping, such as iTunes duration, episode and explicit flags. */
  extras?: Record<string, string>;
  // State flags are 0/1 numbers, not booleans, because they are indexed (see `Flag`).
  read: Flag;
  starred: Flag;
  /** When it was last starred (absent for items starred before this was kept): what a digest's period looks at. */
  starredAt?: EpochMs;
  later: Flag;
  archived: Flag;
}

export type ItemStateName = 'read' | 'starred' | 'later' | 'archived';

/** Extracted full text of an item, kept apart so river queries stay light. */
export interface Article {
  itemId: Id;
  /** Sanitized HTML of the readable content. */
  html: string;
  text: string;
  extractedAt: EpochMs;
  byline?: string;
  /** Length of `text` in characters, as Readability reports it. */
  length: number;
}

// ---------------------------------------------------------------- Sense

export const highlightColors = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof highlightColors)[number];

/** A passage of an item, anchored with a W3C Web Annotation TextQuoteSelector (exact, prefix, suffix). */
export interface Highlight {
  id: Id;
  itemId: Id;
  /** The note this highlight was turned into, if any. */
  noteId?: Id;
  exact: string;
  prefix: string;
  suffix: string;
  comment?: string;
  color: HighlightColor;
  createdAt: EpochMs;
}

export interface DocMark {
  type: string;
  attrs?: Record<string, unknown>;
}

/**
 * A rich-text document node in ProseMirror/Tiptap JSON form (the shape of Tiptap's `JSONContent`),
 * declared here so `shared/` does not depend on the editor.
 */
export interface DocNode {
  type?: string;
  attrs?: Record<string, unknown>;
  content?: DocNode[];
  marks?: DocMark[];
  text?: string;
}

export interface Note {
  id: Id;
  title: string;
  /** Other names a wiki link may use for this note. */
  aliases: string[];
  tags: string[];
  /** Canonical content: Tiptap JSON. Markdown is produced at export, never stored as the source of truth. */
  doc: DocNode;
  /** Plain-text copy of `doc` for search and previews; always written together with `doc`. */
  text: string;
  createdAt: EpochMs;
  updatedAt: EpochMs;
  /** Set only on a daily note: the day it belongs to. */
  dailyDate?: LocalDate;
  /**
   * YAML front matter other than `aliases` (kept in `aliases`), as imported from or exported to a vault;
   * its `tags` count as the note's tags alongside the `#tags` written in the text.
   */
  frontMatter?: Record<string, JsonValue>;
  /** Vault folder the note lives in ('' or absent: the vault's root), so a vault round trip keeps its shape. */
  folder?: string;
}

/** A saved earlier state of a note. */
export interface NoteVersion {
  id: Id;
  noteId: Id;
  doc: DocNode;
  text: string;
  title: string;
  savedAt: EpochMs;
}

/** A link from a note to a note or an item, derived from the note's doc; the key is [sourceId+targetId]. */
export interface Link {
  /** The note that contains the link. */
  sourceId: Id;
  targetId: Id;
  /** The title as written in the link, so a renamed or missing target can still be shown. */
  targetTitle: string;
  kind: 'note' | 'item';
}

// ---------------------------------------------------------------- Share

export interface DigestEntry {
  ref: { kind: 'item' | 'note' | 'highlight'; id: Id };
  commentary: string;
}

/** A curated list of items, notes and highlights over a period, published as a post or a feed. */
export interface Digest {
  id: Id;
  title: string;
  intro: string;
  periodStart: EpochMs;
  periodEnd: EpochMs;
  entries: DigestEntry[];
  status: 'draft' | 'published';
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

/** `site`: the static site (pages with Atom, RSS and JSON feeds) written to a folder; the rest are named for where they go. */
export const publishTargets = ['site', 'atom', 'rss', 'json-feed', 'hugo', 'jekyll', 'micropub', 'wordpress', 'mastodon'] as const;
export type PublishTarget = (typeof publishTargets)[number];

interface PublicationBase {
  id: Id;
  target: PublishTarget;
  /** Where the published copy can be read, when the target says. */
  url?: string;
  /** The target's own id for the post, used to update it rather than post it twice. */
  remoteId?: string;
  /** The first time it was published there; kept when it is published again (feeds date the post by it). */
  publishedAt: EpochMs;
  /** The last time it was published again (an update, never a second copy). */
  updatedAt?: EpochMs;
  /** Hash of what was sent: publishing again is skipped when nothing changed. */
  contentHash: string;
}

/** One publishing of a digest or a note (exactly one of the two) to one target. */
export type Publication = PublicationBase & ({ digestId: Id; noteId?: never } | { noteId: Id; digestId?: never });

export interface Setting {
  key: string;
  value: JsonValue;
}

// ---------------------------------------------------------------- Vault attachments

/**
 * A file that came with an imported vault (an image, a PDF…), kept so an export gives it back at
 * the same place and notes can show the images they point at. The bytes are a Uint8Array, not a
 * Blob: typed arrays survive IndexedDB's structured clone everywhere (fake-indexeddb and jsdom included).
 */
export interface Attachment {
  id: Id;
  /** Where the file lives in the vault, relative to its root, with '/' separators; unique. */
  path: string;
  /** Its media type, guessed from the extension (`application/octet-stream` when unknown). */
  mime: string;
  bytes: Uint8Array;
  /** Bytes, kept apart so listings need not read `bytes`. */
  size: number;
  createdAt: EpochMs;
}

/**
 * One row of the persisted search index: its `meta` row (format, when it was saved, how many documents) or
 * one of the chunks the index exported. Replaced whole at each save, so the rows always belong together.
 */
export interface SearchIndexRow {
  key: string;
  data: unknown;
}
