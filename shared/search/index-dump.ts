// The persisted form of a SearchIndex: structured-cloneable chunks (plain objects, strings and typed
// arrays) that IndexedDB stores as they are, so a start loads the index instead of re-analyzing every
// document. The first chunk is a header with the format version and the counts the rest must match; a
// dump that disagrees with its header in any way is rejected, never half-loaded.
import type { SearchDoc } from './search-types';

/**
 * A typed array of that kind, from any realm: a dump read back from IndexedDB can be built by another
 * realm's constructors (a worker, a test environment), where `instanceof` says no to a perfectly good array.
 */
function isTypedArray(value: unknown, kind: 'Uint32Array' | 'Float64Array'): boolean {
  return ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === `[object ${kind}]`;
}


export const DUMP_FORMAT = 'commonplace-search-index';
/** Bump whenever the analyzer, the posting packing or the chunk shapes change: an old dump then forces a rebuild. */
export const DUMP_VERSION = 1;
const DOCS_PER_CHUNK = 5_000;
const POSTINGS_PER_CHUNK = 500_000;

export interface DumpHeader {
  format: typeof DUMP_FORMAT;
  version: number;
  documents: number;
  terms: number;
  postings: number;
  chunks: number;
}
interface DocsChunk { kind: 'docs'; docs: SearchDoc[]; titleLengths: Uint32Array; bodyLengths: Uint32Array }
interface PostingsChunk { kind: 'postings'; terms: string[]; offsets: Uint32Array; data: Float64Array }
interface DictionaryChunk { kind: 'dictionary'; surfaces: string[]; stems: string[] }

/** The index's content with documents numbered 0..n-1 (what export writes and import rebuilds from). */
export interface DumpContent {
  docs: SearchDoc[];
  titleLengths: number[];
  bodyLengths: number[];
  postings: Map<string, number[]>;
  surfaces: string[];
  stems: string[];
}

export function writeDump(content: DumpContent): unknown[] {
  const chunks: unknown[] = [];
  for (let from = 0; from < content.docs.length; from += DOCS_PER_CHUNK) {
    const to = Math.min(content.docs.length, from + DOCS_PER_CHUNK);
    const chunk: DocsChunk = {
      kind: 'docs',
      docs: content.docs.slice(from, to),
      titleLengths: Uint32Array.from(content.titleLengths.slice(from, to)),
      bodyLengths: Uint32Array.from(content.bodyLengths.slice(from, to)),
    };
    chunks.push(chunk);
  }
  let total = 0;
  let terms: string[] = [];
  let lists: number[][] = [];
  let size = 0;
  const flush = () => {
    if (terms.length === 0) return;
    const offsets = new Uint32Array(terms.length + 1);
    const data = new Float64Array(size);
    let at = 0;
    lists.forEach((list, index) => {
      data.set(list, at);
      at += list.length;
      offsets[index + 1] = at;
    });
    chunks.push({ kind: 'postings', terms, offsets, data } satisfies PostingsChunk);
    terms = [];
    lists = [];
    size = 0;
  };
  for (const [term, list] of content.postings) {
    terms.push(term);
    lists.push(list);
    size += list.length;
    total += list.length;
    if (size >= POSTINGS_PER_CHUNK) flush();
  }
  flush();
  chunks.push({ kind: 'dictionary', surfaces: content.surfaces, stems: content.stems } satisfies DictionaryChunk);
  const header: DumpHeader = { format: DUMP_FORMAT, version: DUMP_VERSION, documents: content.docs.length, terms: content.postings.size, postings: total, chunks: chunks.length + 1 };
  return [header, ...chunks];
}

function damaged(reason: string): Error {
  return new Error(`The search index dump is damaged (${reason}); rebuild the index.`);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const KINDS = new Set(['note', 'item', 'highlight']);

function checkDoc(value: unknown): SearchDoc {
  if (!isObject(value) || typeof value.id !== 'string' || typeof value.title !== 'string' || typeof value.body !== 'string' ||
    typeof value.date !== 'number' || !KINDS.has(value.kind as string)) {
    throw damaged('a document has the wrong shape');
  }
  return value as unknown as SearchDoc;
}

/** Checks every chunk against the header and returns the content; throws a clear Error otherwise. */
export function readDump(chunks: unknown[]): DumpContent {
  if (!Array.isArray(chunks) || chunks.length === 0) throw damaged('no chunks');
  const header = chunks[0];
  if (!isObject(header) || header.format !== DUMP_FORMAT) throw damaged('no search index header');
  if (header.version !== DUMP_VERSION) {
    throw new Error(`The search index dump has format version ${String(header.version)}, this app reads version ${DUMP_VERSION}; rebuild the index.`);
  }
  const { documents, terms, postings: postingCount } = header as unknown as DumpHeader;
  if (header.chunks !== chunks.length) throw damaged(`header says ${String(header.chunks)} chunks, found ${chunks.length}`);
  const content: DumpContent = { docs: [], titleLengths: [], bodyLengths: [], postings: new Map(), surfaces: [], stems: [] };
  let seenPostings = 0;
  let dictionaries = 0;
  for (const chunk of chunks.slice(1)) {
    if (!isObject(chunk)) throw damaged('a chunk is not an object');
    if (chunk.kind === 'docs') {
      const { docs, titleLengths, bodyLengths } = chunk as unknown as DocsChunk;
      if (!Array.isArray(docs) || !isTypedArray(titleLengths, 'Uint32Array') || !isTypedArray(bodyLengths, 'Uint32Array') ||
        titleLengths.length !== docs.length || bodyLengths.length !== docs.length) throw damaged('a documents chunk has the wrong shape');
      for (const doc of docs) content.docs.push(checkDoc(doc));
      content.titleLengths.push(...titleLengths);
      content.bodyLengths.push(...bodyLengths);
    } else if (chunk.kind === 'postings') {
      const { terms: names, offsets, data } = chunk as unknown as PostingsChunk;
      if (!Array.isArray(names) || !isTypedArray(offsets, 'Uint32Array') || !isTypedArray(data, 'Float64Array') ||
        offsets.length !== names.length + 1 || offsets[0] !== 0 || offsets[names.length] !== data.length) throw damaged('a postings chunk has the wrong shape');
      const limit = documents * 1024;
      for (let index = 0; index < names.length; index += 1) {
        const from = offsets[index]!;
        const to = offsets[index + 1]!;
        if (typeof names[index] !== 'string' || to <= from) throw damaged('a postings list is empty or out of order');
        const list = Array.from(data.subarray(from, to));
        for (const posting of list) if (!(posting >= 0 && posting < limit && Number.isInteger(posting))) throw damaged('a posting points outside the documents');
        content.postings.set(names[index]!, list);
      }
      seenPostings += data.length;
    } else if (chunk.kind === 'dictionary') {
      const { surfaces, stems } = chunk as unknown as DictionaryChunk;
      if (!Array.isArray(surfaces) || !Array.isArray(stems) || surfaces.length !== stems.length) throw damaged('the dictionary has the wrong shape');
      for (let index = 1; index < surfaces.length; index += 1) if (!(surfaces[index - 1]! < surfaces[index]!)) throw damaged('the dictionary is not sorted');
      content.surfaces = surfaces;
      content.stems = stems;
      dictionaries += 1;
    } else {
      throw damaged(`unknown chunk kind ${String(chunk.kind)}`);
    }
  }
  if (content.docs.length !== documents) throw damaged(`header says ${documents} documents, found ${content.docs.length}`);
  if (content.postings.size !== terms || seenPostings !== postingCount) throw damaged('postings missing or duplicated');
  if (dictionaries !== 1) throw damaged('no dictionary');
  if (new Set(content.docs.map((doc) => doc.id)).size !== content.docs.length) throw damaged('duplicate document ids');
  return content;
}
