import { memo, useMemo, useRef } from 'react';
import type { ReactNode } from 'react';
import { useFormatter } from '../store/format';
import { niceScale, tickFormatter, innerTicks } from './axes';
import { GridLayer } from './Annotations';
import { useElementSize } from './EquityChart';
import { linearScale, PlotProvider } from './plot';
import type { Plot, PlotArea } from './plot';
import { colors, linePath, scenarioColors } from './series';
import { BottomAxis, LeftAxis } from './ticks';
import { priceRange, stepHoursOf, tokenLines } from '../view/path';
import type { PathChartsData } from '../view/path';

/*
 * The path panel's two charts, plain SVG in the equity chart's style: the price over time with the fan of paths and
 * the liquidation price, and the leveraged token beside the fixed-size position on the same prices. Both draw the
 * played steps only, on axes fitted to the whole horizon, so nothing moves but the path.
 */

const MARGIN = { left: 64, right: 16, top: 12, bottom: 34 } as const;
const FAN_OPACITY = 0.14;
/** The fixed-size position beside the token: the first scenario colour, apart from the token's accent. */
const FIXED_COLOR = scenarioColors[0] ?? colors.equity;

function usePlotFor(width: number, height: number, xDomain: readonly [number, number], yDomain: readonly [number, number]): Plot {
  return useMemo(() => {
    const area: PlotArea = { x: MARGIN.left, y: MARGIN.top, width: Math.max(1, width - MARGIN.left - MARGIN.right), height: Math.max(1, height - MARGIN.top - MARGIN.bottom) };
    const x = linearScale(xDomain, [area.x, area.x + area.width]);
    const y = linearScale(yDomain, [area.y + area.height, area.y]);
    return { area, toX: x.scale, toY: y.scale, fromX: x.invert };
  }, [width, height, xDomain, yDomain]);
}

function Frame({ label, children }: { label: string; children: (size: { width: number; height: number }) => ReactNode }): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  const size = useElementSize(ref);
  return (
    <div ref={ref} className="lev-path-chart">
      <svg width={size.width} height={size.height} viewBox={`0 0 ${size.width} ${size.height}`} role="img" aria-label={label}>
        {children(size)}
      </svg>
    </div>
  );
}

function AxisTitle({ plot, text }: { plot: Plot; text: string }): ReactNode {
  return (
    <text x={plot.area.x + plot.area.width} y={plot.area.y + plot.area.height + 30} textAnchor="end" fontSize={11} fill={colors.muted}>
      {text}
    </text>
  );
}

function PriceChart({ data, width, height }: { data: PathChartsData; width: number; height: number }): ReactNode {
  const format = useFormatter();
  const { path, step, fan } = data;
  const hours = useMemo(() => stepHoursOf(path), [path]);
  const [low, high] = useMemo(() => priceRange({ path, fan }), [path, fan]);
  const yScale = useMemo(() => niceScale(low, high, 5), [low, high]);
  const xDomain = useMemo<[number, number]>(() => [0, path.terms.hours], [path.terms.hours]);
  const plot = usePlotFor(width, height, xDomain, yScale.domain);
  const xTicks = useMemo(() => innerTicks(0, path.terms.hours / 24, width < 480 ? 4 : 7).map((day) => day * 24), [path.terms.hours, width]);
  const formatY = useMemo(() => tickFormatter(yScale.ticks, format), [yScale.ticks, format]);
  const fanLines = useMemo(() => (fan === null ? [] : fan.paths.map((prices) => linePath(hours, prices, plot.toX, plot.toY))), [fan, hours, plot]);
  const barrier = useMemo(() => (fan === null ? '' : linePath(hours, fan.barrier, plot.toX, plot.toY)), [fan, hours, plot]);
  const played = path.points.slice(0, step + 1);
  const playedLine = linePath(
    played.map((point) => point.hours),
    played.map((point) => Number(point.price)),
    plot.toX,
    plot.toY,
  );
  const current = played[played.length - 1];
  return (
    <PlotProvider value={plot}>
      <GridLayer ticks={yScale.ticks} color={colors.grid} />
      <g className="lev-path-fan" stroke={colors.fan} strokeOpacity={FAN_OPACITY} fill="none">
        {fanLines.map((line, index) => (
          <path key={index} d={line} />
        ))}
      </g>
      {barrier === '' ? null : <path className="lev-path-barrier" d={barrier} fill="none" stroke={colors.danger} strokeWidth={1.5} strokeDasharray="6 3" />}
      <path className="lev-path-played" d={playedLine} fill="none" stroke="var(--lev-accent)" strokeWidth={2} />
      {current === undefined ? null : (
        <circle cx={plot.toX(current.hours)} cy={plot.toY(Number(current.price))} r={current.state === 'liquidated' ? 6 : 4.5} fill={current.state === 'liquidated' ? colors.danger : 'var(--lev-accent)'} stroke={colors.bg} strokeWidth={1.5} />
      )}
      <BottomAxis ticks={xTicks} format={(value) => format.number(value / 24, { digits: 0 })} />
      <LeftAxis ticks={yScale.ticks} format={formatY} />
      <AxisTitle plot={plot} text={`Day · price (${data.quote})`} />
    </PlotProvider>
  );
}

function TokenChart({ data, width, height }: { data: PathChartsData; width: number; height: number }): ReactNode {
  const format = useFormatter();
  const { path, step, token } = data;
  const hours = useMemo(() => stepHoursOf(path), [path]);
  const lines = useMemo(() => (token === null ? null : tokenLines(path, token)), [path, token]);
  const yScale = useMemo(() => {
    if (lines === null) return niceScale(0, 1, 4);
    const all = [...lines.price, ...lines.fixed, ...lines.token];
    return niceScale(Math.min(...all), Math.max(...all), 5);
  }, [lines]);
  const xDomain = useMemo<[number, number]>(() => [0, path.terms.hours], [path.terms.hours]);
  const plot = usePlotFor(width, height, xDomain, yScale.domain);
  const xTicks = useMemo(() => innerTicks(0, path.terms.hours / 24, width < 480 ? 4 : 7).map((day) => day * 24), [path.terms.hours, width]);
  const formatY = useMemo(() => tickFormatter(yScale.ticks, format), [yScale.ticks, format]);
  if (lines === null) return null;
  // The token lives on after the position's liquidation: its chart plays to the step shown, or to the end once the path is over.
  const upTo = step >= path.points.length - 1 && path.liquidatedAt !== null ? hours.length - 1 : step;
  const shown = hours.slice(0, upTo + 1);
  const draw = (values: readonly number[]): string => linePath(shown, values.slice(0, upTo + 1), plot.toX, plot.toY);
  return (
    <PlotProvider value={plot}>
      <GridLayer ticks={yScale.ticks} color={colors.grid} />
      <path className="lev-path-price" d={draw(lines.price)} fill="none" stroke={colors.unleveraged} strokeWidth={1.5} strokeDasharray="2 3" />
      <path className="lev-path-token" d={draw(lines.token)} fill="none" stroke="var(--lev-accent)" strokeWidth={2.5} />
      {/* Dashed over the solid token line: where the two agree (a trending market), both stay visible. */}
      <path className="lev-path-fixed" d={draw(lines.fixed)} fill="none" stroke={FIXED_COLOR} strokeWidth={2} strokeDasharray="8 4" />
      <BottomAxis ticks={xTicks} format={(value) => format.number(value / 24, { digits: 0 })} />
      <LeftAxis ticks={yScale.ticks} format={formatY} />
      <AxisTitle plot={plot} text="Day · value of 100 at the start" />
    </PlotProvider>
  );
}

function Swatch({ color, dash }: { color: string; dash: string }): ReactNode {
  return (
    <svg className="lev-swatch" width={28} height={10} aria-hidden="true" focusable="false">
      <line x1={1} y1={5} x2={27} y2={5} stroke={color} strokeWidth={2.5} strokeDasharray={dash === '0' ? undefined : dash} />
    </svg>
  );
}

/** The price over time (with the fan) and the token comparison; handed to the path panel by the page. */
export const PathCharts = memo(function PathCharts({ data, priceLabel, tokenLabel }: { data: PathChartsData; priceLabel: string; tokenLabel: string }): ReactNode {
  const times = `${data.tokenLeverage}×`;
  return (
    <div className="lev-path-charts">
      <figure className="lev-path-figure">
        <figcaption>Price over time{data.fan === null ? '' : `, with ${data.fan.count} paths of the same market`}</figcaption>
        <Frame label={priceLabel}>{(size) => <PriceChart data={data} width={size.width} height={size.height} />}</Frame>
        <ul className="lev-legend" aria-label="Price chart legend">
          <li>
            <Swatch color="var(--lev-accent)" dash="0" /> Played path
          </li>
          {data.fan === null ? null : (
            <>
              <li>
                <Swatch color={colors.fan} dash="0" /> Other paths (faint)
              </li>
              <li>
                <Swatch color={colors.danger} dash="6 3" /> Liquidation price (moves with carry)
              </li>
            </>
          )}
        </ul>
      </figure>
      {data.token === null ? null : (
        <figure className="lev-path-figure">
          <figcaption>
            {times} token (rebalanced daily) beside a fixed-size {times} position
          </figcaption>
          <Frame label={tokenLabel}>{(size) => <TokenChart data={data} width={size.width} height={size.height} />}</Frame>
          <ul className="lev-legend" aria-label="Token chart legend">
            <li>
              <Swatch color="var(--lev-accent)" dash="0" /> {times} token, rebalanced daily
            </li>
            <li>
              <Swatch color={FIXED_COLOR} dash="8 4" /> Fixed-size {times} position
            </li>
            <li>
              <Swatch color={colors.unleveraged} dash="2 3" /> The price (1×)
            </li>
          </ul>
        </figure>
      )}
    </div>
  );
});
