import type { ReactNode } from 'react';
import type { XAxisTickContentProps, YAxisTickContentProps } from 'recharts';
import { colors } from './series';

/*
 * Plain SVG tick labels. Recharts' default tick is its <Text> component, which measures words in the DOM on
 * every update; axis labels here are short numbers that never wrap.
 */

const toNumber = (value: unknown): number => (typeof value === 'number' ? value : Number(value));

export function xTick(format: (value: number) => string): (props: XAxisTickContentProps) => ReactNode {
  return function XTick({ x, y, payload }: XAxisTickContentProps): ReactNode {
    return (
      <text x={x} y={y} dy="0.71em" textAnchor="middle" fontSize={11} fill={colors.axis} className="lev-tick">
        {format(toNumber(payload.value))}
      </text>
    );
  };
}

export function yTick(format: (value: number) => string): (props: YAxisTickContentProps) => ReactNode {
  return function YTick({ x, y, payload }: YAxisTickContentProps): ReactNode {
    return (
      <text x={x} y={y} dy="0.32em" textAnchor="end" fontSize={11} fill={colors.axis} className="lev-tick">
        {format(toNumber(payload.value))}
      </text>
    );
  };
}
