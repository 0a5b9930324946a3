/**
 * The pure functions Seek borrows from shared/: the feed normaliser and OPML reading and writing.
 * They come in through the SeekProvider, so tests can hand in small fakes and the real wiring
 * lives in one file (default-pipeline.ts), where the compiler checks the real ones fit these shapes.
 */
import type { OpmlSubscription } from '../../data';
import type { Normalize } from './feed-items';

export interface OpmlParseResult {
  title?: string;
  subscriptions: OpmlSubscription[];
  skipped: Array<{ reason: string; detail: string }>;
}

export interface OpmlDocument {
  title: string;
  dateCreated: Date;
  subscriptions: OpmlSubscription[];
}

export interface SeekPipeline {
  normalize: Normalize;
  /** Throws an error with a readable message when the file is not OPML at all. */
  parseOpml: (text: string) => OpmlParseResult;
  writeOpml: (document: OpmlDocument) => string;
}
