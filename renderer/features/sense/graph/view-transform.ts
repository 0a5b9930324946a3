/**
 * The graph's camera: screen = world × k + (x, y), the same convention as SVG's
 * `translate(x y) scale(k)`. Pure functions so pan and zoom maths is tested without a DOM.
 */
import type { Bounds, Point } from './graph-layout';

export interface ViewTransform {
  x: number;
  y: number;
  k: number;
}

export interface Size {
  width: number;
  height: number;
}

export const identity: ViewTransform = { x: 0, y: 0, k: 1 };
/** Far enough out to see thousands of notes; far enough in to read a crowded cluster. */
export const minZoom = 0.05;
export const maxZoom = 6;
/** One press of Zoom in / Zoom out or of +/−. */
export const zoomStep = 1.4;

export function clampZoom(k: number): number {
  return Math.min(maxZoom, Math.max(minZoom, k));
}

/** Multiplies the scale by `factor`, keeping the world point under the screen point `at` where it is. */
export function zoomAt(view: ViewTransform, factor: number, at: Point): ViewTransform {
  const k = clampZoom(view.k * factor);
  const ratio = k / view.k;
  return { k, x: at.x - (at.x - view.x) * ratio, y: at.y - (at.y - view.y) * ratio };
}

/** Moves the picture by (dx, dy) screen pixels. */
export function pan(view: ViewTransform, dx: number, dy: number): ViewTransform {
  return { ...view, x: view.x + dx, y: view.y + dy };
}

export function toScreen(view: ViewTransform, world: Point): Point {
  return { x: world.x * view.k + view.x, y: world.y * view.k + view.y };
}

export function toWorld(view: ViewTransform, screen: Point): Point {
  return { x: (screen.x - view.x) / view.k, y: (screen.y - view.y) / view.k };
}

/** Keeps the scale and puts the world point `world` at the middle of the viewport. */
export function centreOn(view: ViewTransform, world: Point, viewport: Size): ViewTransform {
  return { k: view.k, x: viewport.width / 2 - world.x * view.k, y: viewport.height / 2 - world.y * view.k };
}

/**
 * The transform that shows all of `bounds` inside the viewport with `padding` pixels around it,
 * centred; never zoomed in past `maxK`, so two linked notes do not fill the screen.
 */
export function fitToBounds(bounds: Bounds, viewport: Size, padding = 32, maxK = 2): ViewTransform {
  const spanX = Math.max(bounds.maxX - bounds.minX, 1);
  const spanY = Math.max(bounds.maxY - bounds.minY, 1);
  const roomX = Math.max(viewport.width - 2 * padding, 1);
  const roomY = Math.max(viewport.height - 2 * padding, 1);
  const k = clampZoom(Math.min(roomX / spanX, roomY / spanY, maxK));
  const middle = { x: (bounds.minX + bounds.maxX) / 2, y: (bounds.minY + bounds.maxY) / 2 };
  return centreOn({ x: 0, y: 0, k }, middle, viewport);
}

/** Whether the screen point lies inside the viewport, `margin` pixels in from its edges. */
export function isInView(screen: Point, viewport: Size, margin = 0): boolean {
  return screen.x >= margin && screen.y >= margin && screen.x <= viewport.width - margin && screen.y <= viewport.height - margin;
}

/** The SVG `transform` attribute for a `<g>` (an attribute, not a style, so CSP allows it). */
export function svgTransform(view: ViewTransform): string {
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return `translate(${round(view.x)} ${round(view.y)}) scale(${round(view.k)})`;
}
