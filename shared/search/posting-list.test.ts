import { describe, expect, it } from 'vitest';
import { FrozenPostings } from './frozen-postings';
import { packPosting, postingBodyTf, postingDoc, postingTitleTf, PostingList } from './posting-list';

describe('PostingList', () => {
  it('packs a document and its field frequencies in 32 bits, capping the frequencies', () => {
    const posting = packPosting(4_000_000, 3, 70);
    expect(posting).toBeLessThan(2 ** 32);
    expect([postingDoc(posting), postingTitleTf(posting), postingBodyTf(posting)]).toEqual([4_000_000, 3, 63]);
  });

  it('reads a loaded list where it lies and copies it at the first push, leaving the dump untouched', () => {
    const dump = Uint32Array.from([packPosting(1, 0, 1), packPosting(5, 1, 0), 777]);
    const list = PostingList.view(dump.subarray(0, 2));
    expect([...list.postings()]).toEqual([packPosting(1, 0, 1), packPosting(5, 1, 0)]);
    list.push(packPosting(9, 0, 2));
    expect([...list.postings()].map(postingDoc)).toEqual([1, 5, 9]);
    expect([...dump]).toEqual([packPosting(1, 0, 1), packPosting(5, 1, 0), 777]);
  });

  it('grows its own list as postings arrive', () => {
    const list = PostingList.of(packPosting(0, 0, 1));
    for (let doc = 1; doc < 100; doc += 1) list.push(packPosting(doc, 0, 1));
    expect(list.length).toBe(100);
    expect([...list.postings()].map(postingDoc)).toEqual(Array.from({ length: 100 }, (_, doc) => doc));
  });
});

describe('FrozenPostings', () => {
  const chunk = (terms: string[], lists: number[][]) => {
    const offsets = new Uint32Array(terms.length + 1);
    lists.forEach((list, at) => (offsets[at + 1] = offsets[at]! + list.length));
    return { terms, offsets, data: Uint32Array.from(lists.flat()) };
  };
  const frozen = new FrozenPostings([chunk(['apple', 'kiwi'], [[1, 2], [3]]), chunk(['lemon', 'pear'], [[4, 5, 6], [7]])]);

  it('finds a term in whichever chunk holds it, and only the terms it holds', () => {
    expect([...frozen.find('apple')!]).toEqual([1, 2]);
    expect([...frozen.find('lemon')!]).toEqual([4, 5, 6]);
    expect([...frozen.find('pear')!]).toEqual([7]);
    for (const missing of ['', 'aardvark', 'banana', 'kiwis', 'mango', 'zebra']) expect(frozen.find(missing)).toBeUndefined();
    expect(frozen.count('lemon')).toBe(3);
    expect(frozen.count('mango')).toBe(0);
    expect(frozen.termCount).toBe(4);
  });

  it('lists every term in order', () => {
    expect([...frozen.entries()].map(([term, list]) => [term, [...list]])).toEqual([['apple', [1, 2]], ['kiwi', [3]], ['lemon', [4, 5, 6]], ['pear', [7]]]);
  });
});
