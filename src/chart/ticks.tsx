import { memo } from 'react';
import type { ReactNode } from 'react';
import type { XAxisTickContentProps, YAxisTickContentProps } from 'recharts';
import { inside, usePlot } from './plot';
import { colors } from './series';

/*
 * Plain SVG tick labels. Recharts' default tick is its <Text> component, which measures words in the DOM on
 * every update; axis labels here are short numbers that never wrap. The recharts charts pass xTick/yTick as
 * their axes' tick content; the equity chart, which owns its frame, draws whole axes with BottomAxis/LeftAxis.
 */

const FONT_SIZE = 11;
/** Length of a tick mark and the gap to its label, as recharts draws them, so every chart's axes look alike. */
const TICK_SIZE = 6;
const TICK_MARGIN = 2;
const LABEL_OFFSET = TICK_SIZE + TICK_MARGIN;

const toNumber = (value: unknown): number => (typeof value === 'number' ? value : Number(value));

function TickLabel({ x, y, horizontal, text }: { x: number | string; y: number | string; horizontal: boolean; text: string }): ReactNode {
  return (
    <text x={x} y={y} dy={horizontal ? '0.71em' : '0.32em'} textAnchor={horizontal ? 'middle' : 'end'} fontSize={FONT_SIZE} fill={colors.axis} className="lev-tick">
      {text}
    </text>
  );
}

export function xTick(format: (value: number) => string): (props: XAxisTickContentProps) => ReactNode {
  return function XTick({ x, y, payload }: XAxisTickContentProps): ReactNode {
    return <TickLabel x={x} y={y} horizontal text={format(toNumber(payload.value))} />;
  };
}

export function yTick(format: (value: number) => string): (props: YAxisTickContentProps) => ReactNode {
  return function YTick({ x, y, payload }: YAxisTickContentProps): ReactNode {
    return <TickLabel x={x} y={y} horizontal={false} text={format(toNumber(payload.value))} />;
  };
}

interface AxisProps {
  ticks: readonly number[];
  format: (value: number) => string;
}

/** The price axis under the plot: its line, a mark and a label at each tick inside the plot. */
export const BottomAxis = memo(function BottomAxis({ ticks, format }: AxisProps): ReactNode {
  const plot = usePlot();
  if (plot === null) return null;
  const { area, toX } = plot;
  const y = area.y + area.height;
  return (
    <g className="lev-axis lev-axis-x">
      <line x1={area.x} x2={area.x + area.width} y1={y} y2={y} stroke={colors.axis} />
      {ticks.map((tick) => {
        const x = toX(tick);
        if (x === undefined || !inside(x, area.x, area.width)) return null;
        return (
          <g key={tick}>
            <line x1={x} x2={x} y1={y} y2={y + TICK_SIZE} stroke={colors.axis} />
            <TickLabel x={x} y={y + LABEL_OFFSET} horizontal text={format(tick)} />
          </g>
        );
      })}
    </g>
  );
});

/** The value axis left of the plot. */
export const LeftAxis = memo(function LeftAxis({ ticks, format }: AxisProps): ReactNode {
  const plot = usePlot();
  if (plot === null) return null;
  const { area, toY } = plot;
  const x = area.x;
  return (
    <g className="lev-axis lev-axis-y">
      <line x1={x} x2={x} y1={area.y} y2={area.y + area.height} stroke={colors.axis} />
      {ticks.map((tick) => {
        const y = toY(tick);
        if (y === undefined || !inside(y, area.y, area.height)) return null;
        return (
          <g key={tick}>
            <line x1={x - TICK_SIZE} x2={x} y1={y} y2={y} stroke={colors.axis} />
            <TickLabel x={x - LABEL_OFFSET} y={y} horizontal={false} text={format(tick)} />
          </g>
        );
      })}
    </g>
  );
});
