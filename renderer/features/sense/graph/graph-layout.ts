/**
 * Where each note sits in the graph: a d3-force simulation run to rest synchronously, once per graph.
 * Pure (no DOM, no React), so it is tested on its own and the component only memoises it.
 */
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, type SimulationNodeDatum } from 'd3-force';
import type { Id } from '../../../../shared/model';

export interface GraphNode {
  id: Id;
  title: string;
  /** How many links touch the note, both ways: drives size and which labels show first. */
  links: number;
}

export interface GraphEdge {
  source: Id;
  target: Id;
}

export interface Point {
  x: number;
  y: number;
}

export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface LayoutOptions {
  width: number;
  height: number;
  /** Ticks wanted; `layoutTicks` lowers it for large graphs. */
  ticks?: number;
}

/** Enough for a few hundred notes to settle fully (d3's own default cools in about 300 ticks). */
export const defaultTicks = 300;
/** Below this the layout is a blur of unsettled nodes, whatever the graph's size. */
export const minTicks = 20;
/**
 * Node-ticks one layout may spend, since the layout runs synchronously on the UI thread. The
 * many-body force (Barnes–Hut, O(n log n) per tick) dominates; d3-force takes roughly 2–3 µs per node
 * per tick on an idle laptop core (5–15 µs on the loaded two-core machine these tests run on), so
 * 100,000 node-ticks is ~200–300 ms there. Up to 333 notes get the full 300 ticks, 2,000 notes
 * get 50 and anything from 5,000 up gets the 20-tick floor: a rougher layout (the cooling schedule
 * is shortened to match, so it still ends at rest), but the page never freezes for seconds.
 */
export const tickBudget = 100_000;

/** The ticks a graph of `nodeCount` notes gets: the request, capped by the time budget above. */
export function layoutTicks(nodeCount: number, requested: number = defaultTicks): number {
  const wanted = Math.max(0, Math.floor(requested));
  if (nodeCount <= 0) return 0;
  const affordable = Math.max(minTicks, Math.floor(tickBudget / nodeCount));
  return Math.min(wanted, affordable);
}

/** Circle radius in layout units: grows with links, slowly, so hubs stand out without covering neighbours. */
export function nodeRadius(links: number): number {
  return Math.min(16, 5 + Math.sqrt(Math.max(0, links)) * 2);
}

interface SimNode extends SimulationNodeDatum {
  id: Id;
  radius: number;
}

/**
 * Positions for every node, centred on (width/2, height/2). Deterministic for the same input: d3
 * seeds nodes on a phyllotaxis spiral and jiggles with a fixed-seed LCG, so a relayout after an
 * unrelated edit puts everything back where it was. Edges to unknown nodes and self-links are dropped
 * (forceLink would throw on the first and pull nothing with the second).
 */
export function layoutGraph(nodes: readonly GraphNode[], edges: readonly GraphEdge[], options: LayoutOptions): Map<Id, Point> {
  const { width, height } = options;
  const simNodes: SimNode[] = nodes.map((node) => ({ id: node.id, radius: nodeRadius(node.links) }));
  const known = new Set(simNodes.map((node) => node.id));
  const simLinks = edges
    .filter((edge) => edge.source !== edge.target && known.has(edge.source) && known.has(edge.target))
    .map((edge) => ({ source: edge.source, target: edge.target }));
  const ticks = layoutTicks(simNodes.length, options.ticks);

  const simulation = forceSimulation(simNodes)
    .force(
      'link',
      forceLink<SimNode, { source: Id | SimNode; target: Id | SimNode }>(simLinks)
        .id((node) => node.id)
        .distance(48),
    )
    .force('charge', forceManyBody<SimNode>().strength(-90))
    .force('center', forceCenter(width / 2, height / 2))
    .force(
      'collide',
      forceCollide<SimNode>((node) => node.radius + 3),
    )
    // Cool from 1 to d3's alphaMin in exactly `ticks` steps, so a capped run still ends at rest
    // rather than frozen mid-explosion.
    .alphaDecay(ticks > 0 ? 1 - Math.pow(0.001, 1 / ticks) : 0.0228)
    .stop();
  simulation.tick(ticks);

  const positions = new Map<Id, Point>();
  for (const node of simNodes) positions.set(node.id, { x: node.x ?? width / 2, y: node.y ?? height / 2 });
  return positions;
}

/** The smallest box around the points, or undefined for none. */
export function boundsOf(points: Iterable<Point>): Bounds | undefined {
  let bounds: Bounds | undefined;
  for (const { x, y } of points) {
    if (!bounds) bounds = { minX: x, minY: y, maxX: x, maxY: y };
    else {
      bounds.minX = Math.min(bounds.minX, x);
      bounds.minY = Math.min(bounds.minY, y);
      bounds.maxX = Math.max(bounds.maxX, x);
      bounds.maxY = Math.max(bounds.maxY, y);
    }
  }
  return bounds;
}
