export { SeekView } from './seek-view';
export { SeekIcon } from './seek-icon';
/** Mount once near the app's root, inside the DatabaseContext, so refreshing outlives the view. */
export { SeekRoot } from './seek-root';
/** Seek's single-key shortcuts, for a shortcut list: [keys, what they do]. */
export { triageShortcuts } from './triage-keys';
/** The one sanitiser for HTML the app shows or publishes (DOMPurify, with the app's allow-lists). */
export { sanitizeHtml, safeUrl, forbiddenTags, forbiddenAttributes } from './sanitize-html';
