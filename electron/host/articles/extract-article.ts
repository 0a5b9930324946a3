/**
 * `article:extract`: the readable full text of a web page, for offline reading and search.
 * Fetch (injectable) → jsdom without scripts or sub-resources → Readability → DOMPurify with
 * absolute URLs → plain text, word count, reading time.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import type { ExtractedArticle } from '../../../shared/feeds/article-schemas';
import { HostFailure } from '../../../shared/host-error';
import { countStartTags, maxOpenDepth, openDepth } from '../net/markup-size';
import { countWords, readingMinutesFor, textOfElement } from './article-text';
import type { ExtractInWorker } from './article-worker';
import { fetchPage as defaultFetchPage, parseWebAddress, type FetchPage } from './fetch-page';
import { sanitizeArticleDom } from './sanitize-article';

export interface ExtractArticleOptions {
  /** How to get the page; the default is the minimal fetcher in fetch-page.ts. */
  fetchPage?: FetchPage;
  /** Readability's minimum article length in characters (its default, 500, unless told). */
  charThreshold?: number;
  /** Pages with more elements than this are refused rather than parsed (see defaultMaxElements). */
  maxElements?: number;
  /** Where the page is read: a worker thread in the apps (article-worker.ts); this thread when absent (tests). */
  extractInWorker?: ExtractInWorker;
}

type CoreOptions = Pick<ExtractArticleOptions, 'charThreshold' | 'maxElements'>;

export const noArticleMessage = 'Commonplace could not find the article text on this page.';

/**
 * Below this many characters an extraction counts only if isProbablyReaderable agrees: Readability
 * returns its best attempt even for a page of menus, and that attempt is usually a few nav words.
 */
const shortTextChars = 200;

/**
 * Readability's work grows faster than the page, and it runs synchronously on the host. The largest
 * page in Mozilla's test corpus has about 10,000 elements and takes a few seconds; six times that is
 * still a real article, far beyond it is a page built to stall us.
 */
export const defaultMaxElements = 60_000;

export async function extractArticle(request: { url: string }, options: ExtractArticleOptions = {}): Promise<ExtractedArticle> {
  const url = parseWebAddress(request.url);
  const page = await (options.fetchPage ?? defaultFetchPage)(url.href);
  const core: CoreOptions = {
    ...(options.charThreshold !== undefined ? { charThreshold: options.charThreshold } : {}),
    ...(options.maxElements !== undefined ? { maxElements: options.maxElements } : {}),
  };
  if (options.extractInWorker) return options.extractInWorker(page.text, page.finalUrl, core);
  return extractFromHtml(page.text, page.finalUrl, core);
}

/** The core of extractArticle on HTML already in hand (tests and the conformance corpus use it). */
export function extractFromHtml(html: string, url: string, options: CoreOptions = {}): ExtractedArticle {
  try {
    return extractOrThrow(html, url, options);
  } catch (error) {
    if (error instanceof HostFailure) throw error;
    // jsdom and Readability are large; a page that trips them is this page's problem, not a host crash.
    throw new HostFailure('internal', 'Commonplace could not read the markup of this page.');
  }
}

function extractOrThrow(html: string, url: string, options: CoreOptions): ExtractedArticle {
  // An empty window at the page's address, whose DOMParser then builds the page's document. That
  // document gets the page URL (so relative links and <base> resolve as in a browser) but no browsing
  // context: scripting is disabled, nothing is fetched, no frame gets a window, and jsdom skips parsing
  // <style> sheets — which Readability never reads, which cost most of the parse on heavy pages
  // (guardian-1: 1.8–2.3 s of CPU through the JSDOM constructor, 0.5 s this way), and whose CSS parser
  // throws on some real sheets (lazy-image-2 failed outright).
  const maxElements = options.maxElements ?? defaultMaxElements;
  // Before jsdom builds anything: a page of millions of tiny elements exhausted the host's heap while
  // parsing, long before the count after parsing could refuse it, and deep nesting makes parsing slow
  // with the square of the page (../net/markup-size.ts).
  if (countStartTags(html, maxElements) > maxElements || openDepth(html, maxOpenDepth) > maxOpenDepth) throw tooComplex();
  const dom = new JSDOM('', { url, virtualConsole: new VirtualConsole() });
  try {
    const document = new dom.window.DOMParser().parseFromString(html, 'text/html');
    // The parser adds implied elements (and misnested markup can make it clone some): count again.
    if (document.getElementsByTagName('*').length > maxElements) throw tooComplex();
    // Read before parse(): Readability rearranges the document it reads.
    const readerable = isProbablyReaderable(document);
    const article = new Readability(document, { charThreshold: options.charThreshold ?? 500 }).parse();
    if (!article?.content) throw new HostFailure('not-found', noArticleMessage);
    const body = sanitizeArticleDom(article.content, url);
    const text = textOfElement(body);
    if (!text || (text.length < shortTextChars && !readerable)) throw new HostFailure('not-found', noArticleMessage);
    const wordCount = countWords(text);
    return {
      finalUrl: url,
      title: present(article.title),
      byline: present(article.byline),
      siteName: present(article.siteName),
      excerpt: present(article.excerpt),
      html: body.innerHTML,
      text,
      wordCount,
      readingMinutes: readingMinutesFor(wordCount),
      language: present(article.lang),
      publishedTime: present(article.publishedTime),
    };
  } finally {
    // Frees the page's window (timers, listeners, the DOM) now rather than whenever GC gets to it,
    // so memory stays flat across a long run of extractions.
    dom.window.close();
  }
}

function tooComplex(): HostFailure {
  return new HostFailure('too-large', 'This page is too large and complex for Commonplace to find its article.');
}

/** Metadata from the page, trimmed and with whitespace collapsed; absent when empty. */
function present(value: string | null | undefined): string | undefined {
  const cleaned = value?.replace(/\s+/g, ' ').trim();
  return cleaned ? cleaned : undefined;
}
