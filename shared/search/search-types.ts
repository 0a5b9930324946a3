// What the search index stores and answers: the shapes shared by the index, its worker and the UI.

export interface SearchDoc {
  id: string;
  kind: 'note' | 'item' | 'highlight';
  title: string;
  body: string;
  /** Epoch ms: what date filters and the date sort use, and the recency tie-break. */
  date: number;
  sourceTitles?: string[];
  folders?: string[];
  tags?: string[];
  starred?: boolean;
  unread?: boolean;
  later?: boolean;
  /** An item indexed with its extracted article's text rather than the feed's summary. */
  hasArticle?: boolean;
}

export interface SearchHit {
  id: string;
  kind: SearchDoc['kind'];
  title: string;
  date: number;
  score: number;
  /** ~160 chars of the body (or title) around the best match, with the matched words' ranges in `snippet`. */
  snippet: string;
  marks: Array<[start: number, end: number]>;
}
