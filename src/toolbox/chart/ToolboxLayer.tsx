import { memo, useCallback, useMemo } from 'react';
import type { ReactNode } from 'react';
import { usePlot } from '../../chart/plot';
import { PriceHandle } from '../../chart/PriceHandle';
import type { MovablePrice } from '../../chart/PriceHandle';
import { roundToTick } from '../../model/companions';
import { useCalculator, useCalculatorStore, useSelectors } from '../../store/context';
import { useFormatter } from '../../store/format';
import { inDomain } from '../../chart/series';
import type { EquityRow, Marker, PriceDomain } from '../../chart/series';
import type { DerivedView } from '../../view/derive';
import type { OpenTool, ToolMark, ToolTab } from '../../view/toolbox';
import { stopCappedEquity, toolboxColors, toolboxMarkers } from './toolbox';

/*
 * The toolbox on the main chart: the open tool's markers, the equity capped at the stop, and a draggable,
 * keyboard-movable handle for the exit price. Drawn from the chart's own scales, like Annotations.
 */

export interface CappedCurve {
  prices: readonly number[];
  equity: readonly (number | null)[];
}

/** The exit price as a handle on the chart. */
export type ExitHandle = MovablePrice;

/** The capped curve as one SVG path (gaps where the value is undefined). */
function pathOf(curve: CappedCurve, toX: (value: number) => number | undefined, toY: (value: number) => number | undefined): string {
  let d = '';
  let open = false;
  curve.prices.forEach((price, index) => {
    const value = curve.equity[index];
    const x = toX(price);
    const y = value === null || value === undefined ? undefined : toY(value);
    if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) {
      open = false;
      return;
    }
    d += `${open ? 'L' : 'M'}${x.toFixed(2)},${y.toFixed(2)}`;
    open = true;
  });
  return d;
}

export const ToolboxLayer = memo(function ToolboxLayer({ capped, handle }: { capped: CappedCurve | null; handle: ExitHandle | null }): ReactNode {
  const pixels = usePlot();
  if (pixels === null) return null;
  const { toX, toY, area: plot } = pixels;
  const clipId = `lev-tool-clip-${Math.round(plot.x)}-${Math.round(plot.width)}`;
  return (
    <g className="lev-toolbox-layer">
      <defs>
        <clipPath id={clipId}>
          <rect x={plot.x} y={plot.y} width={plot.width} height={plot.height} />
        </clipPath>
      </defs>
      {capped !== null ? (
        <path className="lev-series lev-series-capped" d={pathOf(capped, toX, toY)} fill="none" stroke={toolboxColors.capped} strokeWidth={2.5} strokeDasharray="2 2" clipPath={`url(#${clipId})`} />
      ) : null}
      {handle !== null ? <PriceHandle handle={handle} name="Exit price marker: drag, or use the arrow keys" color={toolboxColors.exit} className="lev-exit-handle" /> : null}
    </g>
  );
});

export interface ToolboxChart {
  /** The plan's markers with the open tool's added. */
  markers: Marker[];
  capped: CappedCurve | null;
  handle: ExitHandle | null;
  /** Toolbox markers outside the visible range, in words. */
  notes: string[];
  /** Legend lines for what the toolbox draws. */
  legend: { id: string; label: string; color: string; dash: string }[];
  /** The layer to draw inside the chart, memoized. */
  layer: ReactNode;
}

const NO_ROWS: readonly EquityRow[] = [];

/** The tab whose marks the chart draws: none without the toolbox panel on screen (an embed). */
function useChartTab(): ToolTab | null {
  const shown = useCalculator((state) => state.toolboxShown);
  const chosen = useCalculator((state) => state.toolTab);
  return shown ? chosen : null;
}

/** What the chart draws of the toolbox, for the inputs it is drawing (a task behind the panel's). */
export interface ToolboxOnChart {
  /** The open tool (null: nothing drawn). */
  open: OpenTool | null;
  /** Its marks, the same list while they are equal by value. */
  marks: readonly ToolMark[];
}

/** The open tool and its marks from this widget's memoized selectors: the panel and the chart share one computation. */
export function useToolboxOnChart(derived: DerivedView): ToolboxOnChart {
  const tab = useChartTab();
  const selectors = useSelectors();
  const open = tab === null ? null : selectors.openToolOf(derived, tab);
  const marks = selectors.toolMarksOf(derived, tab);
  return useMemo(() => ({ open, marks }), [open, marks]);
}

const NO_PRICES: readonly number[] = [];

/**
 * Prices the open tool wants in view (stop, targets, liquidation before/after a fill), when not absurdly far from
 * entry. The exit price is left out: it is dragged inside the range, which must not move under the pointer.
 */
export function useToolboxPrices({ open, marks }: ToolboxOnChart): readonly number[] {
  const entry = Number(open?.analysis?.entry ?? NaN);
  const key = useMemo(() => {
    if (!(entry > 0)) return '';
    return marks
      .filter((mark) => mark.id !== 'exit')
      .map((mark) => mark.price)
      .filter((price) => price > entry / 10 && price < entry * 10)
      .join(' ');
  }, [marks, entry]);
  // By value: a step that moves only the exit price must not re-plan the chart.
  return useMemo(() => (key === '' ? NO_PRICES : key.split(' ').map(Number)), [key]);
}

/** The open tool's additions to the main chart, memoized. */
export function useToolboxChart({ open, marks }: ToolboxOnChart, base: readonly Marker[], plan: { rows: readonly EquityRow[]; domain: PriceDomain } | null, tick: string): ToolboxChart {
  const rows = plan?.rows ?? NO_ROWS;
  const domain = plan?.domain ?? null;
  const store = useCalculatorStore();
  const format = useFormatter();
  // `marks` keeps its identity while equal by value, so an unchanged toolbox does not redraw the chart.
  const own = useMemo(() => toolboxMarkers(marks), [marks]);
  const entry = open?.analysis?.entry ?? null;
  const side = open?.analysis?.side ?? 'long';
  const stop = open?.tab === 'risk' && open.tool.result !== null ? Number(open.tool.stop.value) : null;
  const capped = useMemo<CappedCurve | null>(() => {
    if (stop === null || rows.length === 0) return null;
    const prices = rows.map((row) => row.price);
    return { prices, equity: stopCappedEquity(prices, rows.map((row) => row.equity), stop, side) };
  }, [rows, stop, side]);
  // Like the exit marker, the handle waits for an exit price the reader set: the tab's fallback (5 % in their favour)
  // is only a reading, and an unlabelled grip on a newcomer's first chart explains nothing.
  const exitPrice = open?.tab === 'exit' && !open.tool.price.auto && open.tool.result !== null ? Number(open.tool.result.exitPrice) : null;
  const setExit = useCallback((value: number) => {
    const text = roundToTick(value.toPrecision(15), tick);
    if (text !== null && Number(text) > 0) store.getState().setInput('exitPrice', text);
  }, [store, tick]);
  const handle = useMemo<ExitHandle | null>(() => {
    if (exitPrice === null || entry === null) return null;
    const step = Math.max(Number(tick), Math.round((Number(entry) * 0.001) / Number(tick)) * Number(tick));
    return { price: exitPrice, label: format.price(exitPrice, tick), onDrag: setExit, onStep: (direction) => setExit(exitPrice + direction * step) };
  }, [exitPrice, entry, tick, setExit, format]);
  const layer = useMemo(() => (capped === null && handle === null ? null : <ToolboxLayer capped={capped} handle={handle} />), [capped, handle]);
  return useMemo(() => {
    const visible = domain === null ? own : own.filter((marker) => inDomain(marker.price, domain));
    const hidden = domain === null ? [] : own.filter((marker) => !inDomain(marker.price, domain));
    const legend = own.map((marker) => ({ id: marker.id, label: marker.label, color: marker.color, dash: marker.dash }));
    if (capped !== null) legend.push({ id: 'capped', label: 'Equity closed at the stop (capped loss)', color: toolboxColors.capped, dash: '2 2' });
    return {
      markers: visible.length === 0 ? [...base] : [...base, ...visible],
      capped,
      handle,
      notes: hidden.length === 0 ? [] : [`Outside the visible range: ${hidden.map((marker) => `${marker.label} ${format.price(marker.exact, tick, { direction: marker.rounding })}`).join(', ')}. Zoom out to see ${hidden.length === 1 ? 'it' : 'them'}.`],
      legend,
      layer,
    };
  }, [base, own, domain, capped, handle, tick, layer, format]);
}

/** Legend entries for the toolbox's lines, under the main chart. */
export function ToolboxLegend({ items }: { items: ToolboxChart['legend'] }): ReactNode {
  if (items.length === 0) return null;
  return (
    <ul className="lev-legend lev-legend--toolbox" aria-label="Toolbox markers">
      {items.map((item) => (
        <li key={item.id}>
          <svg className="lev-swatch" width={28} height={10} aria-hidden="true" focusable="false">
            <line x1={1} y1={5} x2={27} y2={5} stroke={item.color} strokeWidth={2.5} strokeDasharray={item.dash === '0' ? undefined : item.dash} />
          </svg>{' '}
          {item.label}
        </li>
      ))}
    </ul>
  );
}
