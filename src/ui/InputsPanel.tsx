import { useCallback, useId, useMemo } from 'react';
import type { ReactNode } from 'react';
import { venuePresets } from '../model/venues';
import { fieldDefinition } from '../config/schema';
import type { InputKey } from '../config/schema';
import { useCalculator, useCalculatorStore, useDerived, useInputSetters } from '../store/context';
import { useFormatter } from '../store/format';
import { BracketsTable } from './BracketsTable';
import { CheckboxField, SegmentedField, SelectField, TextField } from './Field';
import { advancedKeys, derivedFigure, fieldApplies, leverageCeiling, plainNumber, switchMarginMode, switchSolveFor, unitFor, venueForInstrument } from './inputHelpers';
import type { ThreeWayKey } from '../config/schema';
import { LeverageControl } from './LeverageControl';
import { formatDuration, volatilityNote } from '../view/riskReadings';
import { solvedKeys } from '../config/schema';

const venueOptions = venuePresets.map((venue) => ({ value: venue.id, label: venue.label }));

const threeWayLabels: Record<ThreeWayKey, string> = { size: 'size', collateral: 'collateral', leverage: 'leverage' };

function derivedNote(key: ThreeWayKey, solved: ThreeWayKey, loopsSetLeverage: boolean): string {
  if (key === 'leverage' && loopsSetLeverage && solved !== 'leverage') return 'Set by the loops and the loan-to-value.';
  const others = (['size', 'collateral', 'leverage'] as const).filter((other) => other !== key).map((other) => threeWayLabels[other]);
  return `Worked out from ${others.join(' and ')}.`;
}

/** All inputs in one panel; every value is a raw string in the store, validated by the model as it is typed. */
export function InputsPanel(): ReactNode {
  const store = useCalculatorStore();
  const derived = useDerived();
  const advancedOpen = useCalculator((state) => state.advancedOpen);
  const advancedId = useId();
  const headingId = useId();
  const { inputs, errors, customized, venue, current, shown } = derived;
  const instrument = inputs.instrument;
  const custom = useMemo(() => new Set<InputKey>(customized), [customized]);
  const solved = inputs.solveFor;
  const derivedSet = new Set<ThreeWayKey>(solvedKeys(inputs));
  const loopsSetLeverage = instrument === 'loan' && inputs.loops.trim() !== '';

  const setInput = (key: InputKey, value: string): void => store.getState().setInput(key, value);
  const handlerFor = useInputSetters();
  const onVenue = useCallback((id: string) => store.getState().applyVenue(id), [store]);
  const status = (key: InputKey): { error: string | undefined; custom: boolean } => ({ error: errors[key], custom: custom.has(key) });

  const textField = (key: InputKey, options: { multiline?: boolean; note?: string | undefined } = {}): ReactNode => {
    const field = fieldDefinition(key);
    if (!fieldApplies(field, inputs)) return null;
    // An error replaces the note: the note describes the last valid figures.
    const note = errors[key] === undefined ? options.note : undefined;
    return (
      <TextField key={key} field={field} value={inputs[key]} unit={unitFor(field, instrument, venue)} multiline={options.multiline ?? false} note={note} onChange={handlerFor(key)} {...status(key)} />
    );
  };
  const selectField = (key: InputKey, onChange: (value: string) => void = handlerFor(key)): ReactNode => {
    const field = fieldDefinition(key);
    if (!fieldApplies(field, inputs)) return null;
    return <SelectField key={key} field={field} value={inputs[key]} onChange={onChange} {...status(key)} />;
  };
  const threeWayField = (key: ThreeWayKey): ReactNode => {
    const field = fieldDefinition(key);
    const isDerived = derivedSet.has(key);
    const value = isDerived ? (current === null ? '' : plainNumber(derivedFigure(current, key))) : inputs[key];
    const note = isDerived ? derivedNote(key, solved, loopsSetLeverage) : undefined;
    const common = { field, value, note, error: errors[key], onChange: handlerFor(key) };
    if (key === 'leverage') return <LeverageControl key={key} {...common} max={leverageCeiling(inputs, shown)} readOnly={isDerived} />;
    return <TextField key={key} {...common} unit={unitFor(field, instrument, venue)} readOnly={isDerived} />;
  };

  const format = useFormatter();
  const volatilityHint = useMemo(() => (current === null || current.risk === null ? undefined : volatilityNote(current.risk, format)), [current, format]);
  const holdNote = current === null || current.carry === null || Number(current.carry.hours) < 48 ? undefined : `That is ${formatDuration(current.carry.hours, format)}.`;

  const hiddenProblems = advancedOpen ? [] : advancedKeys(inputs).filter((key) => errors[key] !== undefined);
  const showBrackets = instrument !== 'loan' && inputs.tiers.trim() !== '';
  const marginUnit = instrument === 'inverse' ? (venue?.base ?? 'coin') : (venue?.quote ?? 'USD');

  return (
    <section className="lev-panel lev-inputs" aria-labelledby={headingId}>
      <h2 id={headingId} className="lev-panel__title">
        Inputs
      </h2>

      <fieldset className="lev-group">
        <legend>Market</legend>
        <SelectField field={fieldDefinition('venue')} value={inputs.venue} options={venueOptions} onChange={onVenue} error={errors.venue} />
        {venue !== undefined ? (
          <div className="lev-venue-info">
            {venue.id === 'custom' ? (
              <p>{venue.note}</p>
            ) : (
              <>
                <p>
                  Data as of {venue.asOf}. Source: {venue.source}.
                </p>
                <details>
                  <summary>About this preset</summary>
                  <p>{venue.note}</p>
                </details>
              </>
            )}
          </div>
        ) : null}
        {selectField('instrument', (value) => {
          const venueId = venueForInstrument(inputs.venue, value);
          if (venueId === null) setInput('instrument', value);
          else store.getState().applyVenue(venueId);
        })}
      </fieldset>

      <fieldset className="lev-group">
        <legend>Position</legend>
        <SegmentedField field={fieldDefinition('side')} value={inputs.side} onChange={handlerFor('side')} error={errors.side} />
        {textField('entry')}
        {selectField('solveFor', (value) => {
          if (value === 'size' || value === 'collateral' || value === 'leverage') store.getState().setInputs(switchSolveFor(inputs, current, value));
        })}
        {threeWayField('collateral')}
        {threeWayField('leverage')}
        {threeWayField('size')}
      </fieldset>

      {instrument === 'loan' ? (
        <fieldset className="lev-group">
          <legend>Loan terms</legend>
          {textField('liquidationThreshold')}
          {textField('liquidationRatio')}
          {textField('ltv')}
          {textField('loops')}
        </fieldset>
      ) : null}

      {showBrackets ? <BracketsTable text={inputs.tiers} unit={marginUnit} appliedTier={current?.appliedTier ?? null} entryTier={current?.entryTier ?? null} /> : null}

      <fieldset className="lev-group">
        <legend>Funding, interest and holding period</legend>
        {textField('fundingRate')}
        {textField('fundingIntervalHours')}
        {textField('borrowApr')}
        {textField('supplyApr')}
        {textField('holdHours', { note: holdNote })}
      </fieldset>

      <fieldset className="lev-group">
        <legend>Volatility and horizon</legend>
        {textField('volatility', { note: volatilityHint })}
        {textField('horizonDays')}
        {textField('volatilityStress')}
      </fieldset>

      <div className="lev-advanced">
        <button
          type="button"
          className="lev-disclosure"
          aria-expanded={advancedOpen}
          aria-controls={advancedId}
          onClick={() => store.getState().setAdvancedOpen(!advancedOpen)}
        >
          <span aria-hidden="true" className="lev-disclosure__icon">
            {advancedOpen ? '▾' : '▸'}
          </span>
          Advanced settings
        </button>
        {hiddenProblems.length > 0 ? (
          <p className="lev-field__error">Check {hiddenProblems.map((key) => fieldDefinition(key).label).join(', ')} under Advanced settings.</p>
        ) : null}
        <div id={advancedId} hidden={!advancedOpen}>
          {advancedOpen ? (
            <>
              {instrument !== 'loan' ? (
                <fieldset className="lev-group">
                  <legend>Margin</legend>
                  {selectField('marginMode', (value) => store.getState().setInputs(switchMarginMode(inputs, current, value)))}
                  {textField('otherMaintenance')}
                  {textField('otherPnl')}
                </fieldset>
              ) : null}
              <fieldset className="lev-group">
                <legend>Maintenance and fees</legend>
                {textField('mmr')}
                {textField('mmAmount')}
                {selectField('mmBasis')}
                {textField('tiers', { multiline: true })}
                {textField('maxLeverage')}
                {textField('feeRate')}
                {fieldApplies(fieldDefinition('closeFeeInLiquidation'), inputs) ? (
                  <CheckboxField
                    field={fieldDefinition('closeFeeInLiquidation')}
                    checked={inputs.closeFeeInLiquidation === 'true'}
                    onChange={(checked) => setInput('closeFeeInLiquidation', checked ? 'true' : 'false')}
                    {...status('closeFeeInLiquidation')}
                  />
                ) : null}
              </fieldset>
              <fieldset className="lev-group">
                <legend>Price trend</legend>
                {textField('drift')}
              </fieldset>
              <fieldset className="lev-group">
                <legend>Markers</legend>
                {textField('thresholds')}
              </fieldset>
            </>
          ) : null}
        </div>
      </div>
    </section>
  );
}
