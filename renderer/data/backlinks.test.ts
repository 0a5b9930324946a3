import { describe, expect, it, vi } from 'vitest';
import type { DocNode } from '../../shared/model';
import { wikiLinkNode } from '../../shared/notes/doc-nodes';
import { getBacklinks, getUnlinkedMentions, linkUnlinkedMention } from './backlinks';
import type { CommonplaceDb } from './db';
import { freshDatabaseForEachTest } from './migration-harness';
import { outgoingRows } from './note-links';
import { createNote } from './notes';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened), { fixedTime: 1_000 });

const paragraph = (...parts: Array<string | DocNode>): DocNode => ({
  type: 'paragraph',
  content: parts.map((part) => (typeof part === 'string' ? { type: 'text', text: part } : part)),
});
const doc = (...blocks: DocNode[]): DocNode => ({ type: 'doc', content: blocks });
const link = (target: string, extra: { label?: string } = {}) => wikiLinkNode({ target, ...extra });

describe('getBacklinks', () => {
  it('lists each linking occurrence with its sentence, newest note first, then highlights', async () => {
    const target = await createNote(db, { title: 'Spaced repetition', aliases: ['SRS'] });
    const first = await createNote(db, {
      title: 'Learning',
      doc: doc(paragraph('Intro here. Memory lasts with ', link('Spaced repetition'), ' done daily. Unrelated.'), paragraph('Also ', link('SRS', { label: 'cards' }), '!')),
    });
    vi.setSystemTime(2_000);
    const second = await createNote(db, { title: 'Habits', doc: doc(paragraph('Try ', link('spaced repetition'), '.')) });
    await createNote(db, { title: 'Elsewhere', doc: doc(paragraph(link('Learning'))) });
    await db.items.add({
      id: 'item-1',
      dedupeKey: 'k',
      sourceIds: ['s'],
      title: 'An article',
      publishedAt: 1,
      firstSeenAt: 1,
      read: 0,
      starred: 0,
      later: 0,
      archived: 0,
    });
    await db.highlights.add({ id: 'h1', itemId: 'item-1', noteId: target.id, exact: 'the quote', prefix: '', suffix: '', color: 'yellow', createdAt: 5 });

    expect(await getBacklinks(db, target.id)).toEqual([
      { kind: 'note', noteId: second.id, title: 'Habits', context: { before: 'Try ', match: 'spaced repetition', after: '.' } },
      {
        kind: 'note',
        noteId: first.id,
        title: 'Learning',
        context: { before: 'Memory lasts with ', match: 'Spaced repetition', after: ' done daily.' },
      },
      { kind: 'note', noteId: first.id, title: 'Learning', context: { before: 'Also ', match: 'cards', after: '!' } },
      { kind: 'highlight', highlightId: 'h1', itemId: 'item-1', itemTitle: 'An article', exact: 'the quote' },
    ]);
  });

  it('leaves out self-links and links to another note with the same words as an alias', async () => {
    const target = await createNote(db, { title: 'Me', aliases: ['Shared'], doc: doc(paragraph('I link ', link('Me'))) });
    await createNote(db, { title: 'Shared' });
    await createNote(db, { title: 'Writer', doc: doc(paragraph(link('Shared'), ' is not me.')) });
    expect(await getBacklinks(db, target.id)).toEqual([]);
    expect(await getBacklinks(db, 'missing')).toEqual([]);
  });
});

describe('getUnlinkedMentions', () => {
  it('finds the title and aliases as plain text in other notes, not inside links, not in the note itself', async () => {
    const target = await createNote(db, { title: 'Zettelkasten', aliases: ['slip box'], doc: doc(paragraph('Zettelkasten is me.')) });
    const writer = await createNote(db, {
      title: 'Writer',
      doc: doc(
        paragraph('A zettelkasten helps. Linked: ', link('Zettelkasten'), '. Labelled ', link('Other', { label: 'Zettelkasten' }), '.'),
        paragraph('My Slip  Box grows. Zettelkastens do not count.'),
      ),
    });
    await createNote(db, { title: 'Nothing here', doc: doc(paragraph('No mention.')) });

    const mentions = await getUnlinkedMentions(db, target.id);
    expect(mentions).toEqual([
      { noteId: writer.id, title: 'Writer', phrase: 'Zettelkasten', occurrence: 0, context: { before: 'A ', match: 'zettelkasten', after: ' helps.' } },
      { noteId: writer.id, title: 'Writer', phrase: 'slip box', occurrence: 0, context: { before: 'My ', match: 'Slip Box', after: ' grows.' } },
    ]);
  });

  it('counts occurrences so that linking the second one links the right words', async () => {
    const target = await createNote(db, { title: 'Focus' });
    const writer = await createNote(db, { title: 'Writer', doc: doc(paragraph('focus one. ', link('Focus'), ' two. FOCUS three.')) });
    const mentions = await getUnlinkedMentions(db, target.id);
    expect(mentions.map((mention) => [mention.occurrence, mention.context.match])).toEqual([
      [0, 'focus'],
      [1, 'FOCUS'],
    ]);
    vi.setSystemTime(3_000);
    const saved = await linkUnlinkedMention(db, mentions[1]!, target.id);
    expect(saved.text).toBe('focus one. Focus two. FOCUS three.');
    expect(saved.updatedAt).toBe(3_000);
    const links = (saved.doc.content?.[0]?.content ?? []).filter((node) => node.type === 'wikiLink').map((node) => node.attrs);
    expect(links).toEqual([
      { target: 'Focus', heading: null, label: null, embed: false },
      { target: 'Focus', heading: null, label: 'FOCUS', embed: false },
    ]);
    expect(await outgoingRows(db, writer.id)).toEqual([{ sourceId: writer.id, targetId: target.id, targetTitle: 'Focus', kind: 'note' }]);
    expect((await getUnlinkedMentions(db, target.id)).map((mention) => mention.context.match)).toEqual(['focus']);
    expect(await getBacklinks(db, target.id)).toHaveLength(2);
  });

  it('refuses to link a mention that is no longer there', async () => {
    const target = await createNote(db, { title: 'Gone' });
    const writer = await createNote(db, { title: 'W', doc: doc(paragraph('Gone soon.')) });
    const [mention] = await getUnlinkedMentions(db, target.id);
    // Changed behind the list's back (another window), so the mention listed is stale.
    await db.notes.put({ ...writer, doc: doc(paragraph('Rewritten.')) });
    await expect(linkUnlinkedMention(db, mention!, target.id)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('has nothing to find for an untitled note without aliases', async () => {
    const untitled = await createNote(db, { title: '' });
    await createNote(db, { title: 'W', doc: doc(paragraph('Untitled words.')) });
    expect(await getUnlinkedMentions(db, untitled.id)).toEqual([]);
  });
});
