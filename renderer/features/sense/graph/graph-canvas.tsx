import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { Id } from '../../../../shared/model';
import { boundsOf, nodeRadius, type GraphEdge, type GraphNode, type Point } from './graph-layout';
import { byTitle, labelledByDefault, neighbourMap } from './graph-model';
import { GraphNodeView, type NodeEmphasis } from './graph-node';
import { useElementSize } from './use-element-size';
import { centreOn, fitToBounds, isInView, pan, svgTransform, toScreen, zoomAt, zoomStep, type Size, type ViewTransform } from './view-transform';

interface GraphCanvasProps {
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
  positions: ReadonlyMap<Id, Point>;
  focusNoteId?: Id;
  onOpenNote: (id: Id) => void;
}

/** Until the element is measured (and always in jsdom). */
const fallbackSize: Size = { width: 800, height: 560 };
/** Pixels one arrow key moves the picture. */
const arrowStep = 60;
/** The most linked notes keep their labels when zoomed out; past this zoom every note is labelled. */
const defaultLabels = 12;
const labelAllZoom = 1.5;
/** The focused note is shown at least at this zoom when the view opens on it. */
const focusZoom = 1;

/** Fit all notes; or, with a focused note, the same zoom (at least 1) centred on it. */
function initialView(positions: ReadonlyMap<Id, Point>, size: Size, focusNoteId: Id | undefined): ViewTransform {
  const bounds = boundsOf(positions.values());
  if (!bounds) return { x: 0, y: 0, k: 1 };
  // Pad by the largest circle so edge nodes are not cut in half.
  const pad = nodeRadius(Number.MAX_SAFE_INTEGER);
  const fit = fitToBounds({ minX: bounds.minX - pad, minY: bounds.minY - pad, maxX: bounds.maxX + pad, maxY: bounds.maxY + pad }, size);
  const focus = focusNoteId === undefined ? undefined : positions.get(focusNoteId);
  return focus ? centreOn({ ...fit, k: Math.max(fit.k, focusZoom) }, focus, size) : fit;
}

/** The interactive SVG: pan by dragging or arrow keys, zoom by wheel, buttons or +/−, Tab through notes. */
export function GraphCanvas({ nodes, edges, positions, focusNoteId, onOpenNote }: GraphCanvasProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const hintId = useId();
  const size = useElementSize(svgRef, fallbackSize);
  const initial = useMemo(() => initialView(positions, size, focusNoteId), [positions, size, focusNoteId]);
  const fitAll = useMemo(() => initialView(positions, size, undefined), [positions, size]);
  // null: the user has not moved the view, so it follows `initial` (resizes, a new focus note).
  const [moved, setMoved] = useState<ViewTransform | null>(null);
  const [shownFocus, setShownFocus] = useState(focusNoteId);
  if (shownFocus !== focusNoteId) {
    // Opening another note re-centres on it, as the first view did.
    setShownFocus(focusNoteId);
    setMoved(null);
  }
  const view = moved ?? initial;
  const [hovered, setHovered] = useState<Id | null>(null);
  const [focused, setFocused] = useState<Id | null>(null);
  const drag = useRef<{ pointerId: number; x: number; y: number } | null>(null);
  const [dragging, setDragging] = useState(false);

  const neighbours = useMemo(() => neighbourMap(edges), [edges]);
  const labelled = useMemo(() => labelledByDefault(nodes, defaultLabels), [nodes]);
  const ordered = useMemo(() => byTitle(nodes), [nodes]);
  const active = hovered ?? focused;
  const activeNeighbours = active === null ? undefined : neighbours.get(active);

  const update = useCallback((change: (current: ViewTransform) => ViewTransform) => setMoved((current) => change(current ?? initial)), [initial]);
  const centre = { x: size.width / 2, y: size.height / 2 };
  const zoomBy = (factor: number) => update((current) => zoomAt(current, factor, centre));

  // React's wheel listener is passive, so it cannot stop the page scrolling: listen natively.
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = svg.getBoundingClientRect();
      const lines = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? 16 : event.deltaMode === WheelEvent.DOM_DELTA_PAGE ? 400 : 1;
      const factor = Math.exp(-event.deltaY * lines * 0.0015);
      update((current) => zoomAt(current, factor, { x: event.clientX - rect.left, y: event.clientY - rect.top }));
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, [update]);

  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (event.button !== 0 || (event.target as Element).closest('.note-graph__node')) return;
    event.currentTarget.setPointerCapture?.(event.pointerId);
    drag.current = { pointerId: event.pointerId, x: event.clientX, y: event.clientY };
    setDragging(true);
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const start = drag.current;
    if (!start || start.pointerId !== event.pointerId) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    drag.current = { ...start, x: event.clientX, y: event.clientY };
    update((current) => pan(current, dx, dy));
  };
  const onPointerEnd = (event: PointerEvent<SVGSVGElement>) => {
    if (drag.current?.pointerId !== event.pointerId) return;
    drag.current = null;
    setDragging(false);
    if (event.currentTarget.hasPointerCapture?.(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
  };

  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return; // leave the browser's own zoom alone
    const arrows: Record<string, [number, number]> = { ArrowLeft: [arrowStep, 0], ArrowRight: [-arrowStep, 0], ArrowUp: [0, arrowStep], ArrowDown: [0, -arrowStep] };
    const arrow = arrows[event.key];
    if (arrow && event.target === event.currentTarget) {
      update((current) => pan(current, arrow[0], arrow[1]));
    } else if (event.key === '+' || event.key === '=') {
      zoomBy(zoomStep);
    } else if (event.key === '-' || event.key === '_') {
      zoomBy(1 / zoomStep);
    } else if (event.key === '0') {
      setMoved(fitAll);
    } else {
      return;
    }
    event.preventDefault();
  };

  const onFocusNode = useCallback(
    (id: Id | null) => {
      setFocused(id);
      const at = id === null ? undefined : positions.get(id);
      // Tabbing to a note off screen brings it into view, as focus scrolls a page.
      if (at) update((current) => (isInView(toScreen(current, at), size, 24) ? current : centreOn(current, at, size)));
    },
    [positions, size, update],
  );

  const emphasis = (id: Id): NodeEmphasis => (active === null ? 'plain' : id === active ? 'active' : activeNeighbours?.has(id) ? 'neighbour' : 'dimmed');

  return (
    <div className="note-graph__body">
      <div className="note-graph__toolbar">
        <button type="button" className="button" onClick={() => zoomBy(zoomStep)}>
          Zoom in
        </button>
        <button type="button" className="button" onClick={() => zoomBy(1 / zoomStep)}>
          Zoom out
        </button>
        <button type="button" className="button" onClick={() => setMoved(fitAll)}>
          Fit
        </button>
        <p id={hintId} className="note-graph__hint">
          Drag or use the arrow keys to move, scroll or press + and − to zoom, Tab to a note and press Enter to open it.
        </p>
      </div>
      <svg
        ref={svgRef}
        className="note-graph__canvas"
        role="group"
        aria-label="Note graph"
        aria-describedby={hintId}
        tabIndex={0}
        viewBox={`0 0 ${size.width} ${size.height}`}
        data-dragging={dragging ? 'true' : undefined}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerEnd}
        onPointerCancel={onPointerEnd}
        onKeyDown={onKeyDown}
      >
        <g className="note-graph__world" transform={svgTransform(view)}>
          <g className="note-graph__edges">
            {edges.map((edge) => {
              const from = positions.get(edge.source);
              const to = positions.get(edge.target);
              if (!from || !to) return null;
              const lit = active !== null && (edge.source === active || edge.target === active);
              return (
                <line
                  key={`${edge.source}>${edge.target}`}
                  className={lit ? 'note-graph__edge note-graph__edge--active' : active === null ? 'note-graph__edge' : 'note-graph__edge note-graph__edge--dimmed'}
                  x1={from.x}
                  y1={from.y}
                  x2={to.x}
                  y2={to.y}
                />
              );
            })}
          </g>
          <g className="note-graph__nodes">
            {ordered.map((node) => {
              const at = positions.get(node.id);
              if (!at) return null;
              const state = emphasis(node.id);
              const current = node.id === focusNoteId;
              return (
                <GraphNodeView
                  key={node.id}
                  id={node.id}
                  title={node.title}
                  x={at.x}
                  y={at.y}
                  radius={nodeRadius(node.links)}
                  scale={view.k}
                  emphasis={state}
                  current={current}
                  showLabel={current || view.k >= labelAllZoom || labelled.has(node.id) || state === 'active' || state === 'neighbour'}
                  onOpen={onOpenNote}
                  onHover={setHovered}
                  onFocusNode={onFocusNode}
                />
              );
            })}
          </g>
        </g>
      </svg>
    </div>
  );
}
