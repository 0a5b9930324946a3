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
export { createNote, listNotesByUpdated, emptyDoc, type NewNote } from './notes';
export { getSetting, setSetting } from './settings';
export { DatabaseContext, useDatabase, useSources, useRiver, useNotes, useSetting } from './hooks';
export {
  recordFetchSuccess,
  recordFetchFailure,
  listDueSources,
  isRefreshable,
  nextFetchAfterSuccess,
  nextFetchAfterFailure,
  defaultFetchIntervalMs,
  type FetchSuccess,
  type FetchProblem,
  type FetchTiming,
  type SuccessOutcome,
} from './refresh-state';
export { storeFetchResult, type FetchResult, type StoredFetch } from './fetch-results';
export {
  renameSource,
  moveSource,
  setSourceTags,
  setSourcePublic,
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
export {
  saveAttachment,
  saveAttachments,
  getAttachment,
  listAttachments,
  deleteAttachment,
  attachmentPath,
  mimeForPath,
  extensionForMime,
  type NewAttachment,
} from './attachments';
export {
  createHighlight,
  listHighlightsForItem,
  deleteHighlight,
  restoreHighlight,
  setHighlightComment,
  citationForItem,
  appendHighlightToNote,
  createNoteFromItem,
  type NewHighlight,
} from './highlights';
export { useItemHighlights } from './highlight-hooks';
export {
  deleteNote,
  restoreDeletedNote,
  setNoteAliases,
  derivedFields,
  type DeletedNote,
} from './notes';
export { createNotesInBulk, type BulkResult } from './notes-bulk';
export { saveNoteContent, type NoteContentUpdate } from './note-content';
export { renameNote, type RenameResult } from './note-rename';
export { resolveTitle, suggestTitles, getNoteGraph, type TitleSuggestion, type NoteGraph } from './note-links';
export { getBacklinks, getUnlinkedMentions, linkUnlinkedMention, type Backlink, type UnlinkedMention, type SentenceContext } from './backlinks';
export { listNotes, listNoteTags, type NoteListOptions, type TagCount } from './note-queries';
export { snapshotIfDue, snapshotNow, listNoteVersions, restoreNoteVersion, maxVersionsPerNote } from './note-versions';
export { openDailyNote } from './daily-note';
export { writeJournal, clearJournal, pendingJournal, journalEntryFor, recoverJournal, type JournalEntry } from './note-journal';
export { useNote, useNoteList, useNoteTags, useBacklinks, useUnlinkedMentions, useNoteVersions, useNoteGraph } from './sense-hooks';
export { listSavedSearches, addSavedSearch, removeSavedSearch, savedSearchesKey, type SavedSearch } from './saved-searches';
export {
  gatherCandidates,
  createDigest,
  updateDigest,
  deleteDigest,
  restoreDigest,
  listDigests,
  moveEntry,
  sameRef,
  isShareTag,
  shareTags,
  defaultDigestTitle,
  defaultPeriodDays,
  type DigestCandidate,
  type DigestPatch,
} from './digests';
export {
  listPublications,
  findPublication,
  publicationsTo,
  recordPublication,
  removePublication,
  type PublishedRecord,
  type PublicationUpdate,
} from './publications';
export { backedUpTables, restoreArchive, snapshotArchive, snapshotLines, type ArchiveSnapshot } from './backup';
