import { describe, expect, it } from 'vitest';
import { centreOn, clampZoom, fitToBounds, isInView, maxZoom, minZoom, pan, svgTransform, toScreen, toWorld, zoomAt, type ViewTransform } from './view-transform';

const close = (actual: ViewTransform, expected: ViewTransform) => {
  expect(actual.x).toBeCloseTo(expected.x, 6);
  expect(actual.y).toBeCloseTo(expected.y, 6);
  expect(actual.k).toBeCloseTo(expected.k, 6);
};

describe('zoomAt', () => {
  it.each([
    { name: 'doubles around the origin', view: { x: 0, y: 0, k: 1 }, factor: 2, at: { x: 0, y: 0 }, expected: { x: 0, y: 0, k: 2 } },
    { name: 'doubles around a point, which stays put', view: { x: 0, y: 0, k: 1 }, factor: 2, at: { x: 100, y: 50 }, expected: { x: -100, y: -50, k: 2 } },
    { name: 'halves around a point of a panned view', view: { x: 20, y: 10, k: 2 }, factor: 0.5, at: { x: 100, y: 100 }, expected: { x: 60, y: 55, k: 1 } },
    { name: 'stops at the largest zoom', view: { x: 0, y: 0, k: maxZoom }, factor: 2, at: { x: 100, y: 100 }, expected: { x: 0, y: 0, k: maxZoom } },
    { name: 'stops at the smallest zoom', view: { x: 5, y: 5, k: minZoom }, factor: 0.5, at: { x: 40, y: 40 }, expected: { x: 5, y: 5, k: minZoom } },
  ])('$name', ({ view, factor, at, expected }) => {
    const zoomed = zoomAt(view, factor, at);
    close(zoomed, expected);
    // The world point under the cursor is under it still.
    const before = toWorld(view, at);
    const after = toWorld(zoomed, at);
    expect(after.x).toBeCloseTo(before.x, 6);
    expect(after.y).toBeCloseTo(before.y, 6);
  });
});

describe('pan', () => {
  it.each([
    { view: { x: 0, y: 0, k: 1 }, dx: 10, dy: -5, expected: { x: 10, y: -5, k: 1 } },
    { view: { x: 3, y: 4, k: 3 }, dx: -3, dy: 0, expected: { x: 0, y: 4, k: 3 } },
  ])('moves $view by ($dx, $dy) screen pixels whatever the scale', ({ view, dx, dy, expected }) => {
    expect(pan(view, dx, dy)).toEqual(expected);
  });
});

describe('toScreen and toWorld', () => {
  it.each([
    { view: { x: 0, y: 0, k: 1 }, world: { x: 5, y: 6 }, screen: { x: 5, y: 6 } },
    { view: { x: 10, y: 20, k: 2 }, world: { x: 5, y: 6 }, screen: { x: 20, y: 32 } },
    { view: { x: -50, y: 0, k: 0.5 }, world: { x: 100, y: -40 }, screen: { x: 0, y: -20 } },
  ])('maps $world to $screen and back', ({ view, world, screen }) => {
    expect(toScreen(view, world)).toEqual(screen);
    expect(toWorld(view, screen)).toEqual(world);
  });
});

describe('clampZoom', () => {
  it.each([
    [1, 1],
    [0, minZoom],
    [-3, minZoom],
    [100, maxZoom],
  ])('clamps %d to %d', (k, expected) => expect(clampZoom(k)).toBe(expected));
});

describe('centreOn', () => {
  it('puts the world point at the middle of the viewport at the same scale', () => {
    const view = centreOn({ x: 0, y: 0, k: 2 }, { x: 10, y: 20 }, { width: 800, height: 600 });
    expect(view).toEqual({ x: 380, y: 260, k: 2 });
    expect(toScreen(view, { x: 10, y: 20 })).toEqual({ x: 400, y: 300 });
  });
});

describe('fitToBounds', () => {
  it.each([
    {
      name: 'a wide box fills the width',
      bounds: { minX: 0, minY: 0, maxX: 1000, maxY: 100 },
      viewport: { width: 520, height: 400 },
      padding: 10,
      expectedK: 0.5,
    },
    {
      name: 'a tall box fills the height',
      bounds: { minX: -100, minY: -300, maxX: 100, maxY: 300 },
      viewport: { width: 800, height: 320 },
      padding: 10,
      expectedK: 0.5,
    },
    {
      name: 'a tiny box is not blown up past the cap',
      bounds: { minX: 0, minY: 0, maxX: 10, maxY: 10 },
      viewport: { width: 800, height: 600 },
      padding: 10,
      expectedK: 2,
    },
    {
      name: 'a single point (zero-size box) is centred',
      bounds: { minX: 50, minY: 50, maxX: 50, maxY: 50 },
      viewport: { width: 800, height: 600 },
      padding: 10,
      expectedK: 2,
    },
  ])('$name', ({ bounds, viewport, padding, expectedK }) => {
    const view = fitToBounds(bounds, viewport, padding);
    expect(view.k).toBeCloseTo(expectedK, 6);
    const middle = toScreen(view, { x: (bounds.minX + bounds.maxX) / 2, y: (bounds.minY + bounds.maxY) / 2 });
    expect(middle.x).toBeCloseTo(viewport.width / 2, 6);
    expect(middle.y).toBeCloseTo(viewport.height / 2, 6);
    for (const corner of [
      { x: bounds.minX, y: bounds.minY },
      { x: bounds.maxX, y: bounds.maxY },
    ]) {
      expect(isInView(toScreen(view, corner), viewport, padding - 1e-6)).toBe(true);
    }
  });
});

describe('isInView', () => {
  it.each([
    { point: { x: 10, y: 10 }, margin: 0, expected: true },
    { point: { x: -1, y: 10 }, margin: 0, expected: false },
    { point: { x: 10, y: 10 }, margin: 20, expected: false },
    { point: { x: 100, y: 101 }, margin: 0, expected: false },
  ])('$point in a 100×100 viewport with margin $margin: $expected', ({ point, margin, expected }) => {
    expect(isInView(point, { width: 100, height: 100 }, margin)).toBe(expected);
  });
});

describe('svgTransform', () => {
  it.each([
    [{ x: 0, y: 0, k: 1 }, 'translate(0 0) scale(1)'],
    [{ x: 10.123456, y: -4, k: 0.333333333 }, 'translate(10.123 -4) scale(0.333)'],
  ])('writes %o as %s', (view, expected) => expect(svgTransform(view)).toBe(expected));
});
