import { describe, expect, it } from 'vitest';
import { DUMP_VERSION } from './index-dump';
import { parseQuery } from './query-parser';
import { SearchIndex, type SearchDoc } from './search-index';

const DAY = 86_400_000;
const base = Date.UTC(2026, 0, 1);

function doc(id: string, title: string, body: string, extra: Partial<SearchDoc> = {}): SearchDoc {
  return { id, kind: 'note', title, body, date: base, ...extra };
}

function archive(): SearchIndex {
  const index = new SearchIndex();
  index.add(doc('wing', 'Wing design', 'The aerodynamics of a swept wing in a propeller slipstream.', { kind: 'item', date: base + 1 * DAY, sourceTitles: ['Aero Weekly'], tags: ['aero'] }));
  index.add(doc('heat', 'Heat conduction', 'Heat conduction in composite slabs, solved analytically.', { kind: 'note', date: base + 2 * DAY, tags: ['physics'], starred: true }));
  index.add(doc('boundary', 'Boundary layers', 'Boundary layer transition on a flat plate at high speed.', { kind: 'highlight', date: base + 3 * DAY, folders: ['Reading'] }));
  index.add(doc('cafe', 'Café notes', 'A naïve résumé of the coffee tasting; the wing of the café was closed.', { date: base + 4 * DAY, unread: true }));
  index.add(doc('flutter', 'Flutter of panels', 'Panel flutter at supersonic speed; the wing panels fluttered.', { kind: 'item', date: base + 5 * DAY, later: true }));
  return index;
}

/** What IndexedDB does to a stored value (shared/ compiles without the DOM and Node typings that declare it). */
const structuredClone = (globalThis as unknown as { structuredClone: <T>(value: T) => T }).structuredClone;

const ids = (index: SearchIndex, query: string, limit?: number) => index.search(query, limit === undefined ? {} : { limit }).map((hit) => hit.id);

describe('SearchIndex', () => {
  it('adds, edits and deletes documents incrementally', () => {
    const index = archive();
    expect(index.size).toBe(5);
    expect(ids(index, 'conduction')).toEqual(['heat']);
    index.add(doc('heat', 'Radiation', 'Radiative transfer between grey surfaces.'));
    expect(index.size).toBe(5);
    expect(ids(index, 'conduction')).toEqual([]);
    expect(ids(index, 'radiative')).toEqual(['heat']);
    index.remove('heat');
    expect(index.has('heat')).toBe(false);
    expect(ids(index, 'radiative')).toEqual([]);
    index.remove('heat'); // removing twice is harmless
    index.add(doc('new', 'Radiation again', 'Radiative heat.'));
    expect(ids(index, 'radiative')).toEqual(['new']);
    expect(index.size).toBe(5);
  });

  it.each([
    ['stemmed words match other forms', 'fluttering', ['flutter']],
    ['words are ANDed', 'wing speed', ['flutter']],
    ['folding: case and diacritics', 'CAFE resume', ['cafe']],
    ['a prefix completes the last word', 'aerodyn', ['wing']],
    ['a prefix reaches words whose stem it does not start', 'analyti', ['heat']],
    ['OR between words', 'conduction OR transition', ['boundary', 'heat']],
    ['-word excludes', 'wing -cafe', ['flutter', 'wing']],
    ['-"phrase" excludes', 'wing -"swept wing"', ['cafe', 'flutter']],
    ['a phrase needs its words in order', '"flat plate"', ['boundary']],
    ['a phrase in another order does not match', '"plate flat"', []],
    ['a phrase keeps its stop words', '"wing of the café"', ['cafe']],
    ['only stop words match nothing', 'the of', []],
    ['a word nobody wrote matches nothing', 'wing zeppelin', []],
  ])('%s: %s', (_label, query, expected) => {
    expect(ids(archive(), query).sort()).toEqual([...expected].sort());
  });

  it.each([
    ['in:items', 'wing in:items', ['flutter', 'wing']],
    ['tag:', 'tag:physics', ['heat']],
    ['source:', 'wing source:"aero weekly"', ['wing']],
    ['folder:', 'folder:reading', ['boundary']],
    ['is:starred', 'is:starred', ['heat']],
    ['is:unread', 'wing is:unread', ['cafe']],
    ['is:later', 'is:later', ['flutter']],
    ['after:', 'wing after:2026-01-05', ['cafe', 'flutter']],
    ['before:', 'wing before:2026-01-03', ['wing']],
  ])('filter %s', (_label, query, expected) => {
    expect(ids(archive(), query).sort()).toEqual([...expected].sort());
  });

  it('sorts by date when asked, newest first', () => {
    expect(ids(archive(), 'wing sort:date')).toEqual(['flutter', 'cafe', 'wing']);
  });

  it('breaks relevance ties by recency', () => {
    const index = new SearchIndex();
    for (const [id, day] of [['old', 1], ['new', 9], ['mid', 5]] as const) index.add(doc(id, 'Same title', 'Same body text here.', { date: base + day * DAY }));
    expect(ids(index, 'body')).toEqual(['new', 'mid', 'old']);
  });

  it('returns a snippet with the matched words marked', () => {
    const [hit] = archive().search('propeller aerodynamics');
    expect(hit?.id).toBe('wing');
    const marked = hit!.marks.map(([start, end]) => hit!.snippet.slice(start, end));
    expect(marked).toEqual(['aerodynamics', 'propeller']);
    expect(hit!.title).toBe('Wing design');
    expect(hit!.kind).toBe('item');
  });

  it('marks prefix completions in the snippet', () => {
    const [hit] = archive().search('slipst');
    expect(hit!.marks.map(([start, end]) => hit!.snippet.slice(start, end))).toEqual(['slipstream']);
  });

  it('respects the limit', () => {
    const index = new SearchIndex();
    for (let n = 0; n < 50; n += 1) index.add(doc(`d${n}`, `Doc ${n}`, `common word number ${n}`));
    expect(ids(index, 'common')).toHaveLength(20);
    expect(ids(index, 'common', 5)).toHaveLength(5);
  });

  it('accepts a parsed query as well as text', () => {
    expect(archive().search(parseQuery('wing in:highlight')).map((hit) => hit.id)).toEqual([]);
  });
});

describe('ranking on a small judged set', () => {
  // Each pair isolates one BM25F property; the expected order follows from the formula alone.
  const judged = new SearchIndex();
  const filler = 'plain words about other matters entirely';
  judged.add(doc('title-hit', 'Turbine blades', `Notes on ${filler}.`));
  judged.add(doc('body-hit', 'Notes', `The turbine ran; ${filler}.`));
  judged.add(doc('tf3', 'Notes', `turbine turbine turbine ${filler}.`));
  judged.add(doc('short', 'Notes', 'compressor stall.'));
  judged.add(doc('long', 'Notes', `compressor ${filler} ${filler} ${filler} ${filler}.`));
  judged.add(doc('rare', 'Notes', `nacelle ${filler}.`));
  judged.add(doc('common1', 'Notes', `engine ${filler}.`));
  judged.add(doc('common2', 'Notes', `engine again ${filler}.`));
  judged.add(doc('common3', 'Notes', `engine once more ${filler}.`));
  judged.add(doc('both', 'Notes', `nacelle engine ${filler}.`));
  judged.add(doc('unrelated1', 'Lunch', 'Soup and bread.'));
  judged.add(doc('unrelated2', 'Walk', 'Along the river.'));
  const order = (query: string) => judged.search(query).map((hit) => hit.id);

  it('a title occurrence outweighs a body occurrence', () => {
    expect(order('turbine').indexOf('title-hit')).toBeLessThan(order('turbine').indexOf('body-hit'));
  });
  it('more occurrences rank higher, with diminishing returns', () => {
    const hits = judged.search('turbine');
    const score = (id: string) => hits.find((hit) => hit.id === id)!.score;
    expect(score('tf3')).toBeGreaterThan(score('body-hit'));
    expect(score('tf3')).toBeLessThan(3 * score('body-hit'));
  });
  it('a shorter document ranks above a longer one with the same occurrences', () => {
    expect(order('compressor')).toEqual(['short', 'long']);
  });
  it('a rare word outweighs a common one', () => {
    expect(order('nacelle OR engine').slice(0, 2)).toEqual(['both', 'rare']);
  });
});

describe('export and import', () => {
  it('round-trips through structured clone with the same results', () => {
    const index = archive();
    index.remove('cafe'); // a hole in the numbering
    const chunks = structuredClone(index.exportIndex());
    // The dump holds no bodies: the restored index reads them where the original keeps them.
    const restored = SearchIndex.importIndex(chunks, { texts: index.texts });
    expect(restored.size).toBe(index.size);
    for (const query of ['wing', 'aerodyn', '"flat plate"', 'is:starred', 'wing -swept', 'speed sort:date']) {
      expect(restored.search(query)).toEqual(index.search(query));
    }
    restored.add(doc('later', 'Wing tips', 'Vortices at the wing tips.'));
    expect(ids(restored, 'vortices')).toEqual(['later']);
    expect(restored.has('cafe')).toBe(false);
  });

  it('states its format version in the first chunk', () => {
    expect(archive().exportIndex()[0]).toMatchObject({ format: 'commonplace-search-index', version: DUMP_VERSION });
  });

  const tamper: Array<[string, (chunks: unknown[]) => unknown[], RegExp]> = [
    ['an empty dump', () => [], /damaged/],
    ['another version', (chunks) => [{ ...(chunks[0] as object), version: 99 }, ...chunks.slice(1)], /version 99/],
    ['a missing chunk', (chunks) => chunks.slice(0, -1), /damaged/],
    ['a chunk of unknown kind', (chunks) => [...chunks.slice(0, -1), { kind: 'mystery' }], /damaged/],
    ['a mangled document', (chunks) => chunks.map((chunk) => ((chunk as { kind?: string }).kind === 'docs' ? { ...(chunk as object), ids: [1, ...(chunk as { ids: unknown[] }).ids.slice(1)] } : chunk)), /damaged/],
    ['a posting out of range', (chunks) => chunks.map((chunk) => {
      if ((chunk as { kind?: string }).kind !== 'postings') return chunk;
      const data = Uint32Array.from((chunk as { data: Uint32Array }).data);
      data[0] = 4_000_000_000;
      return { ...(chunk as object), data };
    }), /damaged/],
    ['not an array of chunks', () => 'nonsense' as unknown as unknown[], /damaged/],
  ];
  it.each(tamper)('rejects %s with a clear error', (_label, damage, message) => {
    const chunks = archive().exportIndex();
    expect(() => SearchIndex.importIndex(damage(chunks))).toThrow(message);
  });
});
