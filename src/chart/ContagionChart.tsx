import { memo, useCallback, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Contagion } from '../model/portfolio';
import { portfolioTick } from '../view/toolbox';
import { priceText } from '../view/display';
import { useFormatter } from '../store/format';
import { innerTicks, niceScale, tickFormatter, valueDomain } from './axes';
import { LABEL_ROW_HEIGHT, MarkerLayer } from './Annotations';
import type { VerticalLine } from './Annotations';
import { INITIAL_SIZE, NARROW_WIDTH } from './EquityChart';
import { RechartsPlot } from './RechartsPlot';
import { colors, scenarioColors, scenarioDashes } from './series';
import type { TooltipState } from './series';
import { xTick, yTick } from './ticks';
import { contagionRows, toolboxColors } from '../toolbox/chart/toolbox';
import type { ContagionRow } from '../toolbox/chart/toolbox';
import './toolbox.css';

export interface ContagionChartProps {
  contagion: Contagion;
  /** Side of the moved position: the account's liquidation price rounds toward its mark, as in the table beside it. */
  side: 'long' | 'short';
  names: readonly string[];
  /** Every position's mark price, in order (the other positions stay there). */
  marks: readonly number[];
  movedPrice: number;
  unit: string;
  coin: boolean;
}

const Y_AXIS_WIDTH = 64;
const SMALL_SIZE = { width: 640, height: 200 } as const;

/** Account equity and total maintenance against the moved asset's price, and every liquidation price moving with it. */
export const ContagionChart = memo(function ContagionChart({ contagion, side, names, marks, movedPrice, unit, coin }: ContagionChartProps): ReactNode {
  const [width, setWidth] = useState<number>(INITIAL_SIZE.width);
  const format = useFormatter();
  const narrow = width < NARROW_WIDTH;
  const rows = useMemo(() => contagionRows(contagion, marks), [contagion, marks]);
  const from = contagion.price[0] ?? 0;
  const to = contagion.price[contagion.price.length - 1] ?? 1;
  // The moved position's mark sets the tick, as in the table and sentence beside the chart, so one price reads one way.
  const tick = portfolioTick(marks[contagion.index] ?? movedPrice);
  const movedName = names[contagion.index] ?? '';
  const others = names.map((name, position) => ({ name, position })).filter((entry) => entry.position !== contagion.index);

  const xTicks = useMemo(() => innerTicks(from, to, narrow ? 4 : 6), [from, to, narrow]);
  const renderXTick = useMemo(() => xTick(tickFormatter(xTicks, format)), [xTicks, format]);
  const money = useMemo(() => {
    const [low, high] = valueDomain(rows, ['equity', 'maintenance'], [0]);
    return niceScale(low, high, narrow ? 4 : 5);
  }, [rows, narrow]);
  const renderMoneyTick = useMemo(() => yTick(tickFormatter(money.ticks, format)), [money, format]);
  const distance = useMemo(() => {
    const keys = others.map((entry): `p${number}` => `p${entry.position}`);
    const [low, high] = valueDomain(rows, keys, [0]);
    return niceScale(low, high, 4);
  }, [rows, others]);
  const renderPercentTick = useMemo(() => {
    const tickText = tickFormatter(distance.ticks, format);
    return yTick((value) => `${tickText(value)} %`);
  }, [distance, format]);

  const verticals = useMemo<VerticalLine[]>(() => {
    const lines: VerticalLine[] = [];
    const liquidation = contagion.accountLiquidationPrice === null ? null : Number(contagion.accountLiquidationPrice);
    if (liquidation !== null && liquidation >= from && liquidation <= to) {
      lines.push({ id: 'account-liquidation', x: liquidation, color: colors.danger, dash: '8 4', strokeWidth: 2, className: 'lev-marker lev-marker-contagion-liquidation', label: narrow ? 'All liq.' : `All liquidated ${priceText('liquidation', liquidation, { tick, side }, format)}`, row: 0 });
    }
    if (movedPrice >= from && movedPrice <= to) {
      lines.push({ id: 'moved', x: movedPrice, color: colors.text, dash: '0', strokeWidth: 1.5, className: 'lev-marker lev-marker-contagion-moved', label: narrow ? movedName : `${movedName} ${format.price(movedPrice, tick)}`, row: 1 });
    }
    return lines;
  }, [contagion.accountLiquidationPrice, movedPrice, from, to, narrow, tick, side, movedName, format]);
  const onResize = useCallback((next: number) => setWidth(next), []);
  const renderTooltip = useCallback(
    ({ active, activeIndex }: TooltipState): ReactNode => {
      const row: ContagionRow | undefined = active && activeIndex !== undefined && activeIndex !== null ? rows[Number(activeIndex)] : undefined;
      if (row === undefined) return null;
      return (
        <div className="lev-tooltip">
          <p className="lev-tooltip-title">
            {movedName} at {format.price(row.price, tick)}
          </p>
          <dl>
            <dt>Account equity</dt>
            <dd>{format.money(row.equity, unit, { coin })}</dd>
            <dt>Total maintenance</dt>
            <dd>{format.money(row.maintenance, unit, { coin })}</dd>
            {others.map((entry) => {
              const value = row[`p${entry.position}`];
              return (
                <TooltipValue key={entry.position} label={`${entry.name} liquidation`} value={value === null || value === undefined ? 'liquidated' : `${format.percent(value / 100, { signed: true })} from mark`} />
              );
            })}
          </dl>
        </div>
      );
    },
    [rows, movedName, tick, unit, coin, others, format],
  );
  const xDomain = useMemo<[number, number]>(() => [from, to], [from, to]);
  const margin = { top: 10 + 2 * LABEL_ROW_HEIGHT, bottom: 4, left: 4, right: narrow ? 16 : 28 };

  return (
    <div className="lev-contagion">
      <div role="figure" aria-label={`Account equity and total maintenance against the price of ${movedName}`} className="lev-figure">
        <div className="lev-plot lev-contagion__plot">
          <ResponsiveContainer width="100%" height="100%" minWidth={0} initialDimension={INITIAL_SIZE} onResize={onResize}>
            <ComposedChart data={rows} margin={margin} title={`Account equity and total maintenance against the price of ${movedName}.`} accessibilityLayer>
              <CartesianGrid stroke={colors.grid} strokeDasharray="2 4" vertical={false} />
              <XAxis dataKey="price" type="number" niceTicks="none" domain={xDomain} allowDataOverflow ticks={xTicks} interval={0} stroke={colors.muted} tick={renderXTick} />
              <YAxis type="number" niceTicks="none" domain={money.domain} ticks={money.ticks} interval={0} width={Y_AXIS_WIDTH} stroke={colors.muted} tick={renderMoneyTick} />
              <Line dataKey="maintenance" name="Total maintenance" type="linear" stroke={toolboxColors.maintenance} strokeWidth={2} strokeDasharray="6 3" dot={false} activeDot={false} isAnimationActive={false} className="lev-series lev-series-maintenance" />
              <Line dataKey="equity" name="Account equity" type="linear" stroke={colors.equity} strokeWidth={2.5} dot={false} activeDot={{ r: 4 }} isAnimationActive={false} className="lev-series lev-series-account-equity" />
              <RechartsPlot>
                <MarkerLayer markers={verticals} />
              </RechartsPlot>
              <Tooltip content={renderTooltip} isAnimationActive={false} cursor={{ stroke: colors.muted, strokeDasharray: '2 2' }} />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
        <ul className="lev-legend" aria-label="Legend">
          <li>
            <Swatch color={colors.equity} dash="0" /> Account equity
          </li>
          <li>
            <Swatch color={toolboxColors.maintenance} dash="6 3" /> Total maintenance (liquidation where the lines meet)
          </li>
        </ul>
      </div>
      {others.length > 0 ? (
        <div role="figure" aria-label={`Every other position’s liquidation price, as a change from its mark, against the price of ${movedName}`} className="lev-figure">
          <div className="lev-plot lev-contagion__plot lev-contagion__plot--small">
            <ResponsiveContainer width="100%" height="100%" minWidth={0} initialDimension={SMALL_SIZE}>
              <ComposedChart data={rows} margin={margin} title={`Other positions’ liquidation prices against the price of ${movedName}.`} accessibilityLayer>
                <CartesianGrid stroke={colors.grid} strokeDasharray="2 4" vertical={false} />
                <XAxis dataKey="price" type="number" niceTicks="none" domain={xDomain} allowDataOverflow ticks={xTicks} interval={0} stroke={colors.muted} tick={renderXTick} />
                <YAxis type="number" niceTicks="none" domain={distance.domain} ticks={distance.ticks} interval={0} width={Y_AXIS_WIDTH} stroke={colors.muted} tick={renderPercentTick} />
                {others.map((entry, order) => (
                  <Line
                    key={entry.position}
                    dataKey={`p${entry.position}`}
                    name={`${entry.name} liquidation`}
                    type="linear"
                    stroke={scenarioColors[order % scenarioColors.length] ?? colors.muted}
                    strokeWidth={2}
                    strokeDasharray={scenarioDashes[order % scenarioDashes.length] ?? '4 4'}
                    dot={false}
                    activeDot={false}
                    connectNulls={false}
                    isAnimationActive={false}
                    className={`lev-series lev-series-contagion-${entry.position}`}
                  />
                ))}
                <RechartsPlot>
                  <MarkerLayer markers={verticals} />
                </RechartsPlot>
                <Tooltip content={renderTooltip} isAnimationActive={false} cursor={{ stroke: colors.muted, strokeDasharray: '2 2' }} />
              </ComposedChart>
            </ResponsiveContainer>
          </div>
          <ul className="lev-legend" aria-label="Legend of the liquidation prices">
            {others.map((entry, order) => (
              <li key={entry.position}>
                <Swatch color={scenarioColors[order % scenarioColors.length] ?? colors.muted} dash={scenarioDashes[order % scenarioDashes.length] ?? '0'} /> {entry.name}: liquidation price, % from its mark (the line ends where the account is liquidated)
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
});

function TooltipValue({ label, value }: { label: string; value: string }): ReactNode {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

function Swatch({ color, dash }: { color: string; dash: string }): ReactNode {
  return (
    <svg className="lev-swatch" width={28} height={10} aria-hidden="true" focusable="false">
      <line x1={1} y1={5} x2={27} y2={5} stroke={color} strokeWidth={2.5} strokeDasharray={dash === '0' ? undefined : dash} />
    </svg>
  );
}
