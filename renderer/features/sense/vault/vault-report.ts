/**
 * What a vault import says back: how many notes and attachments it stored, which files it left out
 * and why, and what it stored with a caveat. Reasons are codes so tests and the UI agree on them;
 * `skipReasonWords` and `describeImport` put them in words a person reads.
 */

export type VaultSkipReason =
  /** `.obsidian/`, `.trash/`, `.git/`, dotfiles: the app's settings and rubbish, not the user's notes. */
  | 'hidden'
  /** Over the size cap for one file. */
  | 'too-large'
  /** The browser could not read it, or the zip entry was damaged. */
  | 'unreadable'
  /** A .zip that is not a zip. */
  | 'not-a-zip'
  /** A path that climbs out of the vault (`../x`) or is empty. */
  | 'unsafe-path'
  /** A .md file holding binary data (NUL bytes), not text. */
  | 'binary'
  /** A note whose title a note already in Commonplace has; it is not overwritten. */
  | 'title-taken'
  /** The database refused the note. */
  | 'not-stored';

export interface VaultSkip {
  path: string;
  reason: VaultSkipReason;
}

export interface VaultProblem {
  path: string;
  message: string;
}

export interface ImportReport {
  notes: number;
  attachments: number;
  skipped: VaultSkip[];
  /** Files imported with a caveat (front matter kept as text, characters replaced, title changed…). */
  problems: VaultProblem[];
}

const reasonWords: Record<VaultSkipReason, string> = {
  hidden: 'hidden or app settings',
  'too-large': 'too large',
  unreadable: 'could not be read',
  'not-a-zip': 'not a zip file',
  'unsafe-path': 'unsafe path',
  binary: 'not text',
  'title-taken': 'a note with that title exists',
  'not-stored': 'could not be saved',
};

export function skipReasonWords(reason: VaultSkipReason): string {
  return reasonWords[reason];
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** One sentence: "Imported 12 notes and 3 attachments, skipped 2 files (too large, not text)." */
export function describeImport(report: ImportReport): string {
  const stored = `Imported ${plural(report.notes, 'note', 'notes')} and ${plural(report.attachments, 'attachment', 'attachments')}`;
  if (report.skipped.length === 0) return `${stored}.`;
  const reasons = [...new Set(report.skipped.map((skip) => skipReasonWords(skip.reason)))].join(', ');
  return `${stored}, skipped ${plural(report.skipped.length, 'file', 'files')} (${reasons}).`;
}
