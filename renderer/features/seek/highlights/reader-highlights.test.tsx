import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { describeTextQuote } from '../../../../shared/highlights/text-quote';
import type { Id } from '../../../../shared/model';
import { citationNodeName, type CitationAttrs } from '../../../../shared/notes/doc-nodes';
import { DatabaseContext, createHighlight, saveArticle, upsertItems, type CommonplaceDb } from '../../../data';
import { freshDatabaseForEachTest } from '../../../data/migration-harness';
import { createNote } from '../../../data/notes';
import { Reader } from '../reader';
import { SeekProvider } from '../seek-context';
import { fakePipeline, fakeSeekHost } from '../test-support';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened), { beforeDelete: cleanup });
afterEach(() => {
  document.getSelection()?.removeAllRanges();
  window.history.replaceState(null, '', '#/seek');
});

const summary = '<p>The quick brown fox jumps over the lazy dog.</p><p>A second paragraph, with <em>some emphasis</em> in it.</p>';

async function story(summaryHtml = summary): Promise<Id> {
  const { addedIds } = await upsertItems(db, [
    { dedupeKey: 'k', sourceIds: ['s1'], title: 'A fine story', author: 'Ada', publishedAt: Date.UTC(2024, 0, 2), link: 'https://example.com/story', summaryHtml },
  ]);
  return addedIds[0]!;
}

/** The plain text the reader shows for `html`, as its content element's textContent gives it. */
function textOf(html: string): string {
  const element = document.createElement('template');
  element.innerHTML = html;
  return element.content.textContent ?? '';
}

async function highlightOf(itemId: Id, text: string, exact: string) {
  const start = text.indexOf(exact);
  return createHighlight(db, { itemId, ...describeTextQuote(text, start, start + exact.length) });
}

function show(itemId: Id) {
  return render(
    <DatabaseContext.Provider value={db}>
      <SeekProvider host={fakeSeekHost({})} pipeline={fakePipeline} schedule={false}>
        <Reader itemId={itemId} sourceTitles={new Map([['s1', 'Example Blog']])} />
      </SeekProvider>
    </DatabaseContext.Provider>,
  );
}

const content = () => document.querySelector<HTMLElement>('.reader__content')!;
const marks = () => [...content().querySelectorAll<HTMLElement>('mark.reader-highlight')];
const markedText = (id: Id) =>
  marks()
    .filter((mark) => mark.dataset.highlightId === id)
    .map((mark) => mark.textContent)
    .join('');

function textNode(root: Node, words: string): Text {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if ((node as Text).data.includes(words)) return node as Text;
  throw new Error(`no text node holds “${words}”`);
}

/** Selects from `from` (inclusive) to the end of `to`, as a user dragging would, and reports it. */
function select(from: string, to: string) {
  const range = document.createRange();
  const start = textNode(content(), from);
  const end = textNode(content(), to);
  range.setStart(start, start.data.indexOf(from));
  range.setEnd(end, end.data.indexOf(to) + to.length);
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  fireEvent(document, new Event('selectionchange'));
  fireEvent.mouseUp(content());
}

/**
 * Selects and waits for the Selection toolbar. The stored highlights arrive a moment after the text and are
 * painted by rewriting it, which drops a selection made before; a person never selects that fast, a test
 * on a busy machine can, so it selects again until the reader shows the toolbar.
 */
async function selectShown(from: string, to: string): Promise<HTMLElement> {
  let toolbar: HTMLElement | undefined;
  await waitFor(() => {
    if (!screen.queryByRole('toolbar', { name: 'Selection' })) select(from, to);
    toolbar = screen.getByRole('toolbar', { name: 'Selection' });
  });
  return toolbar!;
}

describe('highlights in the reader', () => {
  it('paints stored highlights as marks, one per text node across elements', async () => {
    const id = await story();
    const text = textOf(summary);
    const fox = await highlightOf(id, text, 'brown fox');
    const across = await highlightOf(id, text, 'with some emphasis');
    show(id);
    await waitFor(() => expect(markedText(fox.id)).toBe('brown fox'));
    expect(markedText(across.id)).toBe('with some emphasis');
    expect(marks().filter((mark) => mark.dataset.highlightId === across.id)).toHaveLength(2);
    expect(content().textContent).toBe(text);
    expect(screen.queryByRole('heading', { name: 'Highlights not found in this text' })).toBeNull();
  });

  it('re-anchors after the text shifted: a word inserted before, whitespace changed', async () => {
    const id = await story();
    const fox = await highlightOf(id, textOf(summary), 'jumps over the lazy dog');
    const emphasis = await highlightOf(id, textOf(summary), 'some emphasis');
    const extracted = '<p>Breaking: The very quick brown fox jumps  over\n the lazy dog.</p><p>A second paragraph, with <em>some   emphasis</em> in it.</p>';
    await saveArticle(db, id, { html: extracted, text: textOf(extracted) });
    show(id);
    await waitFor(() => expect(markedText(fox.id)).toBe('jumps  over\n the lazy dog'));
    expect(markedText(emphasis.id)).toBe('some   emphasis');
    expect(content().textContent).toContain('Breaking:');
  });

  it('lists a highlight the text no longer holds, so it is not lost', async () => {
    const id = await story();
    const gone = await createHighlight(db, { itemId: id, exact: 'words that were edited out entirely', prefix: 'Once ', suffix: ' here.' });
    const kept = await highlightOf(id, textOf(summary), 'lazy dog');
    show(id);
    const missing = await screen.findByRole('region', { name: 'Highlights not found in this text' });
    expect(missing.textContent).toContain('words that were edited out entirely');
    expect(markedText(kept.id)).toBe('lazy dog');
    expect(marks().some((mark) => mark.dataset.highlightId === gone.id)).toBe(false);
  });

  it('highlights a selection from the toolbar, storing the quote with its context', async () => {
    const id = await story();
    show(id);
    await screen.findByText('some emphasis');
    const toolbar = await selectShown('quick', 'some');
    fireEvent.click(within(toolbar).getByRole('button', { name: 'Highlight' }));

    const text = textOf(summary);
    const start = text.indexOf('quick');
    const expected = describeTextQuote(text, start, text.indexOf('some') + 4);
    await waitFor(async () => expect(await db.highlights.where('itemId').equals(id).toArray()).toMatchObject([{ ...expected, color: 'yellow' }]));
    expect(expected.exact).toBe('quick brown fox jumps over the lazy dog.A second paragraph, with some');
    expect(expected.prefix).toBe('The ');
    const [stored] = await db.highlights.toArray();
    await waitFor(() => expect(markedText(stored!.id)).toBe(expected.exact));
    await waitFor(() => expect(screen.queryByRole('toolbar', { name: 'Selection' })).toBeNull());
  });

  it('highlights the selection with h, but not while typing in a field', async () => {
    const id = await story();
    show(id);
    await screen.findByText('some emphasis');
    await selectShown('brown', 'fox');
    const field = document.body.appendChild(document.createElement('input'));
    fireEvent.keyDown(field, { key: 'h' });
    field.remove();
    fireEvent.keyDown(document.body, { key: 'h', ctrlKey: true });
    expect(await db.highlights.count()).toBe(0);
    fireEvent.keyDown(document.body, { key: 'h' });
    await waitFor(async () => expect(await db.highlights.toArray()).toMatchObject([{ exact: 'brown fox', prefix: 'The quick ', suffix: ' jumps over the lazy dog.A secon' }]));
  });

  it('Highlight and note → New note: a note citing the item, quoting the passage, with a link to open it', async () => {
    const id = await story();
    show(id);
    await screen.findByText('some emphasis');
    fireEvent.click(within(await selectShown('lazy', 'dog')).getByRole('button', { name: 'Highlight and note' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add to note' });
    expect(within(dialog).getByRole('searchbox', { name: 'Find a note' })).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'New note' }));

    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add to note' })).toBeNull());
    const status = screen.getByRole('status');
    await waitFor(() => expect(status.textContent).toContain('Added to “A fine story”'));
    const [note] = await db.notes.toArray();
    const [highlight] = await db.highlights.toArray();
    expect(within(status).getByRole('link', { name: 'Open note' }).getAttribute('href')).toBe(`#/sense/note/${note!.id}`);
    const citation = note!.doc.content![0]!;
    expect(citation.type).toBe(citationNodeName);
    expect(citation.attrs).toMatchObject({ itemId: id, highlightId: highlight!.id, title: 'A fine story', author: 'Ada', link: 'https://example.com/story' } satisfies Partial<CitationAttrs>);
    expect(citation.content).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: 'lazy dog' }] }]);
    expect(highlight).toMatchObject({ exact: 'lazy dog', noteId: note!.id });
  });

  it('adds a highlight to an existing note found by title', async () => {
    const id = await story();
    const reading = await createNote(db, { title: 'Reading log' });
    await createNote(db, { title: 'Groceries' });
    const fox = await highlightOf(id, textOf(summary), 'brown fox');
    show(id);
    await waitFor(() => expect(markedText(fox.id)).toBe('brown fox'));
    fireEvent.click(marks()[0]!);
    fireEvent.click(within(await screen.findByRole('toolbar', { name: 'Highlight' })).getByRole('button', { name: 'Add to note' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add to note' });
    await within(dialog).findByRole('button', { name: 'Groceries' });
    fireEvent.change(within(dialog).getByRole('searchbox', { name: 'Find a note' }), { target: { value: 'log' } });
    await waitFor(() => expect(within(dialog).queryByRole('button', { name: 'Groceries' })).toBeNull());
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reading log' }));

    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Added to “Reading log”'));
    const stored = await db.notes.get(reading.id);
    expect(stored!.doc.content!.map((node) => node.type)).toEqual([citationNodeName, 'paragraph']);
    expect(stored!.doc.content![0]!.attrs).toMatchObject({ highlightId: fox.id, itemId: id });
  });

  it('removes a highlight from its mark, with Undo', async () => {
    const id = await story();
    const fox = await highlightOf(id, textOf(summary), 'brown fox');
    show(id);
    await waitFor(() => expect(markedText(fox.id)).toBe('brown fox'));
    fireEvent.click(marks()[0]!);
    fireEvent.click(within(await screen.findByRole('toolbar', { name: 'Highlight' })).getByRole('button', { name: 'Remove highlight' }));
    await waitFor(() => expect(marks()).toHaveLength(0));
    expect(await db.highlights.count()).toBe(0);
    // The text is whole again, not left in pieces.
    expect(content().innerHTML).toBe(summary);
    fireEvent.click(within(screen.getByRole('status')).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(markedText(fox.id)).toBe('brown fox'));
    expect(await db.highlights.get(fox.id)).toEqual(fox);
  });

  it('starts a note from the whole item and opens it in Sense', async () => {
    const id = await story();
    show(id);
    fireEvent.click(await screen.findByRole('button', { name: 'New note from this' }));
    await waitFor(async () => expect(await db.notes.count()).toBe(1));
    const [note] = await db.notes.toArray();
    await waitFor(() => expect(window.location.hash).toBe(`#/sense/note/${note!.id}`));
    expect(note!.title).toBe('A fine story');
    expect(note!.doc.content![0]).toMatchObject({ type: citationNodeName, attrs: { itemId: id, highlightId: null }, content: [{ type: 'paragraph' }] });
  });
});

describe('highlights from the keyboard', () => {
  it('Enter on a highlight opens its menu with focus in it; Escape closes it and returns focus', async () => {
    const id = await story();
    const fox = await highlightOf(id, textOf(summary), 'brown fox');
    show(id);
    await waitFor(() => expect(markedText(fox.id)).toBe('brown fox'));
    const mark = marks()[0]!;
    expect(mark.tabIndex).toBe(0);
    mark.focus();
    fireEvent.keyDown(mark, { key: 'Enter' });
    const menu = await screen.findByRole('toolbar', { name: 'Highlight' });
    await waitFor(() => expect(document.activeElement).toBe(within(menu).getByRole('button', { name: 'Remove highlight' })));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('toolbar', { name: 'Highlight' })).toBeNull());
    expect(document.activeElement).toBe(mark);
  });
});
