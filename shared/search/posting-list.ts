// One term's postings, in document order: a Uint32Array that is either a view into a loaded dump (shared
// with it, never written) or the list's own, grown by doubling. One representation for both keeps the
// scoring loops monomorphic, and a loaded index costs no decoding: its lists are read where they lie.

/** posting = doc · 1024 + titleTf · 64 + bodyTf; frequencies are capped (BM25 has saturated long before). */
const DOC_SHIFT = 1024;
const TITLE_SHIFT = 64;
const MAX_TITLE_TF = 15;
const MAX_BODY_TF = 63;
/** A posting must fit in 32 bits: 2²² document numbers. */
export const MAX_DOCUMENT_NUMBERS = 2 ** 32 / DOC_SHIFT;

export const postingDoc = (posting: number): number => Math.floor(posting / DOC_SHIFT);
export const postingTitleTf = (posting: number): number => Math.floor((posting % DOC_SHIFT) / TITLE_SHIFT);
export const postingBodyTf = (posting: number): number => posting % TITLE_SHIFT;
export const packPosting = (doc: number, titleTf: number, bodyTf: number): number =>
  doc * DOC_SHIFT + Math.min(titleTf, MAX_TITLE_TF) * TITLE_SHIFT + Math.min(bodyTf, MAX_BODY_TF);

export class PostingList {
  private constructor(
    /** The postings are data[0, length); past that, room to grow. */
    public data: Uint32Array,
    public length: number,
    private owned: boolean,
  ) {}

  /** A list read where it lies (a loaded dump); the first push copies it. */
  static view(data: Uint32Array): PostingList {
    return new PostingList(data, data.length, false);
  }

  static of(posting: number): PostingList {
    const list = new PostingList(new Uint32Array(2), 0, true);
    list.push(posting);
    return list;
  }

  push(posting: number): void {
    if (!this.owned || this.length === this.data.length) {
      const grown = new Uint32Array(Math.max(4, this.length * 2));
      grown.set(this.data.subarray(0, this.length));
      this.data = grown;
      this.owned = true;
    }
    this.data[this.length++] = posting;
  }

  /** The postings as they stand (a view, not a copy). */
  postings(): Uint32Array {
    return this.data.subarray(0, this.length);
  }
}
