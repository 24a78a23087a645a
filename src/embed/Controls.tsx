import type { ReactNode } from 'react';
import { venuePresets } from '../model/venues';
import type { InputKey } from '../config/schema';
import { useCalculatorStore, useDerived } from '../store/context';
import { CheckboxField, SegmentedField, SelectField, TextField } from '../ui/Field';
import { LeverageControl } from '../ui/LeverageControl';
import { sizeUnitLabel, switchSizeUnit } from '../ui/sizeField';
import { derivedFigure, fieldApplies, leverageCeiling, plainNumber, switchMarginMode, switchSolveFor, unitFor, venueForInstrument, shownField } from '../ui/inputHelpers';
import type { ThreeWayKey } from '../config/schema';
import { solvedKeys } from '../config/schema';

const venueOptions = venuePresets.map((venue) => ({ value: venue.id, label: venue.label }));

function isThreeWay(key: InputKey): key is ThreeWayKey {
  return key === 'size' || key === 'collateral' || key === 'leverage';
}

/** Only the inputs the author opened to the reader, in the author's order; the rest stay as configured. */
export function Controls({ keys }: { keys: readonly InputKey[] }): ReactNode {
  const store = useCalculatorStore();
  const { inputs, errors, current, shown, venue, customized } = useDerived();
  const instrument = inputs.instrument;
  const worked = new Set<ThreeWayKey>(solvedKeys(inputs));
  const setInput = (key: InputKey, value: string): void => store.getState().setInput(key, value);

  const control = (key: InputKey): ReactNode => {
    // Labels follow the margin mode (cross calls the collateral the wallet balance), as on the page.
    const field = shownField(key, inputs);
    if (!fieldApplies(field, inputs)) return null;
    const status = { error: errors[key], custom: customized.includes(key) };
    if (key === 'venue') return <SelectField key={key} field={field} value={inputs.venue} options={venueOptions} onChange={(id) => store.getState().applyVenue(id)} {...status} />;
    if (key === 'side') return <SegmentedField key={key} field={field} value={inputs.side} onChange={(value) => setInput(key, value)} {...status} />;
    if (key === 'instrument') {
      const onInstrument = (value: string): void => {
        const venueId = venueForInstrument(inputs.venue, value);
        if (venueId === null) setInput('instrument', value);
        else store.getState().applyVenue(venueId);
      };
      return <SelectField key={key} field={field} value={inputs.instrument} onChange={onInstrument} {...status} />;
    }
    if (key === 'solveFor') {
      const onSolveFor = (value: string): void => {
        if (value === 'size' || value === 'collateral' || value === 'leverage') store.getState().setInputs(switchSolveFor(inputs, current, value));
      };
      return <SelectField key={key} field={field} value={inputs.solveFor} onChange={onSolveFor} {...status} />;
    }
    if (key === 'marginMode') return <SelectField key={key} field={field} value={inputs.marginMode} onChange={(value) => store.getState().setInputs(switchMarginMode(inputs, current, value))} {...status} />;
    if (key === 'sizeUnit') return <SelectField key={key} field={field} value={inputs.sizeUnit} onChange={(value) => store.getState().setInputs(switchSizeUnit(inputs, value))} {...status} />;
    if (field.kind === 'choice') return <SelectField key={key} field={field} value={inputs[key]} onChange={(value) => setInput(key, value)} {...status} />;
    if (field.kind === 'boolean') return <CheckboxField key={key} field={field} checked={inputs[key] === 'true'} onChange={(checked) => setInput(key, String(checked))} {...status} />;
    if (isThreeWay(key)) {
      const isWorked = worked.has(key);
      const value = isWorked ? (current === null ? '' : plainNumber(derivedFigure(current, key, inputs))) : inputs[key];
      const note = isWorked ? 'Worked out from the other two.' : undefined;
      if (key === 'leverage') return <LeverageControl key={key} field={field} value={value} note={note} max={leverageCeiling(inputs, shown)} readOnly={isWorked} onChange={(next) => setInput(key, next)} {...status} />;
      return <TextField key={key} field={field} value={value} note={note} unit={key === 'size' ? sizeUnitLabel(inputs.sizeUnit, venue) : unitFor(field, instrument, venue)} readOnly={isWorked} onChange={(next) => setInput(key, next)} {...status} />;
    }
    return <TextField key={key} field={field} value={inputs[key]} unit={unitFor(field, instrument, venue)} multiline={field.kind === 'tiers'} onChange={(value) => setInput(key, value)} {...status} />;
  };

  // A group, not a landmark: several widgets on one page would otherwise repeat an "Inputs" region.
  return (
    <div className="lev-panel lev-embed__controls" role="group" aria-label="Inputs">
      <div className="lev-embed__fields">{keys.map(control)}</div>
    </div>
  );
}
