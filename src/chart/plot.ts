import { createContext, useContext } from 'react';
import type { PixelScale } from './series';

/*
 * The plot a layer draws into: its area in SVG pixels and the scales of its two axes. The equity chart owns its
 * frame and provides this directly (see EquityChart and docs/decisions/equity-chart.md); the lazily loaded recharts
 * charts provide it from recharts' own hooks (RechartsPlot). The layers import only this file, so the first
 * chart's chunk carries no recharts.
 */

export interface PlotArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Plot {
  area: PlotArea;
  toX: PixelScale;
  toY: PixelScale;
  /** The value at a horizontal pixel position. */
  fromX: (pixel: number) => number;
}

const PlotContext = createContext<Plot | null>(null);

export const PlotProvider = PlotContext.Provider;

export function usePlot(): Plot | null {
  return useContext(PlotContext);
}

/**
 * A pointer position in the SVG's own units: the chart may draw at a logical size scaled up to the box it fills (the
 * presenter view enlarges its text that way), so screen pixels are divided by that scale.
 */
export function svgPoint(svg: SVGSVGElement, clientX: number, clientY: number): { x: number; y: number } {
  const box = svg.getBoundingClientRect();
  const view = svg.viewBox.baseVal;
  const scaleX = view !== null && view.width > 0 && box.width > 0 ? view.width / box.width : 1;
  const scaleY = view !== null && view.height > 0 && box.height > 0 ? view.height / box.height : 1;
  return { x: (clientX - box.left) * scaleX, y: (clientY - box.top) * scaleY };
}

/** Whether a pixel position lies within [start, start + length], with half a pixel of rounding either side. */
export const inside = (value: number, start: number, length: number): boolean => value >= start - 0.5 && value <= start + length + 0.5;

/** A linear map of [domain] onto [range] and back; a zero-width domain maps everything to the range's middle. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): { scale: (value: number) => number; invert: (pixel: number) => number } {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  if (!(Math.abs(span) > 0) || !Number.isFinite(span)) {
    const middle = (r0 + r1) / 2;
    return { scale: () => middle, invert: () => (d0 + d1) / 2 };
  }
  const factor = (r1 - r0) / span;
  return { scale: (value) => r0 + (value - d0) * factor, invert: (pixel) => d0 + (pixel - r0) / factor };
}

/**
 * The grid index the keyboard moves the chart's reading to (as recharts' accessibility layer does: the first arrow
 * press starts at that end), null to hide it (Escape); undefined for keys the chart leaves alone.
 */
export function nextReadingIndex(key: string, current: number | null, count: number): number | null | undefined {
  if (count === 0) return undefined;
  const last = count - 1;
  switch (key) {
    case 'ArrowRight':
      return current === null ? 0 : Math.min(last, current + 1);
    case 'ArrowLeft':
      return current === null ? last : Math.max(0, current - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'Escape':
      return null;
    default:
      return undefined;
  }
}
