import { findVenue, venuePresets } from '../model/venues';
import type { Instrument, MarginMode, ValidAnalysis } from '../model/types';
import type { VenuePreset } from '../model/venues';
import { fieldErrors } from '../config/spec';
import { applies, fieldContext, fieldDefinition, fields } from '../config/schema';
import { textToTiers } from '../config/lists';
import { typedSizeOf } from '../config/size';
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

/** The analysis figure behind each of the three linked fields; the size in the unit it is typed in (sizeUnit). */
export function derivedFigure(analysis: ValidAnalysis, key: ThreeWayKey, inputs: Inputs): string {
  if (key === 'size') return typedSizeOf(inputs, analysis.size) ?? '';
  return key === 'collateral' ? analysis.collateral : analysis.leverage;
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
  return { solveFor: next, ...typedFigure({ ...inputs, solveFor: next }, previous, derivedFigure(analysis, previous, inputs)) };
}

/** Cross margin takes all three figures, so the worked-out one is filled in when switching to it. */
export function switchMarginMode(inputs: Inputs, analysis: ValidAnalysis | null, chosen: string): Partial<Inputs> {
  const mode: MarginMode = chosen === 'cross' ? 'cross' : 'isolated';
  if (mode !== 'cross' || analysis === null) return { marginMode: mode };
  const solved = inputs.solveFor;
  return { marginMode: mode, ...typedFigure({ ...inputs, marginMode: mode }, solved, derivedFigure(analysis, solved, inputs)) };
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

/** A field as it is shown: in cross margin a field may carry another label (the collateral is the wallet balance). */
export function shownField(key: InputKey, inputs: Pick<Inputs, 'instrument' | 'marginMode'>): FieldDefinition {
  const field = fieldDefinition(key);
  const cross = fieldContext(inputs).marginMode === 'cross';
  return cross && field.crossLabel !== undefined ? { ...field, label: field.crossLabel } : field;
}

/** A positive finite number from a text or decimal string, else null. */
function positiveNumber(text: string | null | undefined): number | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  const number = Number(text);
  return Number.isFinite(number) && number > 0 ? number : null;
}

/**
 * The highest leverage the bracket table allows when the collateral stays fixed and the size follows the
 * leverage: in each bracket the leverage is limited by the bracket's maximum and by its upper notional edge.
 */
function bracketCapForCollateral(tiersText: string, collateralNotional: number): number | null {
  const tiers = (textToTiers(tiersText, true) ?? []).map((tier) => ({ floor: positiveNumber(String(tier.floor)) ?? 0, max: positiveNumber(String(tier.maxLeverage ?? '')) }));
  const reachable = tiers.map((tier, index) => {
    const upper = tiers[index + 1]?.floor ?? Infinity;
    // The bracket's upper edge belongs to the next bracket: stop a hundredth of a leverage below it.
    const belowEdge = Math.floor((upper / collateralNotional) * 100 - 1e-9) / 100;
    const highest = Math.min(tier.max ?? Infinity, belowEdge);
    return highest >= tier.floor / collateralNotional && highest >= 1 && Number.isFinite(highest) ? highest : 0;
  });
  const best = Math.max(0, ...reachable);
  return best > 0 ? best : null;
}

/**
 * Slider ceiling: for perpetuals the venue maximum, lowered to what the bracket table allows at the current size
 * (when the size follows the leverage, the highest leverage any bracket allows for this collateral); for loans the
 * LTV-implied maximum; else 125×.
 */
export function leverageCeiling(inputs: Inputs, analysis: ValidAnalysis | null): number {
  if (inputs.instrument === 'loan') {
    const fromLoan = positiveNumber(analysis !== null && analysis.instrument === 'loan' ? analysis.loanMaxLeverage : null);
    return fromLoan !== null && fromLoan > 1 ? fromLoan : FALLBACK_MAX_LEVERAGE;
  }
  const limits: number[] = [];
  const venueMax = positiveNumber(inputs.maxLeverage);
  if (venueMax !== null) limits.push(venueMax);
  if (analysis !== null) {
    const sizeFollowsLeverage = fieldContext(inputs).marginMode !== 'cross' && inputs.solveFor === 'size';
    // Collateral in quote terms: the notional a 1× position on it would have.
    const perUnitLeverage = Number(analysis.notional) / Number(analysis.leverage);
    const bracketCap = sizeFollowsLeverage && perUnitLeverage > 0 ? bracketCapForCollateral(inputs.tiers, perUnitLeverage) : positiveNumber(analysis.entryTier?.maxLeverage);
    if (bracketCap !== null) limits.push(bracketCap);
  }
  const ceiling = limits.length === 0 ? FALLBACK_MAX_LEVERAGE : Math.min(...limits);
  return ceiling > 1 ? ceiling : FALLBACK_MAX_LEVERAGE;
}
