// The persisted form of a SearchIndex: structured-cloneable chunks (plain objects, strings and typed
// arrays) that IndexedDB stores as they are, so a start loads the index instead of re-analyzing every
// document. The first chunk is a header with the format version and the counts the rest must match; a
// dump that disagrees with its header in any way is rejected, never half-loaded.
//
// Version 2 holds no document bodies (what a start had to read and decode, most of the bytes): postings,
// field lengths, ids, titles, dates, flags and filter names only, in columns and typed arrays, so reading
// it back is a few large copies rather than millions of small objects. The postings stay in the chunks'
// arrays after loading (frozen-postings.ts).
import { type DocColumns, type Facet, FLAG_BITS } from './doc-table';
import type { PostingsChunk } from './frozen-postings';

/**
 * A typed array of that kind, from any realm: a dump read back from IndexedDB can be built by another
 * realm's constructors (a worker, a test environment), where `instanceof` says no to a perfectly good array.
 */
function isTypedArray(value: unknown, kind: 'Uint8Array' | 'Uint32Array' | 'Float64Array'): boolean {
  return ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === `[object ${kind}]`;
}

export const DUMP_FORMAT = 'commonplace-search-index';
/** Bump whenever the analyzer, the posting packing or the chunk shapes change: an old dump then forces a rebuild. */
export const DUMP_VERSION = 2;
const DOCS_PER_CHUNK = 100_000;
const POSTINGS_PER_CHUNK = 1_000_000;

export interface DumpHeader {
  format: typeof DUMP_FORMAT;
  version: number;
  documents: number;
  terms: number;
  postings: number;
  chunks: number;
}
interface DocsChunk {
  kind: 'docs';
  ids: string[];
  titles: string[];
  dates: Float64Array;
  flags: Uint8Array;
  facets: Uint32Array;
  titleLengths: Uint32Array;
  bodyLengths: Uint32Array;
}
interface FacetsChunk { kind: 'facets'; facets: Facet[] }
interface StoredPostingsChunk extends PostingsChunk { kind: 'postings'; terms: string[] }
interface DictionaryChunk { kind: 'dictionary'; surfaces: string[]; stems: string[] }

/** What an export writes: documents numbered 0..n-1, and every live stem's postings in sorted stem order. */
export interface DumpSource {
  docs: DocColumns;
  titleLengths: readonly number[];
  bodyLengths: readonly number[];
  postings: Iterable<[stem: string, postings: Uint32Array]>;
  /** The dictionary's entries for the stems kept (those with postings). */
  dictionary(kept: (stem: string) => boolean): { surfaces: string[]; stems: string[] };
}

/** What a dump loads into. */
export interface LoadedDump {
  docs: DocColumns;
  titleLengths: number[];
  bodyLengths: number[];
  postings: PostingsChunk[];
  surfaces: string[];
  stems: string[];
}

export function writeDump(source: DumpSource): unknown[] {
  const { docs } = source;
  const chunks: unknown[] = [];
  for (let from = 0; from < docs.ids.length; from += DOCS_PER_CHUNK) {
    const to = Math.min(docs.ids.length, from + DOCS_PER_CHUNK);
    chunks.push({
      kind: 'docs',
      ids: docs.ids.slice(from, to),
      titles: docs.titles.slice(from, to),
      dates: Float64Array.from(docs.dates.slice(from, to)),
      flags: Uint8Array.from(docs.flags.slice(from, to)),
      facets: Uint32Array.from(docs.facets.slice(from, to)),
      titleLengths: Uint32Array.from(source.titleLengths.slice(from, to)),
      bodyLengths: Uint32Array.from(source.bodyLengths.slice(from, to)),
    } satisfies DocsChunk);
  }
  chunks.push({ kind: 'facets', facets: docs.facetTable } satisfies FacetsChunk);
  const kept = new Set<string>();
  let total = 0;
  let terms: string[] = [];
  let lists: Uint32Array[] = [];
  let size = 0;
  const flush = () => {
    if (terms.length === 0) return;
    const offsets = new Uint32Array(terms.length + 1);
    const data = new Uint32Array(size);
    let at = 0;
    lists.forEach((list, index) => {
      data.set(list, at);
      at += list.length;
      offsets[index + 1] = at;
    });
    chunks.push({ kind: 'postings', terms, offsets, data } satisfies StoredPostingsChunk);
    terms = [];
    lists = [];
    size = 0;
  };
  for (const [term, list] of source.postings) {
    kept.add(term);
    terms.push(term);
    lists.push(list);
    size += list.length;
    total += list.length;
    if (size >= POSTINGS_PER_CHUNK) flush();
  }
  flush();
  const { surfaces, stems } = source.dictionary((stem) => kept.has(stem));
  chunks.push({ kind: 'dictionary', surfaces, stems } satisfies DictionaryChunk);
  const header: DumpHeader = { format: DUMP_FORMAT, version: DUMP_VERSION, documents: docs.ids.length, terms: kept.size, postings: total, chunks: chunks.length + 1 };
  return [header, ...chunks];
}

function damaged(reason: string): Error {
  return new Error(`The search index dump is damaged (${reason}); rebuild the index.`);
}

/** Thrown for a dump of another format version: not damage, but it must be rebuilt all the same. */
export class DumpVersionError extends Error {}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const allStrings = (values: unknown): values is string[] => Array.isArray(values) && values.every((value) => typeof value === 'string');
const optionalNames = (value: unknown): boolean => value === undefined || allStrings(value);

function readDocs(chunk: Record<string, unknown>, out: LoadedDump, trusted: boolean): void {
  const { ids, titles, dates, flags, facets, titleLengths, bodyLengths } = chunk as unknown as DocsChunk;
  if (!allStrings(ids) || !allStrings(titles) || !isTypedArray(dates, 'Float64Array') || !isTypedArray(flags, 'Uint8Array') || !isTypedArray(facets, 'Uint32Array') ||
    !isTypedArray(titleLengths, 'Uint32Array') || !isTypedArray(bodyLengths, 'Uint32Array')) throw damaged('a documents chunk has the wrong shape');
  const count = ids.length;
  if (titles.length !== count || dates.length !== count || flags.length !== count || facets.length !== count || titleLengths.length !== count || bodyLengths.length !== count) {
    throw damaged('a documents chunk has columns of different lengths');
  }
  for (let at = 0; at < count && !trusted; at += 1) {
    if ((flags[at]! & ~FLAG_BITS) !== 0 || (flags[at]! & 3) === 3 || !Number.isFinite(dates[at]!)) throw damaged('a document has the wrong shape');
  }
  // Concatenated in loops: spreading 100,000 values into push() overflows the stack.
  const append = (target: unknown[], values: ArrayLike<unknown>) => {
    for (let at = 0; at < values.length; at += 1) target.push(values[at]);
  };
  append(out.docs.ids, ids);
  append(out.docs.titles, titles);
  append(out.docs.dates, dates);
  append(out.docs.flags, flags);
  append(out.docs.facets, facets);
  append(out.titleLengths, titleLengths);
  append(out.bodyLengths, bodyLengths);
}

function readPostings(chunk: Record<string, unknown>, documents: number, previousTerm: string | undefined, trusted: boolean): PostingsChunk {
  const { terms, offsets, data } = chunk as unknown as StoredPostingsChunk;
  if (!allStrings(terms) || terms.length === 0 || !isTypedArray(offsets, 'Uint32Array') || !isTypedArray(data, 'Uint32Array') ||
    offsets.length !== terms.length + 1 || offsets[0] !== 0 || offsets[terms.length] !== data.length) throw damaged('a postings chunk has the wrong shape');
  let last = previousTerm;
  for (let index = 0; index < terms.length; index += 1) {
    const term = terms[index]!;
    if (last !== undefined && !(last < term)) throw damaged('the postings are not sorted by term');
    last = term;
    const from = offsets[index]!;
    const to = offsets[index + 1]!;
    if (to <= from) throw damaged('a postings list is empty or out of order');
    if (trusted) continue;
    // Documents strictly ascending within a list: a duplicate would count twice, a number past the end would read nothing.
    let previousDoc = -1;
    for (let at = from; at < to; at += 1) {
      const doc = data[at]! >>> 10;
      if (doc <= previousDoc || doc >= documents) throw damaged('a posting points outside the documents');
      previousDoc = doc;
    }
  }
  return { terms, offsets, data };
}

/**
 * Checks every chunk against the header and returns the content; throws a clear Error otherwise. A dump
 * this process has just written is `trusted`: only its shape is checked, not every posting and name.
 */
export function readDump(chunks: unknown[], { trusted = false }: { trusted?: boolean } = {}): LoadedDump {
  if (!Array.isArray(chunks) || chunks.length === 0) throw damaged('no chunks');
  const header = chunks[0];
  if (!isObject(header) || header.format !== DUMP_FORMAT) throw damaged('no search index header');
  if (header.version !== DUMP_VERSION) {
    throw new DumpVersionError(`The search index dump has format version ${String(header.version)}, this app reads version ${DUMP_VERSION}; rebuild the index.`);
  }
  const { documents, terms, postings: postingCount } = header as unknown as DumpHeader;
  if (header.chunks !== chunks.length) throw damaged(`header says ${String(header.chunks)} chunks, found ${chunks.length}`);
  if (typeof documents !== 'number' || typeof terms !== 'number' || typeof postingCount !== 'number') throw damaged('the header has the wrong shape');
  const out: LoadedDump = {
    docs: { ids: [], titles: [], dates: [], flags: [], facets: [], facetTable: [] },
    titleLengths: [],
    bodyLengths: [],
    postings: [],
    surfaces: [],
    stems: [],
  };
  let seenPostings = 0;
  let seenTerms = 0;
  let lastTerm: string | undefined;
  let dictionaries = 0;
  let facetChunks = 0;
  for (const chunk of chunks.slice(1)) {
    if (!isObject(chunk)) throw damaged('a chunk is not an object');
    if (chunk.kind === 'docs') {
      readDocs(chunk, out, trusted);
    } else if (chunk.kind === 'facets') {
      const { facets } = chunk as unknown as FacetsChunk;
      if (!Array.isArray(facets) || facets.length === 0 || !facets.every((facet) => isObject(facet) && optionalNames(facet.sourceTitles) && optionalNames(facet.folders) && optionalNames(facet.tags))) {
        throw damaged('the filter names have the wrong shape');
      }
      out.docs.facetTable = facets;
      facetChunks += 1;
    } else if (chunk.kind === 'postings') {
      const postings = readPostings(chunk, documents, lastTerm, trusted);
      lastTerm = postings.terms[postings.terms.length - 1];
      out.postings.push(postings);
      seenTerms += postings.terms.length;
      seenPostings += postings.data.length;
    } else if (chunk.kind === 'dictionary') {
      const { surfaces, stems } = chunk as unknown as DictionaryChunk;
      if (!allStrings(surfaces) || !allStrings(stems) || surfaces.length !== stems.length) throw damaged('the dictionary has the wrong shape');
      for (let index = 1; index < surfaces.length && !trusted; index += 1) if (!(surfaces[index - 1]! < surfaces[index]!)) throw damaged('the dictionary is not sorted');
      out.surfaces = surfaces;
      out.stems = stems;
      dictionaries += 1;
    } else {
      throw damaged(`unknown chunk kind ${String(chunk.kind)}`);
    }
  }
  if (out.docs.ids.length !== documents) throw damaged(`header says ${documents} documents, found ${out.docs.ids.length}`);
  if (seenTerms !== terms || seenPostings !== postingCount) throw damaged('postings missing or duplicated');
  if (dictionaries !== 1) throw damaged('no dictionary');
  if (facetChunks !== 1) throw damaged('no filter names');
  const facetCount = out.docs.facetTable.length;
  if (trusted) return out;
  for (const facet of out.docs.facets) if (facet >= facetCount) throw damaged('a document names filter values that are not there');
  if (new Set(out.docs.ids).size !== out.docs.ids.length) throw damaged('duplicate document ids');
  return out;
}
