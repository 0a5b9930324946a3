/**
 * What a published site is made of, whatever it is written as (HTML pages, Atom, RSS, JSON Feed, Hugo or
 * Jekyll Markdown). The renderer turns digests and notes into these plain values; every writer in
 * shared/publish reads only these, so each can be tested alone and all of them agree.
 */
import type { EpochMs, Id } from '../model';

export interface SiteSettings {
  title: string;
  description: string;
  /**
   * The absolute address the site is read at, ending in '/': `https://me.example/`, `https://me.example/notes/`,
   * or `file:///home/me/site/` for a folder opened from disk. Feeds and the sitemap need absolute links;
   * the pages themselves link relatively, so they work from any of these.
   */
  baseUrl: string;
  author: { name: string; url?: string };
  /** BCP 47, e.g. `en`. */
  language: string;
}

/** One entry of a digest as published: something read, and a line about it. */
export interface PublishedFind {
  /** Stable within its post across re-exports: the entry's kind and record id, e.g. `item:4f2a…`. */
  key: string;
  title: string;
  /** The original: the article or page the find is about (absolute http(s)). */
  url?: string;
  /** The curator's line about it, plain text (may hold several paragraphs separated by blank lines). */
  commentary: string;
  /** For a highlight: the passage quoted. */
  quote?: string;
  /** Where it was found: the feed or site's name. */
  sourceTitle?: string;
  author?: string;
  /** When the original was published. */
  date?: EpochMs;
}

export interface SitePost {
  /** The digest's or note's id: a post keeps it for life, so feed ids never change. */
  id: Id;
  kind: 'digest' | 'note';
  /** File-name-safe and unique within the site (`finds-20-november-2026`); kept once published. */
  slug: string;
  title: string;
  /** One or two plain sentences: the digest's introduction or the note's opening. */
  summary: string;
  /**
   * The post's own text as safe HTML (the digest's introduction, or the whole note) for pages and feeds.
   * Produced from the user's own content by the renderer and sanitised there.
   */
  bodyHtml: string;
  /** The same text as Markdown, for Hugo and Jekyll; wiki links already turned into relative links. */
  bodyMarkdown: string;
  finds: PublishedFind[];
  tags: string[];
  publishedAt: EpochMs;
  updatedAt: EpochMs;
}

/** A source the user marked public, listed in the OPML blogroll. */
export interface BlogrollEntry {
  title: string;
  feedUrl: string;
  siteUrl?: string;
}

/** One file to write, its path relative to the output folder with '/' separators. */
export interface SiteFile {
  path: string;
  content: string;
}
