import { useCallback, useId, useMemo } from 'react';
import type { ReactNode } from 'react';
import { nativeUnit } from '../model/sizeUnits';
import { venuePresets } from '../model/venues';
import { fieldDefinition, solvedKeys } from '../config/schema';
import type { InputKey, ThreeWayKey } from '../config/schema';
import { useCalculator, useCalculatorStore, useDerived, useInputSetters } from '../store/context';
import { useFormatter } from '../store/format';
import { BracketsTable, bracketProvenance, sourceHost } from './BracketsTable';
import { CheckboxField, SegmentedField, SelectField, TextField } from './Field';
import { advancedKeys, derivedFigure, fieldApplies, leverageCeiling, plainNumber, shownField, switchMarginMode, switchSolveFor, unitFor, venueForInstrument } from './inputHelpers';
import { LeverageControl } from './LeverageControl';
import { sizeConversionNote, sizeUnitLabel, switchSizeUnit } from './sizeField';
import { formatDuration, volatilityNote } from '../view/riskReadings';

const venueOptions = venuePresets.map((venue) => ({ value: venue.id, label: venue.label }));

const threeWayLabels: Record<ThreeWayKey, string> = { size: 'size', collateral: 'collateral', leverage: 'leverage' };

function derivedNote(key: ThreeWayKey, solved: ThreeWayKey, loopsSetLeverage: boolean): string {
  if (key === 'leverage' && loopsSetLeverage && solved !== 'leverage') return 'Set by the loops and the loan-to-value.';
  const others = (['size', 'collateral', 'leverage'] as const).filter((other) => other !== key).map((other) => threeWayLabels[other]);
  return `Worked out from ${others.join(' and ')}.`;
}

/**
 * The input fields, each drawn from its schema record: one hook shared by the page's parts (position beside the
 * chart, the leverage bar above it, the folded sections below) and by the all-in-one panel of the widgets.
 */
function useFields() {
  const store = useCalculatorStore();
  const derived = useDerived();
  const { inputs, errors, customized, venue, current, shown } = derived;
  const instrument = inputs.instrument;
  const custom = useMemo(() => new Set<InputKey>(customized), [customized]);
  const solved = inputs.solveFor;
  const derivedSet = new Set<ThreeWayKey>(solvedKeys(inputs));
  const loopsSetLeverage = instrument === 'loan' && inputs.loops.trim() !== '';
  const handlerFor = useInputSetters();
  const format = useFormatter();
  const status = (key: InputKey): { error: string | undefined; custom: boolean } => ({ error: errors[key], custom: custom.has(key) });

  const textField = (key: InputKey, options: { multiline?: boolean; note?: string | undefined } = {}): ReactNode => {
    const field = shownField(key, inputs);
    if (!fieldApplies(field, inputs)) return null;
    // An error replaces the note: the note describes the last valid figures.
    const note = errors[key] === undefined ? options.note : undefined;
    return (
      <TextField key={key} field={field} value={inputs[key]} unit={unitFor(field, instrument, venue)} multiline={options.multiline ?? false} note={note} onChange={handlerFor(key)} {...status(key)} />
    );
  };
  const selectField = (key: InputKey, onChange: (value: string) => void = handlerFor(key)): ReactNode => {
    const field = shownField(key, inputs);
    if (!fieldApplies(field, inputs)) return null;
    return <SelectField key={key} field={field} value={inputs[key]} onChange={onChange} {...status(key)} />;
  };
  const threeWayField = (key: ThreeWayKey): ReactNode => {
    const field = shownField(key, inputs);
    const isDerived = derivedSet.has(key);
    const value = isDerived ? (current === null ? '' : plainNumber(derivedFigure(current, key, inputs))) : inputs[key];
    const typedNote = key === 'size' ? sizeConversionNote(inputs, venue, format) : undefined;
    const note = isDerived ? derivedNote(key, solved, loopsSetLeverage) : typedNote;
    const common = { field, value, note, error: errors[key], onChange: handlerFor(key) };
    if (key === 'leverage') return <LeverageControl key={key} {...common} max={leverageCeiling(inputs, shown)} readOnly={isDerived} />;
    const unit = key === 'size' ? sizeUnitLabel(inputs.sizeUnit, venue) : unitFor(field, instrument, venue);
    return <TextField key={key} {...common} unit={unit} readOnly={isDerived} />;
  };
  // Isolated or cross sits beside leverage: both decide how much of the account a move can take.
  const marginModeField = (): ReactNode => {
    const field = shownField('marginMode', inputs);
    if (!fieldApplies(field, inputs)) return null;
    return <SegmentedField key="marginMode" field={field} value={inputs.marginMode} onChange={(value) => store.getState().setInputs(switchMarginMode(inputs, current, value))} error={errors.marginMode} />;
  };

  return { store, derived, status, handlerFor, textField, selectField, threeWayField, marginModeField };
}

type Fields = ReturnType<typeof useFields>;

function MarketGroup({ fields }: { fields: Fields }): ReactNode {
  const { store, derived } = fields;
  const { inputs, errors, venue } = derived;
  const onVenue = useCallback((id: string) => store.getState().applyVenue(id), [store]);
  return (
    <fieldset className="lev-group lev-group--market">
      <legend>Market</legend>
      <SelectField field={fieldDefinition('venue')} value={inputs.venue} options={venueOptions} onChange={onVenue} error={errors.venue} />
      {venue !== undefined ? (
        <div className="lev-venue-info">
          {venue.id === 'custom' ? (
            <p>{venue.note}</p>
          ) : (
            // Dated and sourced one click away (and in the footer), so the position's fields stay in the first screen.
            <details>
              <summary>About this preset (data as of {venue.asOf})</summary>
              <p>
                Data as of {venue.asOf}. Source: {venue.source}
                {venue.sourceUrl !== '' ? (
                  <>
                    {' '}(<a href={venue.sourceUrl} target="_blank" rel="noreferrer noopener">{sourceHost(venue.sourceUrl)}</a>)
                  </>
                ) : null}
                .
              </p>
              <p>{venue.note}</p>
            </details>
          )}
        </div>
      ) : null}
    </fieldset>
  );
}

/** Side, entry and the three linked figures; which of them is worked out is chosen last, below them. */
function PositionGroup({ fields, withLeverage }: { fields: Fields; withLeverage: boolean }): ReactNode {
  const { store, derived, handlerFor, textField, selectField, threeWayField, marginModeField } = fields;
  const { inputs, errors, current } = derived;
  return (
    <fieldset className="lev-group lev-group--position">
      <legend>Position</legend>
      <SegmentedField field={fieldDefinition('side')} value={inputs.side} onChange={handlerFor('side')} error={errors.side} />
      {textField('entry')}
      {threeWayField('collateral')}
      {withLeverage ? (
        <>
          {threeWayField('leverage')}
          {marginModeField()}
        </>
      ) : null}
      {threeWayField('size')}
      {selectField('sizeUnit', (value) => store.getState().setInputs(switchSizeUnit(inputs, value)))}
      {selectField('solveFor', (value) => {
        if (value === 'size' || value === 'collateral' || value === 'leverage') store.getState().setInputs(switchSolveFor(inputs, current, value));
      })}
    </fieldset>
  );
}

/** The kind of contract (a venue preset sets it), with a loan's terms when it is a loan. */
function ContractGroup({ fields }: { fields: Fields }): ReactNode {
  const { store, derived, textField, selectField } = fields;
  const { inputs, current } = derived;
  const format = useFormatter();
  // The most any number of loops reaches: 1/(1 − LTV), or a CDP's LR/(LR − 1).
  const ceiling = current === null || current.instrument !== 'loan' ? null : current.loanMaxLeverage;
  return (
    <fieldset className="lev-group">
      <legend>{inputs.instrument === 'loan' ? 'Loan terms' : 'Contract'}</legend>
      {selectField('instrument', (value) => {
        const venueId = venueForInstrument(inputs.venue, value);
        if (venueId === null) store.getState().setInput('instrument', value);
        else store.getState().applyVenue(venueId);
      })}
      {inputs.instrument === 'loan' ? (
        <>
          {textField('liquidationThreshold')}
          {textField('liquidationRatio')}
          {textField('ltv')}
          {textField('loops', { note: ceiling === null ? undefined : `ceiling ${format.times(ceiling)}` })}
          {textField('liquidationBonus')}
          {textField('closeFactor')}
        </>
      ) : null}
    </fieldset>
  );
}

function CarryGroups({ fields }: { fields: Fields }): ReactNode {
  const { derived, textField, selectField } = fields;
  const { current } = derived;
  const format = useFormatter();
  const volatilityHint = useMemo(() => (current === null || current.risk === null ? undefined : volatilityNote(current.risk, format)), [current, format]);
  const holdNote = current === null || current.carry === null || Number(current.carry.hours) < 48 ? undefined : `That is ${formatDuration(current.carry.hours, format)}.`;
  return (
    <>
      <fieldset className="lev-group">
        <legend>Funding, interest and holding period</legend>
        {textField('fundingRate')}
        {textField('fundingIntervalHours')}
        {textField('borrowApr')}
        {textField('supplyApr')}
        {selectField('compounding')}
        {textField('holdHours', { note: holdNote })}
      </fieldset>
      <fieldset className="lev-group">
        <legend>Volatility and horizon</legend>
        {textField('volatility', { note: volatilityHint })}
        {textField('horizonDays')}
        {textField('volatilityStress')}
      </fieldset>
    </>
  );
}

function BracketsGroup({ fields }: { fields: Fields }): ReactNode {
  const { inputs, venue, current, customized } = fields.derived;
  if (inputs.instrument === 'loan' || inputs.tiers.trim() === '') return null;
  const marginUnit = inputs.instrument === 'inverse' ? (venue?.base ?? 'coin') : (venue?.quote ?? 'USD');
  // Brackets by size are written in the model's size unit: base units, or USD face value for inverse contracts.
  const unit = inputs.tierMeasure === 'size' ? sizeUnitLabel(nativeUnit(inputs.instrument), venue) : marginUnit;
  const provenance = bracketProvenance(venue, customized.includes('tiers'));
  return <BracketsTable text={inputs.tiers} unit={unit} measure={inputs.tierMeasure} appliedTier={current?.appliedTier ?? null} entryTier={current?.entryTier ?? null} provenance={provenance} />;
}

function AdvancedGroups({ fields }: { fields: Fields }): ReactNode {
  const { store, derived, status, textField, selectField } = fields;
  const { inputs, errors } = derived;
  const advancedOpen = useCalculator((state) => state.advancedOpen);
  const advancedId = useId();
  const hiddenProblems = advancedOpen ? [] : advancedKeys(inputs).filter((key) => errors[key] !== undefined);
  const crossFields = [textField('otherMaintenance'), textField('otherPnl')].filter((field) => field !== null);
  return (
    <div className="lev-advanced">
      <button type="button" className="lev-disclosure" aria-expanded={advancedOpen} aria-controls={advancedId} onClick={() => store.getState().setAdvancedOpen(!advancedOpen)}>
        <span aria-hidden="true" className="lev-disclosure__icon">
          {advancedOpen ? '▾' : '▸'}
        </span>
        Advanced settings
      </button>
      {hiddenProblems.length > 0 ? <p className="lev-field__error">Check {hiddenProblems.map((key) => shownField(key, inputs).label).join(', ')} under Advanced settings.</p> : null}
      <div id={advancedId} hidden={!advancedOpen}>
        {advancedOpen ? (
          <>
            {crossFields.length > 0 ? (
              <fieldset className="lev-group">
                <legend>Rest of the account</legend>
                {crossFields}
              </fieldset>
            ) : null}
            <fieldset className="lev-group">
              <legend>Maintenance and fees</legend>
              {textField('mmr')}
              {textField('mmAmount')}
              {selectField('mmBasis')}
              {textField('tiers', { multiline: true })}
              {selectField('tierMeasure')}
              {textField('maxLeverage')}
              {textField('feeRate')}
              {textField('makerFeeRate')}
              {selectField('entryOrder')}
              {selectField('exitOrder')}
              {fieldApplies(fieldDefinition('closeFeeInLiquidation'), inputs) ? (
                <CheckboxField
                  field={fieldDefinition('closeFeeInLiquidation')}
                  checked={inputs.closeFeeInLiquidation === 'true'}
                  onChange={(checked) => store.getState().setInput('closeFeeInLiquidation', checked ? 'true' : 'false')}
                  {...status('closeFeeInLiquidation')}
                />
              ) : null}
              {selectField('feeBasis')}
              {textField('liquidationFee')}
              {fieldApplies(fieldDefinition('insuranceFundTakesRest'), inputs) ? (
                <CheckboxField
                  field={fieldDefinition('insuranceFundTakesRest')}
                  checked={inputs.insuranceFundTakesRest === 'true'}
                  onChange={(checked) => store.getState().setInput('insuranceFundTakesRest', checked ? 'true' : 'false')}
                  {...status('insuranceFundTakesRest')}
                />
              ) : null}
              {textField('markSpread')}
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
  );
}

type InputGroup = (props: { fields: Fields }) => ReactNode;

/** Input groups, in order, drawing on one set of fields: a panel under its heading, or (untitled) a block inside someone else's section. */
function InputGroups({ title, className, groups }: { title?: string; className: string; groups: readonly InputGroup[] }): ReactNode {
  const fields = useFields();
  const headingId = useId();
  // A fixed list per place: a group's position never changes.
  const content = groups.map((Group, index) => <Group key={index} fields={fields} />);
  if (title === undefined) return <div className={`lev-inputs ${className}`}>{content}</div>;
  return (
    <section className={`lev-panel lev-inputs ${className}`.trim()} aria-labelledby={headingId}>
      <h2 id={headingId} className="lev-panel__title">
        {title}
      </h2>
      {content}
    </section>
  );
}

const PositionWithoutLeverage: InputGroup = ({ fields }) => <PositionGroup fields={fields} withLeverage={false} />;
const PositionWithLeverage: InputGroup = ({ fields }) => <PositionGroup fields={fields} withLeverage />;
const pageGroups: readonly InputGroup[] = [MarketGroup, PositionWithoutLeverage, ContractGroup];
const carryGroups: readonly InputGroup[] = [CarryGroups];
const venueRuleGroups: readonly InputGroup[] = [BracketsGroup, AdvancedGroups];
const allGroups: readonly InputGroup[] = [MarketGroup, PositionWithLeverage, ContractGroup, BracketsGroup, CarryGroups, AdvancedGroups];

/** The page's essential inputs beside the chart: market, side, entry and the linked figures (leverage has its own bar). */
export function PositionPanel(): ReactNode {
  return <InputGroups title="Position" className="lev-inputs--position" groups={pageGroups} />;
}

/** Leverage and isolated/cross, above the chart: the control whose effect the chart shows. */
export function LeverageBar(): ReactNode {
  const fields = useFields();
  return (
    <div className="lev-leverage-bar" role="group" aria-label="Leverage and margin mode">
      {fields.threeWayField('leverage')}
      {fields.marginModeField()}
    </div>
  );
}

/** Funding, interest, holding period, volatility and horizon: the inputs behind "Risk over time". */
export function CarryInputs(): ReactNode {
  return <InputGroups className="lev-inputs--carry" groups={carryGroups} />;
}

/** The venue's brackets and the advanced settings (maintenance, fees, trend, health markers). */
export function VenueRulesInputs(): ReactNode {
  return <InputGroups className="lev-inputs--rules" groups={venueRuleGroups} />;
}

/** All inputs in one panel (the widgets' "inputs" view); every value is a raw string in the store, validated by the model as it is typed. */
export function InputsPanel(): ReactNode {
  return <InputGroups title="Inputs" className="" groups={allGroups} />;
}
