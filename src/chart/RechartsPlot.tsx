import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { usePlotArea, useXAxisInverseScale, useXAxisScale, useYAxisScale } from 'recharts';
import { PlotProvider } from './plot';
import type { Plot } from './plot';

/**
 * Lets our layers (Annotations) draw inside a recharts chart: provides the plot from recharts' public hooks.
 * Only the lazily loaded charts use it; the equity chart provides its own plot without recharts.
 */
export function RechartsPlot({ children }: { children: ReactNode }): ReactNode {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const inverse = useXAxisInverseScale();
  const area = usePlotArea();
  const plot = useMemo<Plot | null>(() => {
    if (xScale === undefined || yScale === undefined || inverse === undefined || area === undefined) return null;
    return { area, toX: (value) => xScale(value), toY: (value) => yScale(value), fromX: (pixel) => Number(inverse(pixel)) };
  }, [xScale, yScale, inverse, area]);
  return plot === null ? null : <PlotProvider value={plot}>{children}</PlotProvider>;
}
