import { useCallback, useEffect, useId, useRef } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { toolTabs } from '../../view/toolbox';
import type { ToolTab } from '../../view/toolbox';
import { useCalculator, useSelectors, useView } from '../../store/context';
import { PortfolioTab } from './PortfolioPanel';
import type { ContagionRenderer } from './PortfolioPanel';
import { useToolContext } from './parts';
import { AverageTab, ExitTab, MaxOpenTab, RiskTab, TargetTab } from './tabs';
// The stylesheet stays with the ui's styles (src/ui/toolbox/), where the theme tokens are edited.
import '../../ui/toolbox/toolbox.css';

export const toolTabLabels: Record<ToolTab, string> = {
  exit: 'Exit price → PnL',
  target: 'Target ROE → price',
  average: 'Average entry (DCA)',
  maxOpen: 'Max open & brackets',
  risk: 'Size by risk',
  portfolio: 'Cross-margin portfolio',
};

export interface ToolboxPanelProps {
  /** Draws the contagion chart (the chart layer's ContagionChart); without it the figures are shown alone. */
  renderContagion?: ContagionRenderer;
}

/** The trader's toolbox: every exchange-calculator tab, plus sizing by risk and a cross-margin portfolio. */
export function ToolboxPanel({ renderContagion }: ToolboxPanelProps): ReactNode {
  const headingId = useId();
  const baseId = useId();
  const tab = useCalculator((state) => state.toolTab);
  const setTab = useCalculator((state) => state.setToolTab);
  const open = useView(useSelectors().selectOpenTool);
  const context = useToolContext();
  const listRef = useRef<HTMLDivElement>(null);
  const setShown = useCalculator((state) => state.setToolboxShown);
  useEffect(() => {
    setShown(true);
    return () => setShown(false);
  }, [setShown]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLButtonElement>) => {
      const index = toolTabs.indexOf(tab);
      const step = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 0;
      const target = event.key === 'Home' ? toolTabs[0] : event.key === 'End' ? toolTabs[toolTabs.length - 1] : step !== 0 ? toolTabs[(index + step + toolTabs.length) % toolTabs.length] : undefined;
      if (target === undefined) return;
      event.preventDefault();
      setTab(target);
      listRef.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[toolTabs.indexOf(target)]?.focus();
    },
    [tab, setTab],
  );

  return (
    <section className="lev-panel lev-toolbox" aria-labelledby={headingId}>
      <h2 id={headingId} className="lev-panel__title">
        Trader’s toolbox
      </h2>
      <div role="tablist" aria-label="Toolbox tools" className="lev-toolbox__tabs" ref={listRef}>
        {toolTabs.map((candidate) => (
          <button
            key={candidate}
            type="button"
            role="tab"
            id={`${baseId}-tab-${candidate}`}
            aria-selected={tab === candidate}
            aria-controls={`${baseId}-panel`}
            tabIndex={tab === candidate ? 0 : -1}
            className="lev-toolbox__tab"
            onClick={() => setTab(candidate)}
            onKeyDown={onKeyDown}
          >
            {toolTabLabels[candidate]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${baseId}-panel`} aria-labelledby={`${baseId}-tab-${tab}`} className="lev-toolbox__panel" data-tool={tab}>
        {open.tab === 'exit' ? <ExitTab analysis={open.analysis} exit={open.tool} context={context} /> : null}
        {open.tab === 'target' ? <TargetTab analysis={open.analysis} target={open.tool} context={context} /> : null}
        {open.tab === 'average' ? <AverageTab analysis={open.analysis} average={open.tool} context={context} /> : null}
        {open.tab === 'maxOpen' ? <MaxOpenTab analysis={open.analysis} maxOpen={open.tool} context={context} /> : null}
        {open.tab === 'risk' ? <RiskTab analysis={open.analysis} risk={open.tool} context={context} /> : null}
        {open.tab === 'portfolio' ? <PortfolioTab tool={open.tool} context={context} renderChart={renderContagion} /> : null}
      </div>
    </section>
  );
}
