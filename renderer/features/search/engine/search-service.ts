/**
 * Keeps the search index in step with the library, and answers searches.
 *
 * Start: the persisted index is loaded (no rebuild) and answers searches at once; what changed since it was
 * saved is found and applied afterwards, in the background (catch-up): until then results may miss only what
 * changed since the last save, and it appears when applied. An index that is missing, damaged or of another
 * format is rebuilt, with progress. Then every write to notes, items, articles and highlights reaches the index
 * within a moment (Dexie hooks, applied after the writing transaction commits), and the index is saved again a
 * few seconds after changes (by the index's own thread, which writes it itself: see index-engine.ts).
 */
import type { Transaction } from 'dexie';
import type { Id } from '../../../../shared/model';
import type { CommonplaceDb } from '../../../data';
import type { SearchDoc } from '../../../../shared/search/search-types';
import type { LibraryKeys } from './catch-up';
import type { IndexHost } from './index-host';
import type { SearchAnswer } from './index-engine';
import { highlightDoc, itemDoc, noteDoc, sourceNames, type SourceNames } from './search-docs';
import { takeSearchRebuildRequest } from '../rebuild-request';

export type IndexStatus =
  | { state: 'starting' }
  | { state: 'building'; done: number; total: number; reason: string }
  | { state: 'catching-up'; documents: number }
  | { state: 'ready'; documents: number }
  | { state: 'failed'; message: string };

type Kind = 'note' | 'item' | 'highlight';

const batchSize = 500;
const applyDelayMs = 150;
const saveDelayMs = 4_000;

export class SearchService {
  private status: IndexStatus = { state: 'starting' };
  private readonly listeners = new Set<(status: IndexStatus) => void>();
  private readonly dirty = new Map<Id, Kind>();
  private readonly watched = new WeakSet<Transaction>();
  private applyTimer: ReturnType<typeof setTimeout> | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly unhook: Array<() => void> = [];
  /** Index work runs one job at a time, so a rebuild and live updates never interleave. */
  private queue: Promise<unknown> = Promise.resolve();
  private stopped = false;

  private hostInstance: IndexHost | undefined;

  /** Creating the service has no effects (no worker, no hooks) until start(), so React may create one and drop it. */
  constructor(
    private readonly db: CommonplaceDb,
    private readonly makeHost: () => IndexHost,
    private readonly options: { saveDelayMs?: number; applyDelayMs?: number } = {},
  ) {}

  private get host(): IndexHost {
    this.hostInstance ??= this.makeHost();
    return this.hostInstance;
  }

  get current(): IndexStatus {
    return this.status;
  }

  subscribe(listener: (status: IndexStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(status: IndexStatus): void {
    this.status = status;
    for (const listener of this.listeners) listener(status);
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  async start(): Promise<void> {
    this.stopped = false;
    this.installHooks();
    await this.enqueue(async () => {
      if (takeSearchRebuildRequest(this.db.name)) {
        await this.build('The library was restored from a backup, so the search index is being rebuilt.');
        return;
      }
      let stored;
      try {
        // The index thread reads the saved index itself (see index-engine.ts).
        stored = await this.host.ask({ type: 'load-saved', database: this.db.name });
      } catch (error) {
        stored = { status: 'damaged' as const, reason: error instanceof Error ? error.message : 'it could not be read' };
      }
      if (stored.status === 'ok') {
        // Searchable now; what changed since the save is found and applied next, while searches are answered.
        this.set({ state: 'catching-up', documents: stored.documents });
        await this.catchUp();
        return;
      }
      const reason =
        stored.status === 'none'
          ? 'Building the search index for the first time.'
          : stored.status === 'stale-format'
            ? 'The search index is from an older version, so it is being rebuilt.'
            : `The saved search index was damaged (${stored.reason}), so it is being rebuilt.`;
      await this.build(reason);
    }).catch((error: unknown) => this.set({ state: 'failed', message: error instanceof Error ? error.message : 'The search index could not be built.' }));
  }

  /** The Rebuild search index command: from scratch, with progress; searching works again when it ends. */
  rebuild(): Promise<void> {
    return this.enqueue(() => this.build('Rebuilding the search index.')).catch((error: unknown) =>
      this.set({ state: 'failed', message: error instanceof Error ? error.message : 'The search index could not be rebuilt.' }),
    );
  }

  async search(query: string, limit = 30): Promise<SearchAnswer> {
    return this.host.ask({ type: 'search', query, limit });
  }

  /** Waits for pending updates and a save; for tests and for closing the app. */
  async settle(): Promise<void> {
    clearTimeout(this.applyTimer);
    await this.enqueue(() => this.applyDirty());
    clearTimeout(this.saveTimer);
    await this.enqueue(() => this.save());
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.applyTimer);
    clearTimeout(this.saveTimer);
    for (const undo of this.unhook.splice(0)) undo();
    this.hostInstance?.dispose();
    // A stopped service may be started again (React's StrictMode does so in development): from scratch.
    this.hostInstance = undefined;
    this.queue = Promise.resolve();
  }

  private async names(): Promise<SourceNames> {
    return sourceNames(await this.db.sources.toArray());
  }

  private async build(reason: string): Promise<void> {
    this.dirty.clear();
    await this.host.ask({ type: 'reset' });
    const [notes, highlights, itemCount] = await Promise.all([this.db.notes.count(), this.db.highlights.count(), this.db.items.count()]);
    const total = notes + highlights + itemCount;
    let done = 0;
    this.set({ state: 'building', done, total, reason });
    const names = await this.names();
    const report = (count: number) => {
      done += count;
      this.set({ state: 'building', done, total, reason });
    };
    await this.addInBatches(await this.db.notes.toArray(), (note) => noteDoc(note), report);
    const highlightRows = await this.db.highlights.toArray();
    const highlightItems = new Map((await this.db.items.bulkGet([...new Set(highlightRows.map((h) => h.itemId))])).filter((i) => i !== undefined).map((i) => [i.id, i]));
    await this.addInBatches(highlightRows, (highlight) => highlightDoc(highlight, highlightItems.get(highlight.itemId), names), report);
    // Items page by primary key so 100,000 of them never sit in memory at once.
    let last: Id | undefined;
    for (;;) {
      const page = last === undefined ? await this.db.items.orderBy('id').limit(batchSize).toArray() : await this.db.items.where('id').above(last).limit(batchSize).toArray();
      if (page.length === 0) break;
      last = page[page.length - 1]!.id;
      const articles = await this.db.articles.bulkGet(page.map((item) => item.id));
      await this.host.ask({ type: 'add', docs: page.map((item, at) => itemDoc(item, articles[at], names)) });
      report(page.length);
      if (this.stopped) return;
    }
    await this.save();
    this.set({ state: 'ready', documents: await this.host.ask({ type: 'add', docs: [] }) });
  }

  private async addInBatches<T>(rows: readonly T[], toDoc: (row: T) => SearchDoc, report: (count: number) => void): Promise<void> {
    for (let at = 0; at < rows.length; at += batchSize) {
      const slice = rows.slice(at, at + batchSize);
      await this.host.ask({ type: 'add', docs: slice.map(toDoc) });
      report(slice.length);
    }
  }

  /**
   * Applies what changed after the index was saved (see catch-up.ts): the library's keys are listed here (no
   * row is read), compared with the index in its thread, and only what differs is read and indexed again.
   */
  private async catchUp(): Promise<void> {
    const { notes, items, highlights, articles } = this.db;
    const library = await this.db.transaction('r', [notes, items, highlights, articles], async (): Promise<LibraryKeys> => {
      const byUpdated = notes.orderBy('updatedAt');
      const [noteIds, noteTimes, itemIds, highlightIds, articleIds] = await Promise.all([
        byUpdated.primaryKeys(),
        byUpdated.keys(),
        items.toCollection().primaryKeys(),
        highlights.toCollection().primaryKeys(),
        articles.toCollection().primaryKeys(),
      ]);
      return { notes: { ids: noteIds, updatedAt: noteTimes as number[] }, items: itemIds, highlights: highlightIds, articles: articleIds };
    });
    const { gone, stale } = await this.host.ask({ type: 'compare', library });
    if (gone.length > 0) await this.host.ask({ type: 'remove', ids: gone });
    for (const [id, kind] of stale) this.dirty.set(id, kind);
    const changed = this.dirty.size + gone.length;
    await this.applyDirty();
    if (changed > 0) await this.save();
    this.set({ state: 'ready', documents: await this.host.ask({ type: 'add', docs: [] }) });
  }

  private installHooks(): void {
    const watch = (table: 'notes' | 'items' | 'highlights' | 'articles', kind: Kind, idOf: (key: unknown, row: unknown) => Id | undefined) => {
      const mark = (key: unknown, row: unknown, tx: Transaction) => {
        const id = idOf(key, row);
        if (id === undefined) return;
        this.dirty.set(id, kind);
        // Re-read after the write commits: the index must hold what is stored, not what was attempted.
        if (!this.watched.has(tx)) {
          this.watched.add(tx);
          tx.on('complete', () => this.scheduleApply());
        }
      };
      const creating = (key: unknown, row: unknown, tx: Transaction) => {
        mark(key, row, tx);
      };
      const updating = (_changes: unknown, key: unknown, row: unknown, tx: Transaction) => {
        mark(key, row, tx);
      };
      const deleting = (key: unknown, row: unknown, tx: Transaction) => {
        mark(key, row, tx);
      };
      const hooks = this.db[table].hook;
      hooks('creating', creating);
      hooks('updating', updating);
      hooks('deleting', deleting);
      this.unhook.push(() => {
        hooks('creating').unsubscribe(creating);
        hooks('updating').unsubscribe(updating);
        hooks('deleting').unsubscribe(deleting);
      });
    };
    const byKey = (key: unknown) => (typeof key === 'string' ? key : undefined);
    watch('notes', 'note', byKey);
    watch('items', 'item', byKey);
    watch('highlights', 'highlight', byKey);
    // An article is its item's full text: the item is re-indexed.
    watch('articles', 'item', (key, row) => byKey(key) ?? (row as { itemId?: string } | undefined)?.itemId);
  }

  private scheduleApply(): void {
    if (this.stopped) return;
    clearTimeout(this.applyTimer);
    this.applyTimer = setTimeout(() => void this.enqueue(() => this.applyDirty()), this.options.applyDelayMs ?? applyDelayMs);
  }

  private async applyDirty(): Promise<void> {
    if (this.dirty.size === 0) return;
    const batch = [...this.dirty];
    this.dirty.clear();
    const ids = (kind: Kind) => batch.filter(([, k]) => k === kind).map(([id]) => id);
    const names = await this.names();
    const docs: SearchDoc[] = [];
    const removed: Id[] = [];
    const notes = await this.db.notes.bulkGet(ids('note'));
    ids('note').forEach((id, at) => (notes[at] ? docs.push(noteDoc(notes[at])) : removed.push(id)));
    const itemIds = ids('item');
    const [items, articles] = await Promise.all([this.db.items.bulkGet(itemIds), this.db.articles.bulkGet(itemIds)]);
    itemIds.forEach((id, at) => (items[at] ? docs.push(itemDoc(items[at], articles[at], names)) : removed.push(id)));
    const highlightIds = ids('highlight');
    const highlights = await this.db.highlights.bulkGet(highlightIds);
    const quoted = new Map((await this.db.items.bulkGet(highlights.flatMap((h) => (h ? [h.itemId] : [])))).flatMap((item) => (item ? [[item.id, item] as const] : [])));
    highlightIds.forEach((id, at) => {
      const highlight = highlights[at];
      if (highlight) docs.push(highlightDoc(highlight, quoted.get(highlight.itemId), names));
      else removed.push(id);
    });
    for (let at = 0; at < docs.length; at += batchSize) await this.host.ask({ type: 'add', docs: docs.slice(at, at + batchSize) });
    if (removed.length > 0) await this.host.ask({ type: 'remove', ids: removed });
    if (this.status.state === 'ready') this.set({ state: 'ready', documents: await this.host.ask({ type: 'add', docs: [] }) });
    this.scheduleSave();
  }

  private scheduleSave(): void {
    if (this.stopped) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.enqueue(() => this.save()), this.options.saveDelayMs ?? saveDelayMs);
  }

  private async save(): Promise<void> {
    await this.host.ask({ type: 'save' });
  }
}
