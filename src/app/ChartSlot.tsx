import { useId } from 'react';
import type { ReactNode } from 'react';
import { ChartPanel } from '../chart/ChartPanel';
import '../chart/chart.css';

/** The chart layer's panel inside a page section with its own heading. */
export function ChartSlot(): ReactNode {
  const headingId = useId();
  return (
    <section className="lev-panel lev-chart-section" aria-labelledby={headingId}>
      {/* The chart's tabs name what is drawn; the section's heading is there for screen readers. */}
      <h2 id={headingId} className="lev-visually-hidden">
        Chart
      </h2>
      <ChartPanel />
    </section>
  );
}
