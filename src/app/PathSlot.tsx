import type { ReactNode } from 'react';
// Direct module imports: this slot is loaded lazily and brings the simulation, the panel and its charts with it.
import { PathCharts } from '../chart/PathCharts';
import '../chart/chart.css';
import { PathPanel } from '../ui/PathPanel';
import type { PathChartsSlotProps } from '../ui/PathPanel';

function renderCharts(props: PathChartsSlotProps): ReactNode {
  return <PathCharts {...props} />;
}

/** The price-path panel with the chart layer's charts handed in (ui and chart never import each other). */
export function PathSlot(): ReactNode {
  return <PathPanel renderCharts={renderCharts} />;
}
