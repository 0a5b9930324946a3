/** `article:extract`: the full text of a page, extracted by the host for offline reading. */
import { z } from 'zod';

export const extractArticleRequestSchema = z.object({ url: z.string().min(1).max(4096) }).strict();

export const extractedArticleSchema = z.object({
  finalUrl: z.string(),
  title: z.string().optional(),
  byline: z.string().optional(),
  siteName: z.string().optional(),
  excerpt: z.string().optional(),
  /** Sanitised HTML with absolute URLs; safe to store, still sanitised again when shown. */
  html: z.string(),
  /** Plain text, for search and reading time. */
  text: z.string(),
  wordCount: z.number(),
  readingMinutes: z.number(),
  language: z.string().optional(),
  publishedTime: z.string().optional(),
});
export type ExtractedArticle = z.infer<typeof extractedArticleSchema>;
