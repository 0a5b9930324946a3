import { describe, expect, it } from 'vitest';
import { decodeDumpFile, encodeDumpFile } from './dump-file';
import { SearchIndex } from './search-index';

const many = (count: number, make: (at: number) => string) => Array.from({ length: count }, (_, at) => make(at));

describe('the search index file', () => {
  it('round-trips JSON-like values with typed arrays and long lists of strings in them', () => {
    const value = {
      header: { format: 'x', version: 2, nothing: null, flag: true },
      ids: many(100, (at) => `id-${at}`),
      // Every kind of text: multi-byte, astral, empty, and a lone surrogate (kept as U+FFFD, one unit like it).
      titles: many(100, (at) => ['Café', '', 'emoji 🚀 here', '日本語', `plain ${at}`][at % 5]!),
      short: ['stays', 'in', 'json'],
      lists: [Uint32Array.from([1, 2, 4_000_000_000]), Float64Array.from([1.5, -2, 1e300]), Uint8Array.from([0, 255, 7])],
      facets: [{}, { tags: ['a/b'] }],
    };
    const decoded = decodeDumpFile(encodeDumpFile(value)) as typeof value;
    expect(decoded).toEqual(value);
    expect(Object.prototype.toString.call(decoded.lists[0])).toBe('[object Uint32Array]');
    const lone = decodeDumpFile(encodeDumpFile({ texts: many(64, () => 'a\ud800b') })) as { texts: string[] };
    expect(lone.texts[0]).toBe('a\ufffdb');
  });

  it('holds an exported index that imports to the same answers', () => {
    const index = new SearchIndex();
    for (let n = 0; n < 200; n += 1) index.add({ id: `d${n}`, kind: 'note', title: `Title ${n} café`, body: `word${n % 7} shared text number ${n}`, date: n });
    const restored = SearchIndex.importIndex(decodeDumpFile(encodeDumpFile(index.exportIndex())) as unknown[], { texts: index.texts });
    for (const query of ['shared', 'word3', 'caf', 'title 42']) expect(restored.search(query)).toEqual(index.search(query));
  });

  it.each<[string, (bytes: Uint8Array) => Uint8Array]>([
    ['another kind of file', (bytes) => Uint8Array.from(bytes, (byte, at) => (at === 0 ? 0x58 : byte))],
    ['a file cut short', (bytes) => bytes.slice(0, bytes.length - 100)],
    ['a file cut inside its description', (bytes) => bytes.slice(0, 20)],
    ['an empty file', () => new Uint8Array(0)],
  ])('rejects %s as damaged', (_label, damage) => {
    const bytes = encodeDumpFile({ ids: many(100, (at) => `id-${at}`), data: new Uint32Array(100) });
    expect(() => decodeDumpFile(damage(bytes))).toThrow(/damaged/);
  });
});
