import { memo, type KeyboardEvent } from 'react';
import type { Id } from '../../../../shared/model';

export type NodeEmphasis = 'plain' | 'active' | 'neighbour' | 'dimmed';

interface GraphNodeViewProps {
  id: Id;
  title: string;
  x: number;
  y: number;
  radius: number;
  /** The view's scale: labels and tiny circles are counter-scaled so they stay readable at any zoom. */
  scale: number;
  emphasis: NodeEmphasis;
  current: boolean;
  showLabel: boolean;
  onOpen: (id: Id) => void;
  onHover: (id: Id | null) => void;
  onFocusNode: (id: Id | null) => void;
}

/** Label size on screen, in pixels, whatever the zoom. */
const labelPixels = 12;
/** Below this on-screen radius a node is hard to see and to hit. */
const minPixelRadius = 3;

/**
 * One note: a focusable link (Enter or a click opens it) holding a circle and, when there is room,
 * its title. Memoised, since hovering one node re-renders the whole graph.
 */
export const GraphNodeView = memo(function GraphNodeView({ id, title, x, y, radius, scale, emphasis, current, showLabel, onOpen, onHover, onFocusNode }: GraphNodeViewProps) {
  const name = title.trim() === '' ? 'Untitled note' : title;
  const r = Math.max(radius, minPixelRadius / scale);
  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    event.stopPropagation();
    onOpen(id);
  };
  const classes = ['note-graph__node', `note-graph__node--${emphasis}`];
  if (current) classes.push('note-graph__node--current');
  return (
    <g
      className={classes.join(' ')}
      role="link"
      tabIndex={0}
      aria-label={name}
      aria-current={current ? 'page' : undefined}
      data-note-id={id}
      transform={`translate(${x} ${y})`}
      onClick={() => onOpen(id)}
      onKeyDown={onKeyDown}
      onPointerEnter={() => onHover(id)}
      onPointerLeave={() => onHover(null)}
      onFocus={() => onFocusNode(id)}
      onBlur={() => onFocusNode(null)}
    >
      <circle className="note-graph__dot" r={r} />
      {showLabel && (
        <text className="note-graph__label" x={r + 4 / scale} dy="0.35em" fontSize={labelPixels / scale}>
          {name}
        </text>
      )}
    </g>
  );
});
