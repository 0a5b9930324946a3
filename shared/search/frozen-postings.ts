// The postings of a loaded dump, left as the dump's typed arrays: terms sorted across chunks, each term's
// list found by binary search and handed out as a view. Loading therefore builds nothing per term or per
// posting (no map of every term, no arrays of numbers): a term costs something only when a query reads it.

export interface PostingsChunk {
  /** Sorted, and every term of a chunk sorts before every term of the next. */
  terms: readonly string[];
  /** Term i's postings are data[offsets[i], offsets[i + 1]). */
  offsets: Uint32Array;
  data: Uint32Array;
}

export class FrozenPostings {
  private readonly firsts: string[];

  constructor(private readonly chunks: readonly PostingsChunk[]) {
    this.firsts = chunks.map((chunk) => chunk.terms[0]!);
  }

  get termCount(): number {
    let count = 0;
    for (const chunk of this.chunks) count += chunk.terms.length;
    return count;
  }

  /** [chunk, position] of a term, or undefined. */
  private locate(term: string): [PostingsChunk, number] | undefined {
    // The last chunk whose first term is not after `term`.
    let low = 0;
    let high = this.firsts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.firsts[middle]! <= term) low = middle + 1;
      else high = middle;
    }
    const chunk = this.chunks[low - 1];
    if (chunk === undefined) return undefined;
    const terms = chunk.terms;
    low = 0;
    high = terms.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (terms[middle]! < term) low = middle + 1;
      else high = middle;
    }
    return terms[low] === term ? [chunk, low] : undefined;
  }

  find(term: string): Uint32Array | undefined {
    const found = this.locate(term);
    if (found === undefined) return undefined;
    const [chunk, at] = found;
    return chunk.data.subarray(chunk.offsets[at]!, chunk.offsets[at + 1]!);
  }

  count(term: string): number {
    const found = this.locate(term);
    if (found === undefined) return 0;
    const [chunk, at] = found;
    return chunk.offsets[at + 1]! - chunk.offsets[at]!;
  }

  has(term: string): boolean {
    return this.locate(term) !== undefined;
  }

  /** Every term in sorted order with its postings (views). */
  *entries(): Generator<[string, Uint32Array]> {
    for (const chunk of this.chunks) {
      for (let at = 0; at < chunk.terms.length; at += 1) yield [chunk.terms[at]!, chunk.data.subarray(chunk.offsets[at]!, chunk.offsets[at + 1]!)];
    }
  }
}
