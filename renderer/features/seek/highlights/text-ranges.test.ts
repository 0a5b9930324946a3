import { afterEach, describe, expect, it } from 'vitest';
import { clearMarks, markClass, paintMarks, rangeOffsets, selectionOffsets, textOffsetOf } from './text-ranges';

const html = '<p>One <em>two</em> three.</p>\n<p>Four <a href="#x">five</a> six.</p>';

function container(markup = html): HTMLElement {
  const element = document.createElement('div');
  element.innerHTML = markup;
  document.body.append(element);
  return element;
}

afterEach(() => {
  document.body.replaceChildren();
});

function textNodeContaining(root: Node, words: string): Text {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if ((node as Text).data.includes(words)) return node as Text;
  throw new Error(`no text node holds “${words}”`);
}

function rangeOver(root: Node, from: [string, number], to: [string, number]): Range {
  const range = document.createRange();
  range.setStart(textNodeContaining(root, from[0]), from[1]);
  range.setEnd(textNodeContaining(root, to[0]), to[1]);
  return range;
}

describe('textOffsetOf', () => {
  it('counts text the way textContent does, for text and element boundary points', () => {
    const root = container();
    const text = root.textContent!;
    expect(textOffsetOf(root, textNodeContaining(root, 'two'), 1)).toBe(text.indexOf('two') + 1);
    expect(textOffsetOf(root, textNodeContaining(root, 'five'), 0)).toBe(text.indexOf('five'));
    // Boundary after the first paragraph element, counted in child nodes of the container.
    expect(textOffsetOf(root, root, 1)).toBe(text.indexOf('\n'));
    expect(textOffsetOf(root, root, root.childNodes.length)).toBe(text.length);
  });
});

describe('rangeOffsets', () => {
  it.each([
    { name: 'inside one text node', from: ['three', 1], to: ['three', 6], exact: 'three' },
    { name: 'across an inline element', from: ['One', 0], to: ['two', 2], exact: 'One tw' },
    { name: 'across paragraphs', from: ['three', 0], to: ['Four', 4], exact: 'three.</p>\n<p>Four' },
    { name: 'without blank space at either end', from: ['One', 3], to: [' three', 1], exact: 'two' },
  ] as const)('finds a selection $name', ({ from, to, exact }) => {
    const root = container();
    const span = rangeOffsets(root, rangeOver(root, [from[0], from[1]], [to[0], to[1]]));
    expect(span).toBeDefined();
    expect(root.textContent!.slice(span!.start, span!.end)).toBe(exact.replace('</p>\n<p>', '\n'));
  });

  it('gives nothing for a collapsed range, a blank one, or one outside the container', () => {
    const root = container();
    const outside = container('<p>Elsewhere</p>');
    expect(rangeOffsets(root, rangeOver(root, ['three', 2], ['three', 2]))).toBeUndefined();
    expect(rangeOffsets(root, rangeOver(root, ['One', 3], ['One', 4]))).toBeUndefined();
    expect(rangeOffsets(root, rangeOver(outside, ['Elsewhere', 0], ['Elsewhere', 4]))).toBeUndefined();
  });

  it('reads the document selection', () => {
    const root = container();
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    expect(selectionOffsets(root, selection)).toBeUndefined();
    selection.addRange(rangeOver(root, ['Four', 0], ['five', 4]));
    const span = selectionOffsets(root, selection)!;
    expect(root.textContent!.slice(span.start, span.end)).toBe('Four five');
  });
});

describe('paintMarks and clearMarks', () => {
  const marksOf = (root: Element) =>
    [...root.querySelectorAll(`mark.${markClass}`)].map((mark) => [(mark as HTMLElement).dataset.highlightId, mark.textContent]);

  it('marks a passage inside one text node, leaving the text unchanged', () => {
    const root = container();
    const text = root.textContent!;
    const start = text.indexOf('three');
    const made = paintMarks(root, [{ id: 'a', start, end: start + 5 }]);
    expect(marksOf(root)).toEqual([['a', 'three']]);
    expect(root.textContent).toBe(text);
    expect(made.get('a')).toHaveLength(1);
    expect(made.get('a')![0]!.tabIndex).toBe(0);
  });

  it('gives a passage across elements one mark per text node, and skips the blank line between paragraphs', () => {
    const root = container();
    const text = root.textContent!;
    const start = text.indexOf('two');
    const end = text.indexOf('five') + 4;
    paintMarks(root, [{ id: 'a', start, end }]);
    expect(marksOf(root)).toEqual([
      ['a', 'two'],
      ['a', ' three.'],
      ['a', 'Four '],
      ['a', 'five'],
    ]);
    expect(root.querySelector('em > mark')).not.toBeNull();
    expect(root.querySelector('a > mark')).not.toBeNull();
    // Only the first mark of a highlight is a tab stop.
    expect([...root.querySelectorAll('mark')].map((mark) => (mark as HTMLElement).tabIndex)).toEqual([0, -1, -1, -1]);
    expect(root.textContent).toBe(text);
  });

  it('nests the marks of overlapping highlights so each keeps its own', () => {
    const root = container('<p>alpha beta gamma</p>');
    paintMarks(root, [
      { id: 'a', start: 0, end: 10 },
      { id: 'b', start: 6, end: 16 },
    ]);
    expect(marksOf(root)).toEqual([
      ['a', 'alpha '],
      ['a', 'beta'],
      ['b', 'beta'],
      ['b', ' gamma'],
    ]);
    expect(root.querySelector('mark[data-highlight-id="a"] > mark[data-highlight-id="b"]')?.textContent).toBe('beta');
    expect(root.textContent).toBe('alpha beta gamma');
  });

  it('clears its marks back to the HTML it started from', () => {
    const root = container();
    const before = root.innerHTML;
    paintMarks(root, [
      { id: 'a', start: 2, end: 12 },
      { id: 'b', start: 8, end: 25 },
    ]);
    expect(root.innerHTML).not.toBe(before);
    clearMarks(root);
    expect(root.innerHTML).toBe(before);
    expect(root.childNodes[0]!.childNodes).toHaveLength(3);
  });
});
