import { useLayoutEffect, useState, type RefObject } from 'react';
import type { Size } from './view-transform';

/**
 * The element's size in CSS pixels, kept current with a ResizeObserver. The SVG's viewBox is set to
 * this size, so one SVG unit is one pixel and pointer offsets need no conversion. `fallback` holds
 * until the first measurement, and wherever there is no layout (jsdom reports 0 × 0).
 */
export function useElementSize(ref: RefObject<Element | null>, fallback: Size): Size {
  const [size, setSize] = useState<Size>(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const { width, height } = element.getBoundingClientRect();
      if (width <= 0 || height <= 0) return;
      setSize((previous) => (previous.width === width && previous.height === height ? previous : { width, height }));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
