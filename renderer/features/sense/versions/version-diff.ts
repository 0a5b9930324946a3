/**
 * A saved version against the note as it is now, as runs of kept, removed and added words.
 * Pure, so the comparison the dialog shows is tested without rendering it.
 */
import { diffWords } from 'diff';

export type SegmentKind = 'same' | 'removed' | 'added';

export interface DiffSegment {
  kind: SegmentKind;
  text: string;
}

export interface VersionComparison {
  /** Runs in reading order; `removed` = only in the version, `added` = written since. Undefined when too costly to compute. */
  segments: DiffSegment[] | undefined;
  /** The title then and now, when it changed. */
  title?: { from: string; to: string };
  identical: boolean;
  /** Words only in the version, and words only in the note now. */
  removedWords: number;
  addedWords: number;
}

/**
 * Myers' diff is quadratic in the worst case (two long, unrelated texts); past this many
 * milliseconds the dialog says the texts differ too much instead of freezing.
 */
export const diffTimeoutMs = 400;

export function countWords(text: string): number {
  return text.match(/[^\s]+/g)?.length ?? 0;
}

/**
 * Word-level runs turning `before` into `after`, adjacent runs of a kind merged. diffWords treats
 * whitespace as insignificant (a re-wrapped paragraph is not a change) and gives kept runs the
 * spacing of `after`, the text as it is now.
 */
export function diffSegments(before: string, after: string, timeout = diffTimeoutMs): DiffSegment[] | undefined {
  if (before === after) return before === '' ? [] : [{ kind: 'same', text: before }];
  const changes = diffWords(before, after, { timeout });
  if (!changes) return undefined;
  const segments: DiffSegment[] = [];
  for (const change of changes) {
    if (change.value === '') continue;
    const kind: SegmentKind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    const last = segments.at(-1);
    if (last && last.kind === kind) last.text += change.value;
    else segments.push({ kind, text: change.value });
  }
  return segments;
}

/** Everything the dialog shows about one version against the note now. */
export function compareVersion(version: { title: string; text: string }, current: { title: string; text: string }, timeout = diffTimeoutMs): VersionComparison {
  const segments = diffSegments(version.text, current.text, timeout);
  const comparison: VersionComparison = {
    segments,
    identical: version.text === current.text && version.title === current.title,
    removedWords: countWords(segments?.filter((segment) => segment.kind === 'removed').map((segment) => segment.text).join(' ') ?? version.text),
    addedWords: countWords(segments?.filter((segment) => segment.kind === 'added').map((segment) => segment.text).join(' ') ?? current.text),
  };
  if (version.title !== current.title) comparison.title = { from: version.title, to: current.title };
  return comparison;
}
