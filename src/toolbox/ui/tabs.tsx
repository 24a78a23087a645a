import { useId, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { roundToTick } from '../../model/companions';
import { cleanCell, fillsToText } from '../../config/lists';
import { MAX_FILLS } from '../../config/schema';
import type { FillRow } from '../../config/lists';
import type { Formatter } from '../../config/format';
import { useCalculator, useCalculatorStore, useDerived } from '../../store/context';
import { useFormatter } from '../../store/format';
import { priceText, towardEntry } from '../../view/display';
import type { ToolsByTab } from '../../view/toolbox';
import type { ValidAnalysis } from '../../model/types';
import { BracketsTable } from '../../ui/BracketsTable';
import { CellInput, Figures, RemoveRowButton, ToolField, ToolMessage } from './parts';
import type { Figure } from './parts';
import type { ToolContext } from '../../view/readings';

/** One keyboard step of a price field: 0.1 % of the reference price, at least one tick. */
export function priceStep(reference: string, tick: string): number {
  const tickSize = Number(tick);
  const step = Number(reference) * 0.001;
  const rounded = Math.round(step / tickSize) * tickSize;
  return Number.isFinite(rounded) && rounded >= tickSize ? rounded : tickSize;
}

/** Arrow keys step a price (Shift: ten steps); returns the new text or null when the key is not a step. */
export function steppedPrice(current: string, key: string, shift: boolean, reference: string, tick: string): string | null {
  const direction = key === 'ArrowUp' ? 1 : key === 'ArrowDown' ? -1 : 0;
  if (direction === 0) return null;
  const base = Number(current);
  if (!Number.isFinite(base) || base <= 0) return null;
  const next = base + direction * (shift ? 10 : 1) * priceStep(reference, tick);
  if (!(next > 0)) return null;
  return roundToTick(next.toPrecision(15), tick) ?? null;
}

function money(value: string | null, context: ToolContext, format: Formatter): string {
  return format.money(value, context.marginUnit, { coin: context.coin });
}

export function ExitTab({ analysis, exit, context }: { analysis: ValidAnalysis | null; exit: ToolsByTab['exit']; context: ToolContext }): ReactNode {
  const format = useFormatter();
  const store = useCalculatorStore();
  const typedExit = useCalculator((state) => state.inputs.exitPrice);
  const setExit = (value: string): void => store.getState().setInput('exitPrice', value);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (analysis === null) return;
    const next = steppedPrice(exit.price.value, event.key, event.shiftKey, analysis.entry, context.tick);
    if (next === null) return;
    event.preventDefault();
    setExit(next);
  };
  // An exit beyond liquidation has no PnL of its own: the position was closed at the liquidation price first.
  const result = exit.liquidatedFirst === null ? exit.result : null;
  const figures: Figure[] =
    result === null
      ? []
      : [
          { key: 'netPnl', label: 'Net PnL (fees and funding included)', value: money(result.netPnl, context, format) },
          { key: 'roe', label: 'ROE as exchanges show it', value: format.percent(result.roe, { signed: true }), note: 'Price PnL ÷ initial margin, no fees or funding.' },
          { key: 'netRoe', label: 'Net ROE', value: format.percent(result.netRoe, { signed: true }) },
          { key: 'unleveragedReturn', label: 'Same collateral at 1×', value: format.percent(result.unleveragedReturn, { signed: true }), note: 'The return of holding the margin unleveraged, for comparison.' },
        ];
  return (
    <div className="lev-toolbox__tool">
      <ToolField
        fieldKey="exitPrice"
        value={typedExit}
        onChange={setExit}
        onKeyDown={onKeyDown}
        placeholder={exit.price.auto ? exit.price.value : undefined}
        error={analysis === null ? null : exit.error}
        note={exit.price.auto && exit.price.value !== '' ? `Empty: using ${format.price(exit.price.value, context.tick)}. Drag the marker on the chart, or use ↑/↓ here.` : undefined}
      />
      {analysis === null ? <ToolMessage>{exit.error}</ToolMessage> : null}
      {exit.liquidatedFirst === null ? null : (
        <>
          <ToolMessage>
            Liquidated first at {analysis === null ? exit.liquidatedFirst.price : priceText('liquidation', exit.liquidatedFirst.price, { tick: context.tick, side: analysis.side }, format)}: loss{' '}
            <span data-tool-result="liquidationLoss">{money(exit.liquidatedFirst.loss, context, format)}</span> (the whole margin plus fees). The position never
            reaches this exit price.
          </ToolMessage>
          <p className="lev-toolbox__note">{exit.liquidatedFirst.assumption}</p>
        </>
      )}
      {result !== null ? (
        <>
          <Figures figures={figures} label="Exit results" />
          <div className="lev-table-scroll" role="region" aria-label="PnL components" tabIndex={0}>
            <table className="lev-table lev-table--compact lev-toolbox__components">
              <caption>PnL at {format.price(result.exitPrice, context.tick)}, component by component</caption>
              <thead>
                <tr>
                  <th scope="col">Component</th>
                  <th scope="col">Amount</th>
                </tr>
              </thead>
              <tbody>
                {result.components.map((component) => (
                  <tr key={component.label}>
                    <th scope="row">{component.label}</th>
                    <td>{money(component.amount, context, format)}</td>
                  </tr>
                ))}
                <tr className="lev-toolbox__total">
                  <th scope="row">Net PnL</th>
                  <td data-tool-result="netPnlTotal">{money(result.netPnl, context, format)}</td>
                </tr>
              </tbody>
            </table>
          </div>
          <p className="lev-toolbox__note">
            {result.note} Holding period: {format.number(result.holdHours)} h (set under the carry inputs).
          </p>
        </>
      ) : null}
    </div>
  );
}

export function TargetTab({ analysis, target, context }: { analysis: ValidAnalysis | null; target: ToolsByTab['target']; context: ToolContext }): ReactNode {
  const format = useFormatter();
  const store = useCalculatorStore();
  const typedRoe = useCalculator((state) => state.inputs.targetRoe);
  const distance = (price: string | null): string | undefined =>
    price === null || analysis === null ? undefined : `${format.percent((Number(price) - Number(analysis.entry)) / Number(analysis.entry), { signed: true })} from entry`;
  const figures: Figure[] = [
    { key: 'targetGross', label: 'Price for this ROE (as exchanges compute it)', value: format.price(target.grossPrice, context.tick), ...optionalNote(distance(target.grossPrice)) },
    { key: 'targetNet', label: 'Price for this ROE net of fees and funding', value: format.price(target.netPrice, context.tick), ...optionalNote(distance(target.netPrice)) },
  ];
  return (
    <div className="lev-toolbox__tool">
      <ToolField
        fieldKey="targetRoe"
        value={typedRoe}
        onChange={(value) => store.getState().setInput('targetRoe', value)}
        placeholder={target.roe.auto ? target.roe.value : undefined}
        error={analysis === null ? null : target.error}
        note={target.roe.auto ? `Empty: using ${format.percent(Number(target.roe.value) / 100)}.` : undefined}
      />
      {analysis === null ? <ToolMessage>{target.error}</ToolMessage> : <Figures figures={figures} label="Target results" />}
      {analysis === null || target.liquidatedFirstAt === null ? null : (
        <ToolMessage>
          Unreachable{unreachableWhich(target)}: the position is liquidated at {priceText('liquidation', target.liquidatedFirstAt, { tick: context.tick, side: analysis.side }, format)}{' '}
          first and loses at most the whole margin plus fees.
        </ToolMessage>
      )}
      {analysis !== null && target.error === null ? <p className="lev-toolbox__note">Both prices are marked on the chart. A negative ROE gives the price of that loss.</p> : null}
    </div>
  );
}

/** Which of the two target prices lies beyond liquidation: both (no words) or one of them. */
function unreachableWhich(target: ToolsByTab['target']): string {
  if (target.grossPrice === null && target.netPrice === null) return '';
  return target.grossPrice === null ? ' as exchanges compute it' : ' net of fees and funding';
}

function optionalNote(note: string | undefined): { note?: string } {
  return note === undefined ? {} : { note };
}

export function AverageTab({ analysis, average, context }: { analysis: ValidAnalysis | null; average: ToolsByTab['average']; context: ToolContext }): ReactNode {
  const format = useFormatter();
  const store = useCalculatorStore();
  const baseId = useId();
  const rows = average.rows;
  const write = (next: readonly FillRow[]): void => store.getState().setInput('fills', fillsToText(next));
  const edit = (index: number, patch: Partial<FillRow>): void => write(rows.map((row, position) => (position === index ? { ...row, ...patch } : row)));
  const addRow = (): void => {
    if (analysis === null) {
      write([...rows, { price: '', size: '' }]);
      return;
    }
    // A fill 5 % against the position with the same size: the classic averaging down.
    const sign = analysis.side === 'long' ? -1 : 1;
    const price = roundToTick((Number(analysis.entry) * (1 + 0.05 * sign)).toPrecision(12), context.tick) ?? '';
    write([...rows, { price: rows.length === 0 ? price : '', size: rows.length === 0 ? cleanCell(Number(Number(analysis.size).toPrecision(6)).toString()) : '' }]);
  };
  const result = average.result;
  const rounding = analysis === null ? 'nearest' : towardEntry(analysis.side);
  const figures: Figure[] =
    result === null
      ? []
      : [
          { key: 'averageEntry', label: 'Average entry', value: format.price(result.averageEntry, context.tick) },
          { key: 'totalSize', label: 'New size', value: `${format.number(result.totalSize, { digits: 8 })} ${context.sizeUnit}` },
          { key: 'addedMargin', label: 'Margin added by the fills', value: money(result.addedMargin, context, format) },
          { key: 'marginAfter', label: 'Margin after', value: money(result.after.initialMargin, context, format) },
          { key: 'addedOpenFee', label: 'Fees to open the fills', value: money(result.addedOpenFee, context, format) },
          { key: 'liquidationBefore', label: 'Liquidation before the last fill', value: format.price(result.before.liquidationPrice, context.tick, { direction: rounding }) },
          { key: 'liquidationAfter', label: 'Liquidation after the last fill', value: format.price(result.after.liquidationPrice, context.tick, { direction: rounding }) },
        ];
  return (
    <div className="lev-toolbox__tool">
      <div className="lev-table-scroll" role="region" aria-label="Fills" tabIndex={0}>
        <table className="lev-table lev-table--compact lev-toolbox__list">
          <caption>Fills added to the position</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Price ({context.quote})</th>
              <th scope="col">Size ({context.sizeUnit})</th>
              <th scope="col">
                <span className="lev-visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={index}>
                <td>{index + 1}</td>
                <td>
                  <CellInput label={`Fill ${index + 1} price`} value={row.price} onChange={(value) => edit(index, { price: cleanCell(value) })} error={average.rowErrors[index]?.price} errorId={`${baseId}-p${index}`} />
                </td>
                <td>
                  <CellInput label={`Fill ${index + 1} size`} value={row.size} onChange={(value) => edit(index, { size: cleanCell(value) })} error={average.rowErrors[index]?.size} errorId={`${baseId}-s${index}`} />
                </td>
                <td>
                  <RemoveRowButton label={`Remove fill ${index + 1}`} onRemove={() => write(rows.filter((_, position) => position !== index))} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" className="lev-button" onClick={addRow} disabled={rows.length >= MAX_FILLS}>
        Add fill
      </button>
      {average.error !== null ? <ToolMessage>{average.error}</ToolMessage> : null}
      {result !== null ? (
        <>
          <Figures figures={figures} label="Average entry results" />
          <p className="lev-toolbox__note">
            {result.after.marginMode === 'cross'
              ? 'Cross margin: the fills take their initial margin from the wallet; the wallet still backs the whole position.'
              : 'Isolated margin: each fill brings its own margin (value ÷ leverage), added to the position’s collateral.'}{' '}
            The chart marks the liquidation price before and after the last fill.
          </p>
        </>
      ) : null}
    </div>
  );
}

const limitWords: Record<'balance' | 'tier' | 'venue', string> = {
  balance: 'the balance',
  tier: 'a bracket’s maximum leverage',
  venue: 'the venue’s maximum leverage',
};

export function MaxOpenTab({ analysis, maxOpen, context }: { analysis: ValidAnalysis | null; maxOpen: ToolsByTab['maxOpen']; context: ToolContext }): ReactNode {
  const format = useFormatter();
  const { inputs, venue } = useDerived();
  const result = maxOpen.result;
  const figures: Figure[] =
    result === null
      ? []
      : [
          { key: 'maxNotional', label: 'Largest position value', value: money(result.maxNotional, context, format) },
          { key: 'maxSize', label: 'Largest size', value: `${format.number(result.maxSize, { digits: 8 })} ${context.sizeUnit}` },
          { key: 'maxMargin', label: 'Margin for it', value: money(result.margin, context, format) },
          { key: 'reservedFees', label: 'Fees held back (open and close)', value: money(result.reservedFees, context, format) },
          { key: 'maxTier', label: 'Bracket it lands in', value: result.tier === null ? 'none' : `Bracket ${result.tier + 1}` },
          { key: 'limitedBy', label: 'Limited by', value: limitWords[result.limitedBy], note: result.note },
        ];
  return (
    <div className="lev-toolbox__tool">
      {analysis === null || result === null ? (
        <ToolMessage>{maxOpen.error}</ToolMessage>
      ) : (
        <>
          <p className="lev-toolbox__note">
            With a balance of {money(result.balance, context, format)} (the collateral above) at {format.times(result.leverage)}:
          </p>
          <Figures figures={figures} label="Largest position" />
        </>
      )}
      <h3 className="lev-toolbox__subtitle">Venue brackets</h3>
      {inputs.tiers.trim() === '' ? (
        <p className="lev-toolbox__note">This preset has no brackets: one maintenance rate applies at every size.</p>
      ) : (
        <BracketsTable text={inputs.tiers} unit={context.marginUnit} appliedTier={analysis?.appliedTier ?? null} entryTier={analysis?.entryTier ?? null} />
      )}
      <p className="lev-toolbox__note" data-tool-result="bracketSource">
        {venue === undefined || venue.id === 'custom' ? 'Custom parameters: no preset data in use.' : `${venue.label}: data as of ${venue.asOf}, source ${venue.source}.`}
      </p>
    </div>
  );
}

export function RiskTab({ analysis, risk, context }: { analysis: ValidAnalysis | null; risk: ToolsByTab['risk']; context: ToolContext }): ReactNode {
  const format = useFormatter();
  const store = useCalculatorStore();
  const inputs = {
    riskBalance: useCalculator((state) => state.inputs.riskBalance),
    riskPercent: useCalculator((state) => state.inputs.riskPercent),
    riskAmount: useCalculator((state) => state.inputs.riskAmount),
    stopPrice: useCalculator((state) => state.inputs.stopPrice),
    takeProfitPrice: useCalculator((state) => state.inputs.takeProfitPrice),
  };
  // The mode is the user's choice: clearing the amount to retype it must not flip back to the percentage.
  const [chosenMode, setChosenMode] = useState<'percent' | 'amount'>(risk.mode);
  const mode = risk.mode === 'amount' ? 'amount' : chosenMode;
  const awaitingAmount = mode === 'amount' && risk.mode === 'percent';
  const set = (key: 'riskBalance' | 'riskPercent' | 'riskAmount' | 'stopPrice' | 'takeProfitPrice', value: string): void => store.getState().setInput(key, value);
  const result = awaitingAmount ? null : risk.result;
  const setMode = (next: 'percent' | 'amount'): void => {
    setChosenMode(next);
    if (next === mode) return;
    // The amount starts at what the percentage risked, so switching changes nothing until edited.
    if (next === 'amount') set('riskAmount', risk.result === null ? '' : Number(Number(risk.result.riskAmount).toPrecision(10)).toString());
    else set('riskAmount', '');
  };
  const onStopKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (analysis === null) return;
    const next = steppedPrice(risk.stop.value, event.key, event.shiftKey, analysis.entry, context.tick);
    if (next === null) return;
    event.preventDefault();
    set('stopPrice', next);
  };
  const rounding = analysis === null ? 'nearest' : towardEntry(analysis.side);
  const figures: Figure[] =
    result === null
      ? []
      : [
          { key: 'riskAmount', label: 'Risk at the stop', value: money(result.riskAmount, context, format) },
          { key: 'riskSize', label: 'Position size', value: `${format.number(result.size, { digits: 8 })} ${context.sizeUnit}`, note: `Value ${money(result.notional, context, format)}` },
          { key: 'riskLeverage', label: 'Leverage used', value: format.times(result.leverage), note: `At least ${format.times(result.requiredLeverage)} is needed for this size on this balance.` },
          { key: 'riskMargin', label: 'Margin', value: money(result.margin, context, format) },
          // A maker rebate reads as the model's exit breakdown writes it: a rebate, a positive amount.
          result.openFee.startsWith('-')
            ? { key: 'riskOpenFee', label: 'Maker rebate on opening', value: money(result.openFee.slice(1), context, format) }
            : { key: 'riskOpenFee', label: 'Fee to open', value: money(result.openFee, context, format) },
          { key: 'riskCloseFee', label: 'Fee to close at the stop', value: money(result.closeFeeAtStop, context, format) },
          { key: 'riskLiquidation', label: 'Liquidation price', value: format.price(result.liquidationPrice, context.tick, { direction: rounding }) },
          { key: 'lossAtStop', label: 'Loss at the stop (fees included)', value: money(result.lossAtStop, context, format) },
          ...(result.rewardAtTakeProfit === null
            ? []
            : [
                { key: 'rewardAtTakeProfit', label: 'Gain at the take-profit (fees included)', value: money(result.rewardAtTakeProfit, context, format) },
                { key: 'rewardToRisk', label: 'Reward : risk', value: `${format.number(result.rewardToRisk)} : 1` },
              ]),
        ];
  const unsafe = result !== null && !result.stopBeforeLiquidation;
  return (
    <div className="lev-toolbox__tool">
      <div className="lev-toolbox__fields">
        <ToolField
          fieldKey="riskBalance"
          value={inputs.riskBalance}
          onChange={(value) => set('riskBalance', value)}
          placeholder={risk.balance.auto ? risk.balance.value : undefined}
          error={risk.errors.riskBalance}
          note={risk.balance.auto && risk.balance.value !== '' ? `Empty: using the collateral, ${money(risk.balance.value, context, format)}.` : undefined}
        />
        <fieldset className="lev-toolbox__mode">
          <legend>Risk given as</legend>
          <label>
            <input type="radio" name="lev-risk-mode" checked={mode === 'percent'} onChange={() => setMode('percent')} /> % of balance
          </label>
          <label>
            <input type="radio" name="lev-risk-mode" checked={mode === 'amount'} onChange={() => setMode('amount')} /> Amount
          </label>
        </fieldset>
        {mode === 'percent' ? (
          <ToolField
            fieldKey="riskPercent"
            value={inputs.riskPercent}
            onChange={(value) => set('riskPercent', value)}
            placeholder={risk.percent.auto ? risk.percent.value : undefined}
            error={risk.errors.riskPercent}
            note={risk.percent.auto ? `Empty: using ${format.percent(Number(risk.percent.value) / 100)}.` : undefined}
          />
        ) : (
          <ToolField fieldKey="riskAmount" value={inputs.riskAmount} onChange={(value) => set('riskAmount', value)} error={awaitingAmount ? 'Give the risk amount.' : risk.errors.riskAmount} />
        )}
        <ToolField
          fieldKey="stopPrice"
          value={inputs.stopPrice}
          onChange={(value) => set('stopPrice', value)}
          onKeyDown={onStopKey}
          placeholder={risk.stop.auto ? risk.stop.value : undefined}
          error={risk.errors.stopPrice}
          note={risk.stop.auto && risk.stop.value !== '' ? `Empty: using ${format.price(risk.stop.value, context.tick)} (2 % against the position).` : undefined}
        />
        <ToolField fieldKey="takeProfitPrice" value={inputs.takeProfitPrice} onChange={(value) => set('takeProfitPrice', value)} error={risk.errors.takeProfitPrice} />
      </div>
      {analysis === null || risk.error !== null ? <ToolMessage>{risk.error}</ToolMessage> : null}
      {result !== null ? (
        <>
          {unsafe ? (
            <p className="lev-toolbox__warning" role="alert" data-tool-result="stopWarning">
              <span aria-hidden="true">⚠ </span>
              The stop is beyond the liquidation price: the position would be liquidated{' '}
              {format.percent(Math.abs(Number(result.stopMargin)))} of entry before the stop triggers.
              {result.maxSafeLeverage !== null ? ` Stay below ${format.times(result.maxSafeLeverage)} or move the stop closer to entry.` : ' Add collateral or move the stop closer to entry.'}
            </p>
          ) : (
            <p className="lev-toolbox__ok" data-tool-result="stopSafe">
              The stop triggers {result.stopMargin === null ? 'with no liquidation price in the way' : `${format.percent(Number(result.stopMargin))} of entry before the liquidation price`}.
            </p>
          )}
          <Figures figures={figures} label="Size by risk results" />
          {result.warnings.filter((warning) => !warning.startsWith('The liquidation price')).map((warning) => (
            <p key={warning} className="lev-toolbox__warning">
              {warning}
            </p>
          ))}
          <p className="lev-toolbox__note">Funding is left out (the holding time is unknown). The chart draws the equity capped at the stop beside the uncapped curve.</p>
        </>
      ) : null}
    </div>
  );
}
