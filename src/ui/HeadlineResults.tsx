import { useId, useMemo } from 'react';
import type { ReactNode } from 'react';
import { ResultRows } from './ResultRows';
import { fieldDefinition, isInputKey } from '../config/schema';
import { useDerived } from '../store/context';
import { useFormatter } from '../store/format';
import { useValueAfterInput } from '../store/useSettled';
import { headlineRows, readingContext } from '../view/readings';
import { displayRuleText } from '../view/display';
import { RiskResults } from './RiskResults';

/** Labels of the fields that currently have errors, for the "last valid inputs" notice. */
function problemLabels(errors: Partial<Record<string, string>>): string[] {
  return Object.keys(errors)
    .filter((key) => isInputKey(key))
    .flatMap((key) => (isInputKey(key) ? [fieldDefinition(key).label] : []));
}

/** The headline figures of the analysis on show, each with a one-line reading; the last valid ones while a field is wrong. */
export function HeadlineResults(): ReactNode {
  const derived = useDerived();
  const { shown, stale, errors, venue, current, tick } = derived;
  const headingId = useId();
  const format = useFormatter();
  const context = useMemo(() => readingContext(venue, tick), [venue, tick]);
  const rows = useMemo(() => (shown === null ? [] : headlineRows(shown, context, format)), [shown, context, format]);
  // The odds and carry below the headline follow a task later, together: a slider step commits the headline figures first.
  const later = useValueAfterInput(derived);
  const riskAnalysis = later.shown;
  const riskSpec = later.shownSpec;
  const problems = problemLabels(errors);
  const invalidWithoutHistory = current === null && shown === null;

  return (
    <section className={`lev-panel lev-results${stale ? ' lev-results--stale' : ''}`} aria-labelledby={headingId}>
      <h2 id={headingId} className="lev-panel__title">
        Results
      </h2>
      <div role="status" className="lev-status">
        {stale ? (
          <p className="lev-notice lev-notice--stale">
            <span aria-hidden="true">⚠ </span>
            Showing the last valid inputs
            {problems.length > 0 ? ` — fix ${problems.join(', ')} to update.` : '.'}
          </p>
        ) : null}
        {invalidWithoutHistory ? <p className="lev-notice lev-notice--stale">Enter a valid position to see results{problems.length > 0 ? ` — fix ${problems.join(', ')}.` : '.'}</p> : null}
      </div>
      {shown !== null ? (
        <>
          <ResultRows rows={rows} />
          {riskAnalysis !== null ? <RiskResults analysis={riskAnalysis} spec={riskSpec} context={context} /> : null}
          <div className="lev-convention">
            <h3>How this is worked out</h3>
            <p data-result="convention">{shown.convention}</p>
            <p data-result="display-rule">{displayRuleText({ tick, side: shown.side }, format)}</p>
            {shown.warnings.length > 0 ? (
              <ul className="lev-warnings" aria-label="Warnings" data-result="warnings">
                {shown.warnings.map((warning) => (
                  <li key={warning}>
                    <strong>Warning:</strong> {warning}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </>
      ) : null}
    </section>
  );
}
