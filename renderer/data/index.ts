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
export {
  recordFetchSuccess,
  recordFetchFailure,
  listDueSources,
  nextFetchAfterSuccess,
  nextFetchAfterFailure,
  defaultFetchIntervalMs,
  type FetchSuccess,
  type FetchProblem,
  type FetchTiming,
  type SuccessOutcome,
} from './refresh-state';
export {
  renameSource,
  moveSource,
  setSourceTags,
  normalizeTags,
  parseTagList,
  unsubscribe,
  undoSourceChange,
  type SourceChangeSnapshot,
  type UnsubscribeItems,
} from './source-edits';
export {
  riverKeys,
  riverHead,
  riverFilters,
  unreadCounts,
  sourceItemKeys,
  openUnreadKeys,
  countUnread,
  itemsByIds,
  markAllRead,
  markUnread,
  type RiverFilter,
  type UnreadCounts,
} from './river-keys';
export { saveArticle, getArticle, type ExtractedText } from './articles';
export {
  importSubscriptions,
  sourcesToSubscriptions,
  folderName,
  folderPath,
  folderSeparator,
  type OpmlSubscription,
  type ImportResult,
  type ImportSkip,
} from './opml-sources';
export { useRiverKeys, useRiverHead, useUnreadCounts, useItemsByIds, useItem, useArticle } from './seek-hooks';
export { useOpenedDatabase, type OpenedDatabase } from './use-opened-database';
export { listRules, addRule, updateRule, deleteRule, useRules, RuleError, rulesSettingKey, type NewRule, type RulePatch } from './seek-rules';
export { useMutedIds, useUnreadCountsWithout, classifyStored } from './muted-items';
