import { createContext, memo, useCallback, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Formatter } from '../config/format';
import { useFormatter } from '../store/format';
import { innerTicks, niceScale, tickFormatter, valueDomain } from './axes';
import { markerPrice } from './plan';
import { ActiveDot, GridLayer, HorizontalLayer, LABEL_ROW_HEIGHT, MarkerLayer, SeriesLayer, ZoneLayer } from './Annotations';
import type { HorizontalLine, PlottedSeries, ShadedZone, VerticalLine } from './Annotations';
import { colors, estimateLabelWidth, nearestIndex, priceToPixel, staggerLabels, tooltipGrid } from './series';
import { xTick, yTick } from './ticks';
import { BandLayer } from './RiskBands';
import type { PriceBand } from './risk';
import type { EquityRow, Marker, PriceDomain, RiskZones, ScenarioOverlay, TooltipState } from './series';

export const INITIAL_SIZE = { width: 640, height: 320 } as const;
/** Below this width labels shorten and ticks thin out. */
export const NARROW_WIDTH = 480;
const Y_AXIS_WIDTH = 64;
// The right margin leaves room for the last tick label, centred on the plot's edge.
const WIDE_SIDES = { left: 4, right: 28 } as const;
const NARROW_SIDES = { left: 0, right: 24 } as const;
// Hoisted: recharts compares these props by reference and re-registers its settings when they are new objects.
const CURSOR = { stroke: colors.muted, strokeDasharray: '2 2' } as const;
/**
 * recharts activates its tooltip (pointer and arrow keys) only over a graphical item. The curves are drawn by
 * SeriesLayer, so this item has no values and no shape: a drawn line would have its length measured by recharts on
 * every render, which forces a layout of the page.
 */
const noValue = (): null => null;
const noShape = (): null => null;

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
}

const NO_BANDS: readonly PriceBand[] = [];

interface TooltipContext {
  rows: readonly EquityRow[];
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
  return (
    <div className="lev-tooltip">
      <p className="lev-tooltip-title">
        Price {format.price(row.price, tick)} ({format.percent(row.change, { signed: true })})
      </p>
      <dl>
        <dt>Equity</dt>
        <dd>{format.money(row.equity, equityUnit, { coin: equityInCoin })}</dd>
        <dt>PnL</dt>
        <dd>{format.money(row.pnl, marginUnit, { coin: marginInCoin })}</dd>
        <dt>ROE</dt>
        <dd>{format.percent(row.roe, { signed: true })}</dd>
        <dt>{healthName}</dt>
        <dd>{row.health === null ? 'no requirement' : format.number(row.health)}</dd>
        <dt>Effective leverage</dt>
        <dd>{row.leverage === null ? 'none left (equity ≤ 0)' : format.times(row.leverage)}</dd>
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

/** Wide charts name the marker and its price; narrow ones a short name only (the tooltip and summary have prices). */
function markerLabel(marker: Marker, narrow: boolean, tick: string, format: Formatter): string {
  return narrow ? marker.shortLabel : `${marker.label} ${markerPrice(marker, tick, format)}`;
}

/** What changes with the position inside one chart frame: drawn by our layers, read by the tooltip. */
interface ChartLayers {
  xs: readonly number[];
  equities: readonly number[];
  series: readonly PlottedSeries[];
  verticals: readonly VerticalLine[];
  shaded: readonly ShadedZone[];
  horizontals: readonly HorizontalLine[];
  bands: readonly PriceBand[];
  overlay: ReactNode;
  tooltip: TooltipContext;
}

/**
 * The layers reach their components through context, past recharts' memoized tree: a step that keeps the axes
 * (same price range, same value ticks) re-renders these layers only, and recharts' own store is not touched.
 */
const LayerContext = createContext<ChartLayers | null>(null);

/** Draws part of the current layers; recharts' tree around it stays as it was. */
function LayerSlot({ draw }: { draw: (layers: ChartLayers) => ReactNode }): ReactNode {
  const layers = useContext(LayerContext);
  return layers === null ? null : draw(layers);
}

// Module-level, so the memoized frame holds the same slot elements from one render to the next.
const drawBands = (layers: ChartLayers): ReactNode => <BandLayer bands={layers.bands} />;
const drawZones = (layers: ChartLayers): ReactNode => <ZoneLayer zones={layers.shaded} />;
const drawHorizontals = (layers: ChartLayers): ReactNode => <HorizontalLayer lines={layers.horizontals} />;
const drawMarkers = (layers: ChartLayers): ReactNode => <MarkerLayer markers={layers.verticals} />;
const drawOverlay = (layers: ChartLayers): ReactNode => layers.overlay;
const drawActiveDot = (layers: ChartLayers): ReactNode => <ActiveDot xs={layers.xs} values={layers.equities} color={colors.equity} />;

/** The tooltip's reading at a price of the frame's grid: the current curve's row at that price. */
function TooltipReading({ price }: { price: number }): ReactNode {
  const layers = useContext(LayerContext);
  if (layers === null) return null;
  const row = layers.tooltip.rows[nearestIndex(layers.xs, price)];
  return row === undefined ? null : <EquityTooltipBody row={row} context={layers.tooltip} />;
}

export const EquityChart = memo(function EquityChart(props: EquityChartProps): ReactNode {
  const { rows, domain, markers, zones, overlays, startEquity, equityUnit, equityInCoin, marginUnit, marginInCoin, tick, healthName, idBase, title } = props;
  const [width, setWidth] = useState<number>(INITIAL_SIZE.width);
  const format = useFormatter();
  const narrow = width < NARROW_WIDTH;
  const sides = narrow ? NARROW_SIDES : WIDE_SIDES;
  // Each label is formatted once per change, for its width and for its text.
  const labels = useMemo(() => markers.map((marker) => markerLabel(marker, narrow, tick, format)), [markers, narrow, tick, format]);
  const labelRows = useMemo(() => {
    const plotWidth = Math.max(1, width - Y_AXIS_WIDTH - sides.left - sides.right);
    return staggerLabels(markers.map((marker, index) => ({ x: priceToPixel(marker.price, domain, plotWidth), width: estimateLabelWidth(labels[index] ?? '') })));
  }, [markers, labels, domain, width, sides]);
  const rowCount = labelRows.reduce((max, row) => Math.max(max, row + 1), 1);
  const chartMargin = useMemo(() => ({ top: 10 + rowCount * LABEL_ROW_HEIGHT, bottom: 4, ...sides }), [rowCount, sides]);
  const verticals = useMemo<VerticalLine[]>(
    () =>
      markers.map((marker, index) => ({
        id: marker.id,
        x: marker.price,
        color: marker.color,
        dash: marker.dash,
        strokeWidth: marker.kind === 'liquidation' || marker.kind === 'entry' ? 2 : 1.5,
        className: marker.className,
        label: labels[index] ?? '',
        row: labelRows[index] ?? 0,
      })),
    [markers, labels, labelRows],
  );

  // The frame (price range, value ticks) keeps its identity while its numbers stay the same.
  const yScale = useMemo(() => {
    const keys: (keyof EquityRow)[] = ['equity', 'unleveraged', ...overlays.map((overlay) => overlay.key)];
    const [low, high] = valueDomain(rows, keys, [0, startEquity]);
    return niceScale(low, high, narrow ? 4 : 6);
  }, [rows, overlays, startEquity, narrow]);
  const [yLow, yHigh] = yScale.domain;
  const yTicksKey = yScale.ticks.join(' ');
  const yDomain = useMemo<[number, number]>(() => [yLow, yHigh], [yLow, yHigh]);
  const yTicks = useMemo(() => (yTicksKey === '' ? [] : yTicksKey.split(' ').map(Number)), [yTicksKey]);
  const xTicks = useMemo(() => innerTicks(domain.from, domain.to, narrow ? 4 : 6), [domain.from, domain.to, narrow]);
  const xDomain = useMemo<[number, number]>(() => [domain.from, domain.to], [domain.from, domain.to]);
  const grid = useMemo(() => tooltipGrid({ from: domain.from, to: domain.to }), [domain.from, domain.to]);
  const renderXTick = useMemo(() => xTick(tickFormatter(xTicks, format)), [xTicks, format]);
  const renderYTick = useMemo(() => yTick(tickFormatter(yTicks, format)), [yTicks, format]);
  const renderTooltip = useCallback(
    ({ active, activeIndex }: TooltipState): ReactNode => {
      const point = active && activeIndex !== undefined && activeIndex !== null ? grid[Number(activeIndex)] : undefined;
      return point === undefined ? null : <TooltipReading price={point.price} />;
    },
    [grid],
  );

  const tooltip = useMemo<TooltipContext>(
    () => ({ rows, overlays, equityUnit, equityInCoin, marginUnit, marginInCoin, tick, healthName, format }),
    [rows, overlays, equityUnit, equityInCoin, marginUnit, marginInCoin, tick, healthName, format],
  );
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
  const onResize = useCallback((nextWidth: number) => setWidth(nextWidth), []);
  const hatchId = `${idBase}-hatch`;
  const shaded = useMemo<ShadedZone[]>(() => {
    const list: ShadedZone[] = [];
    if (zones.liquidated !== null) list.push({ id: 'liquidated', ...zones.liquidated, fill: `url(#${hatchId})`, fillOpacity: 1, className: 'lev-zone lev-zone-liquidated' });
    if (zones.warning !== null) list.push({ id: 'warning', ...zones.warning, fill: colors.warning, fillOpacity: 0.12, className: 'lev-zone lev-zone-warning' });
    return list;
  }, [zones, hatchId]);
  const horizontals = useMemo<HorizontalLine[]>(
    () => [
      { id: 'zero', y: 0, color: colors.text, dash: '0', className: 'lev-ref lev-ref-zero' },
      { id: 'start', y: startEquity, color: colors.muted, dash: '3 3', className: 'lev-ref lev-ref-start', label: `Start ${format.money(startEquity, equityUnit, { coin: equityInCoin })}` },
    ],
    [startEquity, equityUnit, equityInCoin, format],
  );
  const bands = props.bands ?? NO_BANDS;
  const { overlay } = props;
  const layers = useMemo<ChartLayers>(
    () => ({ xs: prices, equities, series, verticals, shaded, horizontals, bands, overlay, tooltip }),
    [prices, equities, series, verticals, shaded, horizontals, bands, overlay, tooltip],
  );

  const clipId = `${idBase}-clip`;
  const drawSeries = useCallback((layers: ChartLayers): ReactNode => <SeriesLayer xs={layers.xs} series={layers.series} clipId={clipId} />, [clipId]);
  const frame = useMemo(
    () => (
      <ResponsiveContainer width="100%" height="100%" minWidth={0} initialDimension={INITIAL_SIZE} onResize={onResize}>
        <ComposedChart data={grid} margin={chartMargin} title={title} accessibilityLayer>
          <defs>
            <pattern id={hatchId} width={8} height={8} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width={8} height={8} fill={colors.danger} fillOpacity={0.08} />
              <line x1={0} y1={0} x2={0} y2={8} stroke={colors.danger} strokeOpacity={0.35} strokeWidth={2} />
            </pattern>
          </defs>
          <XAxis dataKey="price" type="number" niceTicks="none" domain={xDomain} allowDataOverflow ticks={xTicks} interval={0} stroke={colors.axis} tick={renderXTick} />
          <YAxis type="number" niceTicks="none" domain={yDomain} allowDataOverflow ticks={yTicks} interval={0} width={Y_AXIS_WIDTH} stroke={colors.axis} tick={renderYTick} />
          <GridLayer ticks={yTicks} color={colors.grid} />
          <LayerSlot draw={drawBands} />
          <LayerSlot draw={drawZones} />
          <LayerSlot draw={drawHorizontals} />
          <LayerSlot draw={drawSeries} />
          <Line dataKey={noValue} shape={noShape} name="Equity" dot={false} activeDot={false} legendType="none" isAnimationActive={false} className="lev-tooltip-anchor" />
          <LayerSlot draw={drawMarkers} />
          <LayerSlot draw={drawOverlay} />
          <Tooltip content={renderTooltip} isAnimationActive={false} cursor={CURSOR} filterNull={false} />
          <LayerSlot draw={drawActiveDot} />
        </ComposedChart>
      </ResponsiveContainer>
    ),
    [onResize, grid, chartMargin, title, hatchId, xDomain, xTicks, renderXTick, yDomain, yTicks, renderYTick, drawSeries, renderTooltip],
  );
  return <LayerContext.Provider value={layers}>{frame}</LayerContext.Provider>;
});
