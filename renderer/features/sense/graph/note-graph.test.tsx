import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocNode, Id } from '../../../../shared/model';
import { wikiLinkNode } from '../../../../shared/notes/doc-nodes';
import { createNote, DatabaseContext, type CommonplaceDb } from '../../../data';
import { freshDatabaseForEachTest } from '../../../data/migration-harness';
import { NoteGraph } from '.';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened), { beforeDelete: cleanup });

/** A doc of one paragraph linking to each title. */
const linking = (...titles: string[]): DocNode => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: titles.flatMap((target) => [{ type: 'text', text: 'See ' }, wikiLinkNode({ target })]) }],
});

interface Seeded {
  hub: Id;
  left: Id;
  right: Id;
  loner: Id;
}

/** Hub links to Left and Right; Loner links to nothing and nothing links to it. */
async function seed(): Promise<Seeded> {
  const left = await createNote(db, { title: 'Left' });
  const right = await createNote(db, { title: 'Right' });
  const loner = await createNote(db, { title: 'Loner' });
  const hub = await createNote(db, { title: 'Hub', doc: linking('Left', 'Right') });
  return { hub: hub.id, left: left.id, right: right.id, loner: loner.id };
}

function show(onOpenNote = vi.fn(), focusNoteId?: Id) {
  const view = render(
    <DatabaseContext.Provider value={db}>
      <NoteGraph onOpenNote={onOpenNote} focusNoteId={focusNoteId} />
    </DatabaseContext.Provider>,
  );
  return { ...view, onOpenNote };
}

/** The view transform as numbers, read back from the attribute the component writes. */
function transformOf(container: HTMLElement): { x: number; y: number; k: number } {
  const value = container.querySelector('.note-graph__world')?.getAttribute('transform') ?? '';
  const match = /translate\((-?[\d.e-]+) (-?[\d.e-]+)\) scale\(([\d.e-]+)\)/.exec(value);
  if (!match) throw new Error(`Unexpected transform “${value}”`);
  return { x: Number(match[1]), y: Number(match[2]), k: Number(match[3]) };
}

/** A node's centre in layout units, from its translate(x y). */
function positionOf(node: Element): { x: number; y: number } {
  const match = /translate\((-?[\d.e-]+) (-?[\d.e-]+)\)/.exec(node.getAttribute('transform') ?? '');
  return { x: Number(match![1]), y: Number(match![2]) };
}

beforeEach(() => {
  // jsdom has no layout: give the SVG the size a page would.
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    return this instanceof SVGSVGElement ? new DOMRect(0, 0, 800, 600) : new DOMRect(0, 0, 0, 0);
  });
  return () => vi.restoreAllMocks();
});

describe('NoteGraph', () => {
  it('draws every note as a focusable link and every link as a line', async () => {
    await seed();
    const { container } = show();
    const svg = await screen.findByRole('group', { name: 'Note graph' });
    expect(svg.getAttribute('viewBox')).toBe('0 0 800 600');
    const nodes = screen.getAllByRole('link');
    // Tab order by title.
    expect(nodes.map((node) => node.getAttribute('aria-label'))).toEqual(['Hub', 'Left', 'Loner', 'Right']);
    for (const node of nodes) {
      expect(node.getAttribute('tabindex')).toBe('0');
      expect(node.querySelector('circle')).not.toBeNull();
    }
    expect(container.querySelectorAll('line.note-graph__edge')).toHaveLength(2);
    // A small graph opens zoomed in, every note labelled; zoomed out, only linked notes keep theirs.
    const label = (name: string) => screen.getByRole('link', { name }).querySelector('text')?.textContent;
    expect(transformOf(container).k).toBeGreaterThanOrEqual(1.5);
    expect(label('Loner')).toBe('Loner');
    fireEvent.click(screen.getByRole('button', { name: 'Zoom out' }));
    expect(transformOf(container).k).toBeLessThan(1.5);
    expect(label('Hub')).toBe('Hub');
    expect(label('Loner')).toBeUndefined();
  });

  it('opens a note on click and on Enter', async () => {
    const ids = await seed();
    const { onOpenNote } = show();
    fireEvent.click(await screen.findByRole('link', { name: 'Left' }));
    expect(onOpenNote).toHaveBeenLastCalledWith(ids.left);
    const hub = screen.getByRole('link', { name: 'Hub' });
    hub.focus();
    fireEvent.keyDown(hub, { key: 'Enter' });
    expect(onOpenNote).toHaveBeenLastCalledWith(ids.hub);
    fireEvent.keyDown(hub, { key: 'a' });
    expect(onOpenNote).toHaveBeenCalledTimes(2);
  });

  it('zooms in and out with the buttons around the middle, and Fit goes back', async () => {
    await seed();
    const { container } = show();
    await screen.findByRole('group', { name: 'Note graph' });
    const start = transformOf(container);
    fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    const zoomedIn = transformOf(container);
    expect(zoomedIn.k).toBeCloseTo(start.k * 1.4, 2);
    // The world point at the middle of the 800 × 600 view stays there.
    const middle = (view: typeof start) => ({ x: (400 - view.x) / view.k, y: (300 - view.y) / view.k });
    expect(middle(zoomedIn).x).toBeCloseTo(middle(start).x, 1);
    expect(middle(zoomedIn).y).toBeCloseTo(middle(start).y, 1);
    fireEvent.click(screen.getByRole('button', { name: 'Zoom out' }));
    fireEvent.click(screen.getByRole('button', { name: 'Zoom out' }));
    expect(transformOf(container).k).toBeCloseTo(start.k / 1.4, 2);
    fireEvent.click(screen.getByRole('button', { name: 'Fit' }));
    expect(transformOf(container)).toEqual(start);
  });

  it('pans with the arrow keys when the graph has focus, and zooms with + and −', async () => {
    await seed();
    const { container } = show();
    const svg = await screen.findByRole('group', { name: 'Note graph' });
    const start = transformOf(container);
    fireEvent.keyDown(svg, { key: 'ArrowRight' });
    fireEvent.keyDown(svg, { key: 'ArrowUp' });
    expect(transformOf(container)).toEqual({ x: start.x - 60, y: start.y + 60, k: start.k });
    fireEvent.keyDown(svg, { key: '+' });
    expect(transformOf(container).k).toBeCloseTo(start.k * 1.4, 2);
    fireEvent.keyDown(svg, { key: '-' });
    expect(transformOf(container).k).toBeCloseTo(start.k, 2);
    // Arrow keys on a note are the note's, not a pan.
    const before = transformOf(container);
    fireEvent.keyDown(screen.getByRole('link', { name: 'Hub' }), { key: 'ArrowLeft' });
    expect(transformOf(container)).toEqual(before);
  });

  it('pans by dragging the background, not by dragging a note', async () => {
    await seed();
    const { container } = show();
    const svg = await screen.findByRole('group', { name: 'Note graph' });
    const start = transformOf(container);
    fireEvent.pointerDown(svg, { pointerId: 1, button: 0, clientX: 100, clientY: 100 });
    fireEvent.pointerMove(svg, { pointerId: 1, clientX: 130, clientY: 90 });
    fireEvent.pointerMove(svg, { pointerId: 1, clientX: 150, clientY: 80 });
    fireEvent.pointerUp(svg, { pointerId: 1, clientX: 150, clientY: 80 });
    expect(transformOf(container)).toEqual({ x: start.x + 50, y: start.y - 20, k: start.k });
    // After the pointer is up, moving does nothing.
    fireEvent.pointerMove(svg, { pointerId: 1, clientX: 400, clientY: 400 });
    const panned = transformOf(container);
    expect(panned).toEqual({ x: start.x + 50, y: start.y - 20, k: start.k });
    const node = screen.getByRole('link', { name: 'Left' });
    fireEvent.pointerDown(node, { pointerId: 2, button: 0, clientX: 10, clientY: 10 });
    fireEvent.pointerMove(svg, { pointerId: 2, clientX: 90, clientY: 90 });
    expect(transformOf(container)).toEqual(panned);
  });

  it('zooms with the wheel around the cursor', async () => {
    await seed();
    const { container } = show();
    const svg = await screen.findByRole('group', { name: 'Note graph' });
    const start = transformOf(container);
    const cursor = { x: 200, y: 150 };
    const under = (view: typeof start) => ({ x: (cursor.x - view.x) / view.k, y: (cursor.y - view.y) / view.k });
    fireEvent.wheel(svg, { deltaY: -200, clientX: cursor.x, clientY: cursor.y });
    const zoomed = transformOf(container);
    expect(zoomed.k).toBeGreaterThan(start.k);
    expect(under(zoomed).x).toBeCloseTo(under(start).x, 1);
    expect(under(zoomed).y).toBeCloseTo(under(start).y, 1);
  });

  it('lights up a hovered note and its neighbours and dims the rest', async () => {
    await seed();
    const { container } = show();
    const hub = await screen.findByRole('link', { name: 'Hub' });
    fireEvent.pointerEnter(hub);
    const emphasis = (name: string) => [...screen.getByRole('link', { name }).classList].find((name) => /--(plain|active|neighbour|dimmed)$/.test(name));
    expect(emphasis('Hub')).toBe('note-graph__node--active');
    expect(emphasis('Left')).toBe('note-graph__node--neighbour');
    expect(emphasis('Right')).toBe('note-graph__node--neighbour');
    expect(emphasis('Loner')).toBe('note-graph__node--dimmed');
    expect(container.querySelectorAll('line.note-graph__edge--active')).toHaveLength(2);
    fireEvent.pointerLeave(hub);
    expect(emphasis('Loner')).toBe('note-graph__node--plain');
    // Keyboard focus does the same.
    fireEvent.focus(screen.getByRole('link', { name: 'Left' }));
    expect(emphasis('Hub')).toBe('note-graph__node--neighbour');
    expect(emphasis('Right')).toBe('note-graph__node--dimmed');
  });

  it('draws the focused note distinctly and opens centred on it', async () => {
    const ids = await seed();
    const { container } = show(vi.fn(), ids.right);
    const right = await screen.findByRole('link', { name: 'Right' });
    expect(right.getAttribute('aria-current')).toBe('page');
    expect(right.classList.contains('note-graph__node--current')).toBe(true);
    expect(screen.getByRole('link', { name: 'Left' }).getAttribute('aria-current')).toBeNull();
    const view = transformOf(container);
    const at = positionOf(right);
    expect(at.x * view.k + view.x).toBeCloseTo(400, 0);
    expect(at.y * view.k + view.y).toBeCloseTo(300, 0);
    expect(view.k).toBeGreaterThanOrEqual(1);
  });

  it('follows new links as they are written', async () => {
    await seed();
    const { container } = show();
    await screen.findByRole('group', { name: 'Note graph' });
    expect(container.querySelectorAll('line.note-graph__edge')).toHaveLength(2);
    await createNote(db, { title: 'Late', doc: linking('Loner') });
    await waitFor(() => expect(container.querySelectorAll('line.note-graph__edge')).toHaveLength(3));
    expect(screen.getByRole('link', { name: 'Late' }).getAttribute('aria-label')).toBe('Late');
  });

  it('explains how to link notes when there are no links', async () => {
    await createNote(db, { title: 'Alone' });
    const { container } = show();
    await waitFor(() => expect(container.textContent).toContain('No links yet. Link notes with [[ to see them here.'));
    expect(screen.queryByRole('group', { name: 'Note graph' })).toBeNull();
    expect(screen.queryAllByRole('link')).toEqual([]);
  });
});
