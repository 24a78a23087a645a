import { findVenue, venuePresets } from '../model/venues';
import type { Instrument, MarginMode, ValidAnalysis } from '../model/types';
import type { VenuePreset } from '../model/venues';
import { fieldErrors } from '../config/spec';
import { applies, fieldContext, fields } from '../config/schema';
import type { FieldDefinition, InputKey, Inputs, ThreeWayKey } from '../config/schema';
import { FALLBACK_MAX_LEVERAGE } from './leverageScale';

/** A figure written back into a text box: up to 10 significant digits, never in exponent form. */
export function plainNumber(value: string | null): string {
  if (value === null) return '';
  const number = Number(value);
  if (!Number.isFinite(number)) return '';
  const rounded = Number(number.toPrecision(10));
  if (Math.abs(rounded) >= 1e-6 || rounded === 0) return String(rounded);
  // Tiny figures: enough decimals for ten significant digits, written out in full.
  const decimals = Math.min(100, 9 - Math.floor(Math.log10(Math.abs(rounded))));
  return rounded.toFixed(decimals).replace(/0+$/, '').replace(/\.$/, '');
}

/** The analysis figure behind each of the three linked fields. */
export function derivedFigure(analysis: ValidAnalysis, key: ThreeWayKey): string {
  return key === 'size' ? analysis.size : key === 'collateral' ? analysis.collateral : analysis.leverage;
}

/** Ten significant digits rounded down or up: the neighbours of plainNumber's result. */
function nudged(value: string, direction: 1 | -1): string {
  const number = Number(value);
  if (!Number.isFinite(number) || number === 0) return plainNumber(value);
  const unit = Math.pow(10, Math.floor(Math.log10(Math.abs(number))) - 9);
  const nearest = Number(number.toPrecision(10));
  const step = direction === 1 ? (nearest < number ? unit : 0) : nearest > number ? -unit : 0;
  return plainNumber(String(nearest + step));
}

/**
 * Writes a worked-out figure back as typed text. Rounding to ten digits can tip the figure the model works out
 * next over a limit (exactly 20× on a 20× venue becomes 20.0000000001×), so the neighbours are tried too.
 */
function typedFigure(patched: Inputs, key: ThreeWayKey, exact: string): Partial<Inputs> {
  const candidates = [plainNumber(exact), nudged(exact, -1), nudged(exact, 1)];
  const valid = candidates.find((candidate) => Object.keys(fieldErrors({ ...patched, [key]: candidate })).length === 0);
  return { [key]: valid ?? plainNumber(exact) };
}

/**
 * Changing which figure is worked out: the one that was worked out becomes typed, so it keeps the value the
 * user saw instead of going blank.
 */
export function switchSolveFor(inputs: Inputs, analysis: ValidAnalysis | null, next: ThreeWayKey): Partial<Inputs> {
  const previous = inputs.solveFor;
  if (analysis === null || previous === next) return { solveFor: next };
  return { solveFor: next, ...typedFigure({ ...inputs, solveFor: next }, previous, derivedFigure(analysis, previous)) };
}

/** Cross margin takes all three figures, so the worked-out one is filled in when switching to it. */
export function switchMarginMode(inputs: Inputs, analysis: ValidAnalysis | null, chosen: string): Partial<Inputs> {
  const mode: MarginMode = chosen === 'cross' ? 'cross' : 'isolated';
  if (mode !== 'cross' || analysis === null) return { marginMode: mode };
  const solved = inputs.solveFor;
  return { marginMode: mode, ...typedFigure({ ...inputs, marginMode: mode }, solved, derivedFigure(analysis, solved)) };
}

/**
 * A venue preset for a newly chosen instrument: the current preset when it already fits, otherwise the first
 * preset of that instrument. Custom parameters stay custom (null: just change the instrument).
 */
export function venueForInstrument(venueId: string, instrument: string): string | null {
  const current = findVenue(venueId);
  if (current === undefined || current.id === 'custom') return null;
  if ((current.spec.instrument ?? 'linear') === instrument) return null;
  const match = venuePresets.find((venue) => venue.id !== 'custom' && (venue.spec.instrument ?? 'linear') === instrument);
  return match === undefined ? null : match.id;
}

/** Whether a field applies to the instrument and margin mode in the inputs (the schema decides). */
export function fieldApplies(field: FieldDefinition, inputs: Inputs): boolean {
  return applies(field.key, fieldContext(inputs));
}

/** Keys of applicable fields that sit in the collapsed "Advanced" part. */
export function advancedKeys(inputs: Inputs): InputKey[] {
  return fields.filter((field) => field.advanced && fieldApplies(field, inputs)).map((field) => field.key);
}

/** Units shown after a field: the venue's quote for prices; margin in coin for inverse contracts. */
export function unitFor(field: FieldDefinition, instrument: Instrument, venue: VenuePreset | undefined): string {
  const base = venue?.base ?? 'BASE';
  const quote = venue?.quote ?? 'USD';
  switch (field.unit) {
    case 'price':
      return quote;
    case 'margin':
      return instrument === 'inverse' ? base : quote;
    case 'size':
      return instrument === 'inverse' ? quote : base;
    case 'times':
      return '×';
    case 'percent':
      return '%';
    case 'hours':
      return 'h';
    case 'days':
      return 'days';
    default:
      // Counts (loops) and unitless fields.
      return '';
  }
}

/** Slider ceiling: the venue maximum for perpetuals, the LTV-implied maximum for loans, else 125×. */
export function leverageCeiling(inputs: Inputs, analysis: ValidAnalysis | null): number {
  const fromInput = Number(inputs.maxLeverage.trim() === '' ? NaN : inputs.maxLeverage);
  const fromLoan = analysis !== null && analysis.instrument === 'loan' && analysis.loanMaxLeverage !== null ? Number(analysis.loanMaxLeverage) : NaN;
  const candidate = inputs.instrument === 'loan' ? fromLoan : fromInput;
  return Number.isFinite(candidate) && candidate > 1 ? candidate : FALLBACK_MAX_LEVERAGE;
}
