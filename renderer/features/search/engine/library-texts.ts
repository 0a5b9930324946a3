/**
 * The bodies of search hits, read from the library when they are shown: the saved index keeps none (they are
 * most of its bytes, and a start would wait for them), so the snippet under each of the ~30 hits shown is made
 * from its note, item (and article) or highlight, read by key in one transaction. Recently read or indexed
 * bodies are kept, so typing the next letter of a word rarely reads anything again.
 */
import type { Article, Highlight, Item, Note } from '../../../../shared/model';
import type { TextRef, TextSource } from '../../../../shared/search/text-source';
import { committed, type LibraryConnection } from './library-connection';
import { highlightBody, itemBody, noteBody } from './search-docs';

const KEPT = 512;
const STORES = ['notes', 'items', 'articles', 'highlights'] as const;

export class LibraryTexts implements TextSource {
  /** id → body, least recently used first. */
  private readonly kept = new Map<string, string>();

  constructor(private readonly library: LibraryConnection) {}

  async read(refs: readonly TextRef[]): Promise<Array<string | undefined>> {
    const out: Array<string | undefined> = new Array<string | undefined>(refs.length);
    const missing: number[] = [];
    refs.forEach((ref, at) => {
      const body = this.kept.get(ref.id);
      if (body === undefined) missing.push(at);
      else {
        out[at] = body;
        this.keep(ref.id, body);
      }
    });
    if (missing.length === 0) return out;
    const transaction = await this.library.transaction(STORES, 'readonly');
    if (transaction === undefined) return out;
    const get = <T>(store: (typeof STORES)[number], key: string, then: (row: T | undefined) => void) => {
      if (!transaction.objectStoreNames.contains(store)) {
        then(undefined);
        return;
      }
      const request = transaction.objectStore(store).get(key) as IDBRequest<T | undefined>;
      request.onsuccess = () => then(request.result);
    };
    for (const at of missing) {
      const ref = refs[at]!;
      if (ref.kind === 'note') get<Note>('notes', ref.id, (note) => note && (out[at] = noteBody(note)));
      else if (ref.kind === 'highlight') get<Highlight>('highlights', ref.id, (highlight) => highlight && (out[at] = highlightBody(highlight)));
      else {
        let item: Item | undefined;
        let article: Article | undefined;
        let waiting = 2;
        const done = () => {
          waiting -= 1;
          if (waiting === 0 && item !== undefined) out[at] = itemBody(item, article);
        };
        get<Item>('items', ref.id, (row) => {
          item = row;
          done();
        });
        get<Article>('articles', ref.id, (row) => {
          article = row;
          done();
        });
      }
    }
    await committed(transaction);
    for (const at of missing) if (out[at] !== undefined) this.keep(refs[at]!.id, out[at]);
    return out;
  }

  remember(id: string, body: string): void {
    this.keep(id, body);
  }

  forget(id: string): void {
    this.kept.delete(id);
  }

  private keep(id: string, body: string): void {
    this.kept.delete(id);
    this.kept.set(id, body);
    if (this.kept.size > KEPT) this.kept.delete(this.kept.keys().next().value!);
  }
}
