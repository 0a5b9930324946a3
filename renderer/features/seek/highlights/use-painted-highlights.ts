/**
 * Paints an item's highlights over the article HTML that React rendered with
 * dangerouslySetInnerHTML. React only rewrites that HTML when the string changes, so the marks
 * added here survive other re-renders; before each paint the previous marks are taken out, so
 * React and this hook never disagree about what the text is.
 */
import { useLayoutEffect, useMemo, type RefObject } from 'react';
import type { Highlight } from '../../../../shared/model';
import { anchorTextQuote } from '../../../../shared/highlights/text-quote';
import { clearMarks, paintMarks, type Placement } from './text-ranges';

/** Where each highlight falls in `text`, and those it cannot find (the text changed too much). */
export function placeHighlights(text: string, highlights: readonly Highlight[]): { placed: Placement[]; missing: Highlight[] } {
  const placed: Placement[] = [];
  const missing: Highlight[] = [];
  for (const highlight of highlights) {
    const span = anchorTextQuote(text, highlight);
    if (span) placed.push({ id: highlight.id, start: span.start, end: span.end });
    else missing.push(highlight);
  }
  return { placed, missing };
}

/**
 * The text `html` shows, from an inert parse (a <template>'s content loads no images and runs
 * nothing), so which highlights are missing is known while rendering, without waiting for the DOM.
 */
function inertText(html: string): string {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content.textContent ?? '';
}

/** Paints after every change of `html` or `highlights`; returns the highlights that found no place. */
export function usePaintedHighlights(content: RefObject<HTMLElement | null>, html: string, highlights: readonly Highlight[] | undefined): Highlight[] {
  const text = useMemo(() => inertText(html), [html]);
  const placement = useMemo(() => placeHighlights(text, highlights ?? []), [text, highlights]);
  useLayoutEffect(() => {
    const container = content.current;
    if (!container) return;
    clearMarks(container);
    const shown = container.textContent ?? '';
    // Sanitised HTML parses the same inert or live; should the two ever differ, what is shown wins.
    const { placed } = shown === text ? placement : placeHighlights(shown, highlights ?? []);
    paintMarks(container, placed);
  }, [content, text, placement, highlights]);
  return placement.missing;
}
