/** What a digest entry shows while composing: the title, link and a line of what it points at. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { DigestEntry } from '../../../shared/model';
import { excerpt, htmlToText } from '../../../shared/feeds/text';
import { useDatabase, type CommonplaceDb } from '../../data';

export interface EntryInfo {
  title: string;
  url?: string;
  excerpt: string;
  kindLabel: 'Item' | 'Highlight' | 'Note';
  missing: boolean;
}

const shortly = (text: string) => excerpt(text, 180);

export const refKey = (ref: DigestEntry['ref']): string => `${ref.kind}:${ref.id}`;

export async function entryInfo(db: CommonplaceDb, entries: readonly DigestEntry[]): Promise<Map<string, EntryInfo>> {
  const ids = (kind: DigestEntry['ref']['kind']) => entries.filter((entry) => entry.ref.kind === kind).map((entry) => entry.ref.id);
  const highlights = await db.highlights.bulkGet(ids('highlight'));
  const [items, notes] = await Promise.all([
    db.items.bulkGet([...ids('item'), ...highlights.flatMap((highlight) => (highlight ? [highlight.itemId] : []))]),
    db.notes.bulkGet(ids('note')),
  ]);
  const itemById = new Map(items.flatMap((item) => (item ? [[item.id, item] as const] : [])));
  const info = new Map<string, EntryInfo>();
  ids('item').forEach((id) => {
    const item = itemById.get(id);
    info.set(refKey({ kind: 'item', id }), item ? { title: item.title || item.link || 'Untitled', ...(item.link ? { url: item.link } : {}), excerpt: shortly(htmlToText(item.summaryHtml)), kindLabel: 'Item', missing: false } : { title: 'A removed item', excerpt: '', kindLabel: 'Item', missing: true });
  });
  ids('highlight').forEach((id, at) => {
    const highlight = highlights[at];
    const item = highlight ? itemById.get(highlight.itemId) : undefined;
    info.set(
      refKey({ kind: 'highlight', id }),
      highlight ? { title: item?.title || 'Highlight', ...(item?.link ? { url: item.link } : {}), excerpt: `“${shortly(highlight.exact)}”`, kindLabel: 'Highlight', missing: false } : { title: 'A removed highlight', excerpt: '', kindLabel: 'Highlight', missing: true },
    );
  });
  ids('note').forEach((id, at) => {
    const note = notes[at];
    info.set(refKey({ kind: 'note', id }), note ? { title: note.title || 'Untitled', excerpt: shortly(note.text), kindLabel: 'Note', missing: false } : { title: 'A removed note', excerpt: '', kindLabel: 'Note', missing: true });
  });
  return info;
}

export function useEntryInfo(entries: readonly DigestEntry[]): Map<string, EntryInfo> | undefined {
  const db = useDatabase();
  const key = entries.map((entry) => refKey(entry.ref)).join('|');
   
  return useLiveQuery(() => entryInfo(db, entries), [db, key]);
}
