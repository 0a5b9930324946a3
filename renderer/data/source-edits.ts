/**
 * Organising subscriptions: rename, move to a folder, tag, unsubscribe. Each change returns a snapshot of
 * the rows it touched, and `undoSourceChange` puts them back exactly, so the UI can offer Undo.
 */
import type { Article, Id, Item, Source } from '../../shared/model';
import type { CommonplaceDb } from './db';
import { StoreError } from './store-error';

export interface SourceChangeSnapshot {
  /** Source rows as they were (restored with put). */
  sources: Source[];
  /** Item rows as they were: deleted ones come back, edited ones get their old copy. */
  items: Item[];
  articles: Article[];
}

async function requireSource(db: CommonplaceDb, id: Id): Promise<Source> {
  const source = await db.sources.get(id);
  if (!source) throw new StoreError('not-found', 'That subscription is no longer in your library.');
  return source;
}

export async function renameSource(db: CommonplaceDb, id: Id, title: string): Promise<SourceChangeSnapshot> {
  return db.transaction('rw', db.sources, async () => {
    const source = await requireSource(db, id);
    // As addSource does: an empty name falls back to the address, so no source is nameless.
    await db.sources.update(id, { title: title.trim() || source.url });
    return { sources: [source], items: [], articles: [] };
  });
}

/** Moves to a folder; an empty name takes the source out of every folder. */
export async function moveSource(db: CommonplaceDb, id: Id, folder: string | undefined): Promise<SourceChangeSnapshot> {
  return db.transaction('rw', db.sources, async () => {
    const source = await requireSource(db, id);
    const next: Source = { ...source };
    const name = folder?.trim();
    if (name) next.folder = name;
    else delete next.folder;
    await db.sources.put(next);
    return { sources: [source], items: [], articles: [] };
  });
}

/** Tags as stored: each trimmed, empty ones dropped, repeats (exact spelling) dropped; first-seen order kept. */
export function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()).filter((tag) => tag !== ''))];
}

/** Tags as a person types them: comma-separated, e.g. "news, area/topic". */
export function parseTagList(text: string): string[] {
  return normalizeTags(text.split(','));
}

/** Replaces a source's tags (normalised as normalizeTags does); an empty list leaves it untagged. */
export async function setSourceTags(db: CommonplaceDb, id: Id, tags: readonly string[]): Promise<SourceChangeSnapshot> {
  return db.transaction('rw', db.sources, async () => {
    const source = await requireSource(db, id);
    await db.sources.update(id, { tags: normalizeTags(tags) });
    return { sources: [source], items: [], articles: [] };
  });
}

/** Lists the source in (or takes it out of) the blogroll the published site offers as OPML. */
export async function setSourcePublic(db: CommonplaceDb, id: Id, isPublic: boolean): Promise<SourceChangeSnapshot> {
  return db.transaction('rw', db.sources, async () => {
    const source = await requireSource(db, id);
    await db.sources.update(id, { public: isPublic });
    return { sources: [source], items: [], articles: [] };
  });
}

export type UnsubscribeItems = 'keep' | 'delete';

/**
 * Removes a source. With 'delete', stories only it carried go (with their full text), except the
 * ones the user starred or saved for later or highlighted: those are the user's, not the feed's.
 * Stories other sources also carried just forget this one.
 * With 'keep', every story stays in the river as it is.
 */
export async function unsubscribe(db: CommonplaceDb, id: Id, items: UnsubscribeItems): Promise<SourceChangeSnapshot> {
  return db.transaction('rw', [db.sources, db.items, db.articles, db.highlights], async () => {
    const source = await requireSource(db, id);
    await db.sources.delete(id);
    if (items === 'keep') return { sources: [source], items: [], articles: [] };

    const carried = await db.items.where('sourceIds').equals(id).toArray();
    const highlighted = new Set(
      await db.highlights
        .where('itemId')
        .anyOf(carried.map((item) => item.id))
        .keys(),
    );
    const toDelete: Item[] = [];
    const toEdit: Item[] = [];
    for (const item of carried) {
      const others = item.sourceIds.filter((sourceId) => sourceId !== id);
      const usersOwn = item.starred === 1 || item.later === 1 || highlighted.has(item.id);
      if (others.length === 0 && !usersOwn) toDelete.push(item);
      else if (others.length > 0) toEdit.push(item);
    }
    const deleteIds = toDelete.map((item) => item.id);
    const articles = (await db.articles.bulkGet(deleteIds)).filter((article): article is Article => article !== undefined);
    await db.items.bulkDelete(deleteIds);
    await db.articles.bulkDelete(articles.map((article) => article.itemId));
    await db.items.bulkPut(toEdit.map((item) => ({ ...item, sourceIds: item.sourceIds.filter((sourceId) => sourceId !== id) })));
    return { sources: [source], items: [...toDelete, ...toEdit], articles };
  });
}

/** Puts back what a change touched. Refuses if the address was subscribed again in between. */
export async function undoSourceChange(db: CommonplaceDb, snapshot: SourceChangeSnapshot): Promise<void> {
  await db.transaction('rw', [db.sources, db.items, db.articles], async () => {
    for (const source of snapshot.sources) {
      const clash = await db.sources.where('url').equals(source.url).first();
      if (clash && clash.id !== source.id) {
        throw new StoreError('duplicate-url', `Cannot undo: you follow this address again as “${clash.title}”.`, clash.id);
      }
    }
    await db.sources.bulkPut(snapshot.sources);
    await db.items.bulkPut(snapshot.items);
    await db.articles.bulkPut(snapshot.articles);
  });
}
