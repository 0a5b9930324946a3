// What the index keeps about each document besides its postings: id, title, date, kind, flags and the
// names filters read, in columns indexed by document number. No body: a hit's snippet text is read from
// where the document lives (text-source.ts) for the few hits shown. Source, folder and tag names repeat
// across thousands of documents, so each distinct combination is stored once (a facet) and referenced.
import type { SearchDocMeta } from './query-filters';
import type { SearchDoc } from './search-types';

const KINDS: readonly SearchDoc['kind'][] = ['note', 'item', 'highlight'];
const KIND_MASK = 3;
const STARRED = 4;
const UNREAD = 8;
const LATER = 16;
const HAS_ARTICLE = 32;
const DEAD = 128;
/** The flags a stored document may have (a dump with others is damaged). */
export const FLAG_BITS = KIND_MASK | STARRED | UNREAD | LATER | HAS_ARTICLE;

export interface Facet {
  sourceTitles?: string[];
  folders?: string[];
  tags?: string[];
}

/** The table's content in columns, as a dump stores it; facets[n] indexes facetTable, whose entry 0 is empty. */
export interface DocColumns {
  ids: string[];
  titles: string[];
  dates: number[];
  flags: number[];
  facets: number[];
  facetTable: Facet[];
}

/** What the index can say about a document without reading its text. */
export interface DocSummary {
  id: string;
  kind: SearchDoc['kind'];
  title: string;
  date: number;
  /** An item indexed with its extracted article (not just the feed's summary). */
  hasArticle: boolean;
}

const facetKey = (doc: Facet): string | undefined =>
  doc.sourceTitles?.length || doc.folders?.length || doc.tags?.length ? JSON.stringify([doc.sourceTitles ?? [], doc.folders ?? [], doc.tags ?? []]) : undefined;

export function kindCode(kind: SearchDoc['kind']): number {
  return KINDS.indexOf(kind);
}

export class DocTable {
  readonly ids: string[];
  readonly titles: string[];
  /** Epoch ms, read directly by the date sort and the recency tie-break. */
  readonly dates: number[];
  private readonly flags: number[];
  private readonly facets: number[];
  private readonly facetTable: Facet[];
  private facetKeys: Map<string, number> | undefined;
  /** id → number of the live documents, built at the first need (a search never needs it). */
  private numbers: Map<string, number> | undefined;
  private live: number;
  /** Reused by meta(): filters read one document at a time, and a candidate loop should not allocate. */
  private readonly view: SearchDocMeta & { sourceTitles?: string[]; folders?: string[]; tags?: string[] } = { kind: 'note', date: 0 };

  constructor(columns?: DocColumns) {
    this.ids = columns?.ids ?? [];
    this.titles = columns?.titles ?? [];
    this.dates = columns?.dates ?? [];
    this.flags = columns?.flags ?? [];
    this.facets = columns?.facets ?? [];
    this.facetTable = columns?.facetTable ?? [{}];
    this.live = this.ids.length;
  }

  /** Numbers in use, dead ones included. */
  get length(): number {
    return this.ids.length;
  }

  get size(): number {
    return this.live;
  }

  private index(): Map<string, number> {
    if (this.numbers === undefined) {
      this.numbers = new Map();
      for (let number = 0; number < this.ids.length; number += 1) if ((this.flags[number]! & DEAD) === 0) this.numbers.set(this.ids[number]!, number);
    }
    return this.numbers;
  }

  numberOf(id: string): number | undefined {
    return this.index().get(id);
  }

  /** Stores the document under the next number (numbers are never reused: see inverted-index.ts). */
  append(doc: SearchDoc): number {
    const number = this.ids.length;
    this.ids.push(doc.id);
    this.titles.push(doc.title);
    this.dates.push(doc.date);
    this.flags.push(kindCode(doc.kind) | (doc.starred ? STARRED : 0) | (doc.unread ? UNREAD : 0) | (doc.later ? LATER : 0) | (doc.hasArticle ? HAS_ARTICLE : 0));
    this.facets.push(this.facetOf(doc));
    this.index().set(doc.id, number);
    this.live += 1;
    return number;
  }

  remove(number: number): void {
    if ((this.flags[number]! & DEAD) !== 0) return;
    this.flags[number]! |= DEAD;
    this.index().delete(this.ids[number]!);
    this.live -= 1;
  }

  private facetOf(doc: Facet): number {
    const key = facetKey(doc);
    if (key === undefined) return 0;
    if (this.facetKeys === undefined) {
      this.facetKeys = new Map();
      this.facetTable.forEach((facet, at) => {
        const existing = facetKey(facet);
        if (existing !== undefined) this.facetKeys!.set(existing, at);
      });
    }
    let at = this.facetKeys.get(key);
    if (at === undefined) {
      at = this.facetTable.length;
      this.facetTable.push({
        ...(doc.sourceTitles?.length ? { sourceTitles: [...doc.sourceTitles] } : {}),
        ...(doc.folders?.length ? { folders: [...doc.folders] } : {}),
        ...(doc.tags?.length ? { tags: [...doc.tags] } : {}),
      });
      this.facetKeys.set(key, at);
    }
    return at;
  }

  kind(number: number): SearchDoc['kind'] {
    return KINDS[this.flags[number]! & KIND_MASK]!;
  }

  /** What filters read about the document; the object is reused by the next call. */
  meta(number: number): SearchDocMeta {
    const flags = this.flags[number]!;
    const facet = this.facetTable[this.facets[number]!]!;
    const view = this.view;
    view.kind = KINDS[flags & KIND_MASK]!;
    view.date = this.dates[number]!;
    view.starred = (flags & STARRED) !== 0;
    view.unread = (flags & UNREAD) !== 0;
    view.later = (flags & LATER) !== 0;
    view.sourceTitles = facet.sourceTitles;
    view.folders = facet.folders;
    view.tags = facet.tags;
    return view;
  }

  summary(number: number): DocSummary {
    return { id: this.ids[number]!, kind: this.kind(number), title: this.titles[number]!, date: this.dates[number]!, hasArticle: (this.flags[number]! & HAS_ARTICLE) !== 0 };
  }

  /** Ids of the live documents. */
  liveIds(): string[] {
    return [...this.index().keys()];
  }

  /** The live documents' columns renumbered 0..n-1, with renumber[old] = new (−1 for dead): what an export writes. */
  compacted(): { columns: DocColumns; renumber: Int32Array } {
    const renumber = new Int32Array(this.ids.length).fill(-1);
    const columns: DocColumns = { ids: [], titles: [], dates: [], flags: [], facets: [], facetTable: [{}] };
    const facetRenumber = new Map<number, number>([[0, 0]]);
    for (let number = 0; number < this.ids.length; number += 1) {
      const flags = this.flags[number]!;
      if ((flags & DEAD) !== 0) continue;
      renumber[number] = columns.ids.length;
      columns.ids.push(this.ids[number]!);
      columns.titles.push(this.titles[number]!);
      columns.dates.push(this.dates[number]!);
      columns.flags.push(flags);
      // Facets no live document uses any more are dropped.
      let facet = facetRenumber.get(this.facets[number]!);
      if (facet === undefined) {
        facet = columns.facetTable.length;
        columns.facetTable.push(this.facetTable[this.facets[number]!]!);
        facetRenumber.set(this.facets[number]!, facet);
      }
      columns.facets.push(facet);
    }
    return { columns, renumber };
  }
}
