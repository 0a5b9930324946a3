/** Articles: the full text of a story, extracted once by the host and kept for offline reading. */
import type { Article, Id } from '../../shared/model';
import type { CommonplaceDb } from './db';
import { StoreError } from './store-error';

export interface ExtractedText {
  /** Sanitised by the host; still sanitised again when shown. */
  html: string;
  text: string;
  byline?: string;
}

/** Stores (or replaces) the full text of an item that is still in the library. */
export async function saveArticle(db: CommonplaceDb, itemId: Id, extracted: ExtractedText, now: number = Date.now()): Promise<Article> {
  return db.transaction('rw', db.items, db.articles, async () => {
    if (!(await db.items.get(itemId))) throw new StoreError('not-found', 'That item is no longer in your library.');
    const article: Article = { itemId, html: extracted.html, text: extracted.text, extractedAt: now, length: extracted.text.length };
    if (extracted.byline) article.byline = extracted.byline;
    await db.articles.put(article);
    return article;
  });
}

export function getArticle(db: CommonplaceDb, itemId: Id): Promise<Article | undefined> {
  return db.articles.get(itemId);
}
