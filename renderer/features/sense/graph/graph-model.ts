/** Small pure questions the graph view asks of the graph: who neighbours whom, which labels show, did it change. */
import type { Id } from '../../../../shared/model';
import type { GraphEdge, GraphNode } from './graph-layout';

export interface NoteGraphData {
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
}

/** Each node's neighbours, links taken both ways (a backlink is as much a connection as a link). */
export function neighbourMap(edges: readonly GraphEdge[]): Map<Id, Set<Id>> {
  const neighbours = new Map<Id, Set<Id>>();
  const add = (from: Id, to: Id) => {
    let set = neighbours.get(from);
    if (!set) neighbours.set(from, (set = new Set()));
    set.add(to);
  };
  for (const { source, target } of edges) {
    if (source === target) continue;
    add(source, target);
    add(target, source);
  }
  return neighbours;
}

/**
 * The notes labelled at any zoom: the `count` most linked (ties by title, so the choice is stable),
 * skipping notes with no links, whose labels would only crowd the edge of the picture.
 */
export function labelledByDefault(nodes: readonly GraphNode[], count: number): Set<Id> {
  const linked = nodes.filter((node) => node.links > 0);
  const ranked = [...linked].sort((a, b) => b.links - a.links || a.title.localeCompare(b.title));
  return new Set(ranked.slice(0, count).map((node) => node.id));
}

/**
 * Same nodes (ids, titles, link counts) and edges in the same order. The live query hands a new
 * object after every write to notes or links, most of them edits that leave the graph as it was;
 * keeping the old object then spares a relayout (up to ~300 ms on a big graph) per autosave.
 */
export function sameGraph(a: NoteGraphData, b: NoteGraphData): boolean {
  if (a === b) return true;
  if (a.nodes.length !== b.nodes.length || a.edges.length !== b.edges.length) return false;
  for (let index = 0; index < a.nodes.length; index++) {
    const x = a.nodes[index]!;
    const y = b.nodes[index]!;
    if (x.id !== y.id || x.title !== y.title || x.links !== y.links) return false;
  }
  for (let index = 0; index < a.edges.length; index++) {
    const x = a.edges[index]!;
    const y = b.edges[index]!;
    if (x.source !== y.source || x.target !== y.target) return false;
  }
  return true;
}

/** Tab order and reading order: by title, as a person scanning a list would expect. */
export function byTitle(nodes: readonly GraphNode[]): GraphNode[] {
  return [...nodes].sort((a, b) => a.title.localeCompare(b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
