/**
 * What a fetch teaches us about a source: validators for the next conditional GET, a moved address,
 * the last failure in words, and when to ask again. The timing rules are pure functions so the
 * politeness policy (at most hourly, honour TTL and Retry-After, back off on failure) is testable alone.
 */
import type { EpochMs, Id, Source } from '../../shared/model';
import type { CommonplaceDb } from './db';
import { canonicalSourceUrl } from './sources';
import { StoreError } from './store-error';

const minute = 60_000;
const hour = 60 * minute;
/** The politeness norm readers share: conditional requests at most hourly. */
export const defaultFetchIntervalMs = hour;
/** However long a feed's TTL or our back-off, look again at least daily. */
export const maxFetchIntervalMs = 24 * hour;
/** A first failure is retried sooner than a success is refetched: it may have been a blip. */
export const firstRetryMs = 15 * minute;

export interface FetchTiming {
  /** Epoch ms from Retry-After or Cache-Control: the server asked us not to come earlier. */
  retryAfter?: EpochMs;
  /** RSS <ttl>, in minutes. */
  ttlMinutes?: number;
}

/** After a success: the usual interval, longer if the feed's TTL asks, never before Retry-After. */
export function nextFetchAfterSuccess(now: EpochMs, timing: FetchTiming = {}, intervalMs = defaultFetchIntervalMs): EpochMs {
  const ttl = timing.ttlMinutes && timing.ttlMinutes > 0 ? Math.min(timing.ttlMinutes * minute, maxFetchIntervalMs) : 0;
  return Math.max(now + Math.max(intervalMs, ttl), timing.retryAfter ?? 0);
}

/**
 * After a failure: 15 minutes, then doubling per consecutive failure (read from the gap the last
 * failure set), capped at a day, and never before Retry-After.
 */
export function nextFetchAfterFailure(source: Pick<Source, 'lastError' | 'nextFetchAt'>, now: EpochMs, retryAfter?: EpochMs): EpochMs {
  const previousGap = source.lastError ? source.nextFetchAt - source.lastError.at : 0;
  const gap = previousGap > 0 ? Math.min(previousGap * 2, maxFetchIntervalMs) : firstRetryMs;
  return Math.max(now + gap, retryAfter ?? 0);
}

export interface FetchSuccess extends FetchTiming {
  at: EpochMs;
  /** From this answer; on a 304 an absent validator keeps the stored one. */
  etag?: string;
  lastModified?: string;
  /** A permanent redirect: the stored address becomes this one. */
  movedTo?: string;
  notModified?: boolean;
}

export interface SuccessOutcome {
  source: Source;
  /** Set when the feed moved to an address another subscription already uses, so the URL was kept. */
  movedToTaken?: string;
}

async function requireSource(db: CommonplaceDb, id: Id): Promise<Source> {
  const source = await db.sources.get(id);
  if (!source) throw new StoreError('not-found', 'That subscription is no longer in your library.');
  return source;
}

/** Records a successful fetch (200 or 304): validators, moved URL, time; clears the last error. */
export async function recordFetchSuccess(
  db: CommonplaceDb,
  id: Id,
  result: FetchSuccess,
  intervalMs = defaultFetchIntervalMs,
): Promise<SuccessOutcome> {
  return db.transaction('rw', db.sources, async () => {
    const source = await requireSource(db, id);
    const next: Source = { ...source, lastFetchedAt: result.at, nextFetchAt: nextFetchAfterSuccess(result.at, result, intervalMs) };
    delete next.lastError;
    // A 200 without a validator means the old one no longer applies; a 304 may omit them.
    for (const field of ['etag', 'lastModified'] as const) {
      const value = result[field];
      if (value) next[field] = value;
      else if (!result.notModified) delete next[field];
    }
    let movedToTaken: string | undefined;
    if (result.movedTo) {
      const moved = safeCanonical(result.movedTo);
      if (moved && moved !== source.url) {
        const owner = await db.sources.where('url').equals(moved).first();
        if (owner && owner.id !== id) movedToTaken = moved;
        else next.url = moved;
      }
    }
    await db.sources.put(next);
    return movedToTaken ? { source: next, movedToTaken } : { source: next };
  });
}

function safeCanonical(url: string): string | undefined {
  try {
    return canonicalSourceUrl(url);
  } catch {
    return undefined;
  }
}

export interface FetchProblem {
  code: string;
  message: string;
  retryAfter?: EpochMs;
}

/** Records a failure in words, and backs off. */
export async function recordFetchFailure(db: CommonplaceDb, id: Id, problem: FetchProblem, now: EpochMs = Date.now()): Promise<Source> {
  return db.transaction('rw', db.sources, async () => {
    const source = await requireSource(db, id);
    const next: Source = {
      ...source,
      nextFetchAt: nextFetchAfterFailure(source, now, problem.retryAfter),
      lastError: { code: problem.code, message: problem.message, at: now },
    };
    await db.sources.put(next);
    return next;
  });
}

/** Whether a refresh knows how to fetch this source: a feed, or a hashtag or search source with what the user typed. */
export function isRefreshable(source: Source): boolean {
  return source.kind === 'feed' || typeof source.query === 'string';
}

/** Sources (feeds, hashtags and searches) whose next fetch is due, soonest first. */
export async function listDueSources(db: CommonplaceDb, now: EpochMs = Date.now()): Promise<Source[]> {
  const due = await db.sources.where('nextFetchAt').belowOrEqual(now).toArray();
  return due.filter(isRefreshable);
}
