import { memo, useCallback, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney, formatNumber, formatPercent, formatPrice, formatTimes } from '../config/format';
import { innerTicks, niceScale, tickFormatter, valueDomain } from './axes';
import { markerPrice } from './plan';
import { HorizontalLayer, LABEL_ROW_HEIGHT, MarkerLayer, ZoneLayer } from './Annotations';
import type { HorizontalLine, ShadedZone, VerticalLine } from './Annotations';
import { colors, estimateLabelWidth, priceToPixel, staggerLabels } from './series';
import { xTick, yTick } from './ticks';
import { BandLayer } from './RiskBands';
import type { PriceBand } from './risk';
import type { EquityRow, Marker, PriceDomain, RiskZones, ScenarioOverlay, TooltipState } from './series';

export const INITIAL_SIZE = { width: 640, height: 320 } as const;
/** Below this width labels shorten and ticks thin out. */
export const NARROW_WIDTH = 480;
const Y_AXIS_WIDTH = 64;
// Hoisted: recharts compares these props by reference and re-registers its settings when they are new objects.
const ACTIVE_DOT = { r: 4 } as const;
const CURSOR = { stroke: colors.muted, strokeDasharray: '2 2' } as const;

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
}

function EquityTooltipBody({ row, context }: { row: EquityRow; context: TooltipContext }): ReactNode {
  const { equityUnit, equityInCoin, marginUnit, marginInCoin, tick, healthName } = context;
  return (
    <div className="lev-tooltip">
      <p className="lev-tooltip-title">
        Price {formatPrice(row.price, tick)} ({formatPercent(row.change, { signed: true })})
      </p>
      <dl>
        <dt>Equity</dt>
        <dd>{formatMoney(row.equity, equityUnit, { coin: equityInCoin })}</dd>
        <dt>PnL</dt>
        <dd>{formatMoney(row.pnl, marginUnit, { coin: marginInCoin })}</dd>
        <dt>ROE</dt>
        <dd>{formatPercent(row.roe, { signed: true })}</dd>
        <dt>{healthName}</dt>
        <dd>{row.health === null ? 'no requirement' : formatNumber(row.health)}</dd>
        <dt>Effective leverage</dt>
        <dd>{row.leverage === null ? 'none left (equity ≤ 0)' : formatTimes(row.leverage)}</dd>
        <dt>1× holding</dt>
        <dd>{formatMoney(row.unleveraged, equityUnit, { coin: equityInCoin })}</dd>
        {context.overlays.map((overlay) => {
          const value = row[overlay.key];
          return value === undefined ? null : (
            <OverlayValue key={overlay.id} name={overlay.name} value={value} unit={equityUnit} coin={equityInCoin} />
          );
        })}
      </dl>
    </div>
  );
}

function OverlayValue({ name, value, unit, coin }: { name: string; value: number | null; unit: string; coin: boolean }): ReactNode {
  return (
    <>
      <dt>{name}</dt>
      <dd>{formatMoney(value, unit, { coin })}</dd>
    </>
  );
}

/** Wide charts name the marker and its price; narrow ones a short name only (the tooltip and summary have prices). */
function markerLabel(marker: Marker, narrow: boolean, tick: string): string {
  return narrow ? marker.shortLabel : `${marker.label} ${markerPrice(marker, tick)}`;
}

export const EquityChart = memo(function EquityChart(props: EquityChartProps): ReactNode {
  const { rows, domain, markers, zones, overlays, startEquity, equityUnit, equityInCoin, marginUnit, marginInCoin, tick, healthName, idBase, title } = props;
  const [width, setWidth] = useState<number>(INITIAL_SIZE.width);
  const narrow = width < NARROW_WIDTH;
  // The right margin leaves room for the last tick label, centred on the plot's edge.
  const margin = narrow ? { left: 0, right: 16 } : { left: 4, right: 28 };

  const labelRows = useMemo(() => {
    const plotWidth = Math.max(1, width - Y_AXIS_WIDTH - margin.left - margin.right);
    return staggerLabels(markers.map((marker) => ({ x: priceToPixel(marker.price, domain, plotWidth), width: estimateLabelWidth(markerLabel(marker, narrow, tick)) })));
  }, [markers, domain, width, narrow, margin.left, margin.right, tick]);
  const rowCount = labelRows.reduce((max, row) => Math.max(max, row + 1), 1);
  const chartMargin = useMemo(() => ({ top: 10 + rowCount * LABEL_ROW_HEIGHT, bottom: 4, left: narrow ? 0 : 4, right: narrow ? 16 : 28 }), [rowCount, narrow]);
  const verticals = useMemo<VerticalLine[]>(
    () =>
      markers.map((marker, index) => ({
        id: marker.id,
        x: marker.price,
        color: marker.color,
        dash: marker.dash,
        strokeWidth: marker.kind === 'liquidation' || marker.kind === 'entry' ? 2 : 1.5,
        className: marker.className,
        label: markerLabel(marker, narrow, tick),
        row: labelRows[index] ?? 0,
      })),
    [markers, labelRows, narrow, tick],
  );

  const yScale = useMemo(() => {
    const keys: (keyof EquityRow)[] = ['equity', 'unleveraged', ...overlays.map((overlay) => overlay.key)];
    const [low, high] = valueDomain(rows, keys, [0, startEquity]);
    return niceScale(low, high, narrow ? 4 : 6);
  }, [rows, overlays, startEquity, narrow]);
  const xTicks = useMemo(() => innerTicks(domain.from, domain.to, narrow ? 4 : 6), [domain.from, domain.to, narrow]);
  const xDomain = useMemo<[number, number]>(() => [domain.from, domain.to], [domain.from, domain.to]);
  const renderXTick = useMemo(() => xTick(tickFormatter(xTicks)), [xTicks]);
  const renderYTick = useMemo(() => yTick(tickFormatter(yScale.ticks)), [yScale]);

  const context = useMemo<TooltipContext>(
    () => ({ rows, overlays, equityUnit, equityInCoin, marginUnit, marginInCoin, tick, healthName }),
    [rows, overlays, equityUnit, equityInCoin, marginUnit, marginInCoin, tick, healthName],
  );
  const renderTooltip = useCallback(
    ({ active, activeIndex }: TooltipState): ReactNode => {
      const row = active && activeIndex !== undefined && activeIndex !== null ? context.rows[Number(activeIndex)] : undefined;
      return row === undefined ? null : <EquityTooltipBody row={row} context={context} />;
    },
    [context],
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
      { id: 'start', y: startEquity, color: colors.muted, dash: '3 3', className: 'lev-ref lev-ref-start', label: `Start ${formatMoney(startEquity, equityUnit, { coin: equityInCoin })}` },
    ],
    [startEquity, equityUnit, equityInCoin],
  );

  return (
    <ResponsiveContainer width="100%" height="100%" minWidth={0} initialDimension={INITIAL_SIZE} onResize={onResize}>
      <ComposedChart data={rows} margin={chartMargin} title={title} accessibilityLayer>
        <defs>
          <pattern id={hatchId} width={8} height={8} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width={8} height={8} fill={colors.danger} fillOpacity={0.08} />
            <line x1={0} y1={0} x2={0} y2={8} stroke={colors.danger} strokeOpacity={0.35} strokeWidth={2} />
          </pattern>
        </defs>
        <CartesianGrid stroke={colors.grid} strokeDasharray="2 4" vertical={false} />
        <XAxis
          dataKey="price"
          type="number"
          domain={xDomain}
          allowDataOverflow
          ticks={xTicks}
          interval={0}
          stroke={colors.axis}
          tick={renderXTick}
        />
        <YAxis type="number" domain={yScale.domain} ticks={yScale.ticks} interval={0} width={Y_AXIS_WIDTH} stroke={colors.axis} tick={renderYTick} />
        <BandLayer bands={props.bands ?? NO_BANDS} />
        <ZoneLayer zones={shaded} />
        <HorizontalLayer lines={horizontals} />
        <Line dataKey="unleveraged" name="1× holding" type="linear" stroke={colors.unleveraged} strokeWidth={1.5} strokeDasharray="6 3" dot={false} activeDot={false} isAnimationActive={false} className="lev-series lev-series-unleveraged" />
        {overlays.map((overlay) => (
          <Line key={overlay.id} dataKey={overlay.key} name={overlay.name} type="linear" stroke={overlay.color} strokeWidth={1.5} strokeDasharray={overlay.dash} dot={false} activeDot={false} connectNulls={false} isAnimationActive={false} className="lev-series lev-series-scenario" />
        ))}
        <Line dataKey="equity" name="Equity" type="linear" stroke={colors.equity} strokeWidth={2.5} dot={false} activeDot={ACTIVE_DOT} isAnimationActive={false} className="lev-series lev-series-equity" />
        <MarkerLayer markers={verticals} />
        {props.overlay}
        <Tooltip content={renderTooltip} isAnimationActive={false} cursor={CURSOR} />
      </ComposedChart>
    </ResponsiveContainer>
  );
});
