/** The data module's one public entry: features import from here, never from the files behind it. */
export { CommonplaceDb, openDatabase } from './db';
export { StoreError, isStoreError, type StoreErrorCode } from './store-error';
export { addSource, listSources, canonicalSourceUrl, type NewSource } from './sources';
export {
  upsertItems,
  listRiver,
  setItemState,
  type IncomingItem,
  type UpsertResult,
  type RiverQuery,
  type ItemStatePatch,
} from './items';
export { createNote, updateNote, listNotesByUpdated, emptyDoc, type NewNote, type NotePatch, type NoteContent } from './notes';
export { getSetting, setSetting } from './settings';
export { DatabaseContext, useDatabase, useSources, useRiver, useNotes, useSetting } from './hooks';
