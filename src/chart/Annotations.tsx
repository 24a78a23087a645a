import { memo, useMemo } from 'react';
import type { ReactNode } from 'react';
import { useDerived } from '../store/context';
import { useFormatter } from '../store/format';
import { lastPriceBandPlan } from './lastPriceBand';
import type { LastPriceBandPlan } from './lastPriceBand';
import { inside, usePlot } from './plot';
import type { PlotArea } from './plot';
import { colors, dashProps, linePath, nearestIndex } from './series';
import type { PixelScale } from './series';

/*
 * Markers, zones and end dots drawn as plain SVG from the chart's own scales. Recharts' ReferenceLine,
 * ReferenceArea and ReferenceDot each register in the chart store and re-dispatch whenever their position
 * moves, which on every leverage-slider step doubled the chart's work; this layer reads three selectors.
 * The price domain is chosen so that every marker is inside it (see priceDomain), so nothing needs the
 * axis to stretch; markers outside a zoomed-in range are listed in words by the panel.
 * The curves themselves are plain paths too (SeriesLayer): recharts' Line re-ran its selectors and measured
 * each dashed path (getTotalLength, a forced layout) on every step. The layers read the plot from ./plot: the
 * equity chart provides it from its own frame, the recharts charts through RechartsPlot.
 */

export interface VerticalLine {
  id: string;
  x: number;
  color: string;
  dash: string;
  strokeWidth: number;
  /** Stable CSS hooks: `lev-marker lev-marker-liquidation`. */
  className: string;
  /** Empty when the label did not fit above the plot (the panel lists it with its price instead). */
  label: string;
  /** Label row above the plot (0 = nearest the plot), from layoutLabels or staggerLabels. */
  row: number;
  /** Pixel x of the label's centre when it is moved inward from its marker to stay over the plot. */
  labelX?: number | undefined;
}

export interface ShadedZone {
  id: string;
  x1: number;
  x2: number;
  fill: string;
  fillOpacity: number;
  className: string;
}

export interface HorizontalLine {
  id: string;
  y: number;
  color: string;
  dash: string;
  className: string;
  label?: string;
  /** Where the label sits along the line. */
  labelAt?: 'left' | 'right';
  /** Under the line instead of over it. */
  labelBelow?: boolean;
}

export interface EndDot {
  id: string;
  x: number;
  y: number;
  color: string;
  className: string;
  label: string;
  /** Label row above the dot, from staggerLabels. */
  row: number;
}

export const LABEL_ROW_HEIGHT = 13;
/** Below this plot width the last-price line gets its short label. */
const NARROW_PLOT = 420;
const FONT_SIZE = 11;

function usePixels(): { toX: PixelScale; toY: PixelScale; plot: PlotArea } | null {
  const plot = usePlot();
  return plot === null ? null : { toX: plot.toX, toY: plot.toY, plot: plot.area };
}

/** Shaded bands, drawn under the curves. */
export const ZoneLayer = memo(function ZoneLayer({ zones }: { zones: readonly ShadedZone[] }): ReactNode {
  const pixels = usePixels();
  if (pixels === null) return null;
  const { toX, plot } = pixels;
  return (
    <g className="lev-zones">
      {zones.map((zone) => {
        const a = toX(zone.x1);
        const b = toX(zone.x2);
        if (a === undefined || b === undefined) return null;
        const left = Math.max(plot.x, Math.min(a, b));
        const right = Math.min(plot.x + plot.width, Math.max(a, b));
        if (!(right > left)) return null;
        return <rect key={zone.id} className={zone.className} x={left} y={plot.y} width={right - left} height={plot.height} fill={zone.fill} fillOpacity={zone.fillOpacity} />;
      })}
    </g>
  );
});

/** Horizontal reference lines (zero, starting collateral). */
export const HorizontalLayer = memo(function HorizontalLayer({ lines }: { lines: readonly HorizontalLine[] }): ReactNode {
  const pixels = usePixels();
  if (pixels === null) return null;
  const { toY, plot } = pixels;
  return (
    <g className="lev-references">
      {lines.map((line) => {
        const y = toY(line.y);
        if (y === undefined || !inside(y, plot.y, plot.height)) return null;
        const right = line.labelAt === 'right';
        return (
          <g key={line.id} className={line.className}>
            <line x1={plot.x} x2={plot.x + plot.width} y1={y} y2={y} stroke={line.color} strokeWidth={1} {...dashProps(line.dash)} />
            {line.label !== undefined && (
              <text x={right ? plot.x + plot.width - 4 : plot.x + 4} y={line.labelBelow === true ? y + FONT_SIZE + 2 : y - 4} textAnchor={right ? 'end' : 'start'} fontSize={FONT_SIZE} fill={line.color} className="lev-ref-label">
                {line.label}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
});

/** Vertical price markers with their labels stacked in rows above the plot. */
export const MarkerLayer = memo(function MarkerLayer({ markers }: { markers: readonly VerticalLine[] }): ReactNode {
  const pixels = usePixels();
  if (pixels === null) return null;
  const { toX, plot } = pixels;
  return (
    <g className="lev-markers">
      {markers.map((marker) => {
        const x = toX(marker.x);
        if (x === undefined || !inside(x, plot.x, plot.width)) return null;
        return (
          <g key={marker.id} className={marker.className} data-marker={marker.id}>
            <line x1={x} x2={x} y1={plot.y} y2={plot.y + plot.height} stroke={marker.color} strokeWidth={marker.strokeWidth} {...dashProps(marker.dash)} />
            {marker.label !== '' && (
              <text x={marker.labelX ?? x} y={plot.y - 4 - marker.row * LABEL_ROW_HEIGHT} textAnchor="middle" fontSize={FONT_SIZE} fill={marker.color} className={`lev-marker-label lev-marker-label-${marker.id}`}>
                {marker.label}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
});

/** Dots where lines end (the fan's liquidation points), labels staggered so close ends stay readable. */
export const DotLayer = memo(function DotLayer({ dots }: { dots: readonly EndDot[] }): ReactNode {
  const pixels = usePixels();
  if (pixels === null) return null;
  const { toX, toY, plot } = pixels;
  return (
    <g className="lev-dots">
      {dots.map((dot) => {
        const x = toX(dot.x);
        const y = toY(dot.y);
        if (x === undefined || y === undefined || !inside(x, plot.x, plot.width) || !inside(y, plot.y, plot.height)) return null;
        return (
          <g key={dot.id} className={dot.className}>
            <circle cx={x} cy={y} r={4} fill={dot.color} stroke="var(--lev-bg)" strokeWidth={1} />
            <text x={x} y={y - 8 - dot.row * LABEL_ROW_HEIGHT} textAnchor="middle" fontSize={FONT_SIZE} fill={dot.color} className="lev-fan-end-label">
              {dot.label}
            </text>
          </g>
        );
      })}
    </g>
  );
});

export interface PlottedSeries {
  id: string;
  /** One value per x; null breaks the line. */
  values: readonly (number | null | undefined)[];
  color: string;
  strokeWidth: number;
  dash: string;
  /** Stable CSS hooks: `lev-series lev-series-equity`. */
  className: string;
}

/** Curves as plain SVG paths in the chart's scales, clipped to the plot area. */
export const SeriesLayer = memo(function SeriesLayer({ xs, series, clipId }: { xs: readonly number[]; series: readonly PlottedSeries[]; clipId: string }): ReactNode {
  const pixels = usePixels();
  if (pixels === null) return null;
  const { toX, toY, plot } = pixels;
  return (
    <g className="lev-series-layer">
      <clipPath id={clipId}>
        <rect x={plot.x} y={plot.y} width={plot.width} height={plot.height} />
      </clipPath>
      {series.map((line) => (
        <g key={line.id} className={line.className} clipPath={`url(#${clipId})`}>
          <path d={linePath(xs, line.values, toX, toY)} fill="none" stroke={line.color} strokeWidth={line.strokeWidth} strokeLinejoin="round" {...dashProps(line.dash)} />
        </g>
      ))}
    </g>
  );
});

/** The dot on a curve at the tooltip's price (mouse or keyboard), so the reader sees which point is read out. */
export function ActiveDot({ xs, values, price, color }: { xs: readonly number[]; values: readonly (number | null | undefined)[]; price: number | null; color: string }): ReactNode {
  const pixels = usePixels();
  if (price === null || pixels === null) return null;
  const index = nearestIndex(xs, price);
  const xValue = xs[index];
  const yValue = values[index];
  if (xValue === undefined || yValue === undefined || yValue === null) return null;
  const x = pixels.toX(xValue);
  const y = pixels.toY(yValue);
  if (x === undefined || y === undefined || !inside(y, pixels.plot.y, pixels.plot.height)) return null;
  return <circle className="lev-active-dot" cx={x} cy={y} r={4} fill={color} stroke="var(--lev-bg)" strokeWidth={2} pointerEvents="none" />;
}

/** Horizontal grid lines at the value ticks (drawn here rather than by CartesianGrid, which redid its own layout on every step). */
export const GridLayer = memo(function GridLayer({ ticks, color }: { ticks: readonly number[]; color: string }): ReactNode {
  const pixels = usePixels();
  if (pixels === null) return null;
  const { toY, plot } = pixels;
  return (
    <g className="lev-grid" aria-hidden="true">
      {ticks.map((tick) => {
        const y = toY(tick);
        if (y === undefined || !inside(y, plot.y, plot.height)) return null;
        return <line key={tick} x1={plot.x} x2={plot.x + plot.width} y1={y} y2={y} stroke={color} strokeDasharray="2 4" />;
      })}
    </g>
  );
});

/**
 * The liquidation price in last-price terms: a shaded band from the mark liquidation price to its last-price
 * equivalent, a bracket along its top and a labelled line at the latter, written inside the plot's top edge (the
 * label rows above the plot belong to the markers). Words and the bracket, not colour alone, tell it apart.
 */
export const LastPriceBandLayer = memo(function LastPriceBandLayer({ band }: { band: LastPriceBandPlan | null }): ReactNode {
  const pixels = usePixels();
  if (pixels === null || band === null) return null;
  const { toX, plot } = pixels;
  const a = toX(band.low);
  const b = toX(band.high);
  const lastX = toX(band.lastPrice);
  const markX = toX(band.markPrice);
  if (a === undefined || b === undefined || lastX === undefined || markX === undefined) return null;
  const left = Math.max(plot.x, Math.min(a, b));
  const right = Math.min(plot.x + plot.width, Math.max(a, b));
  const lineShown = inside(lastX, plot.x, plot.width);
  // The label reads away from the mark line, and turns inward near the plot's edges.
  const away = lastX >= markX ? 'start' : 'end';
  const nearEdge = away === 'start' ? lastX > plot.x + plot.width * 0.7 : lastX < plot.x + plot.width * 0.3;
  const anchor = nearEdge ? (away === 'start' ? 'end' : 'start') : away;
  const labelX = lastX + (anchor === 'start' ? 4 : -4);
  return (
    <g className="lev-last-price-band" data-marker="last-price-liquidation" role="img" aria-label={band.description}>
      {right > left ? <rect x={left} y={plot.y} width={Math.max(1, right - left)} height={plot.height} fill={colors.danger} fillOpacity={0.16} /> : null}
      {right > left ? <line className="lev-last-band-bracket" x1={left} x2={right} y1={plot.y + 2} y2={plot.y + 2} stroke={colors.danger} strokeWidth={3} /> : null}
      {lineShown ? (
        <>
          <line x1={lastX} x2={lastX} y1={plot.y} y2={plot.y + plot.height} stroke={colors.danger} strokeWidth={1.5} {...dashProps('2 2')} />
          <text x={labelX} y={plot.y + 12} textAnchor={anchor} fontSize={FONT_SIZE} fill={colors.danger} stroke={colors.bg} strokeWidth={3} paintOrder="stroke" className="lev-marker-label lev-marker-label-last-price">
            {plot.width < NARROW_PLOT ? band.shortLabel : band.label}
          </text>
        </>
      ) : null}
    </g>
  );
});

/** The band for the position on screen (its mark–last spread), read from the widget's own store. */
export function LastPriceBand(): ReactNode {
  const { shown, tick } = useDerived();
  const format = useFormatter();
  const band = useMemo(() => (shown === null ? null : lastPriceBandPlan(shown, tick, format)), [shown, tick, format]);
  return <LastPriceBandLayer band={band} />;
}
