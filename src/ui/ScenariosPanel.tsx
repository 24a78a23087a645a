import { memo, useId, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import type { ValidAnalysis } from '../model/types';
import type { Formatter } from '../config/format';
import { MAX_SCENARIOS } from '../store/calculatorStore';
import { useCalculator, useCalculatorStore, useDerived, useSelectors, useView } from '../store/context';
import { useFormatter } from '../store/format';
import { useValueAfterInput } from '../store/useSettled';
import { towardEntry } from '../view/display';
import { HIDDEN_ANSWER, hidingAnswer } from '../view/predict';
import type { ScenarioPlan } from '../view/scenarios';

type ComparisonRow = Pick<ScenarioPlan, 'id' | 'name' | 'analysis' | 'tick'>;

/** A row's cells; `answerHidden` (a lesson still waiting for the reader's guess) keeps its liquidation out of the table. */
function cells(row: ComparisonRow, format: Formatter, answerHidden: boolean): string[] {
  const analysis = row.analysis;
  if (analysis === null) return ['—', '—', '—', '—', '—'];
  return [
    format.times(analysis.leverage),
    answerHidden ? HIDDEN_ANSWER : analysis.liquidationPrice === null ? 'None' : format.price(analysis.liquidationPrice, row.tick, { direction: towardEntry(analysis.side) }),
    answerHidden ? HIDDEN_ANSWER : format.percent(analysis.liquidationDistance, { signed: true }),
    format.price(analysis.breakEvenPrice, row.tick, { direction: analysis.side === 'long' ? 'up' : 'down' }),
    format.times(analysis.amplification),
  ];
}

/** Save up to four snapshots of the inputs and compare their key figures with the current position. */
export function ScenariosPanel(): ReactNode {
  // The comparison follows a task later: a slider step's urgent commit stops here.
  const { current, tick } = useValueAfterInput(useDerived());
  return <ScenariosBody current={current} tick={tick} />;
}

const ScenariosBody = memo(function ScenariosBody({ current, tick }: { current: ValidAnalysis | null; tick: string }): ReactNode {
  const store = useCalculatorStore();
  const scenarios = useCalculator((state) => state.scenarios);
  const hiding = useCalculator((state) => hidingAnswer(state.predict));
  const format = useFormatter();
  const [name, setName] = useState('');
  const headingId = useId();
  const nameId = useId();
  const limitId = useId();
  const full = scenarios.length >= MAX_SCENARIOS;
  const invalid = current === null;

  // Worked out once per saved list, shared with the chart's scenario curves.
  const saved = useView(useSelectors().selectScenarioPlans);
  const rows: readonly ComparisonRow[] = [{ id: 'current', name: 'Current inputs', analysis: current, tick }, ...saved];

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (full || invalid) return;
    store.getState().saveScenario(name);
    setName('');
  };

  return (
    <section className="lev-panel lev-scenarios" aria-labelledby={headingId}>
      <h2 id={headingId} className="lev-panel__title">
        Scenarios
      </h2>
      <form className="lev-scenarios__form" onSubmit={onSubmit}>
        <div className="lev-field">
          <label htmlFor={nameId} className="lev-field__label">
            Scenario name
          </label>
          <div className="lev-field__control">
            <input id={nameId} className="lev-input" type="text" value={name} maxLength={40} autoComplete="off" aria-describedby={limitId} onChange={(event) => setName(event.target.value)} />
            <button type="submit" className="lev-button" disabled={full || invalid}>
              Save scenario
            </button>
          </div>
          <p id={limitId} className="lev-field__hint">
            {full
              ? `All ${MAX_SCENARIOS} slots are used: remove a scenario to save another.`
              : invalid
                ? 'Fix the inputs to save them as a scenario.'
                : `Up to ${MAX_SCENARIOS} scenarios (${scenarios.length} saved); they are drawn on the chart.`}
          </p>
        </div>
      </form>

      {scenarios.length > 0 ? (
        <ul className="lev-scenarios__list" aria-label="Saved scenarios">
          {scenarios.map((scenario, index) => (
            <li key={scenario.id}>
              <span className="lev-scenarios__marker" aria-hidden="true">
                {index + 1}
              </span>
              <span className="lev-scenarios__name">{scenario.name}</span>
              <button type="button" className="lev-button lev-button--quiet" aria-label={`Load scenario ${scenario.name}`} onClick={() => store.getState().setInputs(scenario.inputs)}>
                Load
              </button>
              <button type="button" className="lev-button lev-button--quiet" aria-label={`Remove scenario ${scenario.name}`} onClick={() => store.getState().removeScenario(scenario.id)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}

      <div className="lev-table-scroll" role="region" aria-label="Scenario comparison" tabIndex={0}>
        <table className="lev-table">
          <caption>Scenario comparison</caption>
          <thead>
            <tr>
              <th scope="col">Scenario</th>
              <th scope="col">Leverage</th>
              <th scope="col">Liquidation price</th>
              <th scope="col">Distance</th>
              <th scope="col">Break-even</th>
              <th scope="col">Amplification</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-scenario={row.id}>
                <th scope="row">{row.name}</th>
                {cells(row, format, hiding && row.id === 'current').map((cell, index) => (
                  <td key={index}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
});
