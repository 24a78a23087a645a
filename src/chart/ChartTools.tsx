import { useId, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';

export interface ChartToolsProps {
  /** The tools used while reading the chart (the price range group): always on the row. */
  main: ReactNode;
  /**
   * The rest (range toggle, equity unit, downloads): on a wide bar they follow `main` on the same row, as they always
   * did; on a narrow one (chart.css, a container query on the bar) they wait behind the "Chart options" button, so
   * the tools take one line and the plot starts in a phone's first screen.
   */
  options: ReactNode;
}

/**
 * The chart's tool row with a disclosure for the less frequent tools. The DOM is the same at every width: only the
 * stylesheet decides whether the button shows, so nothing jumps after the first paint and an embed in a narrow
 * column of a wide page collapses too. Escape closes the options and returns the focus to the button.
 */
export function ChartTools({ main, options }: ChartToolsProps): ReactNode {
  const [open, setOpen] = useState(false);
  const optionsId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== 'Escape' || !open) return;
    // The presenter view closes on Escape as well: this Escape only closes the options.
    event.stopPropagation();
    setOpen(false);
    const toggle = toggleRef.current;
    // On a wide bar the button is not displayed (the options sit on the row): the focus stays where it is.
    if (toggle !== null && getComputedStyle(toggle).display !== 'none') toggle.focus();
  };

  return (
    <div className="lev-chart-tools" role="group" aria-label="Chart tools" onKeyDown={onKeyDown}>
      {main}
      <button
        ref={toggleRef}
        type="button"
        className="lev-tool lev-chart-options-toggle"
        aria-label="Chart options"
        aria-expanded={open}
        aria-controls={optionsId}
        onClick={() => setOpen(!open)}
      >
        Options
        <span className="lev-chart-options-toggle__icon" aria-hidden="true">
          {open ? '▴' : '▾'}
        </span>
      </button>
      <div id={optionsId} className={open ? 'lev-chart-options lev-chart-options--open' : 'lev-chart-options'}>
        {options}
      </div>
    </div>
  );
}
