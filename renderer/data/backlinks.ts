/**
 * What points at a note: other notes' links to it (each with the sentence it sits in), highlights
 * turned into it, and plain-text mentions of its title or aliases that are not links yet.
 */
import type { Id, Note } from '../../shared/model';
import { linkMention } from '../../shared/notes/doc-links';
import { docTextWithLinks } from '../../shared/notes/doc-text';
import { findMentions, sentenceAround, type SentenceContext } from '../../shared/notes/mentions';
import { titleKey } from '../../shared/notes/wiki-link-syntax';
import type { CommonplaceDb } from './db';
import { saveNoteContent } from './note-content';
import { TitleResolver } from './note-links';
import { StoreError } from './store-error';

export type { SentenceContext };

export type Backlink =
  /** One entry per link occurrence, so a note linking here twice shows both sentences. */
  | { kind: 'note'; noteId: Id; title: string; context: SentenceContext }
  /** A highlight whose `noteId` is this note. */
  | { kind: 'highlight'; highlightId: Id; itemId: Id; itemTitle: string; exact: string };

function newestFirst(a: Note, b: Note): number {
  return b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Backlinks from notes (most recently updated first, occurrences in text order), then highlights
 * (oldest first). A note's links to itself are not backlinks.
 */
export async function getBacklinks(db: CommonplaceDb, noteId: Id): Promise<Backlink[]> {
  const target = await db.notes.get(noteId);
  if (!target) return [];
  const rows = await db.links.where('targetId').equals(noteId).toArray();
  const sourceIds = [...new Set(rows.map((row) => row.sourceId))].filter((id) => id !== noteId);
  const sources = (await db.notes.bulkGet(sourceIds)).filter((note): note is Note => note !== undefined).sort(newestFirst);

  // Which written targets reach this note: its title and aliases, unless another note's title takes
  // an alias (a title beats an alias), exactly as the links index resolved them. Only this note's own
  // names can reach it, so at most one lookup per name.
  const resolver = new TitleResolver(db);
  const reachingKeys = new Set<string>();
  for (const name of [target.title, ...target.aliases]) {
    const key = titleKey(name);
    if (key !== '' && !reachingKeys.has(key) && (await resolver.targetId(key, name)) === noteId) reachingKeys.add(key);
  }

  const backlinks: Backlink[] = [];
  for (const source of sources) {
    const { text, links } = docTextWithLinks(source.doc);
    for (const link of links) {
      if (!reachingKeys.has(titleKey(link.attrs.target))) continue;
      backlinks.push({ kind: 'note', noteId: source.id, title: source.title, context: sentenceAround(text, link) });
    }
  }

  const highlights = (await db.highlights.where('noteId').equals(noteId).toArray()).sort((a, b) => a.createdAt - b.createdAt);
  const items = await db.items.bulkGet([...new Set(highlights.map((highlight) => highlight.itemId))]);
  const itemTitles = new Map(items.filter((item) => item !== undefined).map((item) => [item.id, item.title]));
  for (const highlight of highlights) {
    backlinks.push({
      kind: 'highlight',
      highlightId: highlight.id,
      itemId: highlight.itemId,
      itemTitle: itemTitles.get(highlight.itemId) ?? '',
      exact: highlight.exact,
    });
  }
  return backlinks;
}

export interface UnlinkedMention {
  noteId: Id;
  title: string;
  /** The title or alias found. */
  phrase: string;
  /** Which of that phrase's linkable mentions in that note: what linkMention takes. */
  occurrence: number;
  context: SentenceContext;
}

/** A note with hundreds of mentions of one phrase is listed with its first ones; linking them goes one by one. */
const maxMentionsPerNote = 50;

/**
 * The phrase's linkable mentions in a doc, in the order linkMention counts them, as offsets in the
 * doc's text. Rather than re-deriving linkMention's rules (not in code, not in another link, within
 * one text run), each occurrence is linked on a copy and the new link's place is read back: a link
 * shows the words it replaced, so the text and all offsets stay the same.
 */
function linkableMentions(note: Note, phrase: string): Array<{ start: number; end: number }> {
  const { links } = docTextWithLinks(note.doc);
  const linkedStarts = new Set(links.map((link) => link.start));
  const spans: Array<{ start: number; end: number }> = [];
  for (let occurrence = 0; occurrence < maxMentionsPerNote; occurrence += 1) {
    const probe = linkMention(note.doc, phrase, phrase, occurrence);
    if (!probe) break;
    const added = docTextWithLinks(probe).links.find((link) => !linkedStarts.has(link.start));
    if (added) spans.push({ start: added.start, end: added.end });
  }
  return spans;
}

/**
 * Plain-text occurrences of this note's title or aliases in other notes, not inside their links,
 * most recently updated notes first. Scans every note's text (a quick regex) and looks closer only
 * at notes where a phrase occurs.
 */
export async function getUnlinkedMentions(db: CommonplaceDb, noteId: Id): Promise<UnlinkedMention[]> {
  const target = await db.notes.get(noteId);
  if (!target) return [];
  const phrases: string[] = [];
  const seen = new Set<string>();
  for (const phrase of [target.title, ...target.aliases]) {
    const key = titleKey(phrase);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    phrases.push(phrase);
  }
  if (phrases.length === 0) return [];
  const candidates = await db.notes
    .filter((note) => note.id !== noteId && phrases.some((phrase) => findMentions(note.text, phrase).length > 0))
    .toArray();
  const mentions: UnlinkedMention[] = [];
  for (const note of candidates.sort(newestFirst)) {
    const text = docTextWithLinks(note.doc).text;
    for (const phrase of phrases) {
      linkableMentions(note, phrase).forEach((span, occurrence) => {
        mentions.push({ noteId: note.id, title: note.title, phrase, occurrence, context: sentenceAround(text, span) });
      });
    }
  }
  return mentions;
}

/**
 * Turns one unlinked mention into a link to `targetNoteId`: `[[Title]]` where the words are the title,
 * `[[Title|words as written]]` otherwise, so the sentence reads the same.
 */
export async function linkUnlinkedMention(db: CommonplaceDb, mention: UnlinkedMention, targetNoteId: Id): Promise<Note> {
  return db.transaction('rw', db.notes, db.links, async () => {
    const [source, target] = await db.notes.bulkGet([mention.noteId, targetNoteId]);
    if (!source || !target) throw new StoreError('not-found', 'That note no longer exists.');
    const linkTo = target.title !== '' ? target.title : mention.phrase;
    const doc = linkMention(source.doc, mention.phrase, linkTo, mention.occurrence);
    if (!doc) throw new StoreError('not-found', `“${mention.phrase}” is no longer mentioned there; the note has changed.`);
    return saveNoteContent(db, source.id, { doc });
  });
}
