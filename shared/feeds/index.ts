/**
 * The public entry of shared/feeds: pure feed logic that runs in the host and the renderer alike.
 * Import from here, not from the modules, so they can be reorganised freely.
 */
export * from './feed-schemas';
export { effectiveDate, parseFeedDate } from './dates';
export { type DedupeContext, type DedupeInput, dedupeContext, dedupeKey, hash64 } from './dedupe';
export { JsonFeedError, type JsonFeedErrorCode, parseJsonFeed, textToHtml } from './json-feed';
export { type NormalizeContext, type NormalizedFeed, type NormalizedItem, normalizeFeed } from './normalize';
export { cleanTitle, decodeEntities, htmlToText, snippet } from './text';
export { canonicalUrl, resolveUrl } from './urls';
