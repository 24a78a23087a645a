import { useId, useMemo } from 'react';
import type { ReactNode } from 'react';
import { ResultRows } from './ResultRows';
import { isInputKey } from '../config/schema';
import type { Inputs } from '../config/schema';
import { shownField } from './inputHelpers';
import { useCalculator, useDerived } from '../store/context';
import { useFormatter } from '../store/format';
import { useValueAfterInput } from '../store/useSettled';
import { headlineRows, keyFigureKeys, readingContext } from '../view/readings';
import { displayRuleText } from '../view/display';
import { hideAnswers, hidingAnswer, isHiddenAnswer } from '../view/predict';
import type { HeadlineRow } from '../view/readings';
import type { DerivedView } from '../view/derive';
import { RiskResults } from './RiskResults';
import { workingDetail } from './WorkingPanel';

/** Labels of the fields that currently have errors, as each field is labelled on screen, for the "last valid inputs" notice. */
function problemLabels(errors: Partial<Record<string, string>>, inputs: Pick<Inputs, 'instrument' | 'marginMode'>): string[] {
  return Object.keys(errors).flatMap((key) => (isInputKey(key) ? [shownField(key, inputs).label] : []));
}

function useHeadlineRows({ shown, venue, tick }: Pick<DerivedView, 'shown' | 'venue' | 'tick'>): { all: HeadlineRow[]; key: HeadlineRow[]; rest: HeadlineRow[] } {
  const format = useFormatter();
  const context = useMemo(() => readingContext(venue, tick), [venue, tick]);
  // A lesson's open question (predict, then reveal) keeps the answer's figures hidden until the reveal.
  const hiding = useCalculator((state) => hidingAnswer(state.predict));
  return useMemo(() => {
    const computed = shown === null ? [] : headlineRows(shown, context, format);
    const rows = hiding ? hideAnswers(computed) : computed;
    return { all: rows, key: rows.filter((row) => keyFigureKeys.has(row.key)), rest: rows.filter((row) => !keyFigureKeys.has(row.key)) };
  }, [shown, context, format, hiding]);
}

/** A figure's working, except for one a lesson hides (its working would give the answer away). */
function shownWorking(row: HeadlineRow): ReactNode {
  return isHiddenAnswer(row) ? null : workingDetail(row);
}

/** The status line: whether the figures are the last valid ones, and which fields to fix. */
function ResultsStatus(): ReactNode {
  const { stale, errors, current, shown, inputs } = useDerived();
  const problems = problemLabels(errors, inputs);
  const invalidWithoutHistory = current === null && shown === null;
  return (
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
  );
}

/** The odds and carry, a task after the headline figures: a slider step commits the headline first. */
export function RiskSection(): ReactNode {
  const derived = useDerived();
  const later = useValueAfterInput(derived);
  const context = useMemo(() => readingContext(later.venue, later.tick), [later.venue, later.tick]);
  const hiding = useCalculator((state) => hidingAnswer(state.predict));
  if (hiding) return <p className="lev-chart-note">The odds of liquidation appear when you reveal your guess.</p>;
  return later.shown !== null ? <RiskResults analysis={later.shown} spec={later.shownSpec} context={context} /> : null;
}

function Convention(): ReactNode {
  const { shown, tick } = useDerived();
  const format = useFormatter();
  if (shown === null) return null;
  return (
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
  );
}

/** The page's figures beside the chart: liquidation price and distance, amplification and maximum loss, with the status line. */
export function KeyFigures(): ReactNode {
  const derived = useDerived();
  const headingId = useId();
  const rows = useHeadlineRows(derived);
  const stale = derived.stale;
  return (
    <section className={`lev-results lev-results--key${stale ? ' lev-results--stale' : ''}`} aria-labelledby={headingId}>
      <h2 id={headingId} className="lev-visually-hidden">
        Results
      </h2>
      <ResultsStatus />
      {rows.key.length > 0 ? <ResultRows rows={rows.key} className="lev-headline lev-headline--key" detail={shownWorking} /> : null}
    </section>
  );
}

/** The page's other figures (below the chart): bankruptcy, break-even, margins, health, and how they are worked out. */
export function MoreFigures(): ReactNode {
  // Below the chart: these follow a task after a slider step, so that the step paints the key figures and the chart first.
  const later = useValueAfterInput(useDerived());
  const rows = useHeadlineRows(later);
  const stale = later.stale;
  return (
    <div className={`lev-results lev-results--more${stale ? ' lev-results--stale' : ''}`}>
      {rows.rest.length > 0 ? <ResultRows rows={rows.rest} detail={shownWorking} /> : null}
      <Convention />
    </div>
  );
}

/** Every headline figure with its one-line reading, the odds and carry, and the convention (the widgets' "results" view). */
export function HeadlineResults(): ReactNode {
  const derived = useDerived();
  const { stale, shown } = derived;
  const headingId = useId();
  const rows = useHeadlineRows(derived);
  return (
    <section className={`lev-panel lev-results${stale ? ' lev-results--stale' : ''}`} aria-labelledby={headingId}>
      <h2 id={headingId} className="lev-panel__title">
        Results
      </h2>
      <ResultsStatus />
      {shown !== null ? (
        <>
          <ResultRows rows={rows.all} detail={shownWorking} />
          <RiskSection />
          <Convention />
        </>
      ) : null}
    </section>
  );
}
