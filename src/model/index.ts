export { analyze, validate } from './analyze';
export {
  averageEntry,
  effectiveLeverageAt,
  equityAt,
  equityQuoteAt,
  healthAt,
  leverageFromLoops,
  pnlAt,
  priceForRoe,
  roeAt,
  roundToTick,
  shiftDecimal,
} from './companions';
export type { Fill } from './companions';
export { buildCurve, curveFromNumbers, numericSpec } from './curve';
export type { Curve, CurveOptions, NumericPosition } from './curve';
export { findVenue, venuePresets } from './venues';
export type { VenuePreset } from './venues';
export type { DecimalInput } from './decimal';
export type {
  Analysis,
  AppliedTier,
  FieldError,
  Instrument,
  InvalidAnalysis,
  MaintenanceBasis,
  MarginMode,
  PositionSpec,
  Side,
  SpecKey,
  ThresholdPrice,
  TierInput,
  ValidAnalysis,
} from './types';
