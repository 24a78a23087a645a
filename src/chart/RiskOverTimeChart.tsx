import { memo, useCallback, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PositionSpec, ValidAnalysis } from '../model/types';
import type { Formatter } from '../config/format';
import { useFormatter } from '../store/format';
import { priceText } from '../view/display';
import { innerTicks, niceScale, tickFormatter, valueDomain } from './axes';
import { riskPathPlan } from './risk';
import type { RiskPathPlan, RiskPathRow } from './risk';
import { colors } from './series';
import type { TooltipState } from './series';
import { xTick, yTick } from './ticks';

const SIZE = { width: 640, height: 200 } as const;
const NARROW_WIDTH = 480;
const AXIS_WIDTH = 60;
const LIQUIDATION_DASH = '8 4';
// Hoisted: recharts compares these props by reference and re-registers its settings when they are new objects.
const CHART_MARGIN = { top: 10, bottom: 4, left: 0, right: 0 } as const;
const ACTIVE_DOT = { r: 3 } as const;
const CURSOR = { stroke: colors.muted, strokeDasharray: '2 2' } as const;

export interface RiskPathChartProps {
  plan: RiskPathPlan;
  tick: string;
  quoteUnit: string;
  marginUnit: string;
  marginInCoin: boolean;
  title: string;
}

function timeLabel(plan: RiskPathPlan, row: RiskPathRow, format: Formatter): string {
  return plan.timeUnit === 'd' ? `Day ${format.number(row.time, { digits: 2 })}` : `Hour ${format.number(row.time, { digits: 1 })}`;
}

/** Liquidation price (left axis) and equity at a flat price (right axis) against time over the holding period. */
export const RiskPathChart = memo(function RiskPathChart({ plan, tick, quoteUnit, marginUnit, marginInCoin, title }: RiskPathChartProps): ReactNode {
  const [width, setWidth] = useState<number>(SIZE.width);
  const format = useFormatter();
  const narrow = width < NARROW_WIDTH;
  const onResize = useCallback((next: number) => setWidth(next), []);
  const end = plan.rows[plan.rows.length - 1]?.time ?? 1;
  const xDomain = useMemo<[number, number]>(() => [0, end > 0 ? end : 1], [end]);
  const xTicks = useMemo(() => innerTicks(0, end > 0 ? end : 1, narrow ? 4 : 7), [end, narrow]);
  const priceScale = useMemo(() => {
    const [low, high] = valueDomain(plan.rows, ['liquidation']);
    return niceScale(low, high, 4);
  }, [plan.rows]);
  const equityScale = useMemo(() => {
    const [low, high] = valueDomain(plan.rows, ['equity']);
    return niceScale(low, high, 4);
  }, [plan.rows]);
  const renderXTick = useMemo(() => {
    const timeTick = tickFormatter(xTicks, format);
    return xTick((value: number) => `${timeTick(value)} ${plan.timeUnit}`);
  }, [xTicks, plan.timeUnit, format]);
  const renderPriceTick = useMemo(() => yTick(tickFormatter(priceScale.ticks, format)), [priceScale, format]);
  const equityFormat = useMemo(() => tickFormatter(equityScale.ticks, format), [equityScale, format]);
  const renderEquityTick = useCallback(
    ({ x, y, payload }: { x: number | string; y: number | string; payload: { value: unknown } }): ReactNode => (
      <text x={x} y={y} dy="0.32em" dx={4} textAnchor="start" fontSize={11} fill={colors.muted} className="lev-tick">
        {equityFormat(typeof payload.value === 'number' ? payload.value : Number(payload.value))}
      </text>
    ),
    [equityFormat],
  );
  const renderTooltip = useCallback(
    ({ active, activeIndex }: TooltipState): ReactNode => {
      const row = active && activeIndex !== undefined && activeIndex !== null ? plan.rows[Number(activeIndex)] : undefined;
      if (row === undefined) return null;
      return (
        <div className="lev-tooltip">
          <p className="lev-tooltip-title">{timeLabel(plan, row, format)}</p>
          <dl>
            <dt>Liquidation price</dt>
            <dd>{row.liquidation === null ? 'none' : `${priceText('liquidation', row.liquidation, { tick, side: plan.side }, format)} ${quoteUnit}`}</dd>
            <dt>Equity at a flat price</dt>
            <dd>{format.money(row.equity, marginUnit, { coin: marginInCoin })}</dd>
          </dl>
        </div>
      );
    },
    [plan, tick, quoteUnit, marginUnit, marginInCoin, format],
  );
  const curve = plan.step ? 'stepAfter' : 'linear';
  return (
    <ResponsiveContainer width="100%" height="100%" minWidth={0} initialDimension={SIZE} onResize={onResize}>
      <ComposedChart data={plan.rows} margin={CHART_MARGIN} title={title} accessibilityLayer>
        <CartesianGrid stroke={colors.grid} strokeDasharray="2 4" vertical={false} yAxisId="price" />
        <XAxis dataKey="time" type="number" niceTicks="none" domain={xDomain} ticks={xTicks} interval={0} stroke={colors.muted} tick={renderXTick} />
        <YAxis yAxisId="price" type="number" niceTicks="none" domain={priceScale.domain} ticks={priceScale.ticks} interval={0} width={AXIS_WIDTH} stroke={colors.danger} tick={renderPriceTick} />
        <YAxis yAxisId="equity" orientation="right" type="number" niceTicks="none" domain={equityScale.domain} ticks={equityScale.ticks} interval={0} width={AXIS_WIDTH} stroke={colors.equity} tick={renderEquityTick} />
        <Line yAxisId="equity" dataKey="equity" name="Equity at a flat price" type={curve} stroke={colors.equity} strokeWidth={2} dot={false} activeDot={ACTIVE_DOT} isAnimationActive={false} className="lev-series lev-series-path-equity" />
        <Line
          yAxisId="price"
          dataKey="liquidation"
          name="Liquidation price"
          type={curve}
          stroke={colors.danger}
          strokeWidth={2}
          strokeDasharray={LIQUIDATION_DASH}
          dot={false}
          activeDot={ACTIVE_DOT}
          connectNulls={false}
          isAnimationActive={false}
          className="lev-series lev-series-path-liquidation"
        />
        <Tooltip content={renderTooltip} isAnimationActive={false} cursor={CURSOR} />
      </ComposedChart>
    </ResponsiveContainer>
  );
});

export interface RiskOverTimeProps {
  analysis: ValidAnalysis;
  spec: PositionSpec;
  tick: string;
  quoteUnit: string;
  coinUnit: string;
  idBase: string;
}

function Swatch({ color, dash }: { color: string; dash?: string }): ReactNode {
  return (
    <svg className="lev-swatch" width={28} height={10} aria-hidden="true" focusable="false">
      <line x1={1} y1={5} x2={27} y2={5} stroke={color} strokeWidth={2.5} strokeDasharray={dash} />
    </svg>
  );
}

/**
 * The holding period section: the small chart, its legend and its summary in words. Nothing without a holding
 * period. Memoized: zoom, tab and unit changes in the panel do not recompute the path.
 */
export const RiskOverTime = memo(function RiskOverTime({ analysis, spec, tick, quoteUnit, coinUnit, idBase }: RiskOverTimeProps): ReactNode {
  const format = useFormatter();
  const plan = useMemo(() => riskPathPlan(analysis, spec, { tick, quoteUnit, coinUnit }, format), [analysis, spec, tick, quoteUnit, coinUnit, format]);
  if (plan === null) return null;
  const coin = analysis.marginCurrency === 'coin';
  const marginUnit = coin ? coinUnit : quoteUnit;
  const summaryId = `${idBase}-path-summary`;
  const headingId = `${idBase}-path-heading`;
  return (
    <section className="lev-risk-path" aria-labelledby={headingId}>
      <h3 id={headingId} className="lev-risk-path__title">
        Liquidation price over the holding period
      </h3>
      <div role="figure" aria-label={`Liquidation price in ${quoteUnit} and equity at a flat price in ${marginUnit} against time in ${plan.timeUnit === 'd' ? 'days' : 'hours'}`} aria-describedby={summaryId} className="lev-figure">
        <div className="lev-risk-plot">
          <RiskPathChart plan={plan} tick={tick} quoteUnit={quoteUnit} marginUnit={marginUnit} marginInCoin={coin} title="Liquidation price and equity at a flat price over the holding period." />
        </div>
        <ul className="lev-legend" aria-label="Legend of the holding-period chart">
          <li>
            <Swatch color={colors.danger} dash={LIQUIDATION_DASH} /> Liquidation price ({quoteUnit}, left axis)
          </li>
          <li>
            <Swatch color={colors.equity} /> Equity at a flat price ({marginUnit}, right axis)
          </li>
        </ul>
      </div>
      <p id={summaryId} className="lev-summary" data-result="riskPathSummary">
        {plan.summary}
      </p>
    </section>
  );
});
