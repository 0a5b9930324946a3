// Reading hits' bodies from the library, as the index's thread does for the snippets it shows.
import { describe, expect, it } from 'vitest';
import type { DocNode, Item } from '../../../../shared/model';
import { createNote, saveArticle, type CommonplaceDb } from '../../../data';
import { freshDatabaseForEachTest } from '../../../data/migration-harness';
import { LibraryConnection } from './library-connection';
import { LibraryTexts } from './library-texts';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened));

const body = (text: string): DocNode => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

function item(id: string, summaryHtml: string): Item {
  return { id, dedupeKey: `guid:${id}`, sourceIds: [], title: id, publishedAt: 1, firstSeenAt: 1, summaryHtml, read: 0, starred: 0, later: 0, archived: 0 };
}

describe('LibraryTexts', () => {
  it('reads each kind of document as it was indexed, and nothing for one that is gone', async () => {
    const note = await createNote(db, { title: 'Note', doc: body('Spaced repetition works.') });
    await db.items.bulkPut([item('with-article', '<p>The summary.</p>'), item('summary-only', '<p>Only <b>the</b> summary.</p>')]);
    await saveArticle(db, 'with-article', { html: '<p>Full text.</p>', text: 'The full text of the article.' });
    await db.highlights.put({ id: 'h', itemId: 'summary-only', exact: 'quoted words', prefix: '', suffix: '', comment: 'my comment', color: 'yellow', createdAt: 1 });
    const library = new LibraryConnection(db.name);
    const texts = new LibraryTexts(library);
    expect(await texts.read([
      { id: note.id, kind: 'note' },
      { id: 'with-article', kind: 'item' },
      { id: 'summary-only', kind: 'item' },
      { id: 'h', kind: 'highlight' },
      { id: 'missing', kind: 'note' },
      { id: 'missing', kind: 'item' },
    ])).toEqual(['Spaced repetition works.', 'The full text of the article.', 'Only the summary.', 'quoted words\n\nmy comment', undefined, undefined]);
    library.close();
  });

  it('keeps what it read or was told, and forgets what it is told to', async () => {
    const note = await createNote(db, { title: 'Note', doc: body('first words') });
    const library = new LibraryConnection(db.name);
    const texts = new LibraryTexts(library);
    expect(await texts.read([{ id: note.id, kind: 'note' }])).toEqual(['first words']);
    await db.notes.put({ ...note, text: 'changed behind its back' });
    expect(await texts.read([{ id: note.id, kind: 'note' }])).toEqual(['first words']);
    texts.forget(note.id);
    expect(await texts.read([{ id: note.id, kind: 'note' }])).toEqual(['changed behind its back']);
    texts.remember(note.id, 'as indexed');
    expect(await texts.read([{ id: note.id, kind: 'note' }])).toEqual(['as indexed']);
    library.close();
  });

  it('steps aside when the library is deleted, and opens it again at the next read', async () => {
    const library = new LibraryConnection(db.name);
    const texts = new LibraryTexts(library);
    await texts.read([{ id: 'x', kind: 'note' }]);
    // Would wait forever on a connection that did not close itself.
    await db.delete();
    await db.open();
    const note = await createNote(db, { title: 'Again', doc: body('reopened') });
    expect(await texts.read([{ id: note.id, kind: 'note' }])).toEqual(['reopened']);
    library.close();
  });
});
