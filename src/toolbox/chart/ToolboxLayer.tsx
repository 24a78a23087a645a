import { memo, useCallback, useMemo, useRef } from 'react';
import type { KeyboardEvent, PointerEvent, ReactNode } from 'react';
import { usePlot } from '../../chart/plot';
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

export interface ExitHandle {
  price: number;
  label: string;
  /** Sets the exit price from a dragged pixel position (already turned into a price). */
  onDrag: (price: number) => void;
  /** One keyboard step: +1 / −1 (Shift: ten). */
  onStep: (direction: number) => void;
}

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
  const dragging = useRef(false);
  if (pixels === null) return null;
  const { toX, toY, fromX, area: plot } = pixels;
  const clipId = `lev-tool-clip-${Math.round(plot.x)}-${Math.round(plot.width)}`;
  const onPointer = (event: PointerEvent<SVGGElement>): void => {
    if (handle === null || !dragging.current) return;
    const svg = event.currentTarget.ownerSVGElement;
    if (svg === null) return;
    const left = svg.getBoundingClientRect().left;
    const x = Math.min(plot.x + plot.width, Math.max(plot.x, event.clientX - left));
    const price = fromX(x);
    if (Number.isFinite(price) && price > 0) handle.onDrag(price);
  };
  const onKeyDown = (event: KeyboardEvent<SVGGElement>): void => {
    if (handle === null) return;
    const direction = event.key === 'ArrowRight' || event.key === 'ArrowUp' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowDown' ? -1 : 0;
    if (direction === 0) return;
    event.preventDefault();
    handle.onStep(direction * (event.shiftKey ? 10 : 1));
  };
  const handleX = handle === null ? undefined : toX(handle.price);
  const showHandle = handle !== null && handleX !== undefined && handleX >= plot.x - 0.5 && handleX <= plot.x + plot.width + 0.5;
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
      {showHandle && handle !== null && handleX !== undefined ? (
        <g
          className="lev-exit-handle"
          role="slider"
          tabIndex={0}
          aria-label="Exit price marker: drag, or use the arrow keys"
          aria-valuenow={handle.price}
          aria-valuetext={handle.label}
          onKeyDown={onKeyDown}
          onPointerDown={(event) => {
            dragging.current = true;
            event.currentTarget.setPointerCapture(event.pointerId);
          }}
          onPointerMove={onPointer}
          onPointerUp={(event) => {
            onPointer(event);
            dragging.current = false;
            event.currentTarget.releasePointerCapture(event.pointerId);
          }}
        >
          {/* A wide transparent strip makes the whole line easy to grab. */}
          <rect x={handleX - 8} y={plot.y} width={16} height={plot.height} fill="transparent" />
          <rect x={handleX - 7} y={plot.y + plot.height / 2 - 14} width={14} height={28} rx={4} fill={toolboxColors.exit} stroke="var(--lev-bg)" strokeWidth={1.5} />
          <path d={`M${handleX - 2},${plot.y + plot.height / 2 - 6} v12 M${handleX + 2},${plot.y + plot.height / 2 - 6} v12`} stroke="var(--lev-bg)" strokeWidth={1.2} />
        </g>
      ) : null}
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
  const exitPrice = open?.tab === 'exit' && open.tool.result !== null ? Number(open.tool.result.exitPrice) : null;
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
