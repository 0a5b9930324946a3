import { useMemo, useState } from 'react';
import type { Id } from '../../../../shared/model';
import { useNoteGraph } from '../../../data';
import { GraphCanvas } from './graph-canvas';
import { layoutGraph } from './graph-layout';
import { sameGraph, type NoteGraphData } from './graph-model';
import './note-graph.css';

export interface NoteGraphProps {
  /** A note was chosen: clicked, or Enter pressed on it. */
  onOpenNote: (id: Id) => void;
  /** The note being read, drawn distinctly; the view opens centred on it. */
  focusNoteId?: Id;
}

/**
 * Layout space: positions are computed in a fixed square and the view transform fits them to the
 * element, so resizing the window never reruns the simulation.
 */
const layoutArea = { width: 1000, height: 1000 };

/** Keeps the previous graph object while a new one is equal to it (see `sameGraph`). */
function useStableGraph(graph: NoteGraphData | undefined): NoteGraphData | undefined {
  const [kept, setKept] = useState(graph);
  if (graph !== kept && (graph === undefined || kept === undefined || !sameGraph(graph, kept))) {
    setKept(graph);
    return graph;
  }
  return kept;
}

/** Notes as dots, links as lines: pan, zoom and click through the web of notes. */
export function NoteGraph({ onOpenNote, focusNoteId }: NoteGraphProps) {
  const graph = useStableGraph(useNoteGraph());
  // Synchronous and memoised on the graph: the simulation runs once per change to notes or links,
  // never per frame (see graph-layout.ts for the tick budget that bounds it on large graphs).
  const positions = useMemo(() => (graph ? layoutGraph(graph.nodes, graph.edges, layoutArea) : undefined), [graph]);

  if (!graph || !positions) {
    return (
      <div className="note-graph">
        <p className="note-graph__status" role="status">
          Loading the graph…
        </p>
      </div>
    );
  }
  if (graph.edges.length === 0) {
    return (
      <div className="note-graph">
        <p className="note-graph__empty">
          No links yet. Link notes with <code>[[</code> to see them here.
        </p>
      </div>
    );
  }
  return (
    <div className="note-graph">
      <GraphCanvas nodes={graph.nodes} edges={graph.edges} positions={positions} focusNoteId={focusNoteId} onOpenNote={onOpenNote} />
    </div>
  );
}
