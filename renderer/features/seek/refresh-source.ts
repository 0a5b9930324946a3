/**
 * One refresh of one source: a conditional GET through the host, then the stored facts. Never
 * throws: every failure becomes the source's last error, in words, and a failed outcome.
 */
import type { Source } from '../../../shared/model';
import { recordFetchFailure, storeFetchResult, type CommonplaceDb } from '../../data';
import type { HostClient } from '../../host/host-client';
import { errorWords } from '../../ui/error-words';
import { toIncomingItems, type Normalize } from './feed-items';
import type { RefreshOutcome } from './refresh-queue';

export interface RefreshDeps {
  db: CommonplaceDb;
  host: Pick<HostClient, 'call'>;
  normalize: Normalize;
  now?: () => number;
}

export async function refreshSource(deps: RefreshDeps, source: Source): Promise<RefreshOutcome> {
  const { db, host, normalize } = deps;
  const now = deps.now ?? Date.now;
  let failure;
  try {
    if (source.kind !== 'feed' && source.query) return await refreshSearchSource(deps, source);
    const response = await host.call('feed:fetch', {
      url: source.url,
      ...(source.etag ? { etag: source.etag } : {}),
      ...(source.lastModified ? { lastModified: source.lastModified } : {}),
    });
    const at = now();
    const facts = {
      at,
      ...(response.etag ? { etag: response.etag } : {}),
      ...(response.lastModified ? { lastModified: response.lastModified } : {}),
      ...(response.movedTo ? { movedTo: response.movedTo } : {}),
      ...(response.retryAfter ? { retryAfter: response.retryAfter } : {}),
    };
    if (response.status === 'not-modified') {
      await storeFetchResult(db, source.id, { items: [], success: { ...facts, notModified: true } });
      return { ok: true, newItems: 0 };
    }
    // The subscribed address, not where redirects led: it is the stable namespace of GUID keys.
    const normalized = normalize(response.feed, { feedUrl: source.url, sourceId: source.id, fetchedAt: at });
    const ttl = response.feed.ttlMinutes;
    // Stories and validators commit together (see storeFetchResult): an interrupted refresh leaves the
    // source as it was, and the next one fetches the whole answer again. Undefined: unsubscribed meanwhile.
    const stored = await storeFetchResult(db, source.id, {
      items: toIncomingItems(normalized.items, source.id, at),
      success: { ...facts, ...(ttl ? { ttlMinutes: ttl } : {}) },
    });
    return { ok: true, newItems: stored?.addedIds.length ?? 0 };
  } catch (error) {
    failure = errorWords(error, source.kind === 'feed' ? 'Something went wrong while storing this feed.' : 'Something went wrong while storing these posts.');
  }
  try {
    await recordFetchFailure(db, source.id, failure, now());
  } catch {
    // The source was removed meanwhile; there is nowhere to record the failure.
  }
  return { ok: false, message: failure.message };
}

/** A hashtag or search: fetched from where the last refresh stopped (its cursor), stored like feed items. */
async function refreshSearchSource(deps: RefreshDeps, source: Source): Promise<RefreshOutcome> {
  const { db, host, normalize } = deps;
  const now = deps.now ?? Date.now;
  const response = await host.call('source:fetch', { query: source.query!, ...(source.cursor ? { cursor: source.cursor } : {}) });
  const at = now();
  const normalized = normalize(response.feed, { feedUrl: source.url, sourceId: source.id, fetchedAt: at });
  // The cursor moves in the same transaction as the stories it stepped over, so it never points past what is stored.
  const stored = await storeFetchResult(db, source.id, {
    items: toIncomingItems(normalized.items, source.id, at),
    success: { at, ...(response.retryAfter ? { retryAfter: response.retryAfter } : {}) },
    ...(response.cursor !== undefined ? { cursor: response.cursor } : {}),
  });
  return { ok: true, newItems: stored?.addedIds.length ?? 0 };
}
