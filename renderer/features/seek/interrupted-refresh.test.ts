/**
 * Seek's long jobs interrupted midway (issue 8, "Nothing lost"): a refresh of several sources where the
 * disk refuses a write, the host dies, or the window closes; a subscription whose storing fails; an OPML
 * import that stops after some feeds. Each time the database must stay consistent (every stored story
 * belongs to a source whose fetch is recorded, with the validators of the answer it came from), and the
 * next run must complete the job exactly: every story once, nothing missing.
 */
import { describe, expect, it, vi } from 'vitest';
import { HostCallError } from '../../../shared/host-error';
import type { Source } from '../../../shared/model';
import { addSource, listDueSources, openDatabase, type CommonplaceDb } from '../../data';
import { consistencyProblems, failWrites, simulatedFailure } from '../../data/interruption-harness';
import { freshDatabaseForEachTest } from '../../data/migration-harness';
import { defaultPipeline } from './default-pipeline';
import { importOpmlText } from './opml-transfer';
import { RefreshQueue } from './refresh-queue';
import { refreshSource } from './refresh-source';
import { confirmSubscription, previewFeed } from './subscribe-flow';
import { fakeNormalize, fakeSeekHost, okResponse, parsedFeed, type FakeAnswers } from './test-support';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened));

const start = 1_700_000_000_000;
const names = ['a', 'b', 'c', 'd', 'e'];
const urlOf = (name: string) => `https://${name}.example/feed`;
const etagOf = (name: string) => `"${name}-v1"`;
const nameOf = (url: string) => new URL(url).hostname.split('.')[0]!;
/** Each feed serves three stories of its own. */
const storiesOf = (name: string) => [1, 2, 3].map((n) => ({ guid: `${name}${n}`, title: `${name.toUpperCase()} story ${n}`, published: '2024-01-01T00:00:00Z' }));
const feedAnswer: FakeAnswers['fetch'] = async (request) => okResponse(parsedFeed(nameOf(request.url), storiesOf(nameOf(request.url))), request.url, { etag: etagOf(nameOf(request.url)) });

async function subscribeAll(): Promise<Source[]> {
  const sources: Source[] = [];
  for (const name of names) sources.push(await addSource(db, { kind: 'feed', url: urlOf(name), title: name }));
  return sources;
}

/** The refresh the app runs (seek-context's queue), one source at a time so "the third" is well defined. */
function refreshQueue(database: CommonplaceDb, answers: FakeAnswers, now: number) {
  const host = fakeSeekHost(answers);
  const queue = new RefreshQueue<Source>(async (task) => {
    const source = await database.sources.get(task.id);
    if (!source) return { ok: true, newItems: 0 };
    return refreshSource({ db: database, host, normalize: fakeNormalize, now: () => now }, source);
  }, 1);
  return { host, queue };
}

async function refresh(database: CommonplaceDb, sources: readonly Source[], answers: FakeAnswers, now: number) {
  const { host, queue } = refreshQueue(database, answers, now);
  await queue.enqueue(sources);
  return { host, progress: queue.getSnapshot() };
}

/**
 * What a refresh must never leave: a story of a source that is not stored, a source holding stories
 * whose fetch is not recorded (or recorded without them), validators from another answer than the stories.
 */
async function refreshProblems(database: CommonplaceDb): Promise<string[]> {
  const [sources, items] = await Promise.all([database.sources.toArray(), database.items.toArray()]);
  const problems = await consistencyProblems(database);
  const known = new Set(sources.map((source) => source.id));
  for (const item of items) for (const id of item.sourceIds) if (!known.has(id)) problems.push(`story “${item.title}” of a source not stored`);
  for (const source of sources) {
    const titles = items.filter((item) => item.sourceIds.includes(source.id)).map((item) => item.title).sort();
    const fetched = source.lastFetchedAt !== undefined;
    if (!fetched && titles.length > 0) problems.push(`${source.title}: stories stored, fetch not recorded`);
    if (fetched && JSON.stringify(titles) !== JSON.stringify(storiesOf(source.title).map((story) => story.title))) problems.push(`${source.title}: fetch recorded with stories ${titles.join(', ')}`);
    if (fetched && source.etag !== etagOf(source.title)) problems.push(`${source.title}: validator ${source.etag} is not its answer's`);
  }
  return problems;
}

/** The job done: every source fetched once with its own validator, every story stored once. */
async function expectComplete(database: CommonplaceDb) {
  expect(await refreshProblems(database)).toEqual([]);
  const sources = await database.sources.toArray();
  expect(sources.every((source) => source.lastFetchedAt !== undefined && source.lastError === undefined)).toBe(true);
  const items = await database.items.toArray();
  expect(items).toHaveLength(names.length * 3);
  expect(new Set(items.map((item) => item.dedupeKey)).size).toBe(items.length);
}

describe('an interrupted refresh', () => {
  it('when the disk refuses the third source’s fetch state, stores none of its stories; the next run stores them once', async () => {
    const sources = await subscribeAll();
    const third = sources[2]!;
    const fault = failWrites(db.sources, { matching: (row) => row?.id === third.id, times: 1 });
    const { progress } = await refresh(db, sources, { fetch: feedAnswer }, start);
    fault.disarm();
    expect(fault.failures).toBe(1);
    expect(progress).toMatchObject({ done: 5, failed: 1 });
    expect(await refreshProblems(db)).toEqual([]);
    expect(await db.items.where('sourceIds').equals(third.id).count()).toBe(0);
    expect((await db.sources.get(third.id))?.lastError).toBeDefined();

    // The next run: when the back-off has passed, the scheduler finds the third source due again.
    const later = start + 16 * 60_000;
    const due = await listDueSources(db, later);
    expect(due.map((source) => source.id)).toEqual([third.id]);
    await refresh(db, due, { fetch: feedAnswer }, later);
    await expectComplete(db);
  });

  it('when the host dies on the third source, keeps the others whole; the next run completes', async () => {
    const sources = await subscribeAll();
    let calls = 0;
    const dying: FakeAnswers['fetch'] = async (request) => {
      calls += 1;
      if (calls === 3) throw new HostCallError({ code: 'unavailable', message: 'The app’s helper stopped.' });
      return feedAnswer(request);
    };
    expect((await refresh(db, sources, { fetch: dying }, start)).progress).toMatchObject({ done: 5, failed: 1 });
    expect(await refreshProblems(db)).toEqual([]);

    const later = start + 16 * 60_000;
    await refresh(db, await listDueSources(db, later), { fetch: feedAnswer }, later);
    await expectComplete(db);
  });

  it('when the window closes during the third fetch, the unfetched sources stay due and the next start fetches them', async () => {
    const sources = await subscribeAll();
    const never = new Promise<never>(() => {});
    // Today, since the sources were subscribed today: what is due is judged against the clock.
    const now = Date.now();
    const { host, queue } = refreshQueue(db, { fetch: async (request) => (nameOf(request.url) === 'c' ? never : feedAnswer(request)) }, now);
    void queue.enqueue(sources);
    await vi.waitFor(() => expect(host.calls).toHaveLength(3));
    queue.dispose();
    db.close();

    const reopened = await openDatabase(db.name);
    try {
      expect(await refreshProblems(reopened)).toEqual([]);
      const due = await listDueSources(reopened, now);
      expect(due.map((source) => source.title).sort()).toEqual(['c', 'd', 'e']);
      await refresh(reopened, due, { fetch: feedAnswer }, now);
      await expectComplete(reopened);
    } finally {
      reopened.close();
    }
  });

  it('of a search source moves its cursor only with the posts it stepped over', async () => {
    const tag = await addSource(db, { kind: 'mastodon-tag', url: 'https://social.example/api/v1/timelines/tag/pkm', title: '#pkm', query: '#pkm@social.example' });
    await db.sources.update(tag.id, { cursor: '100' });
    const posts = parsedFeed('#pkm', [
      { guid: 'https://social.example/statuses/101', title: 'One' },
      { guid: 'https://social.example/statuses/102', title: 'Two' },
    ]);
    const answers: FakeAnswers = { source: async () => ({ kind: 'mastodon-tag', endpoint: tag.url, title: '#pkm', feed: posts, cursor: '102' }) };
    const fault = failWrites(db.sources, { times: 1 });
    const { host } = await refresh(db, [tag], answers, start);
    fault.disarm();
    expect(await db.items.count()).toBe(0);
    expect(await db.sources.get(tag.id)).toMatchObject({ cursor: '100', lastError: expect.anything() });
    expect((await db.sources.get(tag.id))?.lastFetchedAt).toBeUndefined();

    const again = await refresh(db, [tag], answers, start + 16 * 60_000);
    expect([...host.calls, ...again.host.calls].map((call) => call.request)).toEqual([
      { query: '#pkm@social.example', cursor: '100' },
      { query: '#pkm@social.example', cursor: '100' },
    ]);
    expect((await db.items.toArray()).map((item) => item.title).sort()).toEqual(['One', 'Two']);
    expect(await db.sources.get(tag.id)).toMatchObject({ cursor: '102', lastFetchedAt: start + 16 * 60_000 });
    expect((await db.sources.get(tag.id))?.lastError).toBeUndefined();
  });
});

describe('an interrupted subscription', () => {
  it('leaves no source without its stories, so subscribing again simply works', async () => {
    const host = fakeSeekHost({ fetch: feedAnswer });
    const preview = await previewFeed(host, db, fakeNormalize, { url: urlOf('a'), title: 'a' });
    const fault = failWrites(db.items, { after: 1 });
    await expect(confirmSubscription(db, fakeNormalize, preview, start)).rejects.toThrow(simulatedFailure);
    fault.disarm();
    expect(await db.sources.count()).toBe(0);
    expect(await db.items.count()).toBe(0);

    const { source, newItems } = await confirmSubscription(db, fakeNormalize, preview, start);
    expect(newItems).toBe(3);
    expect(source).toMatchObject({ url: urlOf('a'), etag: etagOf('a'), lastFetchedAt: start, siteUrl: 'https://example.com/' });
    expect(await refreshProblems(db)).toEqual([]);
    // A third confirmation (another window's) is refused whole, in words.
    await expect(confirmSubscription(db, fakeNormalize, preview, start)).rejects.toMatchObject({ code: 'duplicate-url' });
    expect([await db.sources.count(), await db.items.count()]).toEqual([1, 3]);
  });
});

describe('an interrupted OPML import', () => {
  const opml = `<?xml version="1.0"?>
<opml version="2.0"><head><title>Mine</title></head><body>
  <outline text="News">${names.map((name) => `<outline type="rss" text="${name}" xmlUrl="${urlOf(name)}"/>`).join('')}</outline>
</body></opml>`;

  it('keeps each feed it stored whole; run again it adds the rest and none twice', async () => {
    const fault = failWrites(db.sources, { after: 2 });
    await expect(importOpmlText(db, defaultPipeline, opml)).rejects.toThrow(simulatedFailure);
    fault.disarm();
    const partial = await db.sources.toArray();
    expect(partial.map((source) => [source.title, source.folder]).sort()).toEqual([
      ['a', 'News'],
      ['b', 'News'],
    ]);

    const report = await importOpmlText(db, defaultPipeline, opml);
    expect(report.addedIds).toHaveLength(3);
    expect(report.skipped.map((skip) => skip.reason)).toEqual(['duplicate', 'duplicate']);
    const sources = await db.sources.toArray();
    expect(sources.map((source) => source.url).sort()).toEqual(names.map(urlOf));
    // Every imported feed is due, so the scheduler's next look fetches the ones the import added.
    expect((await listDueSources(db, Date.now())).length).toBe(5);
  });
});
