// The words of the archive as written (folded, not stemmed), each with its stem, sorted for prefix lookup.
// Prefixes are matched against these surface words, not against stems: Porter truncates ("happiness" →
// "happi"), so a typed "happin" starts no stem but does start a word whose stem is in the index.

export class TermDictionary {
  private readonly stems = new Map<string, string>();
  /** Sorted surface words, plus a short unsorted tail of recent ones merged in lazily. */
  private sorted: string[] = [];
  /** The stem of each word of `sorted`, so a prefix scan reads two arrays instead of a map per word. */
  private sortedStems: string[] = [];
  private pending: string[] = [];

  get size(): number {
    return this.stems.size;
  }

  add(surface: string, stem: string): void {
    if (this.stems.has(surface)) return;
    this.stems.set(surface, stem);
    this.pending.push(surface);
  }

  stemOf(surface: string): string | undefined {
    return this.stems.get(surface);
  }

  /** Calls visit for every surface word starting with prefix (the sorted part in order, then recent words). */
  withPrefix(prefix: string, visit: (surface: string, stem: string) => void): void {
    // A bulk load leaves everything pending: sort once at the first prefix query. A few edits later
    // leave a short tail that is cheaper to scan than to merge.
    if (this.pending.length > 512) this.merge();
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.sorted[middle]! < prefix) low = middle + 1;
      else high = middle;
    }
    for (let at = low; at < this.sorted.length; at += 1) {
      const surface = this.sorted[at]!;
      if (!surface.startsWith(prefix)) break;
      visit(surface, this.sortedStems[at]!);
    }
    for (const surface of this.pending) if (surface.startsWith(prefix)) visit(surface, this.stems.get(surface)!);
  }

  /** Parallel arrays, surfaces sorted, keeping only words whose stem satisfies keep (live in the index). */
  entries(keep: (stem: string) => boolean): { surfaces: string[]; stems: string[] } {
    this.merge();
    const surfaces: string[] = [];
    const stems: string[] = [];
    for (const surface of this.sorted) {
      const stem = this.stems.get(surface)!;
      if (!keep(stem)) continue;
      surfaces.push(surface);
      stems.push(stem);
    }
    return { surfaces, stems };
  }

  /** From entries() output; surfaces must be sorted (a dump is checked before it gets here). */
  static fromEntries(surfaces: readonly string[], stems: readonly string[]): TermDictionary {
    const dictionary = new TermDictionary();
    surfaces.forEach((surface, index) => dictionary.stems.set(surface, stems[index]!));
    dictionary.sorted = [...surfaces];
    dictionary.sortedStems = [...stems];
    return dictionary;
  }

  private merge(): void {
    if (this.pending.length === 0) return;
    const recent = this.pending.sort();
    const merged: string[] = new Array<string>(this.sorted.length + recent.length);
    let left = 0;
    let right = 0;
    let out = 0;
    while (left < this.sorted.length && right < recent.length) {
      merged[out++] = this.sorted[left]! <= recent[right]! ? this.sorted[left++]! : recent[right++]!;
    }
    while (left < this.sorted.length) merged[out++] = this.sorted[left++]!;
    while (right < recent.length) merged[out++] = recent[right++]!;
    this.sorted = merged;
    this.sortedStems = merged.map((surface) => this.stems.get(surface)!);
    this.pending = [];
  }
}
