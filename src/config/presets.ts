import { findVenue } from '../model/venues';
import type { VenuePreset } from '../model/venues';
import type { Instrument } from '../model/types';
import { nativeUnit } from '../model/sizeUnits';
import { tiersToText } from './lists';
import { contractTerms } from './size';
import { blankInputs, fields, fractionText, fractionToPercent, percentText, withTexts } from './schema';
import type { InputKey, Inputs, PercentText } from './schema';

/**
 * Example inputs per instrument, so switching instrument never leaves nonsense (500 BTC of collateral). The size
 * is typed in the model's own unit at first: the coin, or USD face value for inverse contracts.
 */
const instrumentExamples: Record<Instrument, Pick<Inputs, 'entry' | 'collateral' | 'leverage' | 'size' | 'sizeUnit'>> = {
  linear: { entry: '50000', collateral: '500', leverage: '20', size: '', sizeUnit: 'base' },
  inverse: { entry: '50000', collateral: '0.01', leverage: '20', size: '', sizeUnit: 'quote' },
  loan: { entry: '3000', collateral: '1000', leverage: '3', size: '', sizeUnit: 'base' },
};

/** Spec values of a venue, as on-screen input values. */
export function venueInputs(venue: VenuePreset): Partial<Inputs> {
  const spec = venue.spec;
  const text = (value: string | number | undefined, fallback: string): string => (value === undefined ? fallback : String(value));
  const percent = (value: string | number | undefined, fallback: string): PercentText => (value === undefined ? percentText(fallback) : fractionToPercent(fractionText(String(value))));
  return {
    venue: venue.id,
    instrument: spec.instrument ?? 'linear',
    mmr: percent(spec.mmr, '0'),
    mmAmount: text(spec.mmAmount, '0'),
    mmBasis: spec.mmBasis ?? 'mark',
    feeBasis: spec.feeBasis ?? 'mark',
    compounding: spec.compounding ?? 'simple',
    tiers: tiersToText(spec.tiers, true),
    tierMeasure: spec.tierMeasure ?? 'value',
    maxLeverage: text(spec.maxLeverage, ''),
    feeRate: percent(spec.feeRate, '0'),
    makerFeeRate: venue.makerFeeRate === undefined ? percentText('') : fractionToPercent(fractionText(venue.makerFeeRate)),
    closeFeeInLiquidation: spec.closeFeeInLiquidation === true || spec.closeFeeInLiquidation === 'true' ? 'true' : 'false',
    liquidationThreshold: percent(spec.liquidationThreshold, ''),
    liquidationRatio: percent(spec.liquidationRatio, ''),
    ltv: percent(spec.ltv, ''),
    liquidationFee: percent(spec.liquidationFee, '0'),
    insuranceFundTakesRest: spec.insuranceFundTakesRest === false || spec.insuranceFundTakesRest === 'false' ? 'false' : 'true',
    liquidationBonus: percent(spec.liquidationBonus, '5'),
    closeFactor: percent(spec.closeFactor, '100'),
  };
}

/** Applies a venue preset: its rules replace the old ones; position inputs stay unless the instrument changes. */
export function applyVenue(inputs: Inputs, venueId: string): Inputs {
  const venue = findVenue(venueId);
  if (venue === undefined) return inputs;
  if (venue.id === 'custom') return { ...inputs, venue: 'custom' };
  const next: Inputs = { ...inputs, ...venueInputs(venue), loops: '' };
  if (next.instrument !== inputs.instrument) {
    return { ...next, ...instrumentExamples[next.instrument], entry: venue.examplePrice, marginMode: 'isolated', solveFor: 'size' };
  }
  // Another coin (BTCUSDT to SOLUSDT): a BTC price and a BTC size mean nothing for SOL, so its example comes in.
  const previous = findVenue(inputs.venue);
  if (previous !== undefined && previous.id !== 'custom' && previous.base !== venue.base) {
    return { ...next, ...instrumentExamples[next.instrument], entry: venue.examplePrice, solveFor: 'size' };
  }
  // A size in contracts needs the new venue's contract: without one the size is typed in the coin again.
  if (next.sizeUnit === 'contracts' && contractTerms(venue, next.instrument) === null) return { ...next, sizeUnit: nativeUnit(next.instrument), size: '' };
  return next;
}

export const DEFAULT_VENUE = 'binance-usdm-btcusdt';

/** The first view teaches something: a BTC long at 20× on Binance. */
export function defaultInputs(): Inputs {
  return { ...applyVenue({ ...blankInputs(), ...instrumentExamples.linear }, DEFAULT_VENUE), ...instrumentExamples.linear, entry: '50000' };
}

/** Inputs from loose text per key over the defaults (tests, stored records): unknown choices keep the default. */
export function inputsWith(texts: Partial<Record<InputKey, string>>, base: Inputs = defaultInputs()): Inputs {
  return withTexts(base, texts);
}

/** Which input keys differ from the venue preset (shown as “custom”). */
export function customizedKeys(inputs: Inputs): InputKey[] {
  const venue = findVenue(inputs.venue);
  if (venue === undefined || venue.id === 'custom') return [];
  const preset = venueInputs(venue);
  return fields
    .map((field) => field.key)
    .filter((key) => key !== 'venue' && key !== 'instrument')
    .filter((key) => {
      const expected = preset[key];
      return expected !== undefined && normalize(expected) !== normalize(inputs[key]);
    });
}

function normalize(value: string): string {
  return value.replace(/\s+/g, '');
}
