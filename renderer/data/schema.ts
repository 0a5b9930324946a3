/**
 * Every database schema Commonplace has shipped, one dated constant per version.
 *
 * A shipped version is never edited: users' databases were built from it, and the migration
 * tests open a database at that exact schema. To change the schema, add `schemaV2` below
 * (a full store list; `null` deletes a table) and register it, with its `.upgrade()`, in db.ts.
 *
 * Store strings use Dexie's syntax: the first entry is the primary key, `&` a unique index,
 * `*` a multiEntry index (one entry per array element), `[a+b]` a compound index. Only what
 * a `where()`/`orderBy()` needs is indexed; every other field is stored without an index.
 */

export interface SchemaVersion {
  readonly version: number;
  /** The day this version was frozen. */
  readonly date: string;
  readonly stores: Readonly<Record<string, string | null>>;
}

function freeze<T extends SchemaVersion>(schema: T): T {
  Object.freeze(schema.stores);
  return Object.freeze(schema);
}

export const schemaV1 = freeze({
  version: 1,
  date: '2026-11-22',
  stores: {
    sources: [
      'id',
      '&url', // refuse to follow the same feed or search twice; find a source by its address
      'folder', // sidebar: sources in a folder
      '*tags', // sidebar: sources with a tag
      'nextFetchAt', // scheduler: sources due for fetching (nextFetchAt <= now)
    ].join(', '),
    items: [
      'id',
      '&dedupeKey', // upsert: find the stored copy of an incoming story, also across feeds
      '*sourceIds', // a source's items; deleting a source
      'publishedAt', // the whole river, newest first
      '[read+publishedAt]', // unread river, newest first, straight from the index
      '[starred+publishedAt]', // starred view, newest first
      '[later+publishedAt]', // read-later view, newest first
      '[archived+publishedAt]', // archive view, newest first
    ].join(', '),
    articles: 'itemId', // one extracted article per item, fetched by the item's id
    highlights: [
      'id',
      'itemId', // highlights shown on an item
      'noteId', // highlights gathered in a note
    ].join(', '),
    notes: [
      'id',
      'title', // wiki-link resolution and `[[` suggestions by title
      'updatedAt', // recent notes, newest first
      '*tags', // notes with a tag
      '*aliases', // wiki-link resolution by alias
      '&dailyDate', // the daily note of a day; unique so two windows cannot create two
    ].join(', '),
    noteVersions: [
      'id',
      '[noteId+savedAt]', // a note's history in time order; `noteId` alone also works as a prefix
    ].join(', '),
    links: [
      '[sourceId+targetId]', // one row per link; a note's outgoing links by prefix `sourceId`
      'targetId', // backlinks: who links to this note or item
    ].join(', '),
    digests: [
      'id',
      'status', // drafts vs published
      'updatedAt', // digests list, most recently edited first
    ].join(', '),
    publications: [
      'id',
      'digestId', // where a digest was published (update instead of posting twice)
      'noteId', // where a note was published
    ].join(', '),
    settings: 'key', // one row per setting, read by key
  },
});

/**
 * Version 2: items remember their canonical link, so the same story from two feeds whose GUIDs
 * differ (`guid:` keys are namespaced per feed) is still recognised as one item by its link.
 * The upgrade in db.ts fills `canonicalLink` for items stored under version 1.
 */
export const schemaV2 = freeze({
  version: 2,
  date: '2026-11-22',
  stores: {
    ...schemaV1.stores,
    items: [
      schemaV1.stores.items,
      'canonicalLink', // upsert: the stored copy of a story another feed carries under another GUID
    ].join(', '),
  },
});

/**
 * Version 3: files that came with an imported Markdown vault (images, PDFs…), found by their path in the
 * vault, so an export writes them back where the notes' links expect them. A new table needs no upgrade.
 */
export const schemaV3 = freeze({
  version: 3,
  date: '2026-11-22',
  stores: {
    ...schemaV2.stores,
    attachments: [
      'id',
      '&path', // one file per vault path; import replaces by path, a note's image finds its bytes by path
    ].join(', '),
  },
});

/**
 * Version 4: the search index, persisted so a start never rebuilds it from scratch (issue 5). Rows are
 * `{ key: 'meta', … }` and `{ key: 'chunk:<n>', data }`, the chunks SearchIndex.exportIndex() produced, written
 * together in one transaction. A new table needs no upgrade; an absent index is built at the first start.
 */
export const schemaV4 = freeze({
  version: 4,
  date: '2026-11-22',
  stores: {
    ...schemaV3.stores,
    // Read whole at start, replaced whole at each save. Since the index moved to the origin-private file system
    // (renderer/features/search/engine/opfs-files.ts), this table is only where it is kept when OPFS is missing.
    searchIndex: 'key',
  },
});
