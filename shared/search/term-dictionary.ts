// The words of the archive as written (folded, not stemmed), each with its stem, sorted for prefix lookup.
// Prefixes are matched against these surface words, not against stems: Porter truncates ("happiness" →
// "happi"), so a typed "happin" starts no stem but does start a word whose stem is in the index.
//
// A loaded dictionary is the dump's two sorted arrays, searched by bisection: loading builds no map of
// every word. Words added since live in a map (the stemmer's memo while indexing) and a short unsorted tail.

export class TermDictionary {
  /** Words added since the load or creation, surface → stem. */
  private readonly added = new Map<string, string>();
  /** Sorted surface words, plus a short unsorted tail of recent ones merged in lazily. */
  private sorted: readonly string[] = [];
  /** The stem of each word of `sorted`, so a prefix scan reads two arrays instead of a map per word. */
  private sortedStems: readonly string[] = [];
  private pending: string[] = [];

  get size(): number {
    return this.sorted.length + this.pending.length;
  }

  add(surface: string, stem: string): void {
    if (this.stemOf(surface) !== undefined) return;
    this.added.set(surface, stem);
    this.pending.push(surface);
  }

  stemOf(surface: string): string | undefined {
    const recent = this.added.get(surface);
    if (recent !== undefined) return recent;
    const at = this.lowerBound(surface);
    return this.sorted[at] === surface ? this.sortedStems[at] : undefined;
  }

  /** Calls visit for every surface word starting with prefix (the sorted part in order, then recent words). */
  withPrefix(prefix: string, visit: (surface: string, stem: string) => void): void {
    // A bulk load leaves everything pending: sort once at the first prefix query. A few edits later
    // leave a short tail that is cheaper to scan than to merge.
    if (this.pending.length > 512) this.merge();
    for (let at = this.lowerBound(prefix); at < this.sorted.length; at += 1) {
      const surface = this.sorted[at]!;
      if (!surface.startsWith(prefix)) break;
      visit(surface, this.sortedStems[at]!);
    }
    for (const surface of this.pending) if (surface.startsWith(prefix)) visit(surface, this.added.get(surface)!);
  }

  /** Parallel arrays, surfaces sorted, keeping only words whose stem satisfies keep (live in the index). */
  entries(keep: (stem: string) => boolean): { surfaces: string[]; stems: string[] } {
    this.merge();
    const surfaces: string[] = [];
    const stems: string[] = [];
    for (let at = 0; at < this.sorted.length; at += 1) {
      const stem = this.sortedStems[at]!;
      if (!keep(stem)) continue;
      surfaces.push(this.sorted[at]!);
      stems.push(stem);
    }
    return { surfaces, stems };
  }

  /** From entries() output, used as they are (not copied); surfaces must be sorted (a dump is checked before it gets here). */
  static fromEntries(surfaces: readonly string[], stems: readonly string[]): TermDictionary {
    const dictionary = new TermDictionary();
    dictionary.sorted = surfaces;
    dictionary.sortedStems = stems;
    return dictionary;
  }

  /** The first position in `sorted` whose word is not before `text`. */
  private lowerBound(text: string): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.sorted[middle]! < text) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private merge(): void {
    if (this.pending.length === 0) return;
    const recent = this.pending.sort();
    const merged: string[] = new Array<string>(this.sorted.length + recent.length);
    const mergedStems: string[] = new Array<string>(merged.length);
    let left = 0;
    let right = 0;
    let out = 0;
    while (left < this.sorted.length || right < recent.length) {
      if (right >= recent.length || (left < this.sorted.length && this.sorted[left]! <= recent[right]!)) {
        mergedStems[out] = this.sortedStems[left]!;
        merged[out++] = this.sorted[left++]!;
      } else {
        mergedStems[out] = this.added.get(recent[right]!)!;
        merged[out++] = recent[right++]!;
      }
    }
    this.sorted = merged;
    this.sortedStems = mergedStems;
    this.pending = [];
  }
}
