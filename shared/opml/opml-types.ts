// The shapes OPML import and export exchange with the rest of the app. Plain JSON-safe data, so an
// import can cross the host boundary or be stored as is.

/** One feed found in (or written to) an OPML subscription list. */
export interface OpmlSubscription {
  /** Never empty: the outline's text, else its title, else the host of xmlUrl. */
  title: string;
  /** Absolute http(s) URL, normalised by the WHATWG URL parser (so duplicates compare equal). */
  xmlUrl: string;
  htmlUrl?: string;
  /** Enclosing folders, outermost first; [] at the top level. */
  folderPath: string[];
  /** From the `category` attribute; OPML 2.0 makes it comma-separated, slash-delimited. */
  tags?: string[];
  description?: string;
}

/**
 * Why an outline was not imported. Empty folders and plain note outlines are not reported: they hold
 * nothing to import, and a list of 50 US states (a valid OPML outline) should not read as 50 errors.
 */
export type OpmlSkipReason =
  | 'duplicate' // same xmlUrl as an earlier outline; the first one is kept
  | 'invalid-url' // a feed outline whose address is missing, malformed or not http(s)
  | 'unsupported-type'; // type="link" or type="include": a web page or another outline, not a feed

export interface OpmlSkipped {
  reason: OpmlSkipReason;
  /** Words for the user: the outline's name and the address it gave. */
  detail: string;
}

export interface OpmlImport {
  /** The document's head title, when it has a non-empty one. */
  title?: string;
  /** In document order (depth first), duplicates removed. */
  subscriptions: OpmlSubscription[];
  skipped: OpmlSkipped[];
}

export interface OpmlExportInput {
  title: string;
  /** A Date is written in RFC 822 form, as OPML 2.0 asks; a string is written as given. */
  dateCreated: Date | string;
  /** Written in the order given; consecutive feeds of one folder share one folder outline. */
  subscriptions: readonly OpmlSubscription[];
}

/** The file cannot be read as an OPML subscription list at all. `message` is meant for the user. */
export class OpmlError extends Error {
  override readonly name = 'OpmlError';
}
