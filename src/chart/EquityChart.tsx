import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, PointerEvent, ReactNode, RefObject } from 'react';
import type { Formatter } from '../config/format';
import { useFormatter } from '../store/format';
import { equityValueRange, innerTicks, niceScale, tickFormatter } from './axes';
import { markerPrice } from './plan';
import { ActiveDot, GridLayer, HorizontalLayer, LABEL_ROW_HEIGHT, LastPriceBand, MarkerLayer, SeriesLayer, ZoneLayer } from './Annotations';
import type { HorizontalLine, PlottedSeries, ShadedZone, VerticalLine } from './Annotations';
import { inside, linearScale, nextReadingIndex, PlotProvider, svgPoint } from './plot';
import type { Plot, PlotArea } from './plot';
import { colors, estimateLabelWidth, layoutLabels, nearestIndex, priceToPixel, tooltipGrid } from './series';
import { BottomAxis, LeftAxis } from './ticks';
import { BandLayer } from './RiskBands';
import { PathMount } from './PathMount';
import type { PriceBand } from './risk';
import type { EquityRow, Marker, PriceDomain, RiskZones, ScenarioOverlay } from './series';

export const INITIAL_SIZE = { width: 640, height: 320 } as const;
/** The presenter's logical chart width, and how far it may be scaled up (largeText). */
const PRESENTER_LOGICAL_WIDTH = 800;
const MAX_TEXT_SCALE = 2;
/** Below this width labels shorten and ticks thin out. */
export const NARROW_WIDTH = 480;
const Y_AXIS_WIDTH = 64;
/** Height of the price axis under the plot (tick marks and one line of labels). */
const X_AXIS_HEIGHT = 30;
// The right margin leaves room for the last tick label, centred on the plot's edge.
const WIDE_SIDES = { left: 4, right: 28 } as const;
const NARROW_SIDES = { left: 0, right: 24 } as const;
/** Gap between the reading point and the tooltip box. */
const TOOLTIP_OFFSET = 12;
// Positioned through the CSSOM (React's style prop), which a strict style-src allows.

export interface EquityChartProps {
  rows: readonly EquityRow[];
  domain: PriceDomain;
  markers: readonly Marker[];
  zones: RiskZones;
  overlays: readonly ScenarioOverlay[];
  startEquity: number;
  /** Unit of the plotted equity. */
  equityUnit: string;
  equityInCoin: boolean;
  /** Unit and style of PnL (the margin currency). */
  marginUnit: string;
  marginInCoin: boolean;
  tick: string;
  healthName: string;
  /** Unique per widget (from useId): SVG ids never collide between two widgets on a page. */
  idBase: string;
  title: string;
  /** The horizon's price range (±1σ, ±2σ), shaded behind everything else; none when absent. */
  bands?: readonly PriceBand[] | undefined;
  /** Extra layers drawn over the markers (the toolbox: capped curve, exit handle). */
  overlay?: ReactNode;
  /** The value axis the panel keeps (followed or held axes); fitted to the rows when absent. */
  valueRange?: readonly [number, number] | undefined;
  /** Told which markers' labels did not fit above the plot (by id), so the panel lists them with their prices. */
  onLabelsHidden?: ((ids: readonly string[]) => void) | undefined;
  /**
   * The presenter view: the chart draws at a logical width of about 800 px and is scaled up to the screen, so its
   * labels, ticks and lines grow with it (11 px labels read at 16–22 px) and the label layout stays the one tested.
   */
  largeText?: boolean | undefined;
}

const NO_BANDS: readonly PriceBand[] = [];

interface TooltipContext {
  overlays: readonly ScenarioOverlay[];
  equityUnit: string;
  equityInCoin: boolean;
  marginUnit: string;
  marginInCoin: boolean;
  tick: string;
  healthName: string;
  format: Formatter;
}

function EquityTooltipBody({ row, context }: { row: EquityRow; context: TooltipContext }): ReactNode {
  const { equityUnit, equityInCoin, marginUnit, marginInCoin, tick, healthName, format } = context;
  // Past its end the position is closed: equity is what the venue left, and health and leverage no longer exist.
  const liquidated = row.state === 'liquidated';
  return (
    <div className="lev-tooltip">
      <p className="lev-tooltip-title">
        Price {format.price(row.price, tick)} ({format.percent(row.change, { signed: true })})
      </p>
      <dl>
        <dt>Position</dt>
        <dd className={`lev-tooltip-state lev-tooltip-state-${row.state}`}>{liquidated ? 'liquidated' : 'open'}</dd>
        <dt>Equity</dt>
        <dd>{format.money(row.equity, equityUnit, { coin: equityInCoin })}</dd>
        <dt>PnL</dt>
        <dd>{format.money(row.pnl, marginUnit, { coin: marginInCoin })}</dd>
        <dt>ROE</dt>
        <dd>{format.percent(row.roe, { signed: true })}</dd>
        <dt>{healthName}</dt>
        <dd>{liquidated ? 'liquidated' : row.health === null ? 'no requirement' : format.number(row.health)}</dd>
        <dt>Effective leverage</dt>
        <dd>{liquidated ? 'none (liquidated)' : row.leverage === null ? 'none left (equity ≤ 0)' : format.times(row.leverage)}</dd>
        <dt>1× holding</dt>
        <dd>{format.money(row.unleveraged, equityUnit, { coin: equityInCoin })}</dd>
        {context.overlays.map((overlay) => {
          const value = row[overlay.key];
          return value === undefined ? null : (
            <OverlayValue key={overlay.id} name={overlay.name} value={value} unit={equityUnit} coin={equityInCoin} format={format} />
          );
        })}
      </dl>
    </div>
  );
}

function OverlayValue({ name, value, unit, coin, format }: { name: string; value: number | null; unit: string; coin: boolean; format: Formatter }): ReactNode {
  return (
    <>
      <dt>{name}</dt>
      <dd>{format.money(value, unit, { coin })}</dd>
    </>
  );
}

/** Every label keeps its price; narrow charts use the marker's short name. */
function markerLabel(marker: Marker, narrow: boolean, tick: string, format: Formatter): string {
  return `${narrow ? marker.shortLabel : marker.label} ${markerPrice(marker, tick, format)}`;
}

/** The size of the element the chart fills, followed as it changes; the initial size until it can be measured (jsdom). */
export function useElementSize(ref: RefObject<HTMLDivElement | null>): { width: number; height: number } {
  const [size, setSize] = useState<{ width: number; height: number }>(INITIAL_SIZE);
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null) return undefined;
    const measure = (): void => {
      const width = Math.round(element.clientWidth);
      const height = Math.round(element.clientHeight);
      if (width > 0 && height > 0) setSize((previous) => (previous.width === width && previous.height === height ? previous : { width, height }));
    };
    // Measured before the first paint, so the first frame is drawn at its real size.
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

/** The price being read (an index into the frame's price grid) and, for the pointer, its height in the plot. */
interface Reading {
  index: number;
  pointerY: number | null;
}

/** The tooltip box beside the reading point, flipped and clamped so it stays inside the chart. */
function TooltipBox({ x, y, bounds, children }: { x: number; y: number; bounds: { width: number; height: number }; children: ReactNode }): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const box = ref.current;
    if (box === null) return;
    const width = box.offsetWidth;
    const height = box.offsetHeight;
    const left = x + TOOLTIP_OFFSET + width <= bounds.width ? x + TOOLTIP_OFFSET : Math.max(0, x - TOOLTIP_OFFSET - width);
    const top = Math.max(0, Math.min(y + TOOLTIP_OFFSET, bounds.height - height));
    box.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
  });
  return (
    <div ref={ref} className="lev-tooltip-box">
      {children}
    </div>
  );
}

/** The dashed vertical line at the price being read. */
function Cursor({ x, area }: { x: number; area: PlotArea }): ReactNode {
  return <line className="lev-cursor" x1={x} x2={x} y1={area.y} y2={area.y + area.height} stroke={colors.muted} strokeDasharray="2 2" pointerEvents="none" />;
}

export const EquityChart = memo(function EquityChart(props: EquityChartProps): ReactNode {
  const { rows, domain, markers, zones, overlays, startEquity, equityUnit, equityInCoin, marginUnit, marginInCoin, tick, healthName, idBase, title, overlay } = props;
  const frameRef = useRef<HTMLDivElement>(null);
  const measured = useElementSize(frameRef);
  const scale = props.largeText === true ? Math.min(MAX_TEXT_SCALE, Math.max(1, measured.width / PRESENTER_LOGICAL_WIDTH)) : 1;
  const width = Math.round(measured.width / scale);
  const height = Math.round(measured.height / scale);
  const [reading, setReading] = useState<Reading | null>(null);
  const format = useFormatter();
  const narrow = width < NARROW_WIDTH;
  const sides = narrow ? NARROW_SIDES : WIDE_SIDES;
  // Each label is formatted once per change, for its width and for its text.
  const labels = useMemo(() => markers.map((marker) => markerLabel(marker, narrow, tick, format)), [markers, narrow, tick, format]);
  const plotWidth = Math.max(1, width - Y_AXIS_WIDTH - sides.left - sides.right);
  // At most three rows of labels above the plot, each kept over the plot; those that do not fit are listed by the panel.
  const labelRows = useMemo(
    () => layoutLabels(markers.map((marker, index) => ({ x: priceToPixel(marker.price, domain, plotWidth), width: estimateLabelWidth(labels[index] ?? '') })), { left: 0, right: plotWidth }),
    [markers, labels, domain, plotWidth],
  );
  const rowCount = labelRows.reduce((max, placed) => Math.max(max, (placed.row ?? 0) + 1), 1);
  const hiddenLabels = markers.filter((_, index) => labelRows[index]?.row === null).map((marker) => marker.id).join(' ');
  const onLabelsHidden = props.onLabelsHidden;
  useEffect(() => onLabelsHidden?.(hiddenLabels === '' ? [] : hiddenLabels.split(' ')), [hiddenLabels, onLabelsHidden]);
  const top = 10 + rowCount * LABEL_ROW_HEIGHT;
  const area = useMemo<PlotArea>(
    () => ({ x: sides.left + Y_AXIS_WIDTH, y: top, width: plotWidth, height: Math.max(1, height - top - 4 - X_AXIS_HEIGHT) }),
    [sides, top, plotWidth, height],
  );
  const verticals = useMemo<VerticalLine[]>(
    () =>
      markers.map((marker, index) => ({
        id: marker.id,
        x: marker.price,
        color: marker.color,
        dash: marker.dash,
        strokeWidth: marker.kind === 'liquidation' || marker.kind === 'entry' ? 2 : 1.5,
        className: marker.className,
        // A label that did not fit is left out here (empty) and named in the panel's marker list.
        label: labelRows[index]?.row === null ? '' : (labels[index] ?? ''),
        row: labelRows[index]?.row ?? 0,
        labelX: area.x + (labelRows[index]?.x ?? 0),
      })),
    [markers, labels, labelRows, area.x],
  );

  // The value axis keeps its identity while its numbers stay the same, so the memoized layers skip a step that keeps it.
  const valueRange = props.valueRange;
  const yScale = useMemo(() => {
    const [low, high] = valueRange ?? equityValueRange(rows, overlays.map((overlay) => overlay.key), startEquity);
    return niceScale(low, high, narrow ? 4 : 6);
  }, [valueRange, rows, overlays, startEquity, narrow]);
  const [yLow, yHigh] = yScale.domain;
  const yTicksKey = yScale.ticks.join(' ');
  const yTicks = useMemo(() => (yTicksKey === '' ? [] : yTicksKey.split(' ').map(Number)), [yTicksKey]);
  const xTicks = useMemo(() => innerTicks(domain.from, domain.to, narrow ? 4 : 6), [domain.from, domain.to, narrow]);
  const formatX = useMemo(() => tickFormatter(xTicks, format), [xTicks, format]);
  const formatY = useMemo(() => tickFormatter(yTicks, format), [yTicks, format]);
  const plot = useMemo<Plot>(() => {
    const x = linearScale([domain.from, domain.to], [area.x, area.x + area.width]);
    const y = linearScale([yLow, yHigh], [area.y + area.height, area.y]);
    return { area, toX: x.scale, toY: y.scale, fromX: x.invert };
  }, [domain.from, domain.to, yLow, yHigh, area]);
  // The tooltip steps through a fixed grid of prices (the keyboard moves one step), not through the curve's points,
  // which include the marker prices.
  const grid = useMemo(() => tooltipGrid({ from: domain.from, to: domain.to }).map((point) => point.price), [domain.from, domain.to]);

  const prices = useMemo(() => rows.map((row) => row.price), [rows]);
  const equities = useMemo(() => rows.map((row) => row.equity), [rows]);
  const series = useMemo<PlottedSeries[]>(
    () => [
      { id: 'unleveraged', values: rows.map((row) => row.unleveraged), color: colors.unleveraged, strokeWidth: 1.5, dash: '6 3', className: 'lev-series lev-series-unleveraged' },
      ...overlays.map((overlay) => ({ id: overlay.id, values: rows.map((row) => row[overlay.key]), color: overlay.color, strokeWidth: 1.5, dash: overlay.dash, className: 'lev-series lev-series-scenario' })),
      { id: 'equity', values: equities, color: colors.equity, strokeWidth: 2.5, dash: '0', className: 'lev-series lev-series-equity' },
    ],
    [rows, overlays, equities],
  );
  const hatchId = `${idBase}-hatch`;
  const clipId = `${idBase}-clip`;
  const shaded = useMemo<ShadedZone[]>(() => {
    const list: ShadedZone[] = [];
    if (zones.liquidated !== null) list.push({ id: 'liquidated', ...zones.liquidated, fill: `url(#${hatchId})`, fillOpacity: 1, className: 'lev-zone lev-zone-liquidated' });
    if (zones.warning !== null) list.push({ id: 'warning', ...zones.warning, fill: colors.warning, fillOpacity: 0.12, className: 'lev-zone lev-zone-warning' });
    return list;
  }, [zones, hatchId]);
  // The start label goes to the side away from the liquidated zone, under its line: there the position's curve and
  // its 1× line run above the start (in profit), so the words cross no marker, hatch or curve.
  const liquidatable = zones.liquidated !== null;
  const liquidatedOnLeft = zones.liquidated !== null && zones.liquidated.x1 <= domain.from;
  const horizontals = useMemo<HorizontalLine[]>(
    () => [
      { id: 'zero', y: 0, color: colors.text, dash: '0', className: 'lev-ref lev-ref-zero' },
      {
        id: 'start',
        y: startEquity,
        color: colors.muted,
        dash: '3 3',
        className: 'lev-ref lev-ref-start',
        label: `Start ${format.money(startEquity, equityUnit, { coin: equityInCoin })}`,
        labelAt: liquidatedOnLeft ? 'right' : 'left',
        labelBelow: liquidatable,
      },
    ],
    [startEquity, equityUnit, equityInCoin, format, liquidatedOnLeft, liquidatable],
  );
  const bands = props.bands ?? NO_BANDS;

  const onPointer = useCallback(
    (event: PointerEvent<SVGSVGElement>) => {
      const { x, y } = svgPoint(event.currentTarget, event.clientX, event.clientY);
      const over = inside(x, area.x, area.width) && inside(y, area.y, area.height);
      const index = over ? nearestIndex(grid, plot.fromX(x)) : -1;
      setReading((previous) => (index < 0 ? null : previous?.index === index && previous.pointerY === y ? previous : { index, pointerY: y }));
    },
    [area, grid, plot],
  );
  const onPointerLeave = useCallback(() => setReading(null), []);
  const onKeyDown = useCallback(
    (event: KeyboardEvent<SVGSVGElement>) => {
      // Keys on a focusable layer inside the chart (the toolbox's exit handle) are that layer's.
      if (event.target !== event.currentTarget) return;
      const next = nextReadingIndex(event.key, reading?.index ?? null, grid.length);
      if (next === undefined) return;
      event.preventDefault();
      setReading(next === null ? null : { index: next, pointerY: null });
    },
    [reading, grid.length],
  );

  const readPrice = reading === null ? undefined : grid[reading.index];
  const readX = readPrice === undefined ? undefined : plot.toX(readPrice);
  const row = readPrice === undefined ? undefined : rows[nearestIndex(prices, readPrice)];
  const tooltip = useMemo<TooltipContext>(
    () => ({ overlays, equityUnit, equityInCoin, marginUnit, marginInCoin, tick, healthName, format }),
    [overlays, equityUnit, equityInCoin, marginUnit, marginInCoin, tick, healthName, format],
  );

  return (
    <div ref={frameRef} className="lev-frame">
      <svg
        className="lev-surface"
        width={measured.width}
        height={measured.height}
        viewBox={`0 0 ${width} ${height}`}
        role="application"
        tabIndex={0}
        onPointerMove={onPointer}
        onPointerDown={onPointer}
        onPointerLeave={onPointerLeave}
        onKeyDown={onKeyDown}
        onBlur={onPointerLeave}
      >
        <title>{title}</title>
        <defs>
          <pattern id={hatchId} width={8} height={8} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width={8} height={8} fill={colors.danger} fillOpacity={0.08} />
            <line x1={0} y1={0} x2={0} y2={8} stroke={colors.danger} strokeOpacity={0.35} strokeWidth={2} />
          </pattern>
        </defs>
        <PlotProvider value={plot}>
          <GridLayer ticks={yTicks} color={colors.grid} />
          <BandLayer bands={bands} />
          <ZoneLayer zones={shaded} />
          <HorizontalLayer lines={horizontals} />
          <SeriesLayer xs={prices} series={series} clipId={clipId} />
          <BottomAxis ticks={xTicks} format={formatX} />
          <LeftAxis ticks={yTicks} format={formatY} />
          <MarkerLayer markers={verticals} />
          <LastPriceBand />
          {overlay}
          <PathMount equityInCoin={equityInCoin} />
          {readX === undefined ? null : <Cursor x={readX} area={area} />}
          <ActiveDot xs={prices} values={equities} price={readPrice ?? null} color={colors.equity} />
        </PlotProvider>
      </svg>
      {row === undefined || readX === undefined ? null : (
        <TooltipBox x={readX * scale} y={(reading?.pointerY ?? area.y) * scale} bounds={measured}>
          <EquityTooltipBody row={row} context={tooltip} />
        </TooltipBox>
      )}
    </div>
  );
});
