/**
 * A small toolbar floating by a passage: above it, or below when there is no room above. Placed
 * with element.style from script (allowed by the CSP, unlike style attributes in HTML strings).
 */
import { useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

export type Anchor = Pick<DOMRect, 'top' | 'bottom' | 'left' | 'width'>;

/** Room the toolbar needs above a passage before it flips below it, in CSS pixels. */
const roomAbove = 48;

export function floatingPlacement(anchor: Anchor): { top: number; left: number; below: boolean } {
  const below = anchor.top < roomAbove;
  return { top: below ? anchor.bottom : anchor.top, left: Math.max(8, anchor.left + anchor.width / 2), below };
}

interface FloatingToolbarProps {
  label: string;
  anchor: Anchor | null;
  children: ReactNode;
  onEscape?: () => void;
  /** Moves focus to the first button when it opens (from the keyboard). */
  focusOnOpen?: boolean;
}

export function FloatingToolbar({ label, anchor, children, onEscape, focusOnOpen = false }: FloatingToolbarProps) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    if (!anchor) {
      // Unknown layout (no rects): it stays in the flow, after the text, where CSS puts it.
      element.dataset.placement = 'inline';
      return;
    }
    const { top, left, below } = floatingPlacement(anchor);
    element.dataset.placement = below ? 'below' : 'above';
    element.style.top = `${top}px`;
    element.style.left = `${left}px`;
  }, [anchor]);
  useLayoutEffect(() => {
    if (focusOnOpen) ref.current?.querySelector('button')?.focus();
  }, [focusOnOpen]);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && onEscape) {
      event.preventDefault();
      onEscape();
    }
  };
  return (
    <div
      ref={ref}
      className="reader-floating-toolbar"
      role="toolbar"
      aria-label={label}
      onKeyDown={onKeyDown}
      // Pressing a button must not clear the selection it acts on.
      onMouseDown={(event) => event.preventDefault()}
    >
      {children}
    </div>
  );
}
