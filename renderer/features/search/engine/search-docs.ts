/**
 * What the search index holds for each record: a note, an item (its full text when it was extracted, else
 * the feed's summary) and a highlight (the quote and its comment, titled by its item). Filters (source,
 * folder, tag, starred…) travel with the document, so a query is answered by the index alone. The bodies
 * are indexed but not kept by the index: a hit's snippet is made from the body read again from the library
 * (library-texts.ts), by the same functions.
 */
import type { Article, Highlight, Id, Item, Note, Source } from '../../../../shared/model';
import { htmlToText } from '../../../../shared/feeds/text';
import type { SearchDoc } from '../../../../shared/search/search-types';

export interface SourceNames {
  titles: ReadonlyMap<Id, string>;
  folders: ReadonlyMap<Id, string>;
}

export function sourceNames(sources: readonly Source[]): SourceNames {
  return {
    titles: new Map(sources.map((source) => [source.id, source.title])),
    folders: new Map(sources.filter((source) => source.folder).map((source) => [source.id, source.folder!])),
  };
}

export const noteBody = (note: Note): string => note.text;

export const itemBody = (item: Item, article: Article | undefined): string => article?.text ?? htmlToText(item.summaryHtml);

export const highlightBody = (highlight: Highlight): string => (highlight.comment ? `${highlight.exact}\n\n${highlight.comment}` : highlight.exact);

export function noteDoc(note: Note): SearchDoc {
  return { id: note.id, kind: 'note', title: note.title || 'Untitled', body: noteBody(note), date: note.updatedAt, tags: note.tags, ...(note.folder ? { folders: [note.folder] } : {}) };
}

export function itemDoc(item: Item, article: Article | undefined, names: SourceNames): SearchDoc {
  const sourceTitles = item.sourceIds.map((id) => names.titles.get(id)).filter((title): title is string => title !== undefined);
  const folders = [...new Set(item.sourceIds.map((id) => names.folders.get(id)).filter((folder): folder is string => folder !== undefined))];
  return {
    id: item.id,
    kind: 'item',
    title: item.title,
    body: itemBody(item, article),
    date: item.publishedAt,
    sourceTitles,
    folders,
    starred: item.starred === 1,
    unread: item.read === 0,
    later: item.later === 1,
    hasArticle: article !== undefined,
  };
}

export function highlightDoc(highlight: Highlight, item: Item | undefined, names: SourceNames): SearchDoc {
  const sourceTitles = (item?.sourceIds ?? []).map((id) => names.titles.get(id)).filter((title): title is string => title !== undefined);
  return {
    id: highlight.id,
    kind: 'highlight',
    title: item?.title || 'Highlight',
    body: highlightBody(highlight),
    date: highlight.createdAt,
    sourceTitles,
  };
}
