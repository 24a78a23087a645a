import { memo, useId, useMemo } from 'react';
import type { ReactNode } from 'react';
import type { PositionSpec, ValidAnalysis } from '../model/types';
import { useCalculatorStore } from '../store/context';
import { useFormatter } from '../store/format';
import type { ReadingContext } from '../view/readings';
import { ResultRows } from './ResultRows';
import { workingDetail } from './WorkingPanel';
import { carryRows, formatDuration, riskRows } from '../view/riskReadings';

export interface RiskResultsProps {
  analysis: ValidAnalysis;
  spec: PositionSpec | null;
  context: ReadingContext;
}

const STRESS_SUGGESTION = '1.5';

/** GBM has no jumps or fat tails: said next to the odds, with the stress multiplier one click away. */
function Caveat({ stress }: { stress: number }): ReactNode {
  const store = useCalculatorStore();
  const format = useFormatter();
  const stressed = stress !== 1;
  return (
    <p className="lev-risk__caveat" data-result="riskCaveat">
      <strong>Caveat:</strong> these odds assume geometric Brownian motion, a price that moves smoothly with normally distributed returns. Real markets jump and have fat
      tails, so large moves happen more often than this says.{' '}
      {stressed ? `Volatility is stressed ${format.times(stress)} here. ` : 'A stress multiplier of 1.5× or 2× on volatility gives a more cautious estimate. '}
      <button
        type="button"
        className="lev-button lev-button--quiet lev-risk__stress"
        onClick={() => store.getState().setInput('volatilityStress', stressed ? '1' : STRESS_SUGGESTION)}
      >
        {stressed ? 'Remove the stress' : `Stress volatility ${STRESS_SUGGESTION}×`}
      </button>
    </p>
  );
}

/** "Risk over time": liquidation odds over the horizon and the carry over the holding period, each figure with one plain sentence. */
export const RiskResults = memo(function RiskResults({ analysis, spec, context }: RiskResultsProps): ReactNode {
  const headingId = useId();
  const format = useFormatter();
  const odds = useMemo(() => riskRows(analysis, context, format), [analysis, context, format]);
  const carry = useMemo(() => (spec === null ? [] : carryRows(analysis, spec, context, format)), [analysis, spec, context, format]);
  if (odds.length === 0 && carry.length === 0) return null;
  const risk = analysis.risk;
  return (
    <section className="lev-risk" aria-labelledby={headingId}>
      <h3 id={headingId} className="lev-risk__title">
        Risk over time
      </h3>
      {risk !== null && odds.length > 0 ? (
        <>
          <ResultRows rows={odds} label="Liquidation odds over the horizon" className="lev-headline lev-headline--risk" detail={workingDetail} />
          <Caveat stress={risk.volatilityStress} />
        </>
      ) : (
        <p className="lev-risk__empty">Enter a volatility and a horizon to see the chance of liquidation.</p>
      )}
      {carry.length > 0 && analysis.carry !== null ? (
        <>
          <h4 className="lev-risk__subtitle">Holding for {formatDuration(analysis.carry.hours, format)}: funding, interest and fees</h4>
          <ResultRows rows={carry} label="Carry over the holding period" className="lev-headline lev-headline--risk" detail={workingDetail} />
        </>
      ) : null}
    </section>
  );
});
