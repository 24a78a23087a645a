import type { ReactNode } from 'react';
import { ContagionChart } from '../chart';
import '../chart/chart.css';
import { ToolboxPanel } from '../ui';
import type { ContagionSlotProps } from '../ui';

function renderContagion(props: ContagionSlotProps): ReactNode {
  return <ContagionChart {...props} />;
}

/** The toolbox with the chart layer's contagion chart handed in (ui and chart never import each other). */
export function ToolboxSlot(): ReactNode {
  return <ToolboxPanel renderContagion={renderContagion} />;
}
