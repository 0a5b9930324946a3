import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from './graph-layout';
import { byTitle, labelledByDefault, neighbourMap, sameGraph } from './graph-model';

const node = (id: string, links: number, title = id): GraphNode => ({ id, title, links });

describe('neighbourMap', () => {
  it.each<{ name: string; edges: GraphEdge[]; expected: Record<string, string[]> }>([
    { name: 'no edges', edges: [], expected: {} },
    { name: 'one link, both ways', edges: [{ source: 'a', target: 'b' }], expected: { a: ['b'], b: ['a'] } },
    {
      name: 'a link and its backlink count once',
      edges: [
        { source: 'a', target: 'b' },
        { source: 'b', target: 'a' },
      ],
      expected: { a: ['b'], b: ['a'] },
    },
    {
      name: 'a hub',
      edges: [
        { source: 'hub', target: 'x' },
        { source: 'y', target: 'hub' },
      ],
      expected: { hub: ['x', 'y'], x: ['hub'], y: ['hub'] },
    },
    { name: 'a self-link is no neighbour', edges: [{ source: 'a', target: 'a' }], expected: {} },
  ])('$name', ({ edges, expected }) => {
    const map = neighbourMap(edges);
    expect(Object.fromEntries([...map.entries()].map(([id, set]) => [id, [...set].sort()]))).toEqual(expected);
  });
});

describe('labelledByDefault', () => {
  const nodes = [node('a', 1), node('b', 5), node('c', 3), node('d', 3, 'Alpha'), node('e', 0)];
  it.each([
    { count: 0, expected: [] },
    { count: 1, expected: ['b'] },
    // c and d tie on links; d's title "Alpha" sorts first.
    { count: 2, expected: ['b', 'd'] },
    { count: 4, expected: ['b', 'd', 'c', 'a'] },
    { count: 10, expected: ['b', 'd', 'c', 'a'] },
  ])('the $count most linked: $expected', ({ count, expected }) => {
    expect([...labelledByDefault(nodes, count)]).toEqual(expected);
  });
});

describe('sameGraph', () => {
  const base = { nodes: [node('a', 1), node('b', 1)], edges: [{ source: 'a', target: 'b' }] };
  it.each([
    { name: 'a copy', other: { nodes: [node('a', 1), node('b', 1)], edges: [{ source: 'a', target: 'b' }] }, expected: true },
    { name: 'a renamed note', other: { nodes: [node('a', 1, 'A2'), node('b', 1)], edges: base.edges }, expected: false },
    { name: 'another link count', other: { nodes: [node('a', 2), node('b', 1)], edges: base.edges }, expected: false },
    { name: 'a new note', other: { nodes: [...base.nodes, node('c', 0)], edges: base.edges }, expected: false },
    { name: 'a reversed edge', other: { nodes: base.nodes, edges: [{ source: 'b', target: 'a' }] }, expected: false },
    { name: 'no edges', other: { nodes: base.nodes, edges: [] }, expected: false },
  ])('$name: $expected', ({ other, expected }) => {
    expect(sameGraph(base, other)).toBe(expected);
    expect(sameGraph(other, base)).toBe(expected);
  });
});

describe('byTitle', () => {
  it('orders by title, then id, leaving its input alone', () => {
    const nodes = [node('2', 0, 'beta'), node('1', 0, 'Alpha'), node('0', 0, 'beta')];
    expect(byTitle(nodes).map((entry) => entry.id)).toEqual(['1', '0', '2']);
    expect(nodes.map((entry) => entry.id)).toEqual(['2', '1', '0']);
  });
});
