/**
 * One refresh of one source: a conditional GET through the host, then the stored facts. Never
 * throws: every failure becomes the source's last error, in words, and a failed outcome.
 */
import type { Source } from '../../../shared/model';
import { recordFetchFailure, recordFetchSuccess, upsertItems, type CommonplaceDb } from '../../data';
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
    const response = await host.call('feed:fetch', {
      url: source.url,
      ...(source.etag ? { etag: source.etag } : {}),
      ...(source.lastModified ? { lastModified: source.lastModified } : {}),
    });
    const at = now();
    // Unsubscribed while the fetch was in flight: store nothing.
    if (!(await db.sources.get(source.id))) return { ok: true, newItems: 0 };
    const facts = {
      at,
      ...(response.etag ? { etag: response.etag } : {}),
      ...(response.lastModified ? { lastModified: response.lastModified } : {}),
      ...(response.movedTo ? { movedTo: response.movedTo } : {}),
      ...(response.retryAfter ? { retryAfter: response.retryAfter } : {}),
    };
    if (response.status === 'not-modified') {
      await recordFetchSuccess(db, source.id, { ...facts, notModified: true });
      return { ok: true, newItems: 0 };
    }
    // The subscribed address, not where redirects led: it is the stable namespace of GUID keys.
    const normalized = normalize(response.feed, { feedUrl: source.url, sourceId: source.id, fetchedAt: at });
    const { addedIds } = await upsertItems(db, toIncomingItems(normalized.items, source.id, at));
    const ttl = response.feed.ttlMinutes;
    await recordFetchSuccess(db, source.id, { ...facts, ...(ttl ? { ttlMinutes: ttl } : {}) });
    return { ok: true, newItems: addedIds.length };
  } catch (error) {
    failure = errorWords(error, 'Something went wrong while storing this feed.');
  }
  try {
    await recordFetchFailure(db, source.id, failure, now());
  } catch {
    // The source was removed meanwhile; there is nowhere to record the failure.
  }
  return { ok: false, message: failure.message };
}
