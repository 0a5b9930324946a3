// OPML import and export: pure functions over strings, usable by the renderer and the host alike.
export { parseOpml } from './parse-opml';
export { writeOpml } from './write-opml';
export { OpmlError } from './opml-types';
export type { OpmlExportInput, OpmlImport, OpmlSkipReason, OpmlSkipped, OpmlSubscription } from './opml-types';
