/**
 * Highlights: passages of an item the user marked in the reader, stored as a W3C Web Annotation
 * text-quote selector (exact, prefix, suffix) so they re-anchor when the article's text shifts.
 * Also the two ways a reading becomes writing: a highlight appended to a note as a quote with its
 * citation, and a new note started from an item. Every note write goes through saveNoteContent,
 * which keeps the note's text, tags and links index (the citation's item) in step with its doc.
 */
import type { DocNode, Highlight, HighlightColor, Id, Item, Note } from '../../shared/model';
import { citationNode, type CitationAttrs } from '../../shared/notes/doc-nodes';
import type { CommonplaceDb } from './db';
import { saveNoteContent } from './note-content';
import { createNote } from './notes';
import { findNoteByTitle } from './note-links';
import { StoreError } from './store-error';

export interface NewHighlight {
  itemId: Id;
  exact: string;
  prefix: string;
  suffix: string;
  color?: HighlightColor;
  comment?: string;
}

export async function createHighlight(db: CommonplaceDb, input: NewHighlight, now: number = Date.now()): Promise<Highlight> {
  // An empty quote could never be anchored or cited; the reader never offers one, so this is a caller bug.
  if (input.exact.trim() === '') throw new Error('A highlight needs some words.');
  return db.transaction('rw', db.items, db.highlights, async () => {
    if (!(await db.items.get(input.itemId))) throw new StoreError('not-found', 'That item is no longer in your library.');
    const highlight: Highlight = {
      id: crypto.randomUUID(),
      itemId: input.itemId,
      exact: input.exact,
      prefix: input.prefix,
      suffix: input.suffix,
      color: input.color ?? 'yellow',
      createdAt: now,
    };
    const comment = input.comment?.trim();
    if (comment) highlight.comment = comment;
    await db.highlights.add(highlight);
    return highlight;
  });
}

/** An item's highlights, oldest first (the order they were made; the reader places them by text). */
export async function listHighlightsForItem(db: CommonplaceDb, itemId: Id): Promise<Highlight[]> {
  const rows = await db.highlights.where('itemId').equals(itemId).toArray();
  return rows.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** Deletes a highlight and returns it as it was, so the caller can offer Undo (restoreHighlight). */
export async function deleteHighlight(db: CommonplaceDb, id: Id): Promise<Highlight | undefined> {
  return db.transaction('rw', db.highlights, async () => {
    const highlight = await db.highlights.get(id);
    if (highlight) await db.highlights.delete(id);
    return highlight;
  });
}

/** Puts a deleted highlight back exactly as it was (same id, so a note citing it still points at it). */
export async function restoreHighlight(db: CommonplaceDb, highlight: Highlight): Promise<void> {
  await db.highlights.put(highlight);
}

/** Sets the highlight's comment; an empty comment removes it. */
export async function setHighlightComment(db: CommonplaceDb, id: Id, comment: string): Promise<Highlight> {
  return db.transaction('rw', db.highlights, async () => {
    const highlight = await db.highlights.get(id);
    if (!highlight) throw new StoreError('not-found', 'That highlight no longer exists.');
    const next: Highlight = { ...highlight };
    const trimmed = comment.trim();
    if (trimmed) next.comment = trimmed;
    else delete next.comment;
    await db.highlights.put(next);
    return next;
  });
}

function webLink(link: string | undefined): string | null {
  if (!link) return null;
  try {
    const url = new URL(link);
    return url.protocol === 'http:' || url.protocol === 'https:' ? link : null;
  } catch {
    return null;
  }
}

async function citationFor(db: CommonplaceDb, item: Item): Promise<CitationAttrs> {
  const [article, source] = await Promise.all([db.articles.get(item.id), item.sourceIds[0] === undefined ? undefined : db.sources.get(item.sourceIds[0])]);
  return {
    highlightId: null,
    itemId: item.id,
    title: item.title.trim() || 'Untitled',
    // The extracted article's byline is usually better than the feed's author field, when there is one.
    author: article?.byline?.trim() || item.author?.trim() || null,
    sourceTitle: source?.title.trim() || null,
    link: webLink(item.link),
    publishedAt: item.publishedAt,
  };
}

async function requireItem(db: CommonplaceDb, itemId: Id): Promise<Item> {
  const item = await db.items.get(itemId);
  if (!item) throw new StoreError('not-found', 'That item is no longer in your library.');
  return item;
}

async function requireHighlight(db: CommonplaceDb, id: Id): Promise<Highlight> {
  const highlight = await db.highlights.get(id);
  if (!highlight) throw new StoreError('not-found', 'That highlight no longer exists.');
  return highlight;
}

/** How a quote from this item names its source: title, author, source, link and date. */
export async function citationForItem(db: CommonplaceDb, itemId: Id): Promise<CitationAttrs> {
  return citationFor(db, await requireItem(db, itemId));
}

function isEmptyParagraph(node: DocNode | undefined): boolean {
  return node?.type === 'paragraph' && (node.content ?? []).every((child) => child.type === 'text' && (child.text ?? '') === '');
}

/**
 * The note's doc with `blocks` at its end. A trailing empty paragraph (what an empty editor holds,
 * or the one left after an earlier quote) is replaced rather than kept above the quote.
 */
function appendBlocks(doc: DocNode, blocks: DocNode[]): DocNode {
  const content = [...(doc.content ?? [])];
  if (isEmptyParagraph(content[content.length - 1])) content.pop();
  return { ...doc, type: doc.type ?? 'doc', content: [...content, ...blocks] };
}

/** Appends the highlight to the note as a quote with its citation, and an empty paragraph to write on. */
export async function appendHighlightToNote(db: CommonplaceDb, highlightId: Id, noteId: Id): Promise<Note> {
  // One transaction from reading the note to marking the highlight: a save landing in between (the note
  // page's last autosave, a second Add to note) can neither be overwritten nor leave a half-done quote.
  return db.transaction('rw', [db.notes, db.links, db.highlights, db.items, db.articles, db.sources], async () => {
    const highlight = await requireHighlight(db, highlightId);
    const note = await db.notes.get(noteId);
    if (!note) throw new StoreError('not-found', 'That note no longer exists.');
    const citation = await citationForItem(db, highlight.itemId);
    const doc = appendBlocks(note.doc, [citationNode({ ...citation, highlightId }, highlight.exact), { type: 'paragraph' }]);
    const saved = await saveNoteContent(db, noteId, { doc });
    await db.highlights.update(highlightId, { noteId });
    return saved;
  });
}

/** `Title`, then `Title (2)`, `Title (3)`… for the n-th attempt. */
export function numberedTitle(title: string, attempt: number): string {
  return attempt <= 1 ? title : `${title} (${attempt})`;
}

const maxTitleAttempts = 100;

/**
 * Starts a note from an item: titled after it (numbered when a note already has that title), holding
 * a citation of the item (quoting the highlight when started from one) and an empty paragraph.
 */
export async function createNoteFromItem(db: CommonplaceDb, itemId: Id, { highlightId }: { highlightId?: Id } = {}): Promise<Note> {
  // One transaction from choosing the title to marking the highlight. Apart, an interruption between the
  // note and the highlight left a note the highlight did not know, and the user's second try started
  // "Title (2)" beside it. Inside a rw transaction over notes no other window can take the chosen title
  // before the write, so a lookup is as reliable as createNote's own refusal.
  return db.transaction('rw', [db.notes, db.links, db.highlights, db.items, db.articles, db.sources], async () => {
    const citation = await citationForItem(db, itemId);
    const highlight = highlightId === undefined ? undefined : await requireHighlight(db, highlightId);
    const doc: DocNode = {
      type: 'doc',
      content: [citationNode({ ...citation, highlightId: highlight?.id ?? null }, highlight?.exact ?? ''), { type: 'paragraph' }],
    };
    let title: string | undefined;
    for (let attempt = 1; title === undefined; attempt += 1) {
      const candidate = numberedTitle(citation.title, attempt);
      if (!(await findNoteByTitle(db, candidate))) title = candidate;
      else if (attempt >= maxTitleAttempts) {
        throw new StoreError('duplicate-title', `Notes “${citation.title}” to “${candidate}” already exist. Choose a different title.`);
      }
    }
    // createNote derives the text and the links rows (the citation's item) from the doc, as saveNoteContent does.
    const note = await createNote(db, { title, doc });
    if (highlight) await db.highlights.update(highlight.id, { noteId: note.id });
    return note;
  });
}
