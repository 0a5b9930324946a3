/**
 * Live reads for Sense, like hooks.ts: each wraps a data function in `useLiveQuery`, so a component
 * re-renders when a write touches what it shows. `undefined` means "still loading".
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Id, Note, NoteVersion } from '../../shared/model';
import { getBacklinks, getUnlinkedMentions, type Backlink, type UnlinkedMention } from './backlinks';
import { useDatabase } from './hooks';
import { getNoteGraph, type NoteGraph } from './note-links';
import { listNotes, listNoteTags, type TagCount } from './note-queries';
import { listNoteVersions } from './note-versions';

/** The note, `null` once it is known not to exist (deleted), `undefined` while loading. */
export function useNote(id: Id): Note | null | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => (await db.notes.get(id)) ?? null, [db, id]);
}

export function useNoteList({ tag, limit }: { tag?: string; limit?: number } = {}): Note[] | undefined {
  const db = useDatabase();
  return useLiveQuery(
    () => listNotes(db, { ...(tag === undefined ? {} : { tag }), ...(limit === undefined ? {} : { limit }) }),
    [db, tag, limit],
  );
}

export function useNoteTags(): TagCount[] | undefined {
  const db = useDatabase();
  return useLiveQuery(() => listNoteTags(db), [db]);
}

export function useBacklinks(id: Id): Backlink[] | undefined {
  const db = useDatabase();
  return useLiveQuery(() => getBacklinks(db, id), [db, id]);
}

export function useUnlinkedMentions(id: Id): UnlinkedMention[] | undefined {
  const db = useDatabase();
  return useLiveQuery(() => getUnlinkedMentions(db, id), [db, id]);
}

export function useNoteVersions(id: Id): NoteVersion[] | undefined {
  const db = useDatabase();
  return useLiveQuery(() => listNoteVersions(db, id), [db, id]);
}

export function useNoteGraph(): NoteGraph | undefined {
  const db = useDatabase();
  return useLiveQuery(() => getNoteGraph(db), [db]);
}
