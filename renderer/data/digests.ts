/**
 * Digests: a period's starred items, highlights and notes tagged for sharing, picked, ordered and annotated
 * by the user, then published. A new digest starts with what the user already chose to keep (starred items,
 * notes tagged #share): turning a week of reading into a post should take a few keystrokes, not a rebuild.
 * Highlights are offered beside it, since not every passage marked while reading is meant for others.
 */
import type { Digest, DigestEntry, EpochMs, Highlight, Id, Item, Note, Publication } from '../../shared/model';
import { excerpt, htmlToText } from '../../shared/feeds/text';
import type { CommonplaceDb } from './db';
import { StoreError } from './store-error';

/** Notes carrying one of these tags (or a tag nested under one) are offered for sharing. */
export const shareTags = ['share', 'public'] as const;
const dayMs = 86_400_000;
export const defaultPeriodDays = 7;

export type DigestRefKind = DigestEntry['ref']['kind'];

export interface DigestCandidate {
  ref: DigestEntry['ref'];
  /** Why it is offered: the reason a person recognises it by. */
  reason: 'starred' | 'highlight' | 'note';
  title: string;
  url?: string;
  excerpt: string;
  /** When it became a candidate: starred, highlighted, or last edited. */
  at: EpochMs;
}

export function isShareTag(tag: string): boolean {
  const lower = tag.toLowerCase();
  return shareTags.some((share) => lower === share || lower.startsWith(`${share}/`));
}

/** "Finds — 20 November 2026": the period's last day, as a person writes a date. */
export function defaultDigestTitle(periodEnd: EpochMs): string {
  const day = new Date(periodEnd).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  return `Finds — ${day}`;
}


function itemCandidate(item: Item): DigestCandidate {
  return {
    ref: { kind: 'item', id: item.id },
    reason: 'starred',
    title: item.title || item.link || 'Untitled item',
    ...(item.link ? { url: item.link } : {}),
    excerpt: excerpt(htmlToText(item.summaryHtml)),
    at: item.starredAt ?? item.firstSeenAt,
  };
}

function highlightCandidate(highlight: Highlight, item: Item | undefined): DigestCandidate {
  return {
    ref: { kind: 'highlight', id: highlight.id },
    reason: 'highlight',
    title: item?.title || 'Highlight',
    ...(item?.link ? { url: item.link } : {}),
    excerpt: excerpt(highlight.exact),
    at: highlight.createdAt,
  };
}

function noteCandidate(note: Note): DigestCandidate {
  return { ref: { kind: 'note', id: note.id }, reason: 'note', title: note.title || 'Untitled', excerpt: excerpt(note.text), at: note.updatedAt };
}

/**
 * Everything a digest for the period could hold, newest first: items starred in it (or, starred before we
 * kept the time, first seen in it), highlights made in it, and notes tagged for sharing edited in it.
 */
export async function gatherCandidates(db: CommonplaceDb, period: { start: EpochMs; end: EpochMs }): Promise<DigestCandidate[]> {
  const inPeriod = (at: EpochMs) => at >= period.start && at <= period.end;
  const [starred, highlights, notes] = await Promise.all([
    db.items.where('[starred+publishedAt]').between([1, -Infinity], [1, Infinity]).toArray(),
    db.highlights.toArray(),
    db.notes.toArray(),
  ]);
  const recentHighlights = highlights.filter((highlight) => inPeriod(highlight.createdAt));
  const quoted = await db.items.bulkGet([...new Set(recentHighlights.map((highlight) => highlight.itemId))]);
  const itemsById = new Map(quoted.filter((item): item is Item => item !== undefined).map((item) => [item.id, item]));
  return [
    ...starred.filter((item) => inPeriod(item.starredAt ?? item.firstSeenAt)).map(itemCandidate),
    ...recentHighlights.map((highlight) => highlightCandidate(highlight, itemsById.get(highlight.itemId))),
    ...notes.filter((note) => note.tags.some(isShareTag) && inPeriod(note.updatedAt)).map(noteCandidate),
  ].sort((a, b) => b.at - a.at || a.ref.id.localeCompare(b.ref.id));
}

/** A draft for the period ending now (by default the last seven days), holding starred items and #share notes. */
export async function createDigest(db: CommonplaceDb, { now = Date.now(), days = defaultPeriodDays }: { now?: EpochMs; days?: number } = {}): Promise<Digest> {
  const period = { start: now - days * dayMs, end: now };
  const candidates = await gatherCandidates(db, period);
  const digest: Digest = {
    id: crypto.randomUUID(),
    title: defaultDigestTitle(now),
    intro: '',
    periodStart: period.start,
    periodEnd: period.end,
    // Oldest first reads as the week went; the user reorders at will.
    entries: candidates
      .filter((candidate) => candidate.reason !== 'highlight')
      .reverse()
      .map((candidate) => ({ ref: candidate.ref, commentary: '' })),
    status: 'draft',
    createdAt: now,
    updatedAt: now,
  };
  await db.digests.add(digest);
  return digest;
}

export type DigestPatch = Partial<Pick<Digest, 'title' | 'intro' | 'entries' | 'status'>>;

export async function updateDigest(db: CommonplaceDb, id: Id, patch: DigestPatch, { now = Date.now() }: { now?: EpochMs } = {}): Promise<Digest> {
  return db.transaction('rw', db.digests, async () => {
    const digest = await db.digests.get(id);
    if (!digest) throw new StoreError('not-found', 'That digest no longer exists.');
    const next: Digest = { ...digest, ...patch, updatedAt: now };
    await db.digests.put(next);
    return next;
  });
}

/** Removes a digest and its publication log, returning what Undo needs to put both back. */
export async function deleteDigest(db: CommonplaceDb, id: Id): Promise<{ digest: Digest; publications: Publication[] }> {
  return db.transaction('rw', db.digests, db.publications, async () => {
    const digest = await db.digests.get(id);
    if (!digest) throw new StoreError('not-found', 'That digest no longer exists.');
    const publications = await db.publications.where('digestId').equals(id).toArray();
    await db.publications.bulkDelete(publications.map((publication) => publication.id));
    await db.digests.delete(id);
    return { digest, publications };
  });
}

export async function restoreDigest(db: CommonplaceDb, snapshot: Awaited<ReturnType<typeof deleteDigest>>): Promise<void> {
  await db.transaction('rw', db.digests, db.publications, async () => {
    await db.digests.put(snapshot.digest);
    await db.publications.bulkPut(snapshot.publications);
  });
}

export function listDigests(db: CommonplaceDb): Promise<Digest[]> {
  return db.digests.orderBy('updatedAt').reverse().toArray();
}

/** Moves the entry at `from` to `to` (both clamped), the one reordering both keyboard and drag use. */
export function moveEntry(entries: readonly DigestEntry[], from: number, to: number): DigestEntry[] {
  if (from < 0 || from >= entries.length) return [...entries];
  const target = Math.max(0, Math.min(entries.length - 1, to));
  const next = [...entries];
  const [moved] = next.splice(from, 1);
  next.splice(target, 0, moved!);
  return next;
}

export const sameRef = (a: DigestEntry['ref'], b: DigestEntry['ref']): boolean => a.kind === b.kind && a.id === b.id;
