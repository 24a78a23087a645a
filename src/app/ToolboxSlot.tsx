import type { ReactNode } from 'react';
// Direct module imports, not the barrels: this slot is loaded lazily and brings the toolbox with it.
import { ContagionChart } from '../chart/ContagionChart';
import '../chart/chart.css';
import { ToolboxPanel } from '../toolbox/ui/ToolboxPanel';
import type { ContagionSlotProps } from '../toolbox/ui/PortfolioPanel';

function renderContagion(props: ContagionSlotProps): ReactNode {
  return <ContagionChart {...props} />;
}

/** The toolbox with the chart layer's contagion chart handed in (ui and chart never import each other). */
export function ToolboxSlot(): ReactNode {
  return <ToolboxPanel renderContagion={renderContagion} />;
}
