import { describe, expect, it } from 'vitest';
import { boundsOf, defaultTicks, layoutGraph, layoutTicks, minTicks, nodeRadius, tickBudget, type GraphEdge, type GraphNode } from './graph-layout';

const node = (id: string, links = 0): GraphNode => ({ id, title: id.toUpperCase(), links });
const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe('layoutTicks', () => {
  it.each([
    { nodes: 0, requested: defaultTicks, expected: 0 },
    { nodes: 10, requested: defaultTicks, expected: defaultTicks },
    { nodes: 333, requested: defaultTicks, expected: 300 },
    { nodes: 500, requested: defaultTicks, expected: 200 },
    { nodes: 2_000, requested: defaultTicks, expected: 50 },
    { nodes: 5_000, requested: defaultTicks, expected: minTicks },
    { nodes: 50_000, requested: defaultTicks, expected: minTicks },
    { nodes: 10, requested: 40, expected: 40 },
    { nodes: 50_000, requested: 5, expected: 5 },
  ])('$nodes nodes asking for $requested ticks get $expected', ({ nodes, requested, expected }) => {
    expect(layoutTicks(nodes, requested)).toBe(expected);
  });

  it('never spends more than the budget on large graphs', () => {
    for (const nodes of [1_000, 2_001, 4_000, 5_000]) expect(nodes * layoutTicks(nodes)).toBeLessThanOrEqual(tickBudget);
  });
});

describe('nodeRadius', () => {
  it.each([
    [0, 5],
    [1, 7],
    [4, 9],
    [100, 16],
    [-2, 5],
  ])('%d links: radius %d', (links, expected) => expect(nodeRadius(links)).toBe(expected));
});

describe('boundsOf', () => {
  it.each([
    { points: [], expected: undefined },
    { points: [{ x: 1, y: 2 }], expected: { minX: 1, minY: 2, maxX: 1, maxY: 2 } },
    {
      points: [
        { x: 1, y: 2 },
        { x: -3, y: 8 },
        { x: 5, y: 0 },
      ],
      expected: { minX: -3, minY: 0, maxX: 5, maxY: 8 },
    },
  ])('bounds of $points', ({ points, expected }) => expect(boundsOf(points)).toEqual(expected));
});

describe('layoutGraph', () => {
  const nodes = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => node(id, 2));
  // Two triangles joined by one edge.
  const edges: GraphEdge[] = [
    { source: 'a', target: 'b' },
    { source: 'b', target: 'c' },
    { source: 'c', target: 'a' },
    { source: 'd', target: 'e' },
    { source: 'e', target: 'f' },
    { source: 'f', target: 'd' },
    { source: 'c', target: 'd' },
  ];
  const options = { width: 800, height: 600 };

  it('places every node at a finite point around the middle of the area', () => {
    const positions = layoutGraph(nodes, edges, options);
    expect([...positions.keys()].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    const xs = [...positions.values()].map((point) => point.x);
    const ys = [...positions.values()].map((point) => point.y);
    for (const value of [...xs, ...ys]) expect(Number.isFinite(value)).toBe(true);
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean(xs)).toBeCloseTo(400, 0);
    expect(mean(ys)).toBeCloseTo(300, 0);
  });

  it('keeps linked notes nearer each other than notes of the other cluster, and apart enough not to overlap', () => {
    const positions = layoutGraph(nodes, edges, options);
    const at = (id: string) => positions.get(id)!;
    const within = [distance(at('a'), at('b')), distance(at('e'), at('f'))];
    const across = [distance(at('a'), at('f')), distance(at('b'), at('e'))];
    expect(Math.max(...within)).toBeLessThan(Math.min(...across));
    for (const a of nodes) {
      for (const b of nodes) {
        if (a.id < b.id) expect(distance(at(a.id), at(b.id))).toBeGreaterThan(2 * nodeRadius(2));
      }
    }
  });

  it('gives the same layout for the same graph, so a relayout after an unrelated edit does not jump', () => {
    const first = layoutGraph(nodes, edges, options);
    const second = layoutGraph(nodes, edges, options);
    expect([...second.entries()]).toEqual([...first.entries()]);
  });

  it('ignores edges to notes it was not given and self-links instead of throwing', () => {
    const positions = layoutGraph([node('a'), node('b')], [{ source: 'a', target: 'ghost' }, { source: 'b', target: 'b' }, { source: 'a', target: 'b' }], options);
    expect(positions.size).toBe(2);
  });

  it('lays out no nodes as an empty map and one node at the centre', () => {
    expect(layoutGraph([], [], options).size).toBe(0);
    const single = layoutGraph([node('solo')], [], options).get('solo')!;
    expect(single.x).toBeCloseTo(400, 3);
    expect(single.y).toBeCloseTo(300, 3);
  });
});
