/**
 * The one local database: Dexie over IndexedDB, with a typed table per record.
 * Features never open it themselves; the app opens it once with `openDatabase()` and hands it on
 * (data functions take it as their first parameter; hooks read it from DatabaseContext).
 */
import { Dexie, type Table, type Transaction } from 'dexie';
import type {
  Article,
  Attachment,
  Digest,
  Highlight,
  Id,
  Item,
  Link,
  Note,
  NoteVersion,
  Publication,
  SearchIndexRow,
  Setting,
  Source,
} from '../../shared/model';
import { canonicalUrl } from '../../shared/feeds/urls';
import { schemaV1, schemaV2, schemaV3, schemaV4, type SchemaVersion } from './schema';

export interface VersionStep {
  schema: SchemaVersion;
  /** Rewrites rows stored under the previous version; it sees tables only through `tx`. */
  upgrade?: (tx: Transaction) => Promise<unknown> | void;
}

/**
 * Every version, oldest first. Dexie needs them all: a database left at any old version is
 * upgraded through each later step in turn. Shipping a version is one entry here:
 *   { schema: schemaV3, upgrade: (tx) => tx.table('items').toCollection().modify(…) },
 * plus a test in migrations.test.ts.
 */
export const versionSteps: readonly VersionStep[] = Object.freeze([
  { schema: schemaV1 },
  {
    schema: schemaV2,
    // Items stored under v1 gain the canonical form of their link (none when the link is not http(s)).
    upgrade: (tx) =>
      tx
        .table('items')
        .toCollection()
        .modify((item: { link?: unknown; canonicalLink?: string }) => {
          const canonical = typeof item.link === 'string' ? canonicalUrl(item.link) : undefined;
          if (canonical !== undefined) item.canonicalLink = canonical;
        }),
  },
  // A new table (vault attachments): nothing stored before needs rewriting.
  { schema: schemaV3 },
  { schema: schemaV4 },
]);

export const latestSchema: SchemaVersion = versionSteps[versionSteps.length - 1]!.schema;

export class CommonplaceDb extends Dexie {
  // `declare` emits no class field, so nothing overwrites the tables Dexie attaches in stores().
  declare sources: Table<Source, Id>;
  declare items: Table<Item, Id>;
  declare articles: Table<Article, Id>;
  declare highlights: Table<Highlight, Id>;
  declare notes: Table<Note, Id>;
  declare noteVersions: Table<NoteVersion, Id>;
  declare links: Table<Link, [Id, Id]>;
  declare digests: Table<Digest, Id>;
  declare publications: Table<Publication, Id>;
  declare settings: Table<Setting, string>;
  declare attachments: Table<Attachment, Id>;
  declare searchIndex: Table<SearchIndexRow, string>;

  constructor(name: string, steps: readonly VersionStep[] = versionSteps) {
    super(name);
    for (const step of steps) {
      const version = this.version(step.schema.version).stores(step.schema.stores);
      if (step.upgrade) version.upgrade(step.upgrade);
    }
  }
}

/**
 * Opens (creating or upgrading as needed) the database. It opens eagerly so that a failed
 * upgrade, or a database written by a newer Commonplace, shows at start-up rather than at the
 * first query. Tests pass a unique name per test.
 */
export async function openDatabase(name = 'commonplace'): Promise<CommonplaceDb> {
  const db = new CommonplaceDb(name);
  await db.open();
  return db;
}
