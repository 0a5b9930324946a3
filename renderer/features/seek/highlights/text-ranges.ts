/**
 * Between the DOM and character offsets in an element's `textContent`: the reader stores and
 * re-anchors highlights against the article's plain text, then paints them back as <mark>s.
 * Offsets count the data of every Text node in document order, exactly as `textContent` does.
 */

export const markClass = 'reader-highlight';

export interface TextSpan {
  start: number;
  end: number;
}

export interface Placement extends TextSpan {
  id: string;
}

/** The offset in `container.textContent` of a DOM boundary point inside it. */
export function textOffsetOf(container: Node, node: Node, offset: number): number {
  const before = container.ownerDocument!.createRange();
  before.selectNodeContents(container);
  before.setEnd(node, offset);
  return before.toString().length;
}

const space = /\s/;

/**
 * Where `range` lies in `container`'s text, without the blank space at either end (a double-click
 * often takes the space after a word); undefined when it is not wholly inside or holds no words.
 */
export function rangeOffsets(container: Node, range: Range): TextSpan | undefined {
  if (range.collapsed || !container.contains(range.commonAncestorContainer)) return undefined;
  const text = container.textContent ?? '';
  let start = textOffsetOf(container, range.startContainer, range.startOffset);
  let end = textOffsetOf(container, range.endContainer, range.endOffset);
  while (start < end && space.test(text[start]!)) start += 1;
  while (end > start && space.test(text[end - 1]!)) end -= 1;
  return start < end ? { start, end } : undefined;
}

/** The selection's first range as offsets in `container`'s text, if it is there. */
export function selectionOffsets(container: Node, selection: Selection | null): TextSpan | undefined {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
  return rangeOffsets(container, selection.getRangeAt(0));
}

/** Takes out the marks an earlier paint added, leaving the text as the HTML had it. */
export function clearMarks(container: Element): void {
  const marks = container.querySelectorAll(`mark.${markClass}`);
  if (marks.length === 0) return;
  for (const mark of marks) mark.replaceWith(...mark.childNodes);
  // Splitting left neighbouring Text nodes; parsed HTML never has those, so joining them restores it.
  container.normalize();
}

function textNodes(container: Element): Text[] {
  const walker = container.ownerDocument.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

function markFor(doc: Document, id: string): HTMLElement {
  const mark = doc.createElement('mark');
  mark.className = markClass;
  mark.dataset.highlightId = id;
  return mark;
}

/**
 * Wraps each placement's text in `<mark class="reader-highlight" data-highlight-id>`: one mark per
 * Text node it covers, so a passage across paragraphs or links gets several. Where placements
 * overlap, the marks nest (the later placement inside), so every highlight keeps its own marks.
 * Returns the marks made, per highlight id.
 */
export function paintMarks(container: Element, placements: readonly Placement[]): Map<string, HTMLElement[]> {
  const made = new Map<string, HTMLElement[]>();
  if (placements.length === 0) return made;
  const doc = container.ownerDocument;
  let offset = 0;
  for (const node of textNodes(container)) {
    const nodeStart = offset;
    const nodeEnd = nodeStart + node.data.length;
    offset = nodeEnd;
    const covering = placements.filter((place) => place.start < nodeEnd && place.end > nodeStart);
    // Blank nodes (the line breaks between paragraphs) would paint nothing visible but invite clicks.
    if (covering.length === 0 || node.data.trim() === '') continue;
    // Cut the node at every placement boundary inside it; each piece is covered by a fixed set.
    const cuts = new Set<number>([nodeStart, nodeEnd]);
    for (const place of covering) {
      if (place.start > nodeStart) cuts.add(place.start);
      if (place.end < nodeEnd) cuts.add(place.end);
    }
    const bounds = [...cuts].sort((a, b) => a - b);
    const pieces: Array<{ text: Text; from: number; to: number }> = [];
    let rest = node;
    for (let index = 1; index < bounds.length; index += 1) {
      const from = bounds[index - 1]!;
      const to = bounds[index]!;
      const piece = rest;
      if (to < nodeEnd) rest = piece.splitText(to - from);
      pieces.push({ text: piece, from, to });
    }
    for (const { text, from, to } of pieces) {
      const over = covering.filter((place) => place.start <= from && place.end >= to);
      if (over.length === 0) continue;
      let inner: Node = text;
      const parent = text.parentNode!;
      const next = text.nextSibling;
      for (const place of [...over].reverse()) {
        const mark = markFor(doc, place.id);
        mark.append(inner);
        inner = mark;
        made.set(place.id, [...(made.get(place.id) ?? []), mark]);
      }
      parent.insertBefore(inner, next);
    }
  }
  // One tab stop per highlight, so its actions are reachable from the keyboard as well as by clicking. The
  // mark is a button named by its own words (they stay readable in the flow); the description says what it does.
  for (const marks of made.values()) {
    const first = marks[0]!;
    first.tabIndex = 0;
    first.setAttribute('role', 'button');
    first.setAttribute('aria-haspopup', 'menu');
    first.setAttribute('aria-description', 'Highlight. Press Enter for its actions.');
    first.title = 'Highlight: click for its actions';
  }
  return made;
}
