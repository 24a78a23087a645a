import { memo, useCallback, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Formatter } from '../config/format';
import { useFormatter } from '../store/format';
import { innerTicks, tickFormatter } from './axes';
import { DotLayer, HorizontalLayer, LABEL_ROW_HEIGHT, MarkerLayer } from './Annotations';
import type { EndDot, HorizontalLine, VerticalLine } from './Annotations';
import { INITIAL_SIZE, NARROW_WIDTH } from './EquityChart';
import { RechartsPlot } from './RechartsPlot';
import { colors, dashProps, estimateLabelWidth, fanValueDomain, priceToPixel, staggerLabels } from './series';
import { xTick, yTick } from './ticks';
import type { AmplificationFan, EquityRow, FanLine, Marker, PriceDomain, TooltipState } from './series';

const Y_AXIS_WIDTH = 56;
const percentTicks = (ticks: readonly number[], format: Formatter): ((value: number) => string) => {
  const tickText = tickFormatter(ticks, format);
  return (value: number) => `${tickText(value)} %`;
};

function fanOpacity(line: FanLine, lines: readonly FanLine[]): number {
  if (line.current) return 1;
  const rank = lines.indexOf(line);
  return 0.45 + (0.5 * (rank + 1)) / Math.max(1, lines.length);
}

function FanValue({ label, value }: { label: string; value: string }): ReactNode {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

export interface FanChartProps {
  fan: AmplificationFan;
  long: boolean;
  title: string;
}

/** ROE against price move for several leverages; each line stops at its own liquidation dot. */
export const FanChart = memo(function FanChart({ fan, long, title }: FanChartProps): ReactNode {
  const [width, setWidth] = useState<number>(INITIAL_SIZE.width);
  const format = useFormatter();
  const narrow = width < NARROW_WIDTH;
  const yScale = useMemo(() => {
    const domain = fanValueDomain(fan);
    return { domain, ticks: innerTicks(domain[0], domain[1], narrow ? 4 : 6) };
  }, [fan, narrow]);
  const xTicks = useMemo(() => innerTicks(-fan.span, fan.span, narrow ? 4 : 8), [fan.span, narrow]);
  const fanDomain = useMemo<[number, number]>(() => [-fan.span, fan.span], [fan.span]);
  const renderXTick = useMemo(() => xTick(percentTicks(xTicks, format)), [xTicks, format]);
  const renderYTick = useMemo(() => yTick(percentTicks(yScale.ticks, format)), [yScale, format]);
  const dots = useMemo<EndDot[]>(() => {
    const ends = fan.lines.filter((line) => line.endChange !== null && line.endRoe !== null);
    const plotWidth = Math.max(1, width - Y_AXIS_WIDTH - 20);
    const span = { from: -fan.span, to: fan.span };
    // The caption says the dots are liquidation points; the labels only name the leverage.
    const labelOf = (line: FanLine): string => (narrow ? line.label.replace(' (yours)', '') : line.label);
    // Labels sit above their dot; close dots get stacked rows so their labels never overlap.
    const rows = staggerLabels(ends.map((line) => ({ x: priceToPixel(line.endChange ?? 0, span, plotWidth), width: estimateLabelWidth(labelOf(line)) })));
    return ends.map((line, index) => ({
      id: line.key,
      x: line.endChange ?? 0,
      y: line.endRoe ?? 0,
      color: line.current ? colors.equity : colors.fan,
      className: `lev-fan-end lev-fan-end-${line.key}`,
      label: labelOf(line),
      row: rows[index] ?? 0,
    }));
  }, [fan, width, narrow]);
  const references = useMemo<HorizontalLine[]>(
    () => [
      { id: 'zero', y: 0, color: colors.text, dash: '0', className: 'lev-ref lev-ref-zero' },
      { id: 'wiped', y: -100, color: colors.danger, dash: '2 3', className: 'lev-ref lev-ref-wipeout', label: '−100 %: margin gone', labelAt: long ? 'right' : 'left' },
    ],
    [long],
  );
  const renderTooltip = useCallback(
    ({ active, activeIndex }: TooltipState): ReactNode => {
      const row = active && activeIndex !== undefined && activeIndex !== null ? fan.rows[Number(activeIndex)] : undefined;
      if (row === undefined) return null;
      return (
        <div className="lev-tooltip">
          <p className="lev-tooltip-title">Price move {format.percent(row.change / 100, { signed: true })}</p>
          <dl>
            {fan.lines.map((line) => {
              const roe = row[line.key];
              return <FanValue key={line.key} label={line.label} value={roe === undefined || roe === null ? 'liquidated' : `ROE ${format.percent(roe / 100, { signed: true })}`} />;
            })}
          </dl>
        </div>
      );
    },
    [fan, format],
  );
  const onResize = useCallback((nextWidth: number) => setWidth(nextWidth), []);
  return (
    <ResponsiveContainer width="100%" height="100%" minWidth={0} initialDimension={INITIAL_SIZE} onResize={onResize}>
      <ComposedChart data={fan.rows} margin={{ top: 12, right: 28, bottom: 4, left: 4 }} title={title} accessibilityLayer>
        <CartesianGrid stroke={colors.grid} strokeDasharray="2 4" vertical={false} />
        <XAxis dataKey="change" type="number" niceTicks="none" domain={fanDomain} allowDataOverflow ticks={xTicks} interval={0} stroke={colors.axis} tick={renderXTick} />
        <YAxis type="number" niceTicks="none" domain={yScale.domain} ticks={yScale.ticks} interval={0} allowDataOverflow width={Y_AXIS_WIDTH} stroke={colors.axis} tick={renderYTick} />
        <RechartsPlot>
          <HorizontalLayer lines={references} />
        </RechartsPlot>
        {fan.lines.map((line) => (
          <Line
            key={line.key}
            dataKey={line.key}
            name={line.label}
            type="linear"
            stroke={line.current ? colors.equity : colors.fan}
            strokeOpacity={fanOpacity(line, fan.lines)}
            strokeWidth={line.current ? 2.5 : 1.5}
            {...dashProps(line.dash)}
            dot={false}
            activeDot={false}
            connectNulls={false}
            isAnimationActive={false}
            className={`lev-series lev-fan-line${line.current ? ' lev-fan-current' : ''}`}
          />
        ))}
        <RechartsPlot>
          <DotLayer dots={dots} />
        </RechartsPlot>
        <Tooltip content={renderTooltip} isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
});

export interface LeverageChartProps {
  rows: readonly EquityRow[];
  domain: PriceDomain;
  markers: readonly Marker[];
  cap: number;
  atEntry: number;
  tick: string;
  title: string;
}

/** Effective leverage against price: it runs away near bankruptcy, so the axis is capped. */
export const LeverageChart = memo(function LeverageChart({ rows, domain, markers, cap, atEntry, tick, title }: LeverageChartProps): ReactNode {
  const [width, setWidth] = useState<number>(INITIAL_SIZE.width);
  const format = useFormatter();
  const narrow = width < NARROW_WIDTH;
  const verticals = useMemo<VerticalLine[]>(() => {
    const shown = markers.filter((marker) => marker.kind === 'entry' || marker.kind === 'liquidation' || marker.kind === 'bankruptcy');
    const plotWidth = Math.max(1, width - Y_AXIS_WIDTH - 20);
    const label = (marker: Marker): string => (narrow ? marker.shortLabel : marker.label);
    const rows = staggerLabels(shown.map((marker) => ({ x: priceToPixel(marker.price, domain, plotWidth), width: estimateLabelWidth(label(marker)) })));
    return shown.map((marker, index) => ({
      id: marker.id,
      x: marker.price,
      color: marker.color,
      dash: marker.dash,
      strokeWidth: 1.5,
      className: marker.className,
      label: label(marker),
      row: rows[index] ?? 0,
    }));
  }, [markers, domain, width, narrow]);
  const rowCount = verticals.reduce((max, marker) => Math.max(max, marker.row + 1), 1);
  const references = useMemo<HorizontalLine[]>(
    () => [{ id: 'entry-leverage', y: atEntry, color: colors.muted, dash: '3 3', className: 'lev-ref lev-ref-start', label: `At entry ${format.times(atEntry)}` }],
    [atEntry, format],
  );
  const xTicks = useMemo(() => innerTicks(domain.from, domain.to, narrow ? 4 : 6), [domain.from, domain.to, narrow]);
  const xDomain = useMemo<[number, number]>(() => [domain.from, domain.to], [domain.from, domain.to]);
  const renderXTick = useMemo(() => xTick(tickFormatter(xTicks, format)), [xTicks, format]);
  const yTicks = useMemo(() => innerTicks(0, cap, narrow ? 4 : 5), [cap, narrow]);
  const yDomain = useMemo<[number, number]>(() => [0, cap], [cap]);
  const renderYTick = useMemo(() => yTick((value: number) => format.times(value, { digits: 0 })), [format]);
  const renderTooltip = useCallback(
    ({ active, activeIndex }: TooltipState): ReactNode => {
      const row = active && activeIndex !== undefined && activeIndex !== null ? rows[Number(activeIndex)] : undefined;
      if (row === undefined) return null;
      return (
        <div className="lev-tooltip">
          <p className="lev-tooltip-title">
            Price {format.price(row.price, tick)} ({format.percent(row.change, { signed: true })})
          </p>
          <p>Effective leverage {row.leverage === null ? 'none left (equity ≤ 0)' : format.times(row.leverage)}</p>
        </div>
      );
    },
    [rows, tick, format],
  );
  const onResize = useCallback((nextWidth: number) => setWidth(nextWidth), []);
  return (
    <ResponsiveContainer width="100%" height="100%" minWidth={0} initialDimension={INITIAL_SIZE} onResize={onResize}>
      <ComposedChart data={rows} margin={{ top: 10 + rowCount * LABEL_ROW_HEIGHT, right: 28, bottom: 4, left: 4 }} title={title} accessibilityLayer>
        <CartesianGrid stroke={colors.grid} strokeDasharray="2 4" vertical={false} />
        <XAxis dataKey="price" type="number" niceTicks="none" domain={xDomain} allowDataOverflow ticks={xTicks} interval={0} stroke={colors.axis} tick={renderXTick} />
        <YAxis type="number" niceTicks="none" domain={yDomain} ticks={yTicks} interval={0} allowDataOverflow width={Y_AXIS_WIDTH} stroke={colors.axis} tick={renderYTick} />
        <RechartsPlot>
          <HorizontalLayer lines={references} />
        </RechartsPlot>
        <Line dataKey="leverage" name="Effective leverage" type="linear" stroke={colors.equity} strokeWidth={2} dot={false} activeDot={{ r: 3 }} connectNulls={false} isAnimationActive={false} className="lev-series lev-series-leverage" />
        <RechartsPlot>
          <MarkerLayer markers={verticals} />
        </RechartsPlot>
        <Tooltip content={renderTooltip} isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
});
